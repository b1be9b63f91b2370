import { spawn } from 'node:child_process';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createCrmWorld, type CrmWorld } from '../../test/crm.js';
import { demoHandlers } from '../demo/jobs.js';
import { handlers } from '../jobs/handlers.js';
import { startWorker, type RunningWorker } from '../jobs/queue.js';
import { projectRoot } from '../paths.js';
import { executeActions } from './execute.js';
import { noteMarker, queueInterruptedExecutions } from './recover.js';
import { getAction, proposeAction, type Action } from './store.js';

/** An execution that ends early, by an error or a kill, never leaves its action in progress. */
let world: CrmWorld;
let worker: RunningWorker;
const ACTOR = 'ana@example.com';

beforeAll(async () => {
  world = await createCrmWorld();
  worker = await startWorker({
    pool: world.db.pool,
    connectionString: world.db.url,
    log: pino({ level: process.env.JOB_LOG ?? 'silent' }),
    handlers: { ...handlers, ...demoHandlers },
    concurrency: 1,
    schedules: false,
    secretKey: TEST_SECRET_KEY,
  });
});

afterAll(async () => {
  await worker.stop();
});

const deps = () => ({ pool: world.db.pool, secretKey: TEST_SECRET_KEY });

async function propose(recordId: string, amount: number): Promise<Action> {
  const { action } = await proposeAction(world.db.pool, world.workspaceId, {
    actionType: 'update_field',
    severity: 'info',
    title: `Set the amount to ${amount}`,
    connectionId: world.connectionIds.hubspot,
    targetType: 'deal',
    targetSourceId: recordId,
    executionPayload: { crm_updates: [{ field: 'amount', proposed_value: amount }] },
    sourceType: 'person',
    sourceName: ACTOR,
  });
  return action;
}

async function amountOf(recordId: string): Promise<number> {
  const { connector } = await world.open('hubspot');
  const [record] = await connector.readRecords('deal', [recordId], ['amount']);
  if (!record?.ok) throw new Error(`no deal ${recordId}`);
  return Number(record.value.properties.amount);
}

async function notesOf(action: Action): Promise<number> {
  const { connector } = await world.open('hubspot');
  const [found] = await connector.findNotes([
    {
      attachedTo: { objectType: 'deal', id: action.targetSourceId },
      text: noteMarker(action.id, 'execute'),
    },
  ]);
  return found!.length;
}

async function lastAudit(actionId: string) {
  const { rows } = await world.db.pool.query<{ event: string; from: string; to: string }>(
    `select event, from_status as from, to_status as to from action_audit_log
     where action_id = $1::uuid order by id desc limit 1`,
    [actionId],
  );
  return rows[0];
}

async function waitFor(what: string, test: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Executes the actions in another process that kills itself after the n-th answer to `killOn`. */
function executeDyingAfter(actionIds: string[], killOn: string, killAfter: number) {
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
          ACTION_IDS: actionIds.join(','),
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

describe('an execution that ends early', () => {
  it('fails on an unexpected error: the action ends failed with the error, and runs again', async () => {
    const [id] = await world.recordIds('hubspot', 1);
    const action = await propose(id!, 31_337);
    // The database refuses the note's row, after the field was written.
    await world.db.pool.query(`
      create function refuse_notes() returns trigger language plpgsql as $$
      begin raise exception 'could not extend file: No space left on device'; end $$;
      create trigger refuse_notes before insert on action_notes
        for each row execute function refuse_notes();`);
    try {
      await expect(
        executeActions(deps(), world.workspaceId, [action.id], { actor: ACTOR }),
      ).rejects.toThrow(/No space left on device/);
    } finally {
      await world.db.pool.query(
        'drop trigger refuse_notes on action_notes; drop function refuse_notes()',
      );
    }
    const failed = await getAction(world.db.pool, world.workspaceId, action.id);
    expect(failed.status).toBe('failed');
    expect(failed.executionResult).toMatchObject({
      outcome: 'failed',
      errors: [{ code: 'execution_error', message: expect.stringMatching(/No space left/) }],
    });
    expect(await lastAudit(action.id)).toEqual({
      event: 'execution_failed',
      from: 'in_progress',
      to: 'failed',
    });
    const { rows: executions } = await world.db.pool.query<{ status: string }>(
      `select status from action_executions where action_id = $1::uuid`,
      [action.id],
    );
    expect(executions).toEqual([{ status: 'failed' }]);

    // Run again, it finishes: the field once, and its note.
    const calls = world.mark();
    const [result] = await executeActions(deps(), world.workspaceId, [action.id], {
      actor: ACTOR,
    });
    expect(result).toMatchObject({ outcome: 'executed', status: 'executed' });
    expect(calls().filter((call) => call.path.endsWith('/deals/batch/update'))).toHaveLength(0);
    expect(await amountOf(id!)).toBe(31_337);
    expect(await notesOf(action)).toBe(1);
  }, 60_000);

  it('killed mid-execution: the next start executes it again, each write once', async () => {
    const ids = await world.recordIds('hubspot', 3);
    const actions: Action[] = [];
    for (const [i, id] of ids.slice(1).entries()) actions.push(await propose(id, 52_000 + i));
    const calls = world.mark();
    expect(
      await executeDyingAfter(
        actions.map((action) => action.id),
        '/deals/batch/update',
        1,
      ),
    ).toBe('SIGKILL');
    for (const action of actions) {
      expect((await getAction(world.db.pool, world.workspaceId, action.id)).status).toBe(
        'in_progress',
      );
    }

    expect(await queueInterruptedExecutions(world.db.pool)).toBe(2);
    await waitFor('the interrupted actions to be executed', async () => {
      const { rows } = await world.db.pool.query<{ n: number }>(
        `select count(*)::int as n from actions where id = any($1::uuid[]) and status = 'executed'`,
        [actions.map((action) => action.id)],
      );
      return rows[0]!.n === 2;
    });
    const answered = calls().filter((call) => call.status < 300);
    // The dead process's one update call; the resumed execution read it back instead.
    expect(answered.filter((call) => call.path.endsWith('/deals/batch/update'))).toHaveLength(1);
    for (const [i, action] of actions.entries()) {
      expect(await amountOf(action.targetSourceId)).toBe(52_000 + i);
      expect(await notesOf(action)).toBe(1);
    }
    // Nothing left to take up.
    expect(await queueInterruptedExecutions(world.db.pool)).toBe(0);
  }, 60_000);
});
