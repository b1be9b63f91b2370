import { CrmError } from '../errors.js';
import type { ChangedPage, CrmObjectType, CrmRecord, ListChangedOptions } from '../port.js';
import { toCrmRecord, type SdkRecord } from './batch.js';
import { sdkOptions, type HubspotClient } from './client.js';
import { MODIFIED_PROPERTY, OBJECT_TYPE } from './field-map.js';
import { associatedIds, withInlineAssociations, type InlineAssociations } from './relations.js';

/** HubSpot's page limits: 100 per list call, 200 per search; search stops at 10,000 results. */
const LIST_PAGE = 100;
const SEARCH_PAGE = 200;
const SEARCH_CAP = 10_000;

/**
 * Where a listing stands. `l`: plain list, `a` is HubSpot's `after`. `s`: a search
 * on the modification time from `since` (ms) at offset `a`, leaving out `k`, the
 * ids already returned that carry exactly `since` (a restarted search sees them
 * again).
 */
type Cursor = { m: 'l'; a: string } | { m: 's'; since: number; a: number; k: string[] };

function encode(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decode(cursor: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (value.m === 'l' && typeof value.a === 'string') return value;
    if (
      value.m === 's' &&
      Number.isFinite(value.since) &&
      Number.isInteger(value.a) &&
      Array.isArray(value.k)
    ) {
      return value;
    }
  } catch {
    // Reported below.
  }
  throw new CrmError('validation', `Not a HubSpot listChanged cursor: ${cursor}`, {
    crmCode: 'INVALID_CURSOR',
  });
}

function modifiedMs(objectType: CrmObjectType, record: CrmRecord): number {
  const value = record.properties[MODIFIED_PROPERTY[objectType]];
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? Date.parse(record.updatedAt) : ms;
}

/**
 * Records of one type. Without `since`: every record, by HubSpot's list endpoint
 * (100 per call). With `since`: a search on the last-modified property (GTE, oldest
 * first, 200 per call). HubSpot's search stops at 10,000 results, so near that mark
 * the search starts again from the last modification time seen, leaving out the
 * records already returned at exactly that time. Archived records are not reported.
 *
 * Known limit: more than 10,000 records changed in the same millisecond cannot be
 * paged by search; the rest of that millisecond is skipped.
 */
export async function listChanged(
  client: HubspotClient,
  objectType: CrmObjectType,
  options: ListChangedOptions,
): Promise<ChangedPage> {
  const cursor = options.cursor ? decode(options.cursor) : undefined;
  if (cursor?.m === 'l' || (!cursor && options.since === undefined)) {
    return listAll(client, objectType, options, cursor?.m === 'l' ? cursor.a : undefined);
  }
  const since = cursor?.m === 's' ? cursor : { since: Date.parse(options.since!), a: 0, k: [] };
  if (Number.isNaN(since.since)) {
    throw new CrmError('validation', `listChanged since is not a date: ${options.since}`, {
      crmCode: 'INVALID_SINCE',
      field: 'since',
    });
  }
  return searchChanged(client, objectType, options, since);
}

async function listAll(
  client: HubspotClient,
  objectType: CrmObjectType,
  options: ListChangedOptions,
  after: string | undefined,
): Promise<ChangedPage> {
  const limit = Math.min(options.limit ?? LIST_PAGE, LIST_PAGE);
  const page = await client.call('idempotent', (sdk) =>
    sdk.crm.objects.basicApi.getPage(
      OBJECT_TYPE[objectType],
      limit,
      after,
      options.properties,
      undefined,
      options.associations?.length
        ? options.associations.map((type) => OBJECT_TYPE[type])
        : undefined,
      false,
      sdkOptions(),
    ),
  );
  const records = page.results.map((record) => toCrmRecord(objectType, record as SdkRecord));
  if (options.associations?.length) {
    await withInlineAssociations(
      client,
      objectType,
      records,
      page.results as { id: string; associations?: InlineAssociations }[],
      options.associations,
    );
  }
  const result: ChangedPage = { records };
  const next = page.paging?.next?.after;
  if (next) result.cursor = encode({ m: 'l', a: next });
  return result;
}

async function searchChanged(
  client: HubspotClient,
  objectType: CrmObjectType,
  options: ListChangedOptions,
  state: { since: number; a: number; k: string[] },
): Promise<ChangedPage> {
  const limit = Math.min(options.limit ?? SEARCH_PAGE, SEARCH_PAGE);
  const modified = MODIFIED_PROPERTY[objectType];
  const properties = [...new Set([...options.properties, modified])];
  const page = await client.call(
    'idempotent',
    (sdk) =>
      sdk.crm.objects.searchApi.doSearch(
        OBJECT_TYPE[objectType],
        {
          filterGroups: [
            {
              filters: [
                { propertyName: modified, operator: 'GTE' as never, value: String(state.since) },
              ],
            },
          ],
          // The SDK types sorts as strings; HubSpot documents the object form.
          sorts: [{ propertyName: modified, direction: 'ASCENDING' }] as unknown as string[],
          properties,
          limit,
          after: state.a > 0 ? String(state.a) : undefined,
        },
        sdkOptions(),
      ),
    'search',
  );
  const skip = new Set(state.k);
  const all = page.results.map((record) => toCrmRecord(objectType, record as SdkRecord));
  const result: ChangedPage = { records: all.filter((record) => !skip.has(record.id)) };
  // HubSpot's search returns no associations: they come from the associations API.
  await withAssociations(client, objectType, result.records, options.associations ?? []);
  const nextAfter = page.paging?.next?.after;
  if (!nextAfter) return result;

  const after = Number(nextAfter);
  if (after + limit <= SEARCH_CAP) {
    result.cursor = encode({ m: 's', since: state.since, a: after, k: state.k });
    return result;
  }
  // Close to the cap: search again from the newest modification time seen.
  const last = all.length > 0 ? modifiedMs(objectType, all[all.length - 1]!) : state.since;
  if (last <= state.since) {
    result.cursor = encode({ m: 's', since: state.since + 1, a: 0, k: [] });
    return result;
  }
  const seenAtLast = all
    .filter((record) => modifiedMs(objectType, record) === last)
    .map((r) => r.id);
  result.cursor = encode({ m: 's', since: last, a: 0, k: seenAtLast });
  return result;
}

async function withAssociations(
  client: HubspotClient,
  objectType: CrmObjectType,
  records: CrmRecord[],
  types: CrmObjectType[],
): Promise<void> {
  if (records.length === 0 || types.length === 0) return;
  const ids = records.map((record) => record.id);
  const lists = await Promise.all(
    types.map((type) => associatedIds(client, OBJECT_TYPE[objectType], ids, OBJECT_TYPE[type])),
  );
  for (const record of records) {
    record.associations = {};
    types.forEach((type, index) => {
      record.associations![type] = lists[index]!.get(record.id) ?? [];
    });
  }
}
