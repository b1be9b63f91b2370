import type pg from 'pg';
import type { Logger } from 'pino';
import { CrmError } from '../crm/errors.js';
import { SYNC_RUN_COLUMNS } from '../ingest/sync/run.js';
import {
  CURSOR_EXPIRED,
  type ConversationSourceConnector,
  type RecordedCall,
  type SourceUser,
} from './port.js';
import { storeTranscripts, upsertConversations, withTranscripts } from './store.js';

export type SourceSyncTrigger = 'manual' | 'schedule' | 'connect' | 'cli' | 'demo';

export interface SourceSyncTarget {
  pool: pg.Pool;
  workspaceId: string;
  connectionId: string;
  connector: ConversationSourceConnector;
  /** Only these users' calls are synced, one user after the other. */
  trackedUsers: SourceUser[];
  /** The connection's metadata: `syncLookbackDays`, `syncOverlapSeconds`. */
  metadata: Record<string, unknown>;
  /** Calls made through the connector so far (its gate counts them). */
  calls: () => number;
  log?: Logger;
}

export interface SourceSyncOptions {
  /** `full` reads each user's whole look-back window again; the first run is always full. */
  mode?: 'full' | 'incremental';
  trigger: SourceSyncTrigger;
  /** The end of the window read (now by default). */
  now?: Date;
}

export interface SourceSyncCounts {
  users: number;
  conversations: { fetched: number; created: number; updated: number; unchanged: number };
  transcripts: number;
  /** Lists started again after the source refused an expired cursor. */
  cursorRestarts: number;
}

export interface SourceSyncRun {
  id: string;
  workspaceId: string;
  connectionId: string;
  mode: 'full' | 'incremental';
  trigger: SourceSyncTrigger;
  status: 'running' | 'succeeded' | 'partial' | 'failed';
  counts: SourceSyncCounts;
  crmCalls: number;
  errors: { objectType: string | null; message: string; kind: string | null }[];
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
}

/** Per tracked user: everything that started before `at` has been read (`sync_state.users`). */
export interface UserWatermark {
  at: string;
}

const DAY_MS = 86_400_000;
/** The first run's window, unless the connection sets `syncLookbackDays`. */
export const DEFAULT_LOOKBACK_DAYS = 180;
/**
 * How far before the last window's end the next run reads again: a recorder lists a
 * call only once it has processed it, minutes to hours after the call started.
 */
export const DEFAULT_SOURCE_OVERLAP_MS = 6 * 3_600_000;
// An expired cursor more often than this in one user's list is a fault, not a slow sync.
const MAX_CURSOR_RESTARTS = 5;

function numberSetting(metadata: Record<string, unknown>, key: string): number | undefined {
  const value = metadata[key];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * Brings a conversation source's calls into `conversations`, for each tracked user in
 * turn: pages of the user's calls since their watermark (less an overlap window), each
 * page upserted at once and its missing transcripts fetched in one batched request.
 * Idempotent: calls are keyed by (workspace, source, source id), unchanged ones are
 * not rewritten and transcripts already held are not fetched again. A cursor the
 * source refused as expired restarts the list from the last call stored, skipping
 * the calls already seen. The run is recorded in `sync_runs`; a user whose calls fail
 * does not stop the others (the run is then `partial`), bad credentials stop all.
 */
export async function syncSource(
  target: SourceSyncTarget,
  options: SourceSyncOptions,
): Promise<SourceSyncRun> {
  const { pool, workspaceId, connectionId, connector } = target;
  const source = connector.sourceType;
  const { rows: state } = await pool.query<{ users: Record<string, UserWatermark> | null }>(
    `select sync_state->'users' as users from connections
     where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, connectionId],
  );
  if (!state[0]) throw new Error(`connection ${connectionId} not found`);
  const watermarks = state[0].users ?? {};
  const mode =
    options.mode === 'full' || Object.keys(watermarks).length === 0 ? 'full' : 'incremental';
  const { rows: started } = await pool.query<{ id: string }>(
    `insert into sync_runs (workspace_id, connection_id, mode, trigger)
     values ($1::uuid, $2::uuid, $3::text, $4::text) returning id`,
    [workspaceId, connectionId, mode, options.trigger],
  );
  const runId = started[0]!.id;
  const startedMs = Date.now();
  const callsAtStart = target.calls();
  const to = options.now ?? new Date();
  const lookbackMs =
    (numberSetting(target.metadata, 'syncLookbackDays') ?? DEFAULT_LOOKBACK_DAYS) * DAY_MS;
  const overlapSeconds = numberSetting(target.metadata, 'syncOverlapSeconds');
  const overlapMs =
    overlapSeconds === undefined ? DEFAULT_SOURCE_OVERLAP_MS : overlapSeconds * 1000;
  const counts: SourceSyncCounts = {
    users: 0,
    conversations: { fetched: 0, created: 0, updated: 0, unchanged: 0 },
    transcripts: 0,
    cursorRestarts: 0,
  };
  const errors: SourceSyncRun['errors'] = [];
  let failedUsers = 0;

  for (const user of target.trackedUsers) {
    const watermark = mode === 'incremental' ? watermarks[user.id] : undefined;
    const from = watermark
      ? new Date(Math.max(0, Date.parse(watermark.at) - overlapMs))
      : new Date(to.getTime() - lookbackMs);
    try {
      await syncUser(target, user, from, to, counts);
      counts.users += 1;
      // Saved per user, so a run that stops half way keeps what it finished.
      await pool.query(
        `update connections
         set sync_state = jsonb_set(sync_state, '{users}',
                                    coalesce(sync_state->'users', '{}'::jsonb)
                                      || jsonb_build_object($3::text, $4::jsonb))
         where workspace_id = $1::uuid and id = $2::uuid`,
        [workspaceId, connectionId, user.id, JSON.stringify({ at: to.toISOString() })],
      );
    } catch (error) {
      failedUsers += 1;
      const crmError = error instanceof CrmError ? error : null;
      errors.push({
        objectType: `user:${user.email}`,
        message: error instanceof Error ? error.message : String(error),
        kind: crmError?.kind ?? null,
      });
      target.log?.warn(
        { err: error, runId, user: user.email },
        'conversation sync of a user failed',
      );
      // Every other user would be refused the same way.
      if (crmError && (crmError.kind === 'auth_expired' || crmError.kind === 'permission')) break;
      if (crmError?.kind === 'rate_limited' && !crmError.retryable) break;
    }
  }

  const status: SourceSyncRun['status'] =
    errors.length === 0
      ? 'succeeded'
      : failedUsers >= target.trackedUsers.length || counts.users === 0
        ? 'failed'
        : 'partial';
  const { rows: finished } = await pool.query<SourceSyncRun>(
    `update sync_runs
     set status = $3::text, counts = $4::jsonb, crm_calls = $5::integer, errors = $6::jsonb,
         finished_at = now(), duration_ms = $7::integer
     where workspace_id = $1::uuid and id = $2::uuid
     returning ${SYNC_RUN_COLUMNS}`,
    [
      workspaceId,
      runId,
      status,
      JSON.stringify(counts),
      target.calls() - callsAtStart,
      JSON.stringify(errors),
      Date.now() - startedMs,
    ],
  );
  await pool.query(
    `update connections set last_sync_at = now(), updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, connectionId],
  );
  target.log?.info({ runId, source, status, counts }, 'conversation source synced');
  return finished[0]!;
}

async function syncUser(
  target: SourceSyncTarget,
  user: SourceUser,
  windowFrom: Date,
  to: Date,
  counts: SourceSyncCounts,
): Promise<void> {
  const { pool, workspaceId, connectionId, connector } = target;
  const source = connector.sourceType;
  const seen = new Set<string>();
  let from = windowFrom;
  let cursor: string | null = null;
  let restarts = 0;
  // The start of the last call stored, while the list has come in start order.
  let lastStored: string | undefined;
  let ordered = true;
  for (;;) {
    let page: { calls: RecordedCall[]; cursor: string | null };
    try {
      page = await connector.listCalls({ user, from, to, cursor });
    } catch (error) {
      if (!(error instanceof CrmError) || error.crmCode !== CURSOR_EXPIRED || !cursor) throw error;
      if (++restarts > MAX_CURSOR_RESTARTS) throw error;
      counts.cursorRestarts += 1;
      // Calls that start at the same instant as the last one stored come again; `seen` skips them.
      from = ordered && lastStored ? new Date(lastStored) : windowFrom;
      cursor = null;
      target.log?.info(
        { user: user.email, from },
        'cursor expired; listing again from the last stored call',
      );
      continue;
    }
    const calls = page.calls.filter((call) => !seen.has(call.sourceId));
    if (calls.length > 0) {
      const stored = await upsertConversations(pool, workspaceId, source, connectionId, calls);
      counts.conversations.fetched += calls.length;
      counts.conversations.created += stored.created;
      counts.conversations.updated += stored.updated;
      counts.conversations.unchanged += stored.unchanged;
      const held = await withTranscripts(
        pool,
        workspaceId,
        source,
        calls.map((c) => c.sourceId),
      );
      const missing = calls.map((call) => call.sourceId).filter((id) => !held.has(id));
      if (missing.length > 0) {
        const transcripts = await connector.transcripts(missing);
        counts.transcripts += await storeTranscripts(pool, workspaceId, source, transcripts);
      }
      for (const call of calls) {
        seen.add(call.sourceId);
        if (lastStored && Date.parse(call.startedAt) < Date.parse(lastStored)) ordered = false;
        if (!lastStored || Date.parse(call.startedAt) > Date.parse(lastStored)) {
          lastStored = call.startedAt;
        }
      }
    }
    if (!page.cursor) return;
    cursor = page.cursor;
  }
}
