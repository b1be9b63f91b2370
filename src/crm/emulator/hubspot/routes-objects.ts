import type { FastifyInstance } from 'fastify';
import {
  afterParam,
  booleanParam,
  inlineAssociations,
  limitParam,
  listParam,
  nowIso,
  objectTypeParam,
  recordJson,
  type HubspotEnv,
} from './context.js';
import { HubspotApiError, notFoundError, propertyValuesError, validationError } from './errors.js';
import {
  checkAssociations,
  checkProperties,
  createRecord,
  emailConflict,
  updateRecord,
  type AssociationInput,
  type PropertyInput,
} from './writes.js';

interface ObjectParams {
  objectType: string;
  objectId: string;
}

export function contactConflict(existingId: string): HubspotApiError {
  return new HubspotApiError(409, 'CONFLICT', `Contact already exists. Existing ID: ${existingId}`);
}

export function propertiesBody(body: unknown): PropertyInput {
  const properties = (body as { properties?: unknown } | null)?.properties;
  if (!properties || typeof properties !== 'object' || Array.isArray(properties)) {
    throw validationError('Invalid input JSON: properties must be an object of property values');
  }
  return properties as PropertyInput;
}

/** `/crm/v3/objects/{type}` and `/{id}`: list, read, create, update, archive one record. */
export function registerObjectRoutes(app: FastifyInstance, env: HubspotEnv): void {
  const { store } = env;

  app.get<{ Params: Pick<ObjectParams, 'objectType'>; Querystring: Record<string, unknown> }>(
    '/crm/v3/objects/:objectType',
    async (request) => {
      const type = objectTypeParam(request.params.objectType);
      const query = request.query;
      const limit = limitParam(query.limit, 10, 100);
      const properties = listParam(query.properties);
      const archived = booleanParam(query.archived);
      const toTypes = (listParam(query.associations) ?? []).map(objectTypeParam);
      const table = store.tables[type];
      const results: Record<string, unknown>[] = [];
      let position = afterParam(query.after);
      for (; position < table.order.length && results.length < limit; position += 1) {
        const record = table.byId.get(table.order[position]!)!;
        if (record.archived !== archived) continue;
        const associations = inlineAssociations(env, type, record, toTypes);
        results.push(recordJson(store, type, record, properties, associations && { associations }));
      }
      // The next page starts at the next record that qualifies, if there is one.
      while (position < table.order.length) {
        if (table.byId.get(table.order[position]!)!.archived === archived) break;
        position += 1;
      }
      if (position >= table.order.length) return { results };
      const after = String(position);
      const link = `${env.ctx().baseUrl()}/crm/v3/objects/${type}?after=${after}`;
      return { results, paging: { next: { after, link } } };
    },
  );

  app.get<{ Params: ObjectParams; Querystring: Record<string, unknown> }>(
    '/crm/v3/objects/:objectType/:objectId',
    async (request) => {
      const type = objectTypeParam(request.params.objectType);
      const record = store.tables[type].get(
        request.params.objectId,
        booleanParam(request.query.archived),
      );
      if (!record) throw notFoundError();
      const toTypes = (listParam(request.query.associations) ?? []).map(objectTypeParam);
      const associations = inlineAssociations(env, type, record, toTypes);
      return recordJson(
        store,
        type,
        record,
        listParam(request.query.properties),
        associations && { associations },
      );
    },
  );

  app.post<{ Params: Pick<ObjectParams, 'objectType'> }>(
    '/crm/v3/objects/:objectType',
    async (request, reply) => {
      const type = objectTypeParam(request.params.objectType);
      const input = propertiesBody(request.body);
      const checked = checkProperties(store, type, input);
      if (!checked.ok) throw propertyValuesError(checked.problems);
      const conflict = emailConflict(store, type, checked.values);
      if (conflict) throw contactConflict(conflict);
      const associations = (request.body as { associations?: AssociationInput[] }).associations;
      const links = checkAssociations(store, type, associations);
      if (!links.ok) {
        throw validationError(links.message, {
          subCategory: 'crm.associations.INVALID_ASSOCIATIONS',
        });
      }
      const record = createRecord(store, type, checked.values, links.links, nowIso(env));
      return reply.code(201).send(recordJson(store, type, record, Object.keys(input)));
    },
  );

  app.patch<{ Params: ObjectParams }>('/crm/v3/objects/:objectType/:objectId', async (request) => {
    const type = objectTypeParam(request.params.objectType);
    const record = store.tables[type].get(request.params.objectId);
    if (!record) throw notFoundError();
    const input = propertiesBody(request.body);
    const checked = checkProperties(store, type, input, record);
    if (!checked.ok) throw propertyValuesError(checked.problems);
    const conflict = emailConflict(store, type, checked.values, record.id);
    if (conflict) throw contactConflict(conflict);
    updateRecord(store, type, record, checked.values, nowIso(env));
    return recordJson(store, type, record, Object.keys(input));
  });

  app.delete<{ Params: ObjectParams }>(
    '/crm/v3/objects/:objectType/:objectId',
    async (request, reply) => {
      const type = objectTypeParam(request.params.objectType);
      const record = store.tables[type].get(request.params.objectId);
      // Archiving what is gone already is not an error in HubSpot.
      if (record) store.archive(type, record, nowIso(env));
      return reply.code(204).send();
    },
  );
}
