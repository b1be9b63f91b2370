import type { Queryable } from '../db/pool.js';
import type { RecordedCall } from './port.js';

/**
 * A participant as `conversations.participants` holds it: the demo's shape (name,
 * email, isInternal) plus what the recorder said of them. `isInternal` is the
 * recorder's word only; the internal-meeting filter decides the meeting's status.
 */
export interface StoredParticipant {
  name: string;
  email: string | null;
  isInternal: boolean;
  affiliation: 'internal' | 'external' | 'unknown';
}

export interface StoreCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export function storedParticipants(call: RecordedCall): StoredParticipant[] {
  return call.participants.map((participant) => ({
    name: participant.name ?? participant.email ?? 'Unknown',
    email: participant.email,
    isInternal: participant.affiliation === 'internal',
    affiliation: participant.affiliation,
  }));
}

/**
 * Upserts recorded calls by (workspace, source, source id). Only what the recorder
 * owns is written: the internal filter's and the linker's columns (is_internal,
 * account, deal, links) are left to them, and a call that did not change is not
 * rewritten. Transcripts are written separately (`storeTranscripts`).
 */
export async function upsertConversations(
  db: Queryable,
  workspaceId: string,
  source: string,
  connectionId: string | null,
  calls: RecordedCall[],
): Promise<StoreCounts> {
  const counts: StoreCounts = { created: 0, updated: 0, unchanged: 0 };
  if (calls.length === 0) return counts;
  const { rows } = await db.query<{ inserted: boolean }>(
    `insert into conversations as c (workspace_id, source, source_id, connection_id, title,
                                     started_at, duration_seconds, host_email, participants,
                                     source_data)
     select $1::uuid, $2::text, m.source_id, $3::uuid, m.title, m.started_at, m.duration_seconds,
            m.host_email, m.participants, m.source_data
     from unnest($4::text[], $5::text[], $6::timestamptz[], $7::int[], $8::text[], $9::jsonb[],
                 $10::jsonb[])
       as m(source_id, title, started_at, duration_seconds, host_email, participants, source_data)
     on conflict (workspace_id, source, source_id) do update
       set connection_id = excluded.connection_id, title = excluded.title,
           started_at = excluded.started_at, duration_seconds = excluded.duration_seconds,
           host_email = excluded.host_email, participants = excluded.participants,
           source_data = excluded.source_data, updated_at = now()
       where (c.connection_id, c.title, c.started_at, c.duration_seconds, c.host_email,
              c.participants, c.source_data)
             is distinct from
             (excluded.connection_id, excluded.title, excluded.started_at,
              excluded.duration_seconds, excluded.host_email, excluded.participants,
              excluded.source_data)
     returning (xmax = 0) as inserted`,
    [
      workspaceId,
      source,
      connectionId,
      calls.map((call) => call.sourceId),
      calls.map((call) => call.title),
      calls.map((call) => call.startedAt),
      calls.map((call) => call.durationSeconds),
      calls.map((call) => call.hostEmail?.toLowerCase() ?? null),
      calls.map((call) => JSON.stringify(storedParticipants(call))),
      calls.map((call) =>
        JSON.stringify({ ...call.sourceData, url: call.url, crmContext: call.crmContext }),
      ),
    ],
  );
  for (const row of rows) {
    if (row.inserted) counts.created += 1;
    else counts.updated += 1;
  }
  counts.unchanged = calls.length - rows.length;
  return counts;
}

/** Of these source ids, the ones already stored with a transcript. */
export async function withTranscripts(
  db: Queryable,
  workspaceId: string,
  source: string,
  sourceIds: string[],
): Promise<Set<string>> {
  const { rows } = await db.query<{ sourceId: string }>(
    `select source_id as "sourceId" from conversations
     where workspace_id = $1::uuid and source = $2::text and source_id = any($3::text[])
       and transcript is not null`,
    [workspaceId, source, sourceIds],
  );
  return new Set(rows.map((row) => row.sourceId));
}

/** Writes transcripts by source id; returns how many conversations got one. */
export async function storeTranscripts(
  db: Queryable,
  workspaceId: string,
  source: string,
  transcripts: Map<string, string>,
): Promise<number> {
  if (transcripts.size === 0) return 0;
  const { rowCount } = await db.query(
    `update conversations c set transcript = t.transcript, updated_at = now()
     from unnest($3::text[], $4::text[]) as t(source_id, transcript)
     where c.workspace_id = $1::uuid and c.source = $2::text and c.source_id = t.source_id
       and c.transcript is distinct from t.transcript`,
    [workspaceId, source, [...transcripts.keys()], [...transcripts.values()]],
  );
  return rowCount ?? 0;
}
