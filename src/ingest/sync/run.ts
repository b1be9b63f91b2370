import type pg from 'pg';
import type { Logger } from 'pino';
import { CrmError } from '../../crm/errors.js';
import { validTimeZone } from '../../crm/rate-limits.js';
import type { CrmConnector, CrmObjectType, CrmRecord } from '../../crm/port.js';
import { domainOf, FieldReader, propertiesToRead } from './fields.js';
import { storePipelines } from './pipelines.js';
import {
  replaceDealContacts,
  upsertAccounts,
  upsertContacts,
  upsertDeals,
  upsertOwners,
  type UpsertCounts,
} from './upserts.js';
import {
  WATERMARK_IDS,
  nextWatermark,
  overlapOf,
  readFrom,
  type Watermarks,
} from './watermarks.js';

export type SyncMode = 'full' | 'incremental';
export type SyncTrigger = 'manual' | 'schedule' | 'connect' | 'cli' | 'demo';

export interface SyncTarget {
  pool: pg.Pool;
  workspaceId: string;
  connectionId: string;
  connector: CrmConnector;
  /** Calls made through the connector so far (its gate counts them). */
  calls: () => number;
  log?: Logger;
}

export interface SyncOptions {
  /** `incremental` reads only what changed since the last run's watermarks; the first run is always full. */
  mode?: SyncMode;
  trigger: SyncTrigger;
  /** Records fetched so far, per object type, for progress bars. */
  onProgress?: (event: { objectType: CrmObjectType | 'owners'; fetched: number }) => void;
}

export interface SyncCounts {
  owners: UpsertCounts;
  accounts: UpsertCounts & { fetched: number };
  contacts: UpsertCounts & { fetched: number };
  deals: UpsertCounts & { fetched: number };
  dealContacts: { added: number; removed: number };
  stageChanges: number;
}

export interface SyncRun {
  id: string;
  workspaceId: string;
  connectionId: string;
  mode: SyncMode;
  trigger: SyncTrigger;
  status: 'running' | 'succeeded' | 'partial' | 'failed';
  counts: Partial<SyncCounts>;
  crmCalls: number;
  errors: { objectType: string | null; message: string; kind: string | null }[];
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
}

export const SYNC_RUN_COLUMNS = `
  id, workspace_id as "workspaceId", connection_id as "connectionId", mode, trigger, status,
  counts, crm_calls as "crmCalls", errors, started_at as "startedAt",
  finished_at as "finishedAt", duration_ms as "durationMs"`;

const zero = (): UpsertCounts & { fetched: number } => ({
  fetched: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
});

function add(total: UpsertCounts, part: UpsertCounts): void {
  total.created += part.created;
  total.updated += part.updated;
  total.unchanged += part.unchanged;
}

/**
 * Fills the workspace's normalized tables from a CRM connection: owners, pipelines
 * and stages, accounts, contacts and deals with their associations, page by page
 * with one bulk upsert per table per page. Incremental runs ask the CRM only for
 * records modified since the last run's watermark per object type. Every run is
 * recorded in `sync_runs` with counts, CRM calls, duration and errors; an object
 * type that fails does not stop the others (the run is then `partial`).
 */
export async function syncConnection(target: SyncTarget, options: SyncOptions): Promise<SyncRun> {
  const { pool, workspaceId, connectionId, connector } = target;
  const { rows: connections } = await pool.query<{
    syncState: { watermarks?: Watermarks };
    stageMapping: Record<string, string>;
    metadata: Record<string, unknown>;
  }>(
    `select sync_state as "syncState", stage_mapping as "stageMapping", metadata
     from connections where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, connectionId],
  );
  if (!connections[0]) throw new Error(`connection ${connectionId} not found`);
  const previous = connections[0].syncState.watermarks ?? {};
  const mode: SyncMode =
    options.mode === 'incremental' && Object.keys(previous).length > 0 ? 'incremental' : 'full';

  const { rows: started } = await pool.query<{ id: string; startedAt: string }>(
    `insert into sync_runs (workspace_id, connection_id, mode, trigger)
     values ($1::uuid, $2::uuid, $3::text, $4::text)
     returning id, started_at as "startedAt"`,
    [workspaceId, connectionId, mode, options.trigger],
  );
  const runId = started[0]!.id;
  const callsAtStart = target.calls();
  const startedMs = Date.now();
  const source = connector.crm;
  const counts: SyncCounts = {
    owners: { created: 0, updated: 0, unchanged: 0 },
    accounts: zero(),
    contacts: zero(),
    deals: zero(),
    dealContacts: { added: 0, removed: 0 },
    stageChanges: 0,
  };
  const errors: SyncRun['errors'] = [];
  const watermarks: Watermarks = { ...previous };
  if (!validTimeZone(connections[0].metadata.timeZone)) await learnTimeZone(target);

  const step = async (objectType: CrmObjectType | null, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      const crmError = error instanceof CrmError ? error : null;
      errors.push({
        objectType,
        message: error instanceof Error ? error.message : String(error),
        kind: crmError?.kind ?? null,
      });
      target.log?.warn({ err: error, objectType, runId }, 'sync step failed');
    }
  };

  await step(null, async () => {
    const owners = await connector.listOwners();
    options.onProgress?.({ objectType: 'owners', fetched: owners.length });
    counts.owners = await upsertOwners(
      pool,
      workspaceId,
      source,
      owners.map((owner) => ({
        sourceId: owner.id,
        email: owner.email,
        name:
          [owner.firstName, owner.lastName].filter(Boolean).join(' ') || owner.email || owner.id,
        sourceData: owner,
      })),
    );
  });

  let stageOf = new Map<string, { pipeline: string; normalized: string }>();
  await step(null, async () => {
    const pipelines = await connector.listPipelines();
    stageOf = await storePipelines(
      pool,
      workspaceId,
      source,
      pipelines,
      connections[0]!.stageMapping,
    );
  });

  const overlapMs = overlapOf(connections[0].metadata);
  const since = (objectType: CrmObjectType) => {
    const watermark = previous[objectType];
    return mode === 'incremental' && watermark ? readFrom(watermark, overlapMs) : undefined;
  };

  for (const objectType of ['account', 'contact', 'deal'] as const) {
    await step(objectType, async () => {
      const properties = await propertiesToRead(connector, objectType);
      const reader = new FieldReader(properties);
      const total = counts[`${objectType}s`];
      const boundary = mode === 'incremental' ? previous[objectType] : undefined;
      const alreadyHave = new Set(boundary?.ids ?? []);
      let newest: { at: string; ms: number; ids: Set<string> } | undefined;
      // One page is stored while the next is fetched: the CRM and Postgres work in parallel.
      const fetchPage = async (cursor: string | undefined): Promise<FetchedPage> => {
        const page = await connector.listChanged(objectType, {
          properties: [...properties.values()],
          since: since(objectType),
          cursor,
          associations: RELATED[objectType],
        });
        const records = page.records.filter(
          (record) =>
            !(boundary && sameInstant(record.updatedAt, boundary.at) && alreadyHave.has(record.id)),
        );
        const relations = await fetchRelations(connector, objectType, records);
        return { records, cursor: page.cursor, relations };
      };
      let next: Promise<FetchedPage> | undefined = fetchPage(undefined);
      while (next) {
        const page: FetchedPage = await next;
        next = page.cursor ? fetchPage(page.cursor) : undefined;
        // Settled by the next turn's await; this only keeps a failure during the store
        // from being reported as unhandled.
        next?.catch(() => undefined);
        total.fetched += page.records.length;
        for (const record of page.records) {
          const at = Date.parse(record.updatedAt);
          if (!newest || at > newest.ms) {
            newest = { at: record.updatedAt, ms: at, ids: new Set([record.id]) };
          } else if (at === newest.ms && newest.ids.size < WATERMARK_IDS) {
            newest.ids.add(record.id);
          }
        }
        if (page.records.length > 0) {
          await storePage(target, objectType, page, reader, stageOf, counts);
        }
        options.onProgress?.({ objectType, fetched: total.fetched });
      }
      const watermark = nextWatermark(boundary, newest, startedMs, connector.changeResolutionMs);
      if (watermark) watermarks[objectType] = watermark;
    });
  }

  const status: SyncRun['status'] =
    errors.length === 0 ? 'succeeded' : errors.length >= 5 ? 'failed' : 'partial';
  const { rows: finished } = await pool.query<SyncRun>(
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
    `update connections
     set sync_state = jsonb_set(sync_state, '{watermarks}', $3::jsonb),
         last_sync_at = now(), updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, connectionId, JSON.stringify(watermarks)],
  );
  return finished[0]!;
}

interface FetchedPage {
  records: CrmRecord[];
  cursor: string | undefined;
  relations: Relations;
}

/** Associated record ids by record id, per related object type. */
type Relations = Partial<Record<'account' | 'contact', Map<string, string[]>>>;

/** The associations records are stored with: contacts' accounts, deals' accounts and contacts. */
const RELATED: Record<CrmObjectType, ('account' | 'contact')[]> = {
  account: [],
  contact: ['account'],
  deal: ['account', 'contact'],
};

/**
 * A page's associations: those the connector returned with the records (read with
 * the page), else asked for separately.
 */
async function fetchRelations(
  connector: CrmConnector,
  objectType: CrmObjectType,
  records: CrmRecord[],
): Promise<Relations> {
  const relations: Relations = {};
  if (records.length === 0) return relations;
  await Promise.all(
    RELATED[objectType].map(async (type) => {
      const missing = records.filter((record) => !record.associations?.[type]);
      const fetched =
        missing.length > 0
          ? await connector.listAssociations(
              objectType,
              missing.map((record) => record.id),
              type,
            )
          : new Map<string, string[]>();
      relations[type] = new Map(
        records.map((record) => [
          record.id,
          record.associations?.[type] ?? fetched.get(record.id) ?? [],
        ]),
      );
    }),
  );
  return relations;
}

async function storePage(
  target: SyncTarget,
  objectType: CrmObjectType,
  { records, relations }: FetchedPage,
  reader: FieldReader,
  stageOf: Map<string, { pipeline: string; normalized: string }>,
  counts: SyncCounts,
): Promise<void> {
  const { pool, workspaceId, connector } = target;
  const source = connector.crm;
  const ids = records.map((record) => record.id);
  const firstOf = (map: Map<string, string[]> | undefined, id: string) => map?.get(id)?.[0] ?? null;
  const accounts = relations.account;

  if (objectType === 'account') {
    add(
      counts.accounts,
      await upsertAccounts(
        pool,
        workspaceId,
        source,
        records.map((record) => ({
          sourceId: record.id,
          name: reader.text(record, 'name') ?? '(no name)',
          domain: domainOf(reader.text(record, 'domain')),
          industry: reader.text(record, 'industry'),
          employeeCount: reader.number(record, 'employee_count'),
          annualRevenue: reader.number(record, 'annual_revenue'),
          ownerSourceId: reader.text(record, 'owner'),
          sourceData: withoutAssociations(record),
        })),
      ),
    );
    return;
  }

  if (objectType === 'contact') {
    add(
      counts.contacts,
      await upsertContacts(
        pool,
        workspaceId,
        source,
        records.map((record) => ({
          sourceId: record.id,
          accountSourceId: firstOf(accounts, record.id),
          email: reader.text(record, 'email'),
          firstName: reader.text(record, 'first_name'),
          lastName: reader.text(record, 'last_name'),
          title: reader.text(record, 'title'),
          phone: reader.text(record, 'phone'),
          sourceData: withoutAssociations(record),
        })),
      ),
    );
    return;
  }

  const contacts = relations.contact ?? new Map<string, string[]>();
  const result = await upsertDeals(
    pool,
    workspaceId,
    source,
    records.map((record) => {
      const stage = reader.text(record, 'stage');
      const pipeline = reader.text(record, 'pipeline');
      const known = stage
        ? (stageOf.get(`${pipeline ?? ''}/${stage}`) ?? stageOf.get(`*/${stage}`))
        : undefined;
      return {
        sourceId: record.id,
        accountSourceId: firstOf(accounts, record.id),
        ownerSourceId: reader.text(record, 'owner'),
        name: reader.text(record, 'deal_name') ?? '(no name)',
        amount: reader.number(record, 'amount'),
        closeDate: reader.date(record, 'close_date'),
        pipeline: pipeline ?? known?.pipeline ?? null,
        stage,
        stageNormalized: known?.normalized ?? null,
        probability: reader.probability(record, 'probability', connector.crm),
        forecastCategory: reader.text(record, 'forecast_category'),
        nextStep: reader.text(record, 'next_step'),
        lastActivityAt: reader.timestamp(record, 'last_activity_at'),
        createdAt: record.createdAt ?? null,
        modifiedAt: record.updatedAt,
        sourceData: withoutAssociations(record),
      };
    }),
  );
  add(counts.deals, result);
  counts.stageChanges += result.stageChanges;
  const pairs = [...contacts].flatMap(([dealSourceId, contactIds]) =>
    contactIds.map((contactSourceId) => ({ dealSourceId, contactSourceId })),
  );
  const links = await replaceDealContacts(pool, workspaceId, source, ids, pairs);
  counts.dealContacts.added += links.added;
  counts.dealContacts.removed += links.removed;
}

/**
 * Stores the CRM account's time zone on the connection, for the rate limiter's quota
 * day, when the connection was made without a check that learned it. Best effort: a
 * CRM that will not say leaves the limiter on UTC days, which the log records.
 */
async function learnTimeZone(target: SyncTarget): Promise<void> {
  try {
    const { timeZone } = await target.connector.testConnection();
    if (!validTimeZone(timeZone)) return;
    await target.pool.query(
      `update connections set metadata = metadata || jsonb_build_object('timeZone', $3::text)
       where workspace_id = $1::uuid and id = $2::uuid`,
      [target.workspaceId, target.connectionId, timeZone],
    );
  } catch (error) {
    target.log?.warn(
      { err: error, connectionId: target.connectionId },
      "could not read the CRM account's time zone; daily quotas count UTC days",
    );
  }
}

/** What `source_data` keeps: the record as read, associations aside (they have their own columns). */
function withoutAssociations({ associations: _associations, ...record }: CrmRecord): CrmRecord {
  return record;
}

function sameInstant(a: string, b: string): boolean {
  return Date.parse(a) === Date.parse(b);
}
