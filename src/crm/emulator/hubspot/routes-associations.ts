import type { FastifyInstance } from 'fastify';
import { ASSOCIATION_TYPES, defaultTypeId, isValidType } from './associations.js';
import { nowIso, objectTypeParam, type HubspotEnv } from './context.js';
import { batchError, type BatchError } from './errors.js';
import { OBJECT_TYPE_IDS, type HsObjectType } from './properties.js';
import { batchInputs, injectedFailure, sendBatch } from './routes-batch.js';
import { noteActivity } from './writes.js';

/** v4 batch reads take up to 1,000 ids; the emulator holds creates to 100 like other batches. */
const READ_LIMIT = 1000;
const WRITE_LIMIT = 100;

interface PairParams {
  fromObjectType: string;
  toObjectType: string;
}

interface Ref {
  id?: unknown;
}

const idOf = (ref: Ref | undefined) => (ref?.id === undefined ? '' : String(ref.id));
const numeric = (id: string) => (/^\d+$/.test(id) ? Number(id) : id);

/** Associations v4: batch read, create (labelled or default) and archive. */
export function registerAssociationRoutes(app: FastifyInstance, env: HubspotEnv): void {
  const { store } = env;
  const pair = (params: PairParams): [HsObjectType, HsObjectType] => [
    objectTypeParam(params.fromObjectType),
    objectTypeParam(params.toObjectType),
  ];
  const exists = (type: HsObjectType, id: string) => store.tables[type].get(id) !== undefined;

  app.post<{ Params: PairParams }>(
    '/crm/v4/associations/:fromObjectType/:toObjectType/batch/read',
    async (request, reply) => {
      const [from, to] = pair(request.params);
      const startedAt = nowIso(env);
      const inputs = batchInputs<Ref>(request.body, READ_LIMIT);
      env.ctx().beginBatch(request, inputs.length);
      const results: unknown[] = [];
      const errors: BatchError[] = [];
      for (const input of inputs) {
        const id = idOf(input);
        const targets = exists(from, id)
          ? store.associations.list(from, id, to).filter(([toId]) => exists(to, toId))
          : [];
        if (targets.length === 0) {
          errors.push(
            batchError(
              'OBJECT_NOT_FOUND',
              `No ${to} is associated with ${from} ${id}.`,
              { fromObjectId: [id] },
              'crm.associations.NO_ASSOCIATIONS_FOUND',
            ),
          );
          continue;
        }
        results.push({
          from: { id },
          to: targets.map(([toId, typeIds]) => ({
            toObjectId: numeric(toId),
            associationTypes: typeIds.map((typeId) => ({
              category: 'HUBSPOT_DEFINED',
              typeId,
              label: ASSOCIATION_TYPES[typeId]?.label ?? null,
            })),
          })),
        });
      }
      return sendBatch(reply, 200, startedAt, results, errors);
    },
  );

  app.post<{ Params: PairParams }>(
    '/crm/v4/associations/:fromObjectType/:toObjectType/batch/create',
    async (request, reply) => {
      const [from, to] = pair(request.params);
      const startedAt = nowIso(env);
      const inputs = batchInputs<{
        from?: Ref;
        to?: Ref;
        types?: { associationCategory?: unknown; associationTypeId?: unknown }[];
      }>(request.body, WRITE_LIMIT);
      const plan = env.ctx().beginBatch(request, inputs.length);
      const results: unknown[] = [];
      const errors: BatchError[] = [];
      const at = nowIso(env);
      for (const input of inputs) {
        const fromId = idOf(input?.from);
        const toId = idOf(input?.to);
        const context = { fromObjectId: [fromId], toObjectId: [toId] };
        if (plan?.fails(fromId)) {
          errors.push(injectedFailure(context));
          continue;
        }
        const missing = [
          exists(from, fromId) ? null : `${from} ${fromId}`,
          exists(to, toId) ? null : `${to} ${toId}`,
        ].filter(Boolean);
        if (missing.length > 0) {
          errors.push(
            batchError(
              'OBJECT_NOT_FOUND',
              `No such object: ${missing.join(', ')}`,
              context,
              'crm.associations.INVALID_OBJECT_IDS',
            ),
          );
          continue;
        }
        const types = Array.isArray(input.types) ? input.types : [];
        const typeIds = types.map((t) => Number(t?.associationTypeId));
        const invalid = types.find(
          (t, i) =>
            t?.associationCategory !== 'HUBSPOT_DEFINED' || !isValidType(typeIds[i]!, from, to),
        );
        if (types.length === 0 || invalid) {
          errors.push(
            batchError(
              'VALIDATION_ERROR',
              `Invalid association type ${String(invalid?.associationTypeId ?? '(none)')} from ${from} to ${to}`,
              context,
              'crm.associations.INVALID_ASSOCIATION_TYPE',
            ),
          );
          continue;
        }
        store.associations.add(from, fromId, to, toId, typeIds);
        linkNote(env, from, fromId, to, toId, at);
        results.push({
          fromObjectTypeId: OBJECT_TYPE_IDS[from],
          fromObjectId: numeric(fromId),
          toObjectTypeId: OBJECT_TYPE_IDS[to],
          toObjectId: numeric(toId),
          labels: typeIds.map((id) => ASSOCIATION_TYPES[id]?.label).filter((l) => l),
        });
      }
      store.version += 1;
      return sendBatch(reply, 201, startedAt, results, errors);
    },
  );

  app.post<{ Params: PairParams }>(
    '/crm/v4/associations/:fromObjectType/:toObjectType/batch/associate/default',
    async (request) => {
      const [from, to] = pair(request.params);
      const startedAt = nowIso(env);
      const inputs = batchInputs<{ from?: Ref; to?: Ref }>(request.body, WRITE_LIMIT);
      env.ctx().beginBatch(request, inputs.length);
      const typeId = defaultTypeId(from, to);
      const results: unknown[] = [];
      for (const input of inputs) {
        const fromId = idOf(input?.from);
        const toId = idOf(input?.to);
        if (typeId === undefined || !exists(from, fromId) || !exists(to, toId)) continue;
        store.associations.add(from, fromId, to, toId, [typeId]);
        linkNote(env, from, fromId, to, toId, nowIso(env));
        results.push({
          from: { id: fromId },
          to: { id: toId },
          associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId },
        });
      }
      store.version += 1;
      return { status: 'COMPLETE', results, startedAt, completedAt: nowIso(env) };
    },
  );

  app.post<{ Params: PairParams }>(
    '/crm/v4/associations/:fromObjectType/:toObjectType/batch/archive',
    async (request, reply) => {
      const [from, to] = pair(request.params);
      const inputs = batchInputs<{ from?: Ref; to?: Ref[] }>(request.body, WRITE_LIMIT);
      env.ctx().beginBatch(request, inputs.length);
      for (const input of inputs) {
        for (const target of Array.isArray(input?.to) ? input.to : []) {
          store.associations.remove(from, idOf(input.from), to, idOf(target));
        }
      }
      store.version += 1;
      return reply.code(204).send();
    },
  );
}

/** Associating a note with a record moves the record's last activity date. */
function linkNote(
  env: HubspotEnv,
  from: HsObjectType,
  fromId: string,
  to: HsObjectType,
  toId: string,
  at: string,
): void {
  const [noteId, target, targetId] =
    from === 'notes' ? [fromId, to, toId] : to === 'notes' ? [toId, from, fromId] : [];
  if (!noteId || !target || !targetId) return;
  const note = env.store.tables.notes.get(noteId);
  if (note) noteActivity(env.store, note, [{ to: target, toId: targetId, typeIds: [] }], at);
}
