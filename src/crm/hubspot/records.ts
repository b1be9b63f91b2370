import { createOnce } from '../create-once.js';
import { CrmError } from '../errors.js';
import type {
  CreateInput,
  CrmObjectType,
  CrmProperties,
  CrmRecord,
  RecordResult,
  UpdateInput,
} from '../port.js';
import {
  BATCH_SIZE,
  errorsBy,
  inChunks,
  isolateRefusals,
  isRecordId,
  missingResult,
  notFound,
  refusedInput,
  toCrmRecord,
  unkeyedErrors,
  type SdkBatchAnswer,
  type SdkRecord,
} from './batch.js';
import { sdkOptions, type HubspotClient } from './client.js';
import { OBJECT_TYPE, associationTypeId } from './field-map.js';

/** HubSpot takes property values as strings; null clears a property (sent as ''). */
function toHubspotValues(properties: CrmProperties): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(properties)) {
    values[name] = value === null ? '' : String(value);
  }
  return values;
}

const answerOf = <R>(value: unknown) => value as SdkBatchAnswer<R>;

export async function readRecords(
  client: HubspotClient,
  objectType: CrmObjectType,
  ids: string[],
  properties: string[],
): Promise<RecordResult[]> {
  const wanted = [...new Set(ids.filter(isRecordId))];
  const found = new Map<string, RecordResult>();
  await inChunks(
    wanted,
    BATCH_SIZE,
    async (chunk) => {
      const answer = answerOf<SdkRecord>(
        await client.call('idempotent', (sdk) =>
          sdk.crm.objects.batchApi.read(
            OBJECT_TYPE[objectType],
            { inputs: chunk.map((id) => ({ id })), properties, propertiesWithHistory: [] },
            false,
            sdkOptions(),
          ),
        ),
      );
      for (const record of answer.results) {
        found.set(String(record.id), {
          ok: true,
          id: String(record.id),
          value: toCrmRecord(objectType, record),
        });
      }
      // Ids HubSpot did not find come back in one OBJECT_NOT_FOUND error; others name their ids.
      for (const [id, error] of errorsBy(answer.errors, 'ids')) {
        if (error.kind !== 'not_found') found.set(id, { ok: false, id, error });
      }
      return [];
    },
    (id, error) => {
      found.set(id, { ok: false, id, error });
      return null;
    },
  );
  return ids.map((id) => {
    const result = found.get(id);
    if (result) return { ...result, id } as RecordResult;
    return { ok: false, id, error: notFound(objectType, id) };
  });
}

/**
 * Field updates through `batch/update`, 100 records per call, each call retried as
 * a whole after transient failures (setting fields to values is idempotent). Two
 * inputs for one record are merged into one (HubSpot refuses duplicate ids in a
 * batch), the later value winning; both get the record's result.
 */
export async function updateRecords(
  client: HubspotClient,
  objectType: CrmObjectType,
  inputs: UpdateInput[],
): Promise<RecordResult[]> {
  const merged = new Map<string, CrmProperties>();
  for (const input of inputs) {
    if (!isRecordId(input.id)) continue;
    merged.set(input.id, { ...merged.get(input.id), ...input.properties });
  }
  const outcome = new Map<string, RecordResult>();
  const send = async (chunk: [string, CrmProperties][]) => {
    const answer = answerOf<SdkRecord>(
      await client.call('idempotent', (sdk) =>
        sdk.crm.objects.batchApi.update(
          OBJECT_TYPE[objectType],
          {
            inputs: chunk.map(([id, properties]) => ({
              id,
              properties: toHubspotValues(properties),
            })),
          },
          sdkOptions(),
        ),
      ),
    );
    for (const record of answer.results) {
      outcome.set(String(record.id), {
        ok: true,
        id: String(record.id),
        value: toCrmRecord(objectType, record),
      });
    }
    for (const [id, error] of errorsBy(answer.errors, 'ids')) {
      const named = error.kind === 'not_found' ? notFound(objectType, id) : error;
      outcome.set(id, { ok: false, id, error: named });
    }
    const stray = unkeyedErrors(answer.errors, 'ids')[0];
    for (const [id] of chunk) {
      if (!outcome.has(id)) outcome.set(id, { ok: false, id, error: stray ?? missingResult() });
    }
  };
  await inChunks(
    [...merged],
    BATCH_SIZE,
    async (chunk) => {
      await isolateRefusals(
        chunk,
        send,
        ([id], error) =>
          outcome.set(id, { ok: false, id, error: refusedInput(`${objectType} ${id}`, error) }),
        ([, properties]) => Object.keys(properties),
      );
      return [];
    },
    ([id], error) => {
      outcome.set(id, { ok: false, id, error });
      return null;
    },
  );
  return inputs.map((input): RecordResult => {
    if (!isRecordId(input.id))
      return { ok: false, id: input.id, error: notFound(objectType, input.id) };
    const result = outcome.get(input.id) ?? { ok: false, id: input.id, error: missingResult() };
    return { ...result, id: input.id } as RecordResult;
  });
}

/**
 * The property a new record's marker is kept in: text with unique values, so a
 * batch read by it (`idProperty`) finds the record at once, unlike the search
 * index, which lags writes by seconds and could miss a record just made.
 */
export const MARKER_PROPERTY = 'pandora_create_key';

type IndexedCreate = { input: CreateInput; index: number };

/**
 * Creates through `batch/create`, 100 per call. Associations go inline. Each input
 * carries its position as `objectWriteTraceId`, which HubSpot echoes on results and
 * errors; results without it are matched by position. With `markerProperty` (the
 * account has it), an input's marker is written to it and a call whose answer is
 * lost is looked up by marker before anything is sent again (`createOnce`);
 * without, a lost answer is reported, never resent.
 */
export async function createRecords(
  client: HubspotClient,
  objectType: CrmObjectType,
  inputs: CreateInput[],
  markerProperty: string | null = null,
): Promise<RecordResult[]> {
  const results: RecordResult[] = new Array(inputs.length);
  const indexed: IndexedCreate[] = [];
  for (const [index, input] of inputs.entries()) {
    const unsupported = (input.associations ?? []).find(
      (ref) => associationTypeId(objectType, ref.objectType) === undefined,
    );
    if (unsupported) {
      results[index] = {
        ok: false,
        id: null,
        error: new CrmError(
          'validation',
          `HubSpot cannot associate a new ${objectType} with a ${unsupported.objectType} (${unsupported.id})`,
          { crmCode: 'INVALID_ASSOCIATION' },
        ),
      };
    } else indexed.push({ input, index });
  }
  const made = await createOnce(indexed, {
    ...client.createRetry(),
    marker: ({ input }) => (markerProperty ? input.marker : undefined),
    mayExist: ({ input }) => input.mayExist === true,
    find: (items) => findByMarker(client, objectType, markerProperty!, items),
    send: (items) => sendCreates(client, objectType, items, markerProperty),
  });
  indexed.forEach(({ index }, i) => (results[index] = made[i]!));
  return results;
}

/** Each input's record by its marker, in batch reads by the unique property. */
async function findByMarker(
  client: HubspotClient,
  objectType: CrmObjectType,
  markerProperty: string,
  items: IndexedCreate[],
): Promise<(CrmRecord | null)[]> {
  const found = new Map<string, CrmRecord>();
  const markers = [...new Set(items.map(({ input }) => input.marker!))];
  for (let offset = 0; offset < markers.length; offset += BATCH_SIZE) {
    const answer = answerOf<SdkRecord>(
      await client.call('idempotent', (sdk) =>
        sdk.crm.objects.batchApi.read(
          OBJECT_TYPE[objectType],
          {
            inputs: markers.slice(offset, offset + BATCH_SIZE).map((id) => ({ id })),
            idProperty: markerProperty,
            properties: [markerProperty],
            propertiesWithHistory: [],
          },
          false,
          sdkOptions(),
        ),
      ),
    );
    for (const record of answer.results) {
      const marker = record.properties[markerProperty];
      if (marker) found.set(marker, toCrmRecord(objectType, record));
    }
  }
  return items.map(({ input }) => found.get(input.marker!) ?? null);
}

/** One `batch/create` per 100 inputs; one result per input, in order. */
async function sendCreates(
  client: HubspotClient,
  objectType: CrmObjectType,
  items: IndexedCreate[],
  markerProperty: string | null,
): Promise<RecordResult[]> {
  const results: RecordResult[] = new Array(items.length);
  const local = items.map(({ input }, index) => ({ input, index }));
  const send = async (chunk: IndexedCreate[]) => {
    const answer = answerOf<SdkRecord>(
      await client.call('unsafe', (sdk) =>
        sdk.crm.objects.batchApi.create(
          OBJECT_TYPE[objectType],
          {
            inputs: chunk.map(({ input, index }) => ({
              properties: {
                ...toHubspotValues(input.properties),
                ...(markerProperty && input.marker ? { [markerProperty]: input.marker } : {}),
              },
              objectWriteTraceId: String(index),
              associations: (input.associations ?? []).map((ref) => ({
                to: { id: ref.id },
                types: [
                  {
                    associationCategory: 'HUBSPOT_DEFINED' as never,
                    associationTypeId: associationTypeId(objectType, ref.objectType)!,
                  },
                ],
              })),
            })),
          },
          sdkOptions(),
        ),
      ),
    );
    const pending = new Set(chunk.map(({ index }) => index));
    const unmatched: SdkRecord[] = [];
    for (const record of answer.results) {
      const index = Number(record.objectWriteTraceId);
      if (record.objectWriteTraceId !== undefined && pending.delete(index)) {
        results[index] = {
          ok: true,
          id: String(record.id),
          value: toCrmRecord(objectType, record),
        };
      } else unmatched.push(record);
    }
    for (const [trace, error] of errorsBy(answer.errors, 'objectWriteTraceId')) {
      const index = Number(trace);
      if (pending.delete(index)) results[index] = { ok: false, id: null, error };
    }
    const strays = unkeyedErrors(answer.errors, 'objectWriteTraceId');
    for (const index of [...pending]) {
      const record = unmatched.shift();
      const error = record ? undefined : (strays.shift() ?? missingResult());
      results[index] = record
        ? { ok: true, id: String(record.id), value: toCrmRecord(objectType, record) }
        : { ok: false, id: null, error: error! };
    }
  };
  await inChunks(
    local,
    BATCH_SIZE,
    async (chunk) => {
      await isolateRefusals(
        chunk,
        send,
        ({ index }, error) => {
          results[index] = {
            ok: false,
            id: null,
            error: refusedInput(`the new ${objectType} at position ${index + 1}`, error),
          };
        },
        ({ input }) => Object.keys(input.properties),
      );
      return [];
    },
    ({ index }, error) => {
      results[index] = { ok: false, id: null, error };
      return null;
    },
  );
  return results;
}

/** Archives through `batch/archive` (HubSpot answers 204 for all, archived before or not). */
export async function archiveRecords(
  client: HubspotClient,
  objectType: CrmObjectType,
  ids: string[],
): Promise<RecordResult<null>[]> {
  const failures = new Map<string, CrmError>();
  await inChunks(
    [...new Set(ids.filter(isRecordId))],
    BATCH_SIZE,
    async (chunk) => {
      await client.call('idempotent', (sdk) =>
        sdk.crm.objects.batchApi.archive(
          OBJECT_TYPE[objectType],
          { inputs: chunk.map((id) => ({ id })) },
          sdkOptions(),
        ),
      );
      return [];
    },
    (id, error) => {
      failures.set(id, error);
      return null;
    },
  );
  return ids.map((id): RecordResult<null> => {
    if (!isRecordId(id)) return { ok: false, id, error: notFound(objectType, id) };
    const error = failures.get(id);
    return error ? { ok: false, id, error } : { ok: true, id, value: null };
  });
}
