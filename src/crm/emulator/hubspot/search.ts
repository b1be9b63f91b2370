import { HubspotApiError, validationError } from './errors.js';
import type { HsObjectType, PropertyDef } from './properties.js';
import type { HsRecord, HubspotStore } from './store.js';
import { comparable } from './values.js';

/** HubSpot's search limits. */
export const SEARCH_PAGE_MAX = 200;
export const SEARCH_RESULT_CAP = 10_000;
const MAX_GROUPS = 5;
const MAX_FILTERS_PER_GROUP = 6;
const MAX_FILTERS = 18;

const OPERATORS = new Set([
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
]);

export interface FilterInput {
  propertyName?: unknown;
  operator?: unknown;
  value?: unknown;
  highValue?: unknown;
  values?: unknown;
}

export interface SearchBody {
  filterGroups?: { filters?: FilterInput[] }[];
  sorts?: unknown[];
  query?: unknown;
  properties?: unknown;
  limit?: unknown;
  after?: unknown;
}

interface Filter {
  name: string;
  def: PropertyDef;
  operator: string;
  value?: number | string;
  high?: number | string;
  values?: (number | string)[];
  token?: RegExp;
}

interface Sort {
  name: string;
  def: PropertyDef;
  descending: boolean;
}

const QUERY_PROPERTIES: Record<HsObjectType, string[]> = {
  deals: ['dealname'],
  contacts: ['firstname', 'lastname', 'email', 'phone', 'company'],
  companies: ['name', 'domain', 'website', 'phone'],
  notes: ['hs_note_body'],
};

function unknownProperty(name: string): HubspotApiError {
  return validationError(`There was a problem with the request: property ${name} does not exist`, {
    errors: [
      {
        message: `Property "${name}" does not exist`,
        code: 'PROPERTY_DOESNT_EXIST',
        context: { propertyName: [name] },
      },
    ],
  });
}

function tokenPattern(value: string): RegExp {
  const escaped = value.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return value.includes('*')
    ? new RegExp(`^${escaped}$`, 'i')
    : new RegExp(`\\b${escaped}\\b`, 'i');
}

function parseFilter(store: HubspotStore, type: HsObjectType, input: FilterInput): Filter {
  const name = typeof input?.propertyName === 'string' ? input.propertyName : '';
  const operator = typeof input?.operator === 'string' ? input.operator : '';
  if (!name) throw validationError('Each filter needs a propertyName');
  if (!OPERATORS.has(operator)) {
    throw validationError(`Unknown filter operator ${operator} on ${name}`);
  }
  const def = store.property(type, name);
  if (!def) throw unknownProperty(name);
  const filter: Filter = { name, def, operator };
  const needsValue = !['HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'IN', 'NOT_IN'].includes(operator);
  if (needsValue) {
    if (input.value === undefined || input.value === null) {
      throw validationError(`Filter ${operator} on ${name} needs a value`);
    }
    const value = String(input.value);
    filter.value = comparable(def, value);
    if (operator.endsWith('CONTAINS_TOKEN')) filter.token = tokenPattern(value);
    if (operator === 'BETWEEN') {
      if (input.highValue === undefined)
        throw validationError(`BETWEEN on ${name} needs a highValue`);
      filter.high = comparable(def, String(input.highValue));
    }
  }
  if (operator === 'IN' || operator === 'NOT_IN') {
    if (!Array.isArray(input.values)) {
      throw validationError(`Filter ${operator} on ${name} needs values`);
    }
    filter.values = input.values.map((v) => comparable(def, String(v)));
  }
  return filter;
}

function parseSort(store: HubspotStore, type: HsObjectType, input: unknown): Sort {
  let name: string;
  let descending = false;
  if (typeof input === 'string') {
    descending = input.startsWith('-');
    name = descending ? input.slice(1) : input;
  } else {
    const sort = input as { propertyName?: unknown; direction?: unknown } | null;
    name = typeof sort?.propertyName === 'string' ? sort.propertyName : '';
    descending = sort?.direction === 'DESCENDING';
  }
  const def = store.property(type, name);
  if (!def) throw unknownProperty(name || String(input));
  return { name, def, descending };
}

function matches(store: HubspotStore, type: HsObjectType, record: HsRecord, filter: Filter) {
  const raw = store.valueOf(type, record, filter.name);
  const has = raw !== null && raw !== '';
  const value = has ? comparable(filter.def, raw) : undefined;
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return has;
    case 'NOT_HAS_PROPERTY':
      return !has;
    case 'EQ':
      return has && value === filter.value;
    case 'NEQ':
      return !(has && value === filter.value);
    case 'LT':
      return has && value! < filter.value!;
    case 'LTE':
      return has && value! <= filter.value!;
    case 'GT':
      return has && value! > filter.value!;
    case 'GTE':
      return has && value! >= filter.value!;
    case 'BETWEEN':
      return has && value! >= filter.value! && value! <= filter.high!;
    case 'IN':
      return has && filter.values!.includes(value!);
    case 'NOT_IN':
      return !(has && filter.values!.includes(value!));
    case 'CONTAINS_TOKEN':
      return has && filter.token!.test(raw);
    case 'NOT_CONTAINS_TOKEN':
      return !(has && filter.token!.test(raw));
    default:
      return false;
  }
}

/**
 * Runs a search: ids of the matching, unarchived records in result order, leaving out
 * records written too recently for the search index (`searchableAt`). Results are
 * cached per query and store version, so paging through one search costs one scan of
 * the table, not one per page; not while a record waits for the index.
 */
export class SearchEngine {
  private cache = new Map<string, { version: number; ids: string[] }>();

  constructor(private readonly store: HubspotStore) {}

  run(type: HsObjectType, body: SearchBody, nowMs = Date.now()): string[] {
    const groups = Array.isArray(body.filterGroups) ? body.filterGroups : [];
    if (groups.length > MAX_GROUPS) {
      throw validationError(`At most ${MAX_GROUPS} filterGroups are allowed; got ${groups.length}`);
    }
    const filters = groups.map((group) => {
      const list = Array.isArray(group?.filters) ? group.filters : [];
      if (list.length > MAX_FILTERS_PER_GROUP) {
        throw validationError(`At most ${MAX_FILTERS_PER_GROUP} filters are allowed per group`);
      }
      return list.map((filter) => parseFilter(this.store, type, filter));
    });
    if (filters.flat().length > MAX_FILTERS) {
      throw validationError(`At most ${MAX_FILTERS} filters are allowed in all`);
    }
    const sortInputs = Array.isArray(body.sorts) ? body.sorts : [];
    if (sortInputs.length > 1) throw validationError('Only one sort is supported');
    const sort =
      sortInputs[0] === undefined ? undefined : parseSort(this.store, type, sortInputs[0]);
    const query = typeof body.query === 'string' ? body.query.trim().toLowerCase() : '';

    const key = JSON.stringify([type, body.filterGroups ?? [], body.sorts ?? [], query]);
    const settled = nowMs >= this.store.searchPendingUntil;
    const cached = this.cache.get(key);
    if (settled && cached && cached.version === this.store.version) return cached.ids;

    const table = this.store.tables[type];
    const found: HsRecord[] = [];
    for (const record of table.byId.values()) {
      if (record.archived) continue;
      if (record.searchableAt !== undefined && record.searchableAt > nowMs) continue;
      if (
        filters.length > 0 &&
        !filters.some((group) => group.every((f) => matches(this.store, type, record, f)))
      ) {
        continue;
      }
      if (
        query &&
        !QUERY_PROPERTIES[type].some((name) =>
          record.properties[name]?.toLowerCase().includes(query),
        )
      ) {
        continue;
      }
      found.push(record);
    }
    const ids = this.order(type, found, sort);
    if (!settled) return ids;
    if (this.cache.size >= 16) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { version: this.store.version, ids });
    return ids;
  }

  /** Sorted by the requested property (empty values last), ties by id, like HubSpot. */
  private order(type: HsObjectType, records: HsRecord[], sort: Sort | undefined): string[] {
    const byId = (a: HsRecord, b: HsRecord) => Number(a.id) - Number(b.id);
    if (!sort) return records.sort(byId).map((r) => r.id);
    const keyed = records.map((record) => {
      const raw = this.store.valueOf(type, record, sort.name);
      return { record, key: raw === null || raw === '' ? null : comparable(sort.def, raw) };
    });
    const direction = sort.descending ? -1 : 1;
    keyed.sort((a, b) => {
      if (a.key === null || b.key === null) {
        if (a.key === b.key) return byId(a.record, b.record);
        return a.key === null ? 1 : -1;
      }
      if (a.key < b.key) return -direction;
      if (a.key > b.key) return direction;
      return byId(a.record, b.record);
    });
    return keyed.map((entry) => entry.record.id);
  }
}
