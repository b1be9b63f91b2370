/**
 * move_to_board: puts a record in a column of one of the workspace's boards (or moves it
 * there), optionally taking it off another board, with the move in the board's history.
 * An automation moves only its member's records (records.ts, in SQL).
 */
import { Type, type Static } from '@sinclair/typebox';
import { withTransaction } from '../../db/pool.js';
import { HttpError } from '../../errors.js';
import { moveRecord } from '../boards/moves.js';
import { findBoard, type Board } from '../boards/store.js';
import { FlowStepError, type StepContext, type StepDefinition } from '../types.js';
import { resolveRecord } from './records.js';

const configSchema = Type.Object(
  {
    board: Type.String({
      minLength: 1,
      maxLength: 200,
      title: 'Board',
      description: "The board's id or name.",
    }),
    column: Type.String({ minLength: 1, maxLength: 64, title: 'Column', description: 'Its key.' }),
    recordId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        title: 'Record',
        description:
          "Pandora's or the CRM's id of a record of the board's type; absent: the trigger's record ({{trigger.record.id}}).",
      }),
    ),
    fromBoard: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        title: 'Take it off board',
        description: 'A board (id or name) the record leaves: a transfer between boards.',
      }),
    ),
  },
  { additionalProperties: false },
);

export type MoveToBoardConfig = Static<typeof configSchema>;

async function board(context: StepContext, ref: string, field: string): Promise<Board> {
  const found = await findBoard(context.services.db, context.workspaceId, ref);
  if (!found) {
    throw new FlowStepError(
      'validation',
      `${field}: no board ${JSON.stringify(ref)} in this workspace`,
      {
        severity: 'high',
        suggestion: 'Pick one of the workspace boards (by id or name), or create it first.',
      },
    );
  }
  return found;
}

/** The trigger's record (event payloads and automation starts carry `record: { type, id }`). */
function triggerRecord(context: StepContext, type: string): string | undefined {
  const record = context.scope.trigger.record as { type?: unknown; id?: unknown } | undefined;
  return record && record.type === type && typeof record.id === 'string' ? record.id : undefined;
}

export const moveToBoardStep: StepDefinition<MoveToBoardConfig> = {
  type: 'move_to_board',
  category: 'advanced',
  title: 'Move to board',
  description:
    "Put a record in a board column (or move it there), optionally taking it off another board; every move is in the board's history.",
  effect: 'write',
  configSchema,
  allowedInAutomations: true,
  defaultRetry: { attempts: 3, backoffMs: 500, maxDelayMs: 10_000 },
  defaultTimeoutMs: 15_000,

  async run(context, config) {
    const target = await board(context, config.board, 'board');
    const from = config.fromBoard ? await board(context, config.fromBoard, 'fromBoard') : null;
    if (from && from.recordType !== target.recordType) {
      throw new FlowStepError(
        'validation',
        `fromBoard holds ${from.recordType}s and board holds ${target.recordType}s`,
        { severity: 'high', suggestion: 'Transfer between boards of the same record type.' },
      );
    }
    const ref = config.recordId ?? triggerRecord(context, target.recordType);
    if (!ref) {
      throw new FlowStepError(
        'validation',
        `recordId is not set and the trigger carries no ${target.recordType}`,
        {
          severity: 'high',
          suggestion: `Set recordId (a ${target.recordType}'s id), e.g. from an earlier step's output.`,
        },
      );
    }
    const found = await resolveRecord(
      context.services.db,
      { workspaceId: context.workspaceId, scopeUserId: context.scopeUserId },
      target.recordType,
      ref,
    );
    try {
      const result = await withTransaction(context.services.db, (client) =>
        moveRecord(client, {
          workspaceId: context.workspaceId,
          board: target,
          recordId: found.id,
          column: config.column,
          fromBoard: from,
          actor: { userId: null, flowRunId: context.runId, stepKey: context.stepKey },
          idempotencyKey: context.idempotencyKey,
        }),
      );
      return {
        kind: 'completed',
        output: {
          board: { id: target.id, name: target.name },
          column: result.column,
          fromColumn: result.fromColumn,
          moved: result.moved,
          record: { type: found.objectType, id: found.id, name: found.name },
          ...(from
            ? { fromBoard: { id: from.id, name: from.name, column: result.leftColumn } }
            : {}),
        },
      };
    } catch (error) {
      if (error instanceof HttpError && error.code === 'unknown_column') {
        throw new FlowStepError('validation', error.message, {
          severity: 'high',
          suggestion: "Use one of the board's column keys.",
          cause: error,
        });
      }
      throw error;
    }
  },
};
