import type pg from 'pg';
import type { OpenedConnector } from '../crm/connect.js';
import { settleByReadingBack } from '../crm/ledger/write.js';
import { LEDGER_COLUMNS } from '../crm/ledger/rows.js';
import type { WriteLogEntry } from '../crm/ledger/types.js';
import type { CrmObjectType } from '../crm/port.js';
import { enqueue } from '../jobs/queue.js';
import type { Action } from './store.js';

export type NoteKind = 'execute' | 'undo';

/**
 * The mark an audit note carries at the end of its title: how Pandora finds out
 * whether the CRM has a note whose answer was lost. 16 hex digits of the action id:
 * a Salesforce lookup searches every note's title in the org, not one record's.
 */
export function noteMarker(actionId: string, kind: NoteKind): string {
  return `[${kind === 'undo' ? 'undo ' : ''}${actionId.replace(/-/g, '').slice(0, 16)}]`;
}

/** The note's title: the action's, then its marker, within the CRMs' 255 characters. */
export function noteTitle(action: Action, kind: NoteKind): string {
  const marker = noteMarker(action.id, kind);
  const head = `${kind === 'undo' ? 'Pandora undo' : 'Pandora'}: ${action.title}`;
  return `${head.slice(0, 255 - marker.length - 1)} ${marker}`;
}

/**
 * Settles what a stopped process left unsettled for these actions, before they run
 * again. The caller holds each action's lock, so whoever wrote those rows is gone:
 * - ledger rows still `pending` are read back (written, not written, or changed
 *   meanwhile), so the run that follows writes only what never reached the CRM;
 * - a note still `pending` is looked up in the CRM by its marker: found, it is
 *   recorded as created; not found, as failed, so it is sent (once) again.
 */
export async function settleInterrupted(
  pool: pg.Pool,
  opened: OpenedConnector,
  actions: Action[],
  kind: NoteKind = 'execute',
): Promise<void> {
  if (actions.length === 0) return;
  const ids = actions.map((action) => action.id);

  const { rows: pending } = await pool.query<WriteLogEntry>(
    `select ${LEDGER_COLUMNS} from crm_write_log
     where workspace_id = $1::uuid and connection_id = $2::uuid and origin_type = 'action'
       and origin_id = any($3::text[]) and status = 'pending' and operation = 'update'
     order by id`,
    [opened.workspaceId, opened.connectionId, ids],
  );
  const target = { pool, connector: opened.connector };
  for (const objectType of new Set(pending.map((row) => row.objectType))) {
    await settleByReadingBack(
      target,
      objectType as CrmObjectType,
      pending.filter((row) => row.objectType === objectType),
    );
  }

  const { rows: notes } = await pool.query<{ actionId: string }>(
    `select action_id as "actionId" from action_notes
     where action_id = any($1::uuid[]) and kind = $2::text and status = 'pending'`,
    [ids, kind],
  );
  if (notes.length === 0) return;
  const byId = new Map(actions.map((action) => [action.id, action]));
  const found = await opened.connector.findNotes(
    notes.map(({ actionId }) => {
      const action = byId.get(actionId)!;
      return {
        attachedTo: { objectType: action.targetType, id: action.targetSourceId },
        text: noteMarker(action.id, kind),
      };
    }),
  );
  const noteIds = found.map((matches) => matches[0]?.id ?? null);
  await pool.query(
    `update action_notes n
     set status = case when f.note_id is null then 'failed' else 'created' end,
         crm_note_id = f.note_id, settled_at = now(),
         error = case when f.note_id is null
                 then '{"message":"The process creating it stopped before the CRM had it"}'::jsonb
                 end
     from unnest($1::uuid[], $2::text[]) as f(action_id, note_id)
     where n.action_id = f.action_id and n.kind = $3::text and n.status = 'pending'`,
    [notes.map((note) => note.actionId), noteIds, kind],
  );
}

/**
 * Queues the execution again of every action a stopped process left `in_progress`
 * (killed mid-request or mid-job), by workspace and by who started it; actions of an
 * unfinished batch are left to the batch, which is resumed too. The execution takes
 * them up as interrupted: what the stopped one wrote is settled first. One still
 * running in another process is `busy` there, and the job retries it later. Returns
 * how many actions were queued.
 */
export async function queueInterruptedExecutions(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ workspaceId: string; actor: string; actionIds: string[] }>(
    `select a.workspace_id as "workspaceId", coalesce(e.actor, 'recovery') as actor,
            array_agg(a.id order by a.id)::text[] as "actionIds"
     from actions a
     left join lateral (
       select x.actor, x.batch_id from action_executions x
       where x.action_id = a.id and x.kind = 'execute'
       order by x.started_at desc, x.id desc limit 1
     ) e on true
     where a.status = 'in_progress'
       and not exists (select 1 from action_batches b
                       where b.id = e.batch_id and b.status in ('queued', 'running'))
     group by a.workspace_id, e.actor`,
  );
  for (const { workspaceId, actor, actionIds } of rows) {
    await enqueue(
      pool,
      'actions.execute',
      { workspaceId, actionIds, actor },
      { jobKey: `actions-resume:${workspaceId}:${actor}` },
    );
  }
  return rows.reduce((sum, row) => sum + row.actionIds.length, 0);
}
