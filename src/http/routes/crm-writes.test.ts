import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type Tenant, type TestApp } from '../../../test/app.js';

/** The write ledger's list answers every kind of row it holds, creates included. */
let t: TestApp;
let tenant: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t);
  // What the ledger records for a create: field `*`, the properties sent as the value.
  await t.db.pool.query(
    `insert into crm_write_log (workspace_id, crm_type, object_type, record_id, field,
       value_before, value_to_write, origin_type, origin_id, idempotency_key, status, operation)
     values ($1::uuid, 'hubspot', 'deal', '1000064', '*', null,
             '{"dealname":"Acme – Discovery","amount":"25000"}', 'action', 'a-1', 'k-1',
             'written', 'create')`,
    [tenant.workspaceId],
  );
});

describe('GET .../crm-writes', () => {
  it("lists a create's row with the properties it sent", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/workspaces/${tenant.workspaceId}/crm-writes?objectType=deal&recordId=1000064`,
      headers: tenant.auth,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().writes).toEqual([
      expect.objectContaining({
        field: '*',
        valueToWrite: { dealname: 'Acme – Discovery', amount: '25000' },
      }),
    ]);
  });
});
