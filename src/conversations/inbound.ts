/**
 * The one way in for meetings that no connector synced (webhook deliveries,
 * uploads): stored through the same upsert, recorded like a sync when they came
 * through a source, then handed to the internal filter and the linker.
 */
import type pg from 'pg';
import type { Logger } from 'pino';
import { withTransaction } from '../db/pool.js';
import { upsertConversations, type UpsertResult } from './inbound-store.js';
import type { InboundMeeting } from './meeting-input.js';

export interface InboundOrigin {
  source: 'webhook' | 'upload';
  /** The webhook source; null for an upload, which belongs to no connection. */
  connectionId: string | null;
  trigger: 'webhook' | 'upload';
}

export interface InboundResult extends UpsertResult {
  /** The sync_runs row recording it, for meetings that came through a source. */
  runId: string | null;
}

export async function storeInboundMeetings(
  deps: { pool: pg.Pool; log?: Logger },
  workspaceId: string,
  origin: InboundOrigin,
  meetings: InboundMeeting[],
): Promise<InboundResult> {
  const started = Date.now();
  return withTransaction(deps.pool, async (client) => {
    const stored = await upsertConversations(client, workspaceId, origin, meetings);
    let runId: string | null = null;
    if (origin.connectionId) {
      const counts = {
        conversations: {
          fetched: meetings.length,
          created: stored.created,
          updated: stored.updated,
          unchanged: stored.unchanged,
        },
      };
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
          JSON.stringify(counts),
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
    return { ...stored, runId };
  });
}
