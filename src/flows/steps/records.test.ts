import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { createRecords, type Records } from '../../../test/records.js';
import type { CrmObjectType } from '../../crm/port.js';
import { FlowStepError } from '../types.js';
import { requireCrm, resolveRecord } from './records.js';

let db: TestDatabase;
let records: Records;
let member: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  records = await createRecords(db.pool, 'Flow records');
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into users (email) values ('rita@example.com') returning id`,
  );
  member = rows[0]!.id;
  // The CRM owner's email differs in case from the member's: still hers.
  const rita = await records.owner({ name: 'Rita', email: 'Rita@Example.com' });
  const sam = await records.owner({ name: 'Sam', email: 'sam@example.com' });
  ids.ritaAccount = await records.account('Rita Co');
  ids.samAccount = await records.account('Sam Co');
  await db.pool.query(`update accounts set owner_id = $1::uuid where id = $2::uuid`, [
    rita,
    ids.ritaAccount,
  ]);
  await db.pool.query(`update accounts set owner_id = $1::uuid where id = $2::uuid`, [
    sam,
    ids.samAccount,
  ]);
  ids.ritaDeal = (
    await records.deal({ name: 'Rita deal', ownerId: rita, accountId: ids.samAccount })
  ).id;
  ids.samDeal = (
    await records.deal({
      name: 'Sam deal',
      ownerId: sam,
      accountId: ids.samAccount,
      sourceId: 'SHARED-1',
    })
  ).id;
  await records.contact(ids.ritaDeal, { firstName: 'On', lastName: 'Her Deal', email: 'a@x.com' });
  await records.contact(ids.samDeal, { firstName: 'On', lastName: 'His Deal', email: 'b@x.com' });
  const contact = async (email: string) =>
    (await db.pool.query<{ id: string }>(`select id from contacts where email = $1::text`, [email]))
      .rows[0]!.id;
  ids.contactOnHerDeal = await contact('a@x.com');
  ids.contactOnHisDeal = await contact('b@x.com');
  await db.pool.query(
    `insert into contacts (workspace_id, source, source_id, first_name, account_id)
     values ($1::uuid, 'test', 'C-ACC', 'At Her Account', $2::uuid)`,
    [records.workspaceId, ids.ritaAccount],
  );
  ids.contactAtHerAccount = await db.pool
    .query<{ id: string }>(`select id from contacts where source_id = 'C-ACC'`)
    .then((result) => result.rows[0]!.id);
});

async function category(objectType: CrmObjectType, ref: string, scopeUserId: string | null) {
  try {
    await resolveRecord(
      db.pool,
      { workspaceId: records.workspaceId, scopeUserId },
      objectType,
      ref,
    );
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(FlowStepError);
    return (error as FlowStepError).category;
  }
}

describe("a step's record under an automation's scope", () => {
  it.each([
    ['deal', 'ritaDeal', 'ok'],
    ['deal', 'samDeal', 'permission'],
    ['account', 'ritaAccount', 'ok'],
    ['account', 'samAccount', 'permission'],
    ['contact', 'contactOnHerDeal', 'ok'],
    ['contact', 'contactAtHerAccount', 'ok'],
    ['contact', 'contactOnHisDeal', 'permission'],
  ] as const)('%s %s: %s', async (objectType, name, expected) => {
    expect(await category(objectType, ids[name]!, member)).toBe(expected);
    // A workspace flow (no scope) reaches every record.
    expect(await category(objectType, ids[name]!, null)).toBe('ok');
  });

  it("finds a record by the CRM's id too, and an unknown one is a validation error", async () => {
    const deal = await resolveRecord(
      db.pool,
      { workspaceId: records.workspaceId, scopeUserId: null },
      'deal',
      'SHARED-1',
    );
    expect(deal).toMatchObject({ id: ids.samDeal, crmId: 'SHARED-1', name: 'Sam deal' });
    expect(await category('deal', 'SHARED-1', member)).toBe('permission');
    expect(await category('deal', 'no-such-deal', null)).toBe('validation');
    // An id of another type is not that type's record.
    expect(await category('account', ids.ritaDeal!, null)).toBe('validation');
  });

  it('a CRM id held by records of two sources is ambiguous', async () => {
    await records.deal({ name: 'Imported twin', source: 'csv', sourceId: 'SHARED-1' });
    expect(await category('deal', 'SHARED-1', null)).toBe('validation');
    expect(await category('deal', ids.samDeal!, null)).toBe('ok');
  });

  it('a record no connected CRM holds cannot be written to a CRM', async () => {
    const deal = await resolveRecord(
      db.pool,
      { workspaceId: records.workspaceId, scopeUserId: null },
      'deal',
      ids.ritaDeal!,
    );
    expect(deal.connectionId).toBeNull();
    expect(() => requireCrm(deal)).toThrow(/not from a connected CRM/);
  });
});
