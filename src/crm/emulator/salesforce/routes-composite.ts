import type { FastifyInstance, FastifyRequest } from 'fastify';
import { toId18 } from '../../salesforce/ids.js';
import type { PartialBatch } from '../controls.js';
import { versionOf, writeContext, type SalesforceEnv } from './context.js';
import { SfApiError, SfRecordFailure, type SfRecordError } from './errors.js';
import { fieldColumns, recordBody } from './routes-sobjects.js';
import { projectRecord } from './soql-execute.js';
import type { SfRecord } from './store.js';
import {
  applyCreate,
  applyDelete,
  applyUpdate,
  prepareCreate,
  prepareDelete,
  prepareUpdate,
  type WriteContext,
} from './writes.js';

/** sObject Collections take at most 200 records per write and 2,000 ids per retrieve. */
const MAX_WRITE = 200;
const MAX_RETRIEVE = 2000;

interface SaveResult {
  id?: string;
  success: boolean;
  errors: SfRecordError[];
}

const ROLLED_BACK: SfRecordError = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message:
    'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

const INJECTED: SfRecordError = {
  statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  message: 'Injected failure (emulator partial_batch fault)',
  fields: [],
};

function tooMany(max: number): SfApiError {
  return new SfApiError(
    400,
    'EXCEEDED_ID_LIMIT',
    `record limit reached. cannot submit more than ${max} records into this call`,
  );
}

interface CollectionBody {
  allOrNone: boolean;
  records: Record<string, unknown>[];
}

function collectionBody(body: unknown): CollectionBody {
  const object = recordBody(body);
  if (!Array.isArray(object.records)) {
    throw new SfApiError(400, 'JSON_PARSER_ERROR', "The request body needs a 'records' array");
  }
  if (object.records.length > MAX_WRITE) throw tooMany(MAX_WRITE);
  return {
    allOrNone: object.allOrNone === true,
    records: object.records as Record<string, unknown>[],
  };
}

function typeOfRecord(record: Record<string, unknown>): string {
  const attributes = record.attributes as { type?: unknown } | undefined;
  if (typeof attributes?.type !== 'string') {
    throw new SfRecordFailure(
      'INVALID_TYPE',
      'Must specify a type in the attributes of each record',
    );
  }
  return attributes.type;
}

interface Step {
  /** Validates the record; returns how to apply it, or throws its failure. */
  prepare(): () => string;
  /** The id a failed result carries (updates and deletes name theirs). */
  id: string | undefined;
}

/**
 * Runs each record's validation and write with Salesforce's collection semantics:
 * without allOrNone, each record stands alone; with it, one failure rolls back all.
 * The injected `partial_batch` plan fails the records it names as if a validation
 * rule had.
 */
function runCollection(
  steps: Step[],
  allOrNone: boolean,
  plan: PartialBatch | undefined,
): SaveResult[] {
  const outcomes = steps.map((step) => {
    try {
      if (plan?.fails(step.id ?? null)) return { error: INJECTED };
      const apply = step.prepare();
      return { apply: allOrNone ? apply : undefined, id: allOrNone ? undefined : apply() };
    } catch (error) {
      if (error instanceof SfRecordFailure) return { error: error.toRecordError() };
      throw error;
    }
  });
  const failed = outcomes.some((outcome) => 'error' in outcome);
  return outcomes.map((outcome, index) => {
    const id = steps[index]!.id;
    if ('error' in outcome)
      return { ...(id ? { id } : {}), success: false, errors: [outcome.error!] };
    if (allOrNone && failed)
      return { ...(id ? { id } : {}), success: false, errors: [ROLLED_BACK] };
    const done = outcome.apply ? outcome.apply() : outcome.id!;
    return { id: done, success: true, errors: [] };
  });
}

function begin(env: SalesforceEnv, request: FastifyRequest, size: number) {
  return env.ctx().beginBatch(request, size);
}

/** `/composite/sobjects`: create, update, delete and retrieve up to 200 (2,000) records at once. */
export function registerCompositeRoutes(scope: FastifyInstance, env: SalesforceEnv): void {
  scope.post('/data/:version/composite/sobjects', async (request) => {
    versionOf(request);
    const ctx = writeContext(env, request);
    const body = collectionBody(request.body);
    const plan = begin(env, request, body.records.length);
    const steps = body.records.map((record): Step => ({
      id: undefined,
      prepare() {
        const type = typeOfRecord(record);
        const values = prepareCreate(ctx, type, record);
        return () => applyCreate(ctx, env.schema.object(type)!.name, values);
      },
    }));
    return runCollection(steps, body.allOrNone, plan);
  });

  scope.patch('/data/:version/composite/sobjects', async (request) => {
    versionOf(request);
    const ctx = writeContext(env, request);
    const body = collectionBody(request.body);
    const plan = begin(env, request, body.records.length);
    const steps = body.records.map((record): Step => {
      const rawId = Object.entries(record).find(([key]) => key.toLowerCase() === 'id')?.[1];
      const id = typeof rawId === 'string' ? (toId18(rawId) ?? rawId) : undefined;
      return {
        id,
        prepare() {
          if (!id)
            throw new SfRecordFailure('MISSING_ARGUMENT', 'Id not specified in an update call', [
              'Id',
            ]);
          const type = typeOfRecord(record);
          const update = prepareUpdate(ctx, type, id, record);
          return () => {
            applyUpdate(ctx, env.schema.object(type)!.name, update.id, update.changes);
            return update.id;
          };
        },
      };
    });
    return runCollection(steps, body.allOrNone, plan);
  });

  scope.delete<{ Querystring: { ids?: string; allOrNone?: string } }>(
    '/data/:version/composite/sobjects',
    async (request) => {
      versionOf(request);
      const ctx = writeContext(env, request);
      const ids = (request.query.ids ?? '').split(',').filter(Boolean);
      if (ids.length === 0)
        throw new SfApiError(400, 'MISSING_ARGUMENT', 'ids parameter is required');
      if (ids.length > MAX_WRITE) throw tooMany(MAX_WRITE);
      const plan = begin(env, request, ids.length);
      const steps = ids.map((raw): Step => {
        const id = toId18(raw) ?? raw;
        return { id, prepare: () => deleteStep(env, ctx, id) };
      });
      return runCollection(steps, request.query.allOrNone === 'true', plan);
    },
  );

  const retrieve = async (request: FastifyRequest, idsInput: unknown, fieldsInput: unknown) => {
    const version = versionOf(request);
    const { type } = request.params as { type: string };
    const def = env.schema.requireObject(type);
    const ctx = writeContext(env, request);
    const ids = Array.isArray(idsInput)
      ? idsInput.map(String)
      : String(idsInput ?? '')
          .split(',')
          .filter(Boolean);
    const fields = Array.isArray(fieldsInput) ? fieldsInput.join(',') : fieldsInput;
    if (typeof fields !== 'string' || fields === '') {
      throw new SfApiError(400, 'MISSING_ARGUMENT', 'The fields parameter is required');
    }
    if (ids.length > MAX_RETRIEVE) throw tooMany(MAX_RETRIEVE);
    if (request.emulator) request.emulator.batchSize = ids.length;
    const columns = fieldColumns(env, def.name, fields);
    return ids.map((raw) => {
      const id = toId18(raw);
      const record: SfRecord | undefined = id ? ctx.store.get(def.name, id) : undefined;
      if (!record || record.IsDeleted === true) return null;
      return projectRecord(env.store, def.name, record, columns, version);
    });
  };

  scope.get<{ Querystring: { ids?: string; fields?: string } }>(
    '/data/:version/composite/sobjects/:type',
    async (request) => retrieve(request, request.query.ids, request.query.fields),
  );

  scope.post('/data/:version/composite/sobjects/:type', async (request) => {
    const body = recordBody(request.body);
    return retrieve(request, body.ids, body.fields);
  });
}

function deleteStep(env: SalesforceEnv, ctx: WriteContext, id: string): () => string {
  const type = env.store.typeOf(id);
  if (!type) throw new SfRecordFailure('MALFORMED_ID', `malformed id ${id}`);
  const target = prepareDelete(ctx, type, id);
  return () => {
    applyDelete(ctx, type, target);
    return target;
  };
}
