import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../tenancy/workspaces.js';
import { insertActivity, insertAgent, insertOwner } from '../../test/activity.js';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { getActivity, listActivity, type ActivityFilters } from './timeline.js';

let db: TestDatabase;
let workspaceId: string;
let otherWorkspaceId: string;
let agentA: string;
let agentB: string;
let alice: string;
let aliceSalesforce: string;
let bob: string;
const all = { kind: 'all' } as const;

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute)).toISOString();

beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Timeline' })).id;
  otherWorkspaceId = (await createWorkspace(db.pool, { name: 'Other' })).id;
  agentA = (await insertAgent(db.pool, workspaceId, 'A')).agentId;
  agentB = (await insertAgent(db.pool, workspaceId, 'B')).agentId;
  alice = await insertOwner(db.pool, workspaceId, 'alice@example.com');
  // Alice in a second CRM: her runs there are hers too.
  aliceSalesforce = await insertOwner(db.pool, workspaceId, 'Alice@Example.com', 'salesforce');
  bob = await insertOwner(db.pool, workspaceId, 'bob@example.com');
  await insertActivity(db.pool, workspaceId, [
    { agentId: agentA, ownerId: alice, status: 'success', crmRecordId: 'd1', createdAt: at(1) },
    { agentId: agentA, ownerId: bob, status: 'failed', crmRecordId: 'd2', createdAt: at(2) },
    {
      agentId: agentB,
      ownerId: aliceSalesforce,
      status: 'pending',
      crmRecordId: 'd3',
      createdAt: at(3),
    },
    { agentId: agentB, ownerId: bob, status: 'success', crmRecordId: 'd1', createdAt: at(4) },
    { agentId: agentA, ownerId: null, status: 'rejected', crmRecordId: 'd4', createdAt: at(5) },
  ]);
  // Three rows in the same microsecond: only the id orders them.
  await insertActivity(db.pool, workspaceId, [
    { agentId: agentA, ownerId: alice, createdAt: at(6) },
    { agentId: agentA, ownerId: alice, createdAt: at(6) },
    { agentId: agentA, ownerId: alice, createdAt: at(6) },
  ]);
  await insertActivity(db.pool, otherWorkspaceId, [{ createdAt: at(7) }]);
});

const list = (
  filters: Partial<ActivityFilters>,
  viewer: Parameters<typeof listActivity>[2] = all,
) => listActivity(db.pool, workspaceId, viewer, { limit: 50, ...filters });

async function everyPage(
  filters: Partial<ActivityFilters>,
  viewer = all as Parameters<typeof listActivity>[2],
) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page += 1) {
    const result = await list({ ...filters, cursor }, viewer);
    seen.push(...result.items.map((item) => item.id));
    if (!result.nextCursor) return seen;
    cursor = result.nextCursor;
  }
  throw new Error('pages never ended');
}

describe('listActivity', () => {
  it('lists the workspace runs newest first, with the agent and owner named', async () => {
    const { items, nextCursor } = await list({});
    expect(items).toHaveLength(8);
    expect(nextCursor).toBeNull();
    const times = items.map((item) => item.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const failed = items.find((item) => item.status === 'failed')!;
    expect(failed.agent).toEqual({ id: agentA, name: 'A' });
    expect(failed.owner).toEqual({ id: bob, name: 'bob@example.com', email: 'bob@example.com' });
  });

  it('pages by keyset without skipping or repeating rows that share a timestamp', async () => {
    const whole = (await list({})).items.map((item) => item.id);
    for (const limit of [1, 2, 3]) {
      expect(await everyPage({ limit })).toEqual(whole);
    }
  });

  it('filters by agent, owner, status, record and period', async () => {
    const ids = async (filters: Partial<ActivityFilters>) =>
      (await list(filters)).items.map((item) => [
        item.agent?.name,
        item.owner?.id,
        item.status,
        item.crmRecordId,
      ]);
    expect(await ids({ agentId: agentB })).toEqual([
      ['B', bob, 'success', 'd1'],
      ['B', aliceSalesforce, 'pending', 'd3'],
    ]);
    expect(await ids({ ownerId: bob })).toEqual([
      ['B', bob, 'success', 'd1'],
      ['A', bob, 'failed', 'd2'],
    ]);
    expect(await ids({ status: 'rejected' })).toEqual([['A', undefined, 'rejected', 'd4']]);
    expect(await ids({ recordId: 'd1' })).toEqual([
      ['B', bob, 'success', 'd1'],
      ['A', alice, 'success', 'd1'],
    ]);
    expect(await ids({ from: at(2), to: at(4) })).toEqual([
      ['B', aliceSalesforce, 'pending', 'd3'],
      ['A', bob, 'failed', 'd2'],
    ]);
    expect(await ids({ agentId: agentA, status: 'success', ownerId: alice })).toEqual([
      ['A', alice, 'success', null],
      ['A', alice, 'success', null],
      ['A', alice, 'success', null],
      ['A', alice, 'success', 'd1'],
    ]);
  });

  it('shows a member only the runs of records they own, in every CRM', async () => {
    const member = { kind: 'owner', email: 'alice@example.com' } as const;
    const mine = await everyPage({ limit: 2 }, member);
    expect(mine).toHaveLength(5);
    const { items } = await list({}, member);
    expect(new Set(items.map((item) => item.owner?.id))).toEqual(new Set([alice, aliceSalesforce]));
    expect(await list({ ownerId: bob }, member)).toEqual({ items: [], nextCursor: null });
    expect((await list({}, { kind: 'owner', email: null })).items).toEqual([]);
    expect((await list({}, { kind: 'owner', email: 'nobody@example.com' })).items).toEqual([]);
  });

  it('refuses a cursor it did not hand out', async () => {
    await expect(list({ cursor: 'not-a-cursor' })).rejects.toMatchObject({
      status: 400,
      code: 'invalid_cursor',
    });
    const forged = Buffer.from(JSON.stringify(['2026-01-01', 'x'])).toString('base64url');
    await expect(list({ cursor: forged })).rejects.toMatchObject({ code: 'invalid_cursor' });
  });
});

describe('getActivity', () => {
  it('reads one run, not another workspace’s, nor another rep’s for a member', async () => {
    const [first] = (await list({ ownerId: bob, status: 'failed' })).items;
    const run = await getActivity(db.pool, workspaceId, all, first!.id);
    expect(run).toMatchObject({ id: first!.id, status: 'failed', inboxItems: [] });
    await expect(getActivity(db.pool, otherWorkspaceId, all, first!.id)).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      getActivity(db.pool, workspaceId, { kind: 'owner', email: 'alice@example.com' }, first!.id),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      getActivity(db.pool, workspaceId, { kind: 'owner', email: 'bob@example.com' }, first!.id),
    ).resolves.toMatchObject({ id: first!.id });
  });
});
