import type { FastifyInstance } from 'fastify';
import { nowIso, objectTypeParam, type HubspotEnv } from './context.js';
import { HubspotApiError, notFoundError, validationError } from './errors.js';
import { OBJECT_TYPE_IDS } from './properties.js';
import type { HsList } from './store.js';

interface ListParams {
  listId: string;
}

const PROCESSING_TYPES = ['MANUAL', 'SNAPSHOT', 'DYNAMIC'];

/**
 * Lists v3, as far as campaigns need them: create and read a list, add and remove
 * records, page a list's members, and read the lists a record is in. Adding a record
 * already in the list, or one that does not exist, is not an error: the answer says
 * which ids were added, removed and missing. Only MANUAL and SNAPSHOT lists take
 * membership changes; a DYNAMIC list's members follow its filters.
 */
export function registerListRoutes(app: FastifyInstance, env: HubspotEnv): void {
  const { store } = env;
  const listOf = (listId: string): HsList => {
    const list = store.lists.get(listId);
    if (!list) throw notFoundError(`List ${listId} does not exist.`);
    return list;
  };
  const view = (list: HsList) => ({
    listId: list.listId,
    listVersion: list.listVersion,
    name: list.name,
    objectTypeId: list.objectTypeId,
    processingType: list.processingType,
    processingStatus: 'COMPLETE',
    createdAt: list.createdAt,
    updatedAt: list.updatedAt,
    size: list.members.size,
  });
  const manual = (list: HsList) => {
    if (list.processingType === 'DYNAMIC') {
      throw new HubspotApiError(
        400,
        'VALIDATION_ERROR',
        `List ${list.listId} is a DYNAMIC list; its memberships cannot be changed by hand.`,
      );
    }
  };
  const ids = (body: unknown): string[] => {
    if (!Array.isArray(body)) throw validationError('The body must be an array of record ids.');
    return body.map(String);
  };
  const exists = (list: HsList, id: string) => {
    const type = objectTypeParam(list.objectTypeId);
    return store.tables[type].get(id) !== undefined;
  };

  app.post('/crm/v3/lists', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (!name) throw validationError('name is required.');
    const processingType = String(body.processingType ?? '');
    if (!PROCESSING_TYPES.includes(processingType)) {
      throw validationError(`processingType must be one of ${PROCESSING_TYPES.join(', ')}.`);
    }
    const objectTypeId = OBJECT_TYPE_IDS[objectTypeParam(String(body.objectTypeId ?? ''))];
    if ([...store.lists.values()].some((list) => list.name === name)) {
      throw new HubspotApiError(409, 'CONFLICT', `A list named ${name} already exists.`);
    }
    const list = store.addList({ name, objectTypeId, processingType, at: nowIso(env) });
    return reply.code(200).send({ list: view(list) });
  });

  app.get<{ Params: ListParams }>('/crm/v3/lists/:listId', async (request) => ({
    list: view(listOf(request.params.listId)),
  }));

  app.put<{ Params: ListParams }>('/crm/v3/lists/:listId/memberships/add', async (request) => {
    const list = listOf(request.params.listId);
    manual(list);
    const added: string[] = [];
    const missing: string[] = [];
    const at = nowIso(env);
    for (const id of ids(request.body)) {
      if (!exists(list, id)) missing.push(id);
      else if (!list.members.has(id)) {
        list.members.set(id, at);
        added.push(id);
      }
    }
    if (added.length > 0) store.listChanged(list, at);
    return { recordsIdsAdded: added, recordIdsRemoved: [], recordIdsMissing: missing };
  });

  app.put<{ Params: ListParams }>('/crm/v3/lists/:listId/memberships/remove', async (request) => {
    const list = listOf(request.params.listId);
    manual(list);
    const removed: string[] = [];
    const missing: string[] = [];
    for (const id of ids(request.body)) {
      if (list.members.delete(id)) removed.push(id);
      else if (!exists(list, id)) missing.push(id);
    }
    if (removed.length > 0) store.listChanged(list, nowIso(env));
    return { recordsIdsAdded: [], recordIdsRemoved: removed, recordIdsMissing: missing };
  });

  app.get<{ Params: ListParams; Querystring: { after?: string; limit?: string } }>(
    '/crm/v3/lists/:listId/memberships',
    async (request) => {
      const list = listOf(request.params.listId);
      const members = [...list.members].sort(
        ([a], [b]) => Number(a) - Number(b) || a.localeCompare(b),
      );
      const limit = Math.min(Math.max(Number(request.query.limit ?? 100) || 100, 1), 250);
      const start = Number(request.query.after ?? 0) || 0;
      const page = members.slice(start, start + limit);
      const next = start + limit < members.length ? String(start + limit) : undefined;
      return {
        total: members.length,
        results: page.map(([recordId, at]) => ({ recordId, membershipTimestamp: at })),
        ...(next ? { paging: { next: { after: next } } } : {}),
      };
    },
  );

  app.get<{ Params: { objectTypeId: string; recordId: string } }>(
    '/crm/v3/lists/records/:objectTypeId/:recordId/memberships',
    async (request) => {
      const objectTypeId = OBJECT_TYPE_IDS[objectTypeParam(request.params.objectTypeId)];
      const results = [...store.lists.values()]
        .filter(
          (list) => list.objectTypeId === objectTypeId && list.members.has(request.params.recordId),
        )
        .map((list) => ({
          listId: list.listId,
          listVersion: list.listVersion,
          firstAddedTimestamp: list.members.get(request.params.recordId),
          lastAddedTimestamp: list.members.get(request.params.recordId),
        }));
      return { total: results.length, results };
    },
  );
}
