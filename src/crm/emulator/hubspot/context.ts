import type { EmulatorContext } from '../server.js';
import { INLINE_ASSOCIATIONS, typeName } from './associations.js';
import type { HubspotAuth } from './auth.js';
import { HubspotApiError } from './errors.js';
import {
  DEFAULT_PROPERTIES,
  MODIFIED_PROPERTY,
  objectTypeOf,
  type HsObjectType,
} from './properties.js';
import type { HsRecord, HubspotStore } from './store.js';

export const DEFAULT_PRIVATE_APP_TOKEN = 'pat-emulator-hubspot';
export const DEFAULT_CLIENT_ID = 'emulator-hubspot-client';
export const DEFAULT_CLIENT_SECRET = 'emulator-hubspot-secret';
export const DEFAULT_PORTAL_ID = 24_681_357;

export interface HubspotEmulatorOptions {
  /** The private-app token the account accepts (default `pat-emulator-hubspot`). */
  accessToken?: string;
  clientId?: string;
  clientSecret?: string;
  portalId?: number;
  /** Lifetime of OAuth access tokens in seconds (HubSpot: 1800). */
  accessTokenTtlSeconds?: number;
}

/** What every route module needs: the account's state and the emulator core. */
export interface HubspotEnv {
  store: HubspotStore;
  auth: HubspotAuth;
  options: Required<HubspotEmulatorOptions>;
  ctx(): EmulatorContext;
  usage: DailyUsage;
  /**
   * How batch create and update answer a bad input: `multi_status` (207, the others
   * written) or `whole_batch` (one 400 for the whole call, nothing written), as
   * HubSpot does for some objects and inputs.
   */
  batchValidation: BatchValidationMode;
}

export type BatchValidationMode = 'multi_status' | 'whole_batch';

export const nowIso = (env: HubspotEnv) => env.ctx().now().toISOString();

/** API calls per UTC day, reported in `X-HubSpot-RateLimit-Daily-*` headers. */
export class DailyUsage {
  private day = '';
  used = 0;

  count(now: Date): void {
    const today = now.toISOString().slice(0, 10);
    if (today !== this.day) {
      this.day = today;
      this.used = 0;
    }
    this.used += 1;
  }
}

/** The object type in a path (`deals`, `deal`, `0-3`...); 400 as HubSpot answers otherwise. */
export function objectTypeParam(name: string): HsObjectType {
  const type = objectTypeOf(name);
  if (!type) {
    throw new HubspotApiError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${name}`);
  }
  return type;
}

/** `properties=a,b` or repeated `properties=a&properties=b` as HubSpot accepts both. */
export function listParam(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
  const names = parts.map((p) => p.trim()).filter(Boolean);
  return names.length > 0 ? names : undefined;
}

export function limitParam(value: unknown, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new HubspotApiError(
      400,
      'VALIDATION_ERROR',
      `limit must be a whole number from 1 to ${max}; got ${String(value)}`,
    );
  }
  return limit;
}

/** A paging position (`after`) the emulator issued; 400 for anything else. */
export function afterParam(value: unknown): number {
  if (value === undefined || value === '') return 0;
  const after = Number(value);
  if (!Number.isInteger(after) || after < 0) {
    throw new HubspotApiError(
      400,
      'VALIDATION_ERROR',
      `Invalid paging cursor after=${String(value)}`,
    );
  }
  return after;
}

export function booleanParam(value: unknown): boolean {
  return value === true || value === 'true';
}

/** A record as the API returns it: requested properties (null when empty) and the system ones. */
export function recordJson(
  store: HubspotStore,
  type: HsObjectType,
  record: HsRecord,
  properties: string[] | undefined,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const names = properties
    ? new Set([...properties, 'hs_object_id', 'createdate', MODIFIED_PROPERTY[type]])
    : DEFAULT_PROPERTIES[type];
  const values: Record<string, string | null> = {};
  for (const name of names) {
    if (!store.property(type, name)) continue;
    values[name] = store.valueOf(type, record, name);
  }
  const json: Record<string, unknown> = {
    id: record.id,
    properties: values,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: record.archived,
    ...extra,
  };
  if (record.archivedAt) json.archivedAt = record.archivedAt;
  return json;
}

/**
 * A record's associations as v3 object reads carry them (`?associations=`): per
 * requested type, one entry per association type of each associated record, the first
 * 100, with `paging.next` when there are more; types with none are left out.
 */
export function inlineAssociations(
  env: HubspotEnv,
  type: HsObjectType,
  record: HsRecord,
  toTypes: HsObjectType[],
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const to of toTypes) {
    const entries = env.store.associations
      .list(type, record.id, to)
      .filter(([toId]) => env.store.tables[to].get(toId) !== undefined)
      .flatMap(([toId, typeIds]) =>
        typeIds.map((typeId) => ({ id: toId, type: typeName(typeId) })),
      );
    if (entries.length === 0) continue;
    const answer: Record<string, unknown> = { results: entries.slice(0, INLINE_ASSOCIATIONS) };
    if (entries.length > INLINE_ASSOCIATIONS) {
      const after = String(INLINE_ASSOCIATIONS);
      const link = `${env.ctx().baseUrl()}/crm/v3/objects/${type}/${record.id}/associations/${to}?after=${after}`;
      answer.paging = { next: { after, link } };
    }
    out[to] = answer;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The scope a call needs, by HubSpot's granular scope names. */
export function requiredScope(method: string, path: string): string | null {
  const write = method !== 'GET';
  const objects = /^\/crm\/v3\/objects\/([^/?]+)(\/[^?]*)?/.exec(path);
  if (objects) {
    const type = objectTypeOf(objects[1]!) ?? objects[1]!;
    const reads = !write || /\/(search|batch\/read)$/.test(objects[2] ?? '');
    const object = type === 'notes' ? 'contacts' : type;
    return `crm.objects.${object}.${reads ? 'read' : 'write'}`;
  }
  const properties = /^\/crm\/v3\/properties\/([^/?]+)/.exec(path);
  if (properties) {
    const type = objectTypeOf(properties[1]!) ?? properties[1]!;
    return `crm.schemas.${type}.${write ? 'write' : 'read'}`;
  }
  if (path.startsWith('/crm/v3/pipelines/')) return 'crm.objects.deals.read';
  if (path.startsWith('/crm/v3/owners')) return 'crm.objects.owners.read';
  if (path.startsWith('/crm/v3/lists')) return `crm.lists.${write ? 'write' : 'read'}`;
  const associations = /^\/crm\/v4\/associations\/([^/]+)\/([^/]+)\/batch\/(\w+)/.exec(path);
  if (associations) {
    const type = objectTypeOf(associations[1]!) ?? associations[1]!;
    return `crm.objects.${type === 'notes' ? 'contacts' : type}.${associations[3] === 'read' ? 'read' : 'write'}`;
  }
  return null;
}
