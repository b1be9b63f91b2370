import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createCrmWorld, type CrmWorld } from '../../test/crm.js';
import type { CrmType } from '../crm/port.js';
import { projectRoot } from '../paths.js';
import { createBatch, getBatch, runBatch } from './batch.js';
import { noteMarker } from './recover.js';
import { proposeAction, type Action, type CrmUpdate } from './store.js';

let world: CrmWorld;
const ACTOR = 'ana@example.com';

beforeAll(async () => {
  world = await createCrmWorld({ accounts: 120 });
});

const deps = () => ({ pool: world.db.pool, secretKey: TEST_SECRET_KEY });

/** One action per deal, each changing `updates(i)` and leaving a note. */
async function proposeMany(
  crm: CrmType,
  ids: string[],
  updates: (i: number) => CrmUpdate[],
): Promise<Action[]> {
  const actions: Action[] = [];
  for (const [i, id] of ids.entries()) {
    const { action } = await proposeAction(world.db.pool, world.workspaceId, {
      actionType: 'update_field',
      severity: 'info',
      title: `Tidy deal ${i}`,
      connectionId: world.connectionIds[crm],
      targetType: 'deal',
      targetSourceId: id,
      executionPayload: { crm_updates: updates(i), note: 'Batch test.' },
      sourceType: 'person',
      sourceName: ACTOR,
    });
    actions.push(action);
  }
  return actions;
}

/** Runs the batch in a worker process that kills itself after the n-th answer to `killOn`. */
function workerDyingAfter(batchId: string, killOn: string, killAfter: number) {
  return new Promise<NodeJS.Signals | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(projectRoot, 'test/fixtures/batch-worker.ts')],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          DATABASE_URL: world.db.url,
          WORKSPACE_ID: world.workspaceId,
          BATCH_ID: batchId,
          SECRET_KEY: TEST_SECRET_KEY.toString('hex'),
          KILL_ON: killOn,
          KILL_AFTER: String(killAfter),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      signal ? resolve(signal) : reject(new Error(`the worker exited ${code}: ${output}`)),
    );
  });
}

/** Postgres frees a dead session's advisory locks once it notices the socket closed. */
async function deadSessionsGone(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await world.db.pool.query<{ n: number }>(
      // pg_locks spans the cluster: other test files' databases hold advisory locks too.
      `select count(*)::int as n from pg_locks
       where locktype = 'advisory'
         and database = (select oid from pg_database where datname = current_database())`,
    );
    if (rows[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('advisory locks of the killed worker were never released');
}

async function statuses(actions: Action[]): Promise<Record<string, number>> {
  const { rows } = await world.db.pool.query<{ status: string; n: number }>(
    `select status, count(*)::int as n from actions where id = any($1::uuid[]) group by status`,
    [actions.map((action) => action.id)],
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

type Call = ReturnType<ReturnType<CrmWorld['mark']>>[number];

/**
 * Batch-executes the actions in a worker that is killed after the n-th answer to
 * `killOn`, then restarts the batch as the next worker would: the batch when done,
 * and every CRM call both workers made.
 */
async function killedThenRestarted(actions: Action[], killOn: string, killAfter: number) {
  const ids = actions.map((action) => action.id);
  const batch = await createBatch(world.db.pool, world.workspaceId, ACTOR, ids);
  const calls = world.mark();
  expect(await workerDyingAfter(batch.id, killOn, killAfter)).toBe('SIGKILL');
  const left = await getBatch(world.db.pool, world.workspaceId, batch.id);
  expect(left.status).toBe('running');
  await deadSessionsGone();
  const done = await runBatch(deps(), world.workspaceId, batch.id);
  return { done, calls: calls() };
}
const recordsIn = (calls: Call[], test: (call: Call) => boolean) =>
  calls.filter((call) => test(call) && call.status >= 200 && call.status < 300);

/** How many notes each action has in the CRM, looked up by their markers. */
async function notesPerAction(crm: CrmType, actions: Action[]): Promise<number[]> {
  const { connector } = await world.open(crm);
  const found = await connector.findNotes(
    actions.map((action) => ({
      attachedTo: { objectType: 'deal', id: action.targetSourceId },
      text: noteMarker(action.id, 'execute'),
    })),
  );
  return found.map((notes) => notes.length);
}

describe('a worker killed in the middle of a batch execute, then restarted', () => {
  it('HubSpot, killed after two of three field batches landed: each field written once, one note each', async () => {
    const ids = await world.recordIds('hubspot', 250);
    const actions = await proposeMany('hubspot', ids, (i) => [
      { field: 'amount', proposed_value: 70_000 + i },
      { field: 'close_date', proposed_value: '2027-06-30' },
    ]);
    const { done, calls: log } = await killedThenRestarted(actions, '/deals/batch/update', 2);
    expect(done).toMatchObject({ status: 'succeeded', total: 250, done: 250 });
    expect(await statuses(actions)).toEqual({ executed: 250 });

    // 100 + 100 records by the dead worker, the last 50 by the restarted one: once each.
    const updates = recordsIn(log, (c) => c.path.endsWith('/deals/batch/update'));
    expect(updates.map((c) => c.batchSize)).toEqual([100, 100, 50]);
    // The dead worker never reached the notes: 250 notes in 3 calls, one per action.
    const notes = recordsIn(log, (c) => c.path.endsWith('/notes/batch/create'));
    expect(notes.map((c) => c.batchSize)).toEqual([100, 100, 50]);
    expect(new Set(await notesPerAction('hubspot', actions))).toEqual(new Set([1]));

    const { connector } = await world.open('hubspot');
    const records = await connector.readRecords('deal', ids, ['amount']);
    expect(records.map((r) => (r.ok ? Number(r.value.properties.amount) : null))).toEqual(
      ids.map((_, i) => 70_000 + i),
    );
    const { rows } = await world.db.pool.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from crm_write_log
       where origin_id = any($1::text[]) group by status`,
      [actions.map((a) => a.id)],
    );
    expect(rows).toEqual([{ status: 'written', n: 500 }]);
  }, 120_000);

  it('HubSpot, killed after the first note batch landed: no note twice, none missing', async () => {
    const ids = await world.recordIds('hubspot', 150);
    const actions = await proposeMany('hubspot', ids, (i) => [
      { field: 'amount', proposed_value: 90_000 + i },
    ]);
    const { done, calls: log } = await killedThenRestarted(actions, '/notes/batch/create', 1);
    expect(done).toMatchObject({ status: 'succeeded', done: 150 });
    expect(await statuses(actions)).toEqual({ executed: 150 });

    expect(
      recordsIn(log, (c) => c.path.endsWith('/deals/batch/update')).map((c) => c.batchSize),
    ).toEqual([100, 50]);
    // 100 notes made before the kill, found by their marker; the other 50 sent once.
    expect(
      recordsIn(log, (c) => c.path.endsWith('/notes/batch/create')).map((c) => c.batchSize),
    ).toEqual([100, 50]);
    expect(new Set(await notesPerAction('hubspot', actions))).toEqual(new Set([1]));
    const { rows } = await world.db.pool.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from action_notes
       where action_id = any($1::uuid[]) group by status`,
      [actions.map((a) => a.id)],
    );
    expect(rows).toEqual([{ status: 'created', n: 150 }]);
  }, 120_000);

  it('Salesforce, killed after the first collection of 200 landed: each field written once', async () => {
    const ids = await world.recordIds('salesforce', 250);
    const actions = await proposeMany('salesforce', ids, (i) => [
      { field: 'amount', proposed_value: 40_000 + i },
      { field: 'next_step', proposed_value: `Call back (${i})` },
    ]);
    const { done, calls: log } = await killedThenRestarted(actions, '/composite/sobjects', 1);
    expect(done).toMatchObject({ status: 'succeeded', done: 250 });
    expect(await statuses(actions)).toEqual({ executed: 250 });

    const isUpdate = (c: Call) => c.method === 'PATCH' && c.path.endsWith('/composite/sobjects');
    expect(recordsIn(log, isUpdate).map((c) => c.batchSize)).toEqual([200, 50]);
    expect(new Set(await notesPerAction('salesforce', actions))).toEqual(new Set([1]));
    const { connector } = await world.open('salesforce');
    const records = await connector.readRecords('deal', ids, ['Amount']);
    expect(records.map((r) => (r.ok ? Number(r.value.properties.Amount) : null))).toEqual(
      ids.map((_, i) => 40_000 + i),
    );
  }, 120_000);
});
