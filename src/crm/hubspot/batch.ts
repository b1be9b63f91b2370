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

/** Codes that condemn a property whatever its value: every input carrying it is refused. */
const PROPERTY_WIDE = new Set(['PROPERTY_DOESNT_EXIST', 'READ_ONLY_VALUE']);

/** HubSpot refused the whole call for what was in it (nothing was written). */
const refusedWhole = (error: CrmError) => error.kind === 'validation' && error.status === 400;

/**
 * Sends one batch of writes, isolating bad inputs when HubSpot refuses the whole
 * batch with one 400 VALIDATION_ERROR for a single bad input (which it does for some
 * objects and inputs, instead of a 207 naming the record): every input carrying a
 * property the error condemns whatever its value (unknown, read-only) is refused
 * and the rest sent again; otherwise the batch is split in halves, recursively, down
 * to the bad inputs, which get the error naming their property. Such a 400 writes
 * nothing, so no input is ever written twice; each split call goes through the
 * gate like any other. One bad input of 100 costs about 14 calls; a refusal every
 * input shares (an unknown property) costs one more.
 *
 * A whole-call failure of another kind is thrown while nothing went through, as the
 * caller expects of a batch; after a split call went through, it fails the inputs
 * left instead, so the caller still learns what was written.
 */
export async function isolateRefusals<I>(
  items: I[],
  send: (part: I[]) => Promise<void>,
  refused: (item: I, error: CrmError) => void,
  propertiesOf: (item: I) => string[],
): Promise<void> {
  let progressed = false;
  const attempt = async (part: I[]): Promise<void> => {
    if (part.length === 0) return;
    try {
      await send(part);
      progressed = true;
      return;
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      if (!refusedWhole(error) || part.length === 1) {
        if (!refusedWhole(error) && !progressed) throw error;
        for (const item of part) refused(item, error);
        return;
      }
      const field = error.field;
      if (field && PROPERTY_WIDE.has(error.crmCode ?? '')) {
        const bad = new Set(part.filter((item) => propertiesOf(item).includes(field)));
        if (bad.size > 0) {
          for (const item of bad) refused(item, error);
          await attempt(part.filter((item) => !bad.has(item)));
          return;
        }
      }
      const half = Math.ceil(part.length / 2);
      await attempt(part.slice(0, half));
      await attempt(part.slice(half));
    }
  };
  await attempt(items);
}

/** A whole-batch refusal as one input's own error, naming the input and its property. */
export function refusedInput(what: string, error: CrmError): CrmError {
  if (!refusedWhole(error)) return error;
  const property = error.field ? ` (property ${error.field})` : '';
  return new CrmError('validation', `HubSpot refused ${what}${property}: ${error.message}`, {
    crmCode: error.crmCode,
    field: error.field,
    status: error.status,
    cause: error,
  });
}
