import type { FastifyInstance } from 'fastify';
import {
  afterParam,
  limitParam,
  listParam,
  objectTypeParam,
  recordJson,
  type HubspotEnv,
} from './context.js';
import { validationError } from './errors.js';
import { SEARCH_PAGE_MAX, SEARCH_RESULT_CAP, SearchEngine, type SearchBody } from './search.js';

/** `POST /crm/v3/objects/{type}/search`, with HubSpot's 200-per-page and 10,000-result limits. */
export function registerSearchRoutes(app: FastifyInstance, env: HubspotEnv, engine: SearchEngine) {
  app.post<{ Params: { objectType: string } }>(
    '/crm/v3/objects/:objectType/search',
    async (request) => {
      const type = objectTypeParam(request.params.objectType);
      const body = (request.body ?? {}) as SearchBody;
      const limit = limitParam(body.limit, 10, SEARCH_PAGE_MAX);
      const after = afterParam(body.after);
      if (after >= SEARCH_RESULT_CAP) {
        throw validationError(
          `Search results are limited to ${SEARCH_RESULT_CAP} records: after=${after} is past the end. Narrow the filters (for example by last modified date) instead of paging further.`,
          { context: { after: [String(after)] } },
        );
      }
      const ids = engine.run(type, body, env.ctx().now().getTime());
      const end = Math.min(after + limit, ids.length, SEARCH_RESULT_CAP);
      const properties = listParam(body.properties);
      const table = env.store.tables[type];
      const results = ids
        .slice(after, end)
        .map((id) => recordJson(env.store, type, table.byId.get(id)!, properties));
      const answer: Record<string, unknown> = { total: ids.length, results };
      if (end < ids.length) answer.paging = { next: { after: String(end) } };
      return answer;
    },
  );
}
