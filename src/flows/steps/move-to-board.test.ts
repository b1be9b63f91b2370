import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { createRecords, type Records } from '../../../test/records.js';
import { createBoard, listBoardHistory, listBoardItems, type Board } from '../boards/store.js';
import { createPublishedFlow, testServices } from '../engine/fixtures.test-helper.js';
import { runFlow } from '../engine/runner.js';
import { getFlowRun, startFlowRun } from '../engine/runs.js';
import { FlowStepError, type StepContext } from '../types.js';
import { moveToBoardStep } from './move-to-board.js';
import { stepDefinition } from './registry.js';

let db: TestDatabase;
let records: Records;
let pipeline: Board;
let nurture: Board;
let mine: { id: string; sourceId: string };
let theirs: { id: string; sourceId: string };
let repId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  records = await createRecords(db.pool, 'Boards');
  const ownerMe = await records.owner({ name: 'Rita Rep', email: 'rita@acme.test' });
  const ownerOther = await records.owner({ name: 'Olga Other', email: 'olga@acme.test' });
  mine = await records.deal({ name: 'Acme renewal', ownerId: ownerMe });
  theirs = await records.deal({ name: 'Globex expansion', ownerId: ownerOther });
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into users (email, name) values ('rita@acme.test', 'Rita') returning id`,
  );
  repId = rows[0]!.id;
  await db.pool.query(
    `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, 'member')`,
    [records.workspaceId, repId],
  );
  const columns = [
    { key: 'new', name: 'New' },
    { key: 'priced', name: 'Priced' },
    { key: 'won', name: 'Won' },
  ];
  pipeline = await createBoard(
    db.pool,
    records.workspaceId,
    { name: 'Renewals', recordType: 'deal', columns },
    null,
  );
  nurture = await createBoard(
    db.pool,
    records.workspaceId,
    { name: 'Nurture', recordType: 'deal', columns: [{ key: 'waiting', name: 'Waiting' }] },
    null,
  );
});

/** A real run (the history points at it), and the context its step would get. */
async function runContext(overrides: Partial<StepContext> = {}): Promise<StepContext> {
  const flowId = await createPublishedFlow(db.pool, records.workspaceId, [
    { key: 'move', type: 'move_to_board', config: { board: 'Renewals', column: 'new' } },
  ]);
  const { runId } = await startFlowRun(db.pool, {
    workspaceId: records.workspaceId,
    flowId,
    trigger: { type: 'manual' },
  });
  return {
    services: testServices(db.pool),
    workspaceId: records.workspaceId,
    flowId,
    version: 1,
    runId,
    stepKey: 'move',
    attempt: 1,
    idempotencyKey: `${runId}:move`,
    scopeUserId: null,
    scope: { trigger: { type: 'manual' }, vars: {}, steps: {} },
    state: null,
    signal: new AbortController().signal,
    now: () => new Date(),
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<FlowStepError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FlowStepError);
  return error as FlowStepError;
}

async function itemsOf(board: Board) {
  const { items } = await listBoardItems(db.pool, records.workspaceId, board.id, { limit: 50 });
  return items.map((item) => [item.recordName, item.column]);
}

describe('move_to_board', () => {
  it('is registered; a member automation may use it', () => {
    expect(stepDefinition('move_to_board')).toBe(moveToBoardStep);
    expect(moveToBoardStep).toMatchObject({ effect: 'write', allowedInAutomations: true });
  });

  it('a published flow puts the trigger record on the board, then moves it, with history', async () => {
    const flowId = await createPublishedFlow(db.pool, records.workspaceId, [
      { key: 'queue', type: 'move_to_board', config: { board: 'renewals', column: 'new' } },
      {
        key: 'price',
        type: 'move_to_board',
        config: { board: pipeline.id, column: 'priced', recordId: '{{trigger.record.id}}' },
      },
    ]);
    const { runId } = await startFlowRun(db.pool, {
      workspaceId: records.workspaceId,
      flowId,
      trigger: { type: 'manual' },
      input: { record: { type: 'deal', id: mine.id } },
    });
    expect(await runFlow(testServices(db.pool), records.workspaceId, runId)).toBe('completed');
    const run = await getFlowRun(db.pool, records.workspaceId, runId);
    expect(run!.steps.map((step) => [step.key, step.status, step.output])).toEqual([
      [
        'queue',
        'completed',
        {
          board: { id: pipeline.id, name: 'Renewals' },
          column: 'new',
          fromColumn: null,
          moved: true,
          record: { type: 'deal', id: mine.id, name: 'Acme renewal' },
        },
      ],
      [
        'price',
        'completed',
        expect.objectContaining({ column: 'priced', fromColumn: 'new', moved: true }),
      ],
    ]);
    expect(await itemsOf(pipeline)).toEqual([['Acme renewal', 'priced']]);
    const { entries } = await listBoardHistory(db.pool, records.workspaceId, pipeline.id, {
      recordId: mine.id,
      limit: 10,
    });
    expect(entries.map((e) => [e.fromColumn, e.toColumn, e.flowId, e.stepKey])).toEqual([
      ['new', 'priced', flowId, 'price'],
      [null, 'new', flowId, 'queue'],
    ]);
    expect(entries[0]).toMatchObject({ flowRunId: runId, actorUserId: null });
  });

  it('a step run again with the same idempotency key (after a crash) moves nothing twice', async () => {
    const context = await runContext();
    const config = { board: 'Renewals', column: 'won', recordId: theirs.sourceId };
    const first = await moveToBoardStep.run(context, config);
    // Meanwhile a person moves it back; the resumed step must not undo that.
    await db.pool.query(`update board_items set column_key = 'new' where record_id = $1::uuid`, [
      theirs.id,
    ]);
    const again = await moveToBoardStep.run({ ...context, attempt: 2 }, config);
    expect(first).toMatchObject({ output: { column: 'won', moved: true } });
    expect(again).toMatchObject({ output: { column: 'won', fromColumn: null, moved: true } });
    const { entries } = await listBoardHistory(db.pool, records.workspaceId, pipeline.id, {
      recordId: theirs.id,
      limit: 10,
    });
    expect(entries).toHaveLength(1);
  });

  it('moving to the column it is in writes no history', async () => {
    const context = await runContext();
    await moveToBoardStep.run(context, { board: 'Nurture', column: 'waiting', recordId: mine.id });
    const other = await runContext();
    const outcome = await moveToBoardStep.run(other, {
      board: 'Nurture',
      column: 'waiting',
      recordId: mine.id,
    });
    expect(outcome).toMatchObject({ output: { moved: false, fromColumn: 'waiting' } });
    const { entries } = await listBoardHistory(db.pool, records.workspaceId, nurture.id, {
      recordId: mine.id,
      limit: 10,
    });
    expect(entries).toHaveLength(1);
  });

  it('transfers a record between boards', async () => {
    const outcome = await moveToBoardStep.run(await runContext(), {
      board: 'Renewals',
      column: 'new',
      recordId: mine.id,
      fromBoard: 'Nurture',
    });
    expect(outcome).toMatchObject({
      output: { fromBoard: { id: nurture.id, name: 'Nurture', column: 'waiting' } },
    });
    expect(await itemsOf(nurture)).toEqual([]);
    const { entries } = await listBoardHistory(db.pool, records.workspaceId, nurture.id, {
      limit: 1,
    });
    expect(entries[0]).toMatchObject({ fromColumn: 'waiting', toColumn: null });
  });

  it("an automation moves its member's records only", async () => {
    const scoped = await runContext({ scopeUserId: repId });
    await moveToBoardStep.run(scoped, { board: 'Renewals', column: 'won', recordId: mine.id });
    const denied = await failure(
      moveToBoardStep.run(await runContext({ scopeUserId: repId }), {
        board: 'Renewals',
        column: 'new',
        recordId: theirs.id,
      }),
    );
    expect(denied.category).toBe('permission');
    expect(await itemsOf(pipeline)).toContainEqual(['Globex expansion', 'new']);
  });

  it('names what is wrong: the board, the column, the record', async () => {
    const context = await runContext();
    const noBoard = await failure(
      moveToBoardStep.run(context, { board: 'Churned', column: 'new', recordId: mine.id }),
    );
    expect(noBoard).toMatchObject({ category: 'validation' });
    expect(noBoard.message).toBe('board: no board "Churned" in this workspace');
    const noColumn = await failure(
      moveToBoardStep.run(context, { board: 'Renewals', column: 'lost', recordId: mine.id }),
    );
    expect(noColumn.message).toBe(
      'The board "Renewals" has no column "lost" (its columns: new, priced, won)',
    );
    const noRecord = await failure(
      moveToBoardStep.run(context, { board: 'Renewals', column: 'new' }),
    );
    expect(noRecord.message).toBe('recordId is not set and the trigger carries no deal');

    const elsewhere = await createRecords(db.pool, 'Elsewhere');
    const foreign = await failure(
      moveToBoardStep.run(
        { ...context, workspaceId: elsewhere.workspaceId },
        { board: pipeline.id, column: 'new', recordId: mine.id },
      ),
    );
    expect(foreign.message).toContain('no board');
  });
});
