/**
 * The one way in for meetings that no connector synced (webhook deliveries,
 * uploads): stored through the sync engine's upsert (src/conversations/store.ts),
 * recorded like a sync when they came through a source, then handed to the internal
 * filter and the linker (`conversations.link`).
 */
import type pg from 'pg';
import { withTransaction, type Queryable } from '../db/pool.js';
import { enqueueLinking } from './linker.js';
import type { InboundMeeting } from './meeting-input.js';
import { storeTranscripts, upsertConversations } from './store.js';

export interface InboundOrigin {
  source: 'webhook' | 'upload';
  /** The webhook source; null for an upload, which belongs to no connection. */
  connectionId: string | null;
  trigger: 'webhook' | 'upload';
}

export interface InboundResult {
  created: number;
  /** Meetings stored before that this copy changed (its transcript included). */
  updated: number;
  unchanged: number;
  /** The stored row of each given meeting, in order. */
  ids: string[];
  /** The sync_runs row recording it, for meetings that came through a source. */
  runId: string | null;
}

/** The stored row and its last change, of each of these source ids that is stored. */
async function storedRows(
  db: Queryable,
  workspaceId: string,
  source: string,
  sourceIds: string[],
): Promise<Map<string, { id: string; updatedAt: string }>> {
  const { rows } = await db.query<{ sourceId: string; id: string; updatedAt: string }>(
    `select source_id as "sourceId", id, updated_at::text as "updatedAt" from conversations
     where workspace_id = $1::uuid and source = $2::text and source_id = any($3::text[])`,
    [workspaceId, source, sourceIds],
  );
  return new Map(rows.map(({ sourceId, ...row }) => [sourceId, row]));
}

/**
 * Stores meetings (their source ids unique within the call), in one transaction with
 * the linker's job, so a meeting is never stored without being linked afterwards.
 */
export async function storeInboundMeetings(
  deps: { pool: pg.Pool },
  workspaceId: string,
  origin: InboundOrigin,
  meetings: InboundMeeting[],
): Promise<InboundResult> {
  const started = Date.now();
  return withTransaction(deps.pool, async (client) => {
    const sourceIds = meetings.map((meeting) => meeting.sourceId);
    const before = await storedRows(client, workspaceId, origin.source, sourceIds);
    await upsertConversations(client, workspaceId, origin.source, origin.connectionId, meetings);
    // A transcript is the sender's to give: one sent before is kept when a copy has none.
    await storeTranscripts(
      client,
      workspaceId,
      origin.source,
      new Map(meetings.flatMap((m) => (m.transcript ? [[m.sourceId, m.transcript]] : []))),
    );
    // Both writes stamp updated_at with the transaction's now(): a changed row shows it.
    const after = await storedRows(client, workspaceId, origin.source, sourceIds);
    const result = { created: 0, updated: 0, unchanged: 0 };
    for (const sourceId of sourceIds) {
      const was = before.get(sourceId);
      if (!was) result.created += 1;
      else if (was.updatedAt !== after.get(sourceId)!.updatedAt) result.updated += 1;
      else result.unchanged += 1;
    }

    let runId: string | null = null;
    if (origin.connectionId) {
      const { rows } = await client.query<{ id: string }>(
        `insert into sync_runs (workspace_id, connection_id, mode, trigger, status, counts,
                                finished_at, duration_ms)
         values ($1::uuid, $2::uuid, 'incremental', $3::text, 'succeeded', $4::jsonb, now(),
                 $5::integer)
         returning id`,
        [
          workspaceId,
          origin.connectionId,
          origin.trigger,
          JSON.stringify({ conversations: { fetched: meetings.length, ...result } }),
          Date.now() - started,
        ],
      );
      runId = rows[0]!.id;
      await client.query(
        `update connections set last_sync_at = now()
         where workspace_id = $1::uuid and id = $2::uuid`,
        [workspaceId, origin.connectionId],
      );
    }
    if (result.created || result.updated) await enqueueLinking(client, workspaceId);
    return { ...result, ids: sourceIds.map((sourceId) => after.get(sourceId)!.id), runId };
  });
}
