/**
 * Stores meetings that came in without a connector's sync (the webhook, uploads),
 * by (workspace, source, source id), so a meeting sent twice is one row.
 * The sync engine's store (src/conversations/store.ts) takes this over once it is on main.
 */
import type { Queryable } from '../db/pool.js';
import type { InboundMeeting } from './meeting-input.js';

export interface UpsertResult {
  created: number;
  updated: number;
  unchanged: number;
  /** The stored row of each given meeting, in order. */
  ids: string[];
}

/**
 * Inserts new meetings and updates changed ones; an identical meeting is left alone
 * (its `updated_at` too), so a replay changes nothing. A transcript sent once is kept
 * when a later copy comes without one.
 */
export async function upsertConversations(
  db: Queryable,
  workspaceId: string,
  origin: { source: string; connectionId: string | null },
  meetings: InboundMeeting[],
): Promise<UpsertResult> {
  if (!meetings.length) return { created: 0, updated: 0, unchanged: 0, ids: [] };
  const { rows } = await db.query<{ sourceId: string; id: string; outcome: string }>(
    `with input as (
       select * from jsonb_to_recordset($4::jsonb) as m(
         source_id text, title text, started_at timestamptz, duration_seconds integer,
         participants jsonb, transcript text, host_email text, source_data jsonb)
     ),
     written as (
       insert into conversations as c
         (workspace_id, source, source_id, connection_id, title, started_at, duration_seconds,
          participants, transcript, host_email, source_data)
       select $1::uuid, $2::text, source_id, $3::uuid, title, started_at, duration_seconds,
              participants, transcript, host_email, source_data
       from input
       on conflict (workspace_id, source, source_id) do update
         set title = excluded.title, started_at = excluded.started_at,
             duration_seconds = excluded.duration_seconds, participants = excluded.participants,
             transcript = coalesce(excluded.transcript, c.transcript),
             host_email = excluded.host_email, source_data = excluded.source_data,
             connection_id = excluded.connection_id, updated_at = now()
         where (c.title, c.started_at, c.duration_seconds, c.participants, c.host_email,
                c.source_data, c.connection_id)
               is distinct from
               (excluded.title, excluded.started_at, excluded.duration_seconds,
                excluded.participants, excluded.host_email, excluded.source_data,
                excluded.connection_id)
            or (excluded.transcript is not null and excluded.transcript is distinct from c.transcript)
       returning c.source_id, c.id, case when xmax = 0 then 'created' else 'updated' end as outcome
     )
     select i.source_id as "sourceId", coalesce(w.id, c.id) as id,
            coalesce(w.outcome, 'unchanged') as outcome
     from input i
     left join written w on w.source_id = i.source_id
     left join conversations c
       on w.id is null and c.workspace_id = $1::uuid and c.source = $2::text
          and c.source_id = i.source_id`,
    [
      workspaceId,
      origin.source,
      origin.connectionId,
      JSON.stringify(
        meetings.map((m) => ({
          source_id: m.sourceId,
          title: m.title,
          started_at: m.startedAt,
          duration_seconds: m.durationSeconds,
          participants: m.participants,
          transcript: m.transcript,
          host_email: m.hostEmail,
          source_data: { ...m.sourceData, url: m.url },
        })),
      ),
    ],
  );
  const result: UpsertResult = { created: 0, updated: 0, unchanged: 0, ids: [] };
  const byId = new Map(rows.map((row) => [row.sourceId, row]));
  for (const meeting of meetings) {
    const row = byId.get(meeting.sourceId)!;
    result.ids.push(row.id);
  }
  for (const row of rows) result[row.outcome as 'created' | 'updated' | 'unchanged'] += 1;
  return result;
}
