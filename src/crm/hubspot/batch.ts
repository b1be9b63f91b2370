import { CrmError } from '../errors.js';
import type { CrmObjectType, CrmProperties, CrmRecord } from '../port.js';
import { errorFromBody, type HubspotErrorBody } from './errors.js';

/** HubSpot's batch endpoints take 100 inputs per call. */
export const BATCH_SIZE = 100;

/** A HubSpot record as the SDK returns it. */
export interface SdkRecord {
  id: string;
  properties: Record<string, string | null>;
  createdAt?: Date | string;
  updatedAt?: Date | string;
  archived?: boolean;
  objectWriteTraceId?: string;
}

/** What a batch call answers: `results`, and on a 207 `errors` naming the records. */
export interface SdkBatchAnswer<R> {
  results: R[];
  errors?: (HubspotErrorBody & { context?: Record<string, string[]> })[];
}

function iso(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function toCrmRecord(objectType: CrmObjectType, record: SdkRecord): CrmRecord {
  const properties: CrmProperties = {};
  for (const [name, value] of Object.entries(record.properties ?? {})) {
    properties[name] = value ?? null;
  }
  const result: CrmRecord = {
    id: String(record.id),
    objectType,
    properties,
    updatedAt: iso(record.updatedAt) ?? new Date(0).toISOString(),
  };
  const createdAt = iso(record.createdAt);
  if (createdAt) result.createdAt = createdAt;
  if (record.archived) result.archived = true;
  return result;
}

/** HubSpot record ids are numbers; anything else cannot name a record. */
export const isRecordId = (id: string) => /^\d{1,20}$/.test(id);

export function notFound(objectType: CrmObjectType, id: string): CrmError {
  return new CrmError('not_found', `No HubSpot ${objectType} with id ${id}`, {
    crmCode: 'OBJECT_NOT_FOUND',
  });
}

export function missingResult(): CrmError {
  return new CrmError('transient', 'HubSpot answered without a result for this record', {
    crmCode: 'MISSING_RESULT',
  });
}

/** Each record error of a 207 answer, by the values of one context key (`ids`, `objectWriteTraceId`). */
export function errorsBy(
  errors: SdkBatchAnswer<unknown>['errors'],
  key: string,
): Map<string, CrmError> {
  const byKey = new Map<string, CrmError>();
  for (const error of errors ?? []) {
    const mapped = errorFromBody(error);
    for (const value of error.context?.[key] ?? []) byKey.set(String(value), mapped);
  }
  return byKey;
}

/** The errors of a 207 answer that name none of the records by `key`. */
export function unkeyedErrors(errors: SdkBatchAnswer<unknown>['errors'], key: string): CrmError[] {
  return (errors ?? [])
    .filter((error) => !error.context?.[key]?.length)
    .map((e) => errorFromBody(e));
}

/** Kinds that concern the records sent, not the call: other chunks may still go through. */
const RECORD_KINDS = new Set(['validation', 'not_found', 'conflict']);

/**
 * Sends `items` in chunks. When a whole chunk is refused for its content (a 400
 * from HubSpot fails every record of the batch), its records fail and the next
 * chunk goes on. When the call itself fails (auth, permission, rate limit or
 * transient after retries): on the first chunk nothing was done and the error is
 * thrown; later, the chunk and every one after it fail with it, so the caller still
 * learns what the earlier chunks did.
 */
export async function inChunks<I, R>(
  items: I[],
  size: number,
  run: (chunk: I[]) => Promise<R[]>,
  failed: (item: I, error: CrmError) => R,
): Promise<R[]> {
  const results: R[] = [];
  for (let offset = 0; offset < items.length; offset += size) {
    const chunk = items.slice(offset, offset + size);
    try {
      results.push(...(await run(chunk)));
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      if (RECORD_KINDS.has(error.kind)) {
        results.push(...chunk.map((item) => failed(item, error)));
        continue;
      }
      if (offset === 0) throw error;
      results.push(...items.slice(offset).map((item) => failed(item, error)));
      break;
    }
  }
  return results;
}
