import type pg from 'pg';
import type { OpenedConnector } from '../crm/connect.js';
import { CrmError } from '../crm/errors.js';
import type { NoteInput } from '../crm/port.js';
import type { OperationResult } from './execute.js';
import { errorMessage } from './execution-records.js';
import { noteMarker, noteTitle, type NoteKind } from './recover.js';
import type { Action } from './store.js';

/**
 * Creates the audit notes in one batched call per connection. Each is recorded
 * before the call (one per action and kind); one already created is not sent again.
 */
export async function writeNotes(
  pool: pg.Pool,
  opened: OpenedConnector,
  notes: { action: Action; body: string }[],
  executions: Map<string, string>,
  kind: NoteKind = 'execute',
): Promise<Map<string, OperationResult>> {
  const results = new Map<string, OperationResult>();
  if (notes.length === 0) return results;
  // `sentBefore`: a row revived from an earlier failure, whose note may exist after all.
  const { rows } = await pool.query<{ actionId: string; sentBefore: boolean }>(
    `insert into action_notes as n (workspace_id, action_id, execution_id, kind, body)
     select a.workspace_id, a.id, e.execution_id, $3::text, e.body
     from unnest($1::uuid[], $2::uuid[], $4::text[]) as e(action_id, execution_id, body)
     join actions a on a.id = e.action_id
     on conflict (action_id, kind) do update
       set execution_id = excluded.execution_id, body = excluded.body, status = 'pending',
           error = null
       where n.status = 'failed'
     returning action_id as "actionId", n.created_at < now() as "sentBefore"`,
    [
      notes.map((note) => note.action.id),
      notes.map((note) => executions.get(note.action.id)!),
      kind,
      notes.map((note) => note.body),
    ],
  );
  const toSend = new Map(rows.map((row) => [row.actionId, row.sentBefore]));
  for (const note of notes) {
    if (!toSend.has(note.action.id))
      results.set(note.action.id, { kind: 'note', status: 'created' });
  }
  const sending = notes.filter((note) => toSend.has(note.action.id));
  if (sending.length === 0) return results;
  let answers: Awaited<ReturnType<typeof opened.connector.addNotes>>;
  try {
    answers = await opened.connector.addNotes(
      sending.map((note): NoteInput => ({
        body: note.body,
        title: noteTitle(note.action, kind),
        attachTo: [{ objectType: note.action.targetType, id: note.action.targetSourceId }],
        marker: noteMarker(note.action.id, kind),
        mayExist: toSend.get(note.action.id),
      })),
    );
  } catch (error) {
    const crmError = error instanceof CrmError ? error : null;
    await pool.query(
      `update action_notes set status = 'failed', error = $3::jsonb, settled_at = now()
       where action_id = any($1::uuid[]) and kind = $2::text and status = 'pending'`,
      [
        sending.map((note) => note.action.id),
        kind,
        JSON.stringify({ message: errorMessage(error) }),
      ],
    );
    for (const note of sending) {
      results.set(note.action.id, {
        kind: 'note',
        status: 'failed',
        error: {
          kind: crmError?.kind ?? null,
          message: errorMessage(error),
          retryable: crmError?.retryable ?? true,
        },
      });
    }
    return results;
  }
  await pool.query(
    `update action_notes n
     set status = case when a.ok then 'created' else 'failed' end, crm_note_id = a.note_id,
         error = a.error, settled_at = now()
     from unnest($1::uuid[], $2::boolean[], $3::text[], $4::jsonb[]) as a(action_id, ok, note_id, error)
     where n.action_id = a.action_id and n.kind = $5::text`,
    [
      sending.map((note) => note.action.id),
      answers.map((answer) => answer.ok),
      answers.map((answer) => (answer.ok ? answer.value.id : null)),
      answers.map((answer) => (answer.ok ? null : JSON.stringify(answer.error.toJSON()))),
      kind,
    ],
  );
  sending.forEach((note, index) => {
    const answer = answers[index]!;
    results.set(
      note.action.id,
      answer.ok
        ? { kind: 'note', status: 'created' }
        : {
            kind: 'note',
            status: 'failed',
            error: {
              kind: answer.error.kind,
              message: answer.error.message,
              retryable: answer.error.retryable,
            },
          },
    );
  });
  return results;
}
