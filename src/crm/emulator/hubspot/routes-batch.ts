import type { FastifyInstance, FastifyReply } from 'fastify';
import type { PartialBatch } from '../controls.js';
import {
  booleanParam,
  listParam,
  nowIso,
  objectTypeParam,
  recordJson,
  type HubspotEnv,
} from './context.js';
import {
  batchError,
  propertyBatchError,
  propertyValuesError,
  validationError,
  type BatchError,
} from './errors.js';
import type { HsObjectType } from './properties.js';
import type { HsRecord } from './store.js';
import {
  checkAssociations,
  checkProperties,
  createRecord,
  emailConflict,
  updateRecord,
  type AssociationInput,
  type PropertyInput,
} from './writes.js';

/** HubSpot's batch endpoints take at most 100 inputs. */
export const BATCH_LIMIT = 100;

const LABEL: Record<HsObjectType, string> = {
  deals: 'DEAL',
  contacts: 'CONTACT',
  companies: 'COMPANY',
  notes: 'NOTE',
};

interface BatchParams {
  objectType: string;
}

/** The `inputs` of a batch body, checked for shape and size as HubSpot does. */
export function batchInputs<T>(body: unknown, limit = BATCH_LIMIT): T[] {
  const inputs = (body as { inputs?: unknown } | null)?.inputs;
  if (!Array.isArray(inputs)) {
    throw validationError('Invalid input JSON on line 1: inputs must be an array');
  }
  if (inputs.length > limit) {
    throw validationError(
      `Batch input size ${inputs.length} is over the limit: at most ${limit} inputs are allowed per call.`,
      { context: { limit: [String(limit)] } },
    );
  }
  return inputs as T[];
}

/** 200/201 when every record went through, 207 with `errors[]` when some did not. */
export function sendBatch(
  reply: FastifyReply,
  okStatus: number,
  startedAt: string,
  results: unknown[],
  errors: BatchError[],
): FastifyReply {
  const body: Record<string, unknown> = {
    status: 'COMPLETE',
    results,
    startedAt,
    completedAt: new Date().toISOString(),
  };
  if (errors.length > 0) {
    body.numErrors = errors.length;
    body.errors = errors;
  }
  return reply.code(errors.length > 0 ? 207 : okStatus).send(body);
}

export function injectedFailure(context: Record<string, string[]>): BatchError {
  return batchError(
    'VALIDATION_ERROR',
    'The emulator refused this record (partial_batch fault).',
    context,
  );
}

/**
 * `whole_batch` mode: the first input with bad values refuses the whole call with
 * one 400 VALIDATION_ERROR, naming the property but not the input, and nothing is
 * written, as HubSpot answers some batch calls. Other failures stay per record.
 */
function refuseWholeBatch(
  env: HubspotEnv,
  type: HsObjectType,
  inputs: { key: string | null; properties?: PropertyInput; record?: HsRecord | null }[],
  plan: PartialBatch | undefined,
): void {
  if (env.batchValidation !== 'whole_batch') return;
  for (const input of inputs) {
    if (!input.properties || typeof input.properties !== 'object') {
      throw validationError('Invalid input JSON: properties must be an object');
    }
    if (plan?.fails(input.key)) {
      throw validationError('The emulator refused an input of this batch (partial_batch fault).');
    }
    // An update of a record that does not exist is a per-record OBJECT_NOT_FOUND.
    if (input.record === null) continue;
    const checked = checkProperties(env.store, type, input.properties, input.record);
    if (!checked.ok) throw propertyValuesError(checked.problems);
  }
}

function notFoundIds(type: HsObjectType, ids: string[]): BatchError {
  return batchError(
    'OBJECT_NOT_FOUND',
    `Could not get some ${LABEL[type]} objects, they may be deleted or not exist. Check that ids are valid.`,
    { ids },
  );
}

/** `/crm/v3/objects/{type}/batch/{read|create|update|archive}`. */
export function registerBatchRoutes(app: FastifyInstance, env: HubspotEnv): void {
  const { store } = env;

  const lookup = (
    type: HsObjectType,
    id: string,
    idProperty: string | undefined,
    archived = false,
  ) => {
    if (type === 'contacts' && idProperty === 'email') {
      const found = store.emails.get(id.toLowerCase());
      return found ? store.tables.contacts.get(found) : undefined;
    }
    if (idProperty && idProperty !== 'hs_object_id') {
      return archived ? undefined : store.byUniqueValue(type, idProperty, id);
    }
    return store.tables[type].get(id, archived);
  };

  app.post<{ Params: BatchParams; Querystring: Record<string, unknown> }>(
    '/crm/v3/objects/:objectType/batch/read',
    async (request, reply) => {
      const type = objectTypeParam(request.params.objectType);
      const startedAt = nowIso(env);
      const body = request.body as { properties?: unknown; idProperty?: string };
      const inputs = batchInputs<{ id?: unknown }>(request.body);
      const plan = env.ctx().beginBatch(request, inputs.length);
      const properties = listParam(body.properties);
      const archived = booleanParam(request.query.archived);
      const results: unknown[] = [];
      const errors: BatchError[] = [];
      const missing: string[] = [];
      for (const input of inputs) {
        const id = String(input?.id ?? '');
        if (plan?.fails(id)) {
          errors.push(injectedFailure({ ids: [id] }));
          continue;
        }
        const record = lookup(type, id, body.idProperty, archived);
        if (record) results.push(recordJson(store, type, record, properties));
        else missing.push(id);
      }
      if (missing.length > 0) errors.push(notFoundIds(type, missing));
      return sendBatch(reply, 200, startedAt, results, errors);
    },
  );

  app.post<{ Params: BatchParams }>(
    '/crm/v3/objects/:objectType/batch/create',
    async (request, reply) => {
      const type = objectTypeParam(request.params.objectType);
      const startedAt = nowIso(env);
      const inputs = batchInputs<{
        properties?: PropertyInput;
        associations?: AssociationInput[];
        objectWriteTraceId?: string;
      }>(request.body);
      const plan = env.ctx().beginBatch(request, inputs.length);
      refuseWholeBatch(
        env,
        type,
        inputs.map((input) => ({
          key: input?.objectWriteTraceId ?? null,
          properties: input?.properties,
        })),
        plan,
      );
      const results: unknown[] = [];
      const errors: BatchError[] = [];
      for (const input of inputs) {
        const trace = input?.objectWriteTraceId;
        const context: Record<string, string[]> = trace ? { objectWriteTraceId: [trace] } : {};
        const outcome = createOne(env, type, input, plan, trace ?? null);
        if ('error' in outcome) {
          errors.push({ ...outcome.error, context: { ...outcome.error.context, ...context } });
        } else {
          const extra = trace ? { objectWriteTraceId: trace } : {};
          results.push(
            recordJson(store, type, outcome.record, Object.keys(input.properties ?? {}), extra),
          );
        }
      }
      return sendBatch(reply, 201, startedAt, results, errors);
    },
  );

  app.post<{ Params: BatchParams }>(
    '/crm/v3/objects/:objectType/batch/update',
    async (request, reply) => {
      const type = objectTypeParam(request.params.objectType);
      const startedAt = nowIso(env);
      const inputs = batchInputs<{ id?: unknown; properties?: PropertyInput; idProperty?: string }>(
        request.body,
      );
      const ids = inputs.map((input) => String(input?.id ?? ''));
      const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
      if (duplicates.length > 0) {
        throw validationError(
          `Duplicate IDs found in batch input: [${[...new Set(duplicates)].join(', ')}]. IDs must be unique`,
        );
      }
      const plan = env.ctx().beginBatch(request, inputs.length);
      refuseWholeBatch(
        env,
        type,
        inputs.map((input, index) => ({
          key: ids[index]!,
          properties: input?.properties,
          record: lookup(type, ids[index]!, input?.idProperty) ?? null,
        })),
        plan,
      );
      const results: unknown[] = [];
      const errors: BatchError[] = [];
      const missing: string[] = [];
      const at = nowIso(env);
      inputs.forEach((input, index) => {
        const id = ids[index]!;
        const properties = input?.properties;
        if (!properties || typeof properties !== 'object') {
          errors.push(
            batchError('VALIDATION_ERROR', 'properties must be an object', { ids: [id] }),
          );
          return;
        }
        if (plan?.fails(id)) {
          errors.push(injectedFailure({ ids: [id] }));
          return;
        }
        const record = lookup(type, id, input.idProperty);
        if (!record) {
          missing.push(id);
          return;
        }
        const checked = checkProperties(store, type, properties, record);
        if (!checked.ok) {
          errors.push(propertyBatchError(checked.problems, { ids: [id] }));
          return;
        }
        const conflict = emailConflict(store, type, checked.values, record.id);
        if (conflict) {
          errors.push(
            batchError('CONFLICT', `Contact already exists. Existing ID: ${conflict}`, {
              ids: [id],
            }),
          );
          return;
        }
        updateRecord(store, type, record, checked.values, at);
        results.push(recordJson(store, type, record, Object.keys(properties)));
      });
      if (missing.length > 0) errors.push(notFoundIds(type, missing));
      return sendBatch(reply, 200, startedAt, results, errors);
    },
  );

  app.post<{ Params: BatchParams }>(
    '/crm/v3/objects/:objectType/batch/archive',
    async (request, reply) => {
      const type = objectTypeParam(request.params.objectType);
      const inputs = batchInputs<{ id?: unknown }>(request.body);
      const plan = env.ctx().beginBatch(request, inputs.length);
      const at = nowIso(env);
      for (const input of inputs) {
        const id = String(input?.id ?? '');
        // A 204 cannot report one record's failure: an injected one is simply not archived.
        if (plan?.fails(id)) continue;
        const record = store.tables[type].get(id);
        if (record) store.archive(type, record, at);
      }
      return reply.code(204).send();
    },
  );
}

function createOne(
  env: HubspotEnv,
  type: HsObjectType,
  input: { properties?: PropertyInput; associations?: AssociationInput[] },
  plan: PartialBatch | undefined,
  trace: string | null,
): { record: HsRecord } | { error: BatchError } {
  const { store } = env;
  if (!input?.properties || typeof input.properties !== 'object') {
    return { error: batchError('VALIDATION_ERROR', 'properties must be an object', {}) };
  }
  if (plan?.fails(trace)) return { error: injectedFailure({}) };
  const checked = checkProperties(store, type, input.properties);
  if (!checked.ok) return { error: propertyBatchError(checked.problems, {}) };
  const conflict = emailConflict(store, type, checked.values);
  if (conflict) {
    return {
      error: batchError('CONFLICT', `Contact already exists. Existing ID: ${conflict}`, {
        existingId: [conflict],
      }),
    };
  }
  const links = checkAssociations(store, type, input.associations);
  if (!links.ok) {
    return {
      error: batchError(
        'VALIDATION_ERROR',
        links.message,
        {},
        'crm.associations.INVALID_ASSOCIATIONS',
      ),
    };
  }
  return { record: createRecord(store, type, checked.values, links.links, nowIso(env)) };
}
