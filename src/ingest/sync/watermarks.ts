import type { CrmObjectType } from '../../crm/port.js';

/**
 * Per object type, where the next incremental run reads from. `at` and `ids`: the
 * newest modification time synced and the ids already held at exactly that instant.
 * While that instant is recent, a change could still land in the same instant
 * (Salesforce stamps whole seconds), so the next run reads from it again and skips the
 * ids it has. Once it is `SETTLED_MS` older than the run, nothing new can carry it, and
 * `at` moves one step of the CRM's clock past it with no ids: a bulk import of
 * thousands of records stamped alike is then not read twice.
 *
 * `syncedAt`: when the run that read up to `at` started. A CRM's search index lags
 * its writes (HubSpot's by seconds), so a record changed shortly before that run may
 * have been invisible to it while newer ones were not: the next run reads again from
 * the overlap window before `syncedAt` when that is earlier than `at`. Re-read records
 * that did not change are not rewritten (the upserts compare first).
 */
export type Watermark = { at: string; ids: string[]; syncedAt?: string };
export type Watermarks = Partial<Record<CrmObjectType, Watermark>>;

// Ids kept per watermark; more records than this in one recent instant are re-read.
export const WATERMARK_IDS = 1_000;
const SETTLED_MS = 10 * 60_000;
/** How far behind the last run's start an incremental run reads again; a connection's `syncOverlapSeconds` overrides it. */
export const DEFAULT_OVERLAP_MS = 5 * 60_000;

export function nextWatermark(
  previous: Watermark | undefined,
  newest: { ms: number; at: string; ids: Set<string> } | undefined,
  runStartedMs: number,
  resolutionMs: number,
): Watermark | undefined {
  const syncedAt = new Date(runStartedMs).toISOString();
  // The overlap re-reads records older than the watermark: they never move it back.
  if (!newest || (previous && newest.ms < Date.parse(previous.at))) {
    return previous && { ...previous, syncedAt };
  }
  if (previous && newest.ms === Date.parse(previous.at)) {
    const ids = new Set([...previous.ids, ...newest.ids]);
    return { at: previous.at, ids: [...ids].slice(0, WATERMARK_IDS), syncedAt };
  }
  if (newest.ms < runStartedMs - SETTLED_MS) {
    return { at: new Date(newest.ms + resolutionMs).toISOString(), ids: [], syncedAt };
  }
  return { at: newest.at, ids: [...newest.ids], syncedAt };
}

/** Where an incremental run reads from: the watermark, or the overlap before the last run. */
export function readFrom(watermark: Watermark, overlapMs: number): string {
  const at = Date.parse(watermark.at);
  const synced = Date.parse(watermark.syncedAt ?? watermark.at);
  return new Date(Math.min(at, synced - overlapMs)).toISOString();
}

export function overlapOf(metadata: Record<string, unknown>): number {
  const seconds = metadata.syncOverlapSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0
    ? seconds * 1000
    : DEFAULT_OVERLAP_MS;
}
