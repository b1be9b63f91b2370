import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCrmWorld, type CrmWorld } from '../../test/crm.js';
import type { FaultKind, FaultRule } from './emulator/controls.js';
import type { HubspotEmulator } from './emulator/hubspot/emulator.js';
import type { SalesforceEmulator } from './emulator/salesforce/emulator.js';
import { MARKER_PROPERTY } from './hubspot/records.js';
import type { CrmObjectType, CrmProperties, CrmType } from './port.js';
import { MARKER_FIELD, type SalesforceConnector } from './salesforce/connector.js';

let world: CrmWorld;
const hubspot = () => world.emulator.crms.get('hubspot') as HubspotEmulator;
const salesforce = () => world.emulator.crms.get('salesforce') as SalesforceEmulator;

beforeAll(async () => {
  world = await createCrmWorld({ accounts: 4 });
  // The External ID field an admin adds for Pandora; HubSpot's property the connector makes.
  for (const object of ['Opportunity', 'Contact']) {
    salesforce().controls.addCustomField({ object, name: MARKER_FIELD, type: 'string' });
  }
});
beforeEach(() => world.emulator.ctx.faults.clear());

const SOBJECT: Record<'deal' | 'contact', string> = { deal: 'Opportunity', contact: 'Contact' };
const HS_TYPE: Record<'deal' | 'contact', 'deals' | 'contacts'> = {
  deal: 'deals',
  contact: 'contacts',
};

/** Records the CRM holds with this marker, counted in the emulator's own tables. */
function heldWith(crm: CrmType, objectType: 'deal' | 'contact', marker: string): string[] {
  if (crm === 'hubspot') {
    return [...hubspot().store.tables[HS_TYPE[objectType]].byId.values()]
      .filter((record) => record.properties[MARKER_PROPERTY] === marker)
      .map((record) => record.id);
  }
  return [...salesforce().store.table(SOBJECT[objectType]).values()]
    .filter((record) => record[MARKER_FIELD] === marker)
    .map((record) => String(record.Id));
}

const CREATE: Record<CrmType, (objectType: string) => Pick<FaultRule, 'api' | 'method' | 'path'>> =
  {
    hubspot: (objectType) => ({
      api: 'hubspot',
      method: 'POST',
      path: `/${objectType}/batch/create`,
    }),
    salesforce: () => ({ api: 'salesforce', method: 'POST', path: '/composite/sobjects$' }),
  };

function inputs(crm: CrmType, objectType: 'deal' | 'contact', count: number) {
  const tag = randomUUID().slice(0, 8);
  return Array.from({ length: count }, (_, i) => {
    const properties: CrmProperties =
      objectType === 'deal'
        ? crm === 'hubspot'
          ? { dealname: `Once ${tag} ${i}`, amount: 1000 + i }
          : { Name: `Once ${tag} ${i}`, StageName: 'Prospecting', CloseDate: '2027-01-31' }
        : crm === 'hubspot'
          ? { email: `once-${tag}-${i}@example.com`, firstname: 'Once' }
          : { LastName: `Once ${tag} ${i}`, Email: `once-${tag}-${i}@example.com` };
    return { properties, marker: `create:${tag}:${i}` };
  });
}

const FAULTS: FaultKind[] = ['drop_after_apply', 'server_error_after_apply'];

describe.each(['hubspot', 'salesforce'] as const)('creates on %s whose answer is lost', (crm) => {
  describe.each(['deal', 'contact'] as const)('%s', (objectType) => {
    it.each(FAULTS)('%s: found by marker and adopted, one record each', async (kind) => {
      const { connector } = await world.open(crm, { retry: { baseDelayMs: 5, attempts: 3 } });
      const wanted = inputs(crm, objectType, 3);
      world.emulator.ctx.faults.add({
        kind,
        ...CREATE[crm](HS_TYPE[objectType]),
        times: 1,
      });
      const calls = world.mark();
      const results = await connector.createRecords(objectType as CrmObjectType, wanted);
      expect(results.map((r) => r.ok)).toEqual([true, true, true]);
      wanted.forEach((input, i) => {
        expect(heldWith(crm, objectType, input.marker)).toEqual([results[i]!.id]);
      });
      // The faulted create went out once and was never sent again.
      const creates = calls().filter(
        (c) =>
          c.method === 'POST' &&
          c.path.endsWith(CREATE[crm](HS_TYPE[objectType]).path!.replace(/\$$/, '')),
      );
      expect(creates.map((c) => c.status)).toEqual([kind === 'drop_after_apply' ? 0 : 503]);
    });
  });

  it('a 5xx before anything was applied: not found by marker, so sent again, one record each', async () => {
    const { connector } = await world.open(crm, { retry: { baseDelayMs: 5, attempts: 3 } });
    const wanted = inputs(crm, 'deal', 2);
    world.emulator.ctx.faults.add({ kind: 'server_error', ...CREATE[crm]('deals'), times: 1 });
    const calls = world.mark();
    const results = await connector.createRecords('deal', wanted);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    wanted.forEach((input, i) => {
      expect(heldWith(crm, 'deal', input.marker)).toEqual([results[i]!.id]);
    });
    const creates = calls().filter((c) =>
      c.path.endsWith(CREATE[crm]('deals').path!.replace(/\$$/, '')),
    );
    expect(creates.map((c) => c.status)).toEqual([503, crm === 'hubspot' ? 201 : 200]);
  });

  it('an earlier attempt that may have made it (mayExist) is looked up first, not sent', async () => {
    const { connector } = await world.open(crm);
    const [input] = inputs(crm, 'deal', 1);
    const [first] = await connector.createRecords('deal', [input!]);
    const calls = world.mark();
    const [again] = await connector.createRecords('deal', [{ ...input!, mayExist: true }]);
    expect(again).toMatchObject({ ok: true, id: first!.id });
    expect(heldWith(crm, 'deal', input!.marker)).toHaveLength(1);
    expect(
      calls().filter((c) => c.path.endsWith(CREATE[crm]('deals').path!.replace(/\$$/, ''))),
    ).toEqual([]);
  });

  it('without a marker, a lost answer is reported as unknown, never resent', async () => {
    const { connector } = await world.open(crm, { retry: { baseDelayMs: 5, attempts: 3 } });
    const [input] = inputs(crm, 'deal', 1);
    world.emulator.ctx.faults.add({ kind: 'drop_after_apply', ...CREATE[crm]('deals'), times: 1 });
    const calls = world.mark();
    await expect(
      connector.createRecords('deal', [{ properties: input!.properties }]),
    ).rejects.toMatchObject({ kind: 'transient' });
    expect(
      calls().filter((c) => c.path.endsWith(CREATE[crm]('deals').path!.replace(/\$$/, ''))),
    ).toHaveLength(1);
  });
});

describe('Salesforce tasks whose answer is lost', () => {
  it.each(FAULTS)('%s: one task, found by the marker in its Subject', async (kind) => {
    const { connector } = await world.open('salesforce', {
      retry: { baseDelayMs: 5, attempts: 3 },
    });
    const [deal] = await world.recordIds('salesforce', 1);
    const marker = `[task ${randomUUID().slice(0, 8)}]`;
    world.emulator.ctx.faults.add({
      kind,
      api: 'salesforce',
      method: 'POST',
      path: '/sobjects/Task',
      times: 1,
    });
    const task = await (connector as SalesforceConnector).createTask({
      whatId: deal!,
      subject: 'Pandora: audit',
      marker,
    });
    const tasks = [...salesforce().store.table('Task').values()].filter((row) =>
      String(row.Subject).includes(marker),
    );
    expect(tasks.map((row) => row.Id)).toEqual([task.id]);
  });
});

describe('Salesforce contact roles whose answer is lost', () => {
  it.each(FAULTS)('%s: one role per deal and contact, found by the pair', async (kind) => {
    const { connector } = await world.open('salesforce', {
      retry: { baseDelayMs: 5, attempts: 3 },
    });
    const [deal] = await world.recordIds('salesforce', 1);
    const [contact] = await connector.createRecords('contact', inputs('salesforce', 'contact', 1));
    world.emulator.ctx.faults.add({ kind, ...CREATE.salesforce('deals'), times: 1 });
    const calls = world.mark();
    const [result] = await connector.associate([
      {
        from: { objectType: 'deal', id: deal! },
        to: { objectType: 'contact', id: contact!.id! },
        role: 'Decision Maker',
      },
    ]);
    expect(result).toMatchObject({ ok: true });
    const roles = [...salesforce().store.table('OpportunityContactRole').values()].filter(
      (row) => row.OpportunityId === deal && row.ContactId === contact!.id,
    );
    expect(roles).toHaveLength(1);
    const creates = calls().filter(
      (c) => c.method === 'POST' && c.path.endsWith('/composite/sobjects'),
    );
    expect(creates).toHaveLength(1);
  });
});
