import type { FastifyInstance, FastifyRequest } from 'fastify';
import { dailyMax, sessionOf, versionOf, type SalesforceEnv } from './context.js';
import { SfApiError } from './errors.js';
import { executeQuery, projectRecord, type ChildQuery, type Column } from './soql-execute.js';
import { SoqlError, parseSoql } from './soql-parser.js';
import type { SfRecord } from './store.js';

/** `Sforce-Query-Options: batchSize=N` may ask for pages of 200 to 2,000 records. */
function batchSizeOf(request: FastifyRequest, fallback: number): number {
  const header = request.headers['sforce-query-options'];
  const match = /batchSize=(\d+)/i.exec(Array.isArray(header) ? header.join(',') : (header ?? ''));
  if (!match) return fallback;
  return Math.min(2000, Math.max(200, Number(match[1])));
}

interface Page {
  type: string;
  columns: Column[];
  children: ChildQuery[];
  records: SfRecord[];
  batchSize: number;
}

function respond(
  env: SalesforceEnv,
  request: FastifyRequest,
  page: Page,
  offset: number,
  version: string,
  cursorId?: string,
) {
  const end = Math.min(page.records.length, offset + page.batchSize);
  const slice = page.records.slice(offset, end);
  const done = end >= page.records.length;
  const nowMs = env.ctx().now().getTime();
  let locator = cursorId;
  if (!done && !locator) locator = env.cursors.open(page, nowMs);
  if (done && locator) env.cursors.close(locator);
  return {
    totalSize: page.records.length,
    done,
    ...(done ? {} : { nextRecordsUrl: `/services/data/${version}/query/${locator}-${end}` }),
    records: slice.map((record) =>
      projectRecord(env.store, page.type, record, page.columns, version, page.children),
    ),
  };
}

/** `/query`, `/queryAll` and their `nextRecordsUrl` pages; `/limits` and the resource lists. */
export function registerQueryRoutes(scope: FastifyInstance, env: SalesforceEnv): void {
  const run = (all: boolean) => async (request: FastifyRequest) => {
    const version = versionOf(request);
    sessionOf(request);
    const { q } = request.query as { q?: string };
    if (!q) throw new SfApiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
    try {
      const result = executeQuery(env.store, parseSoql(q), { all, now: env.ctx().now() });
      if (result.count) return { totalSize: result.records.length, done: true, records: [] };
      const batchSize = batchSizeOf(request, env.options.queryBatchSize);
      return respond(env, request, { ...result, batchSize }, 0, version);
    } catch (error) {
      if (error instanceof SoqlError) throw new SfApiError(400, error.errorCode, error.message);
      throw error;
    }
  };
  const more = async (request: FastifyRequest) => {
    const version = versionOf(request);
    const { locator } = request.params as { locator: string };
    const match = /^([A-Za-z0-9]+)-(\d+)$/.exec(locator);
    const cursor = match ? env.cursors.take(match[1]!, env.ctx().now().getTime()) : undefined;
    if (!match || !cursor)
      throw new SfApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return respond(env, request, cursor, Number(match[2]), version, match[1]);
  };

  scope.get('/data/:version/query', run(false));
  scope.get('/data/:version/queryAll', run(true));
  scope.get('/data/:version/query/:locator', more);
  scope.get('/data/:version/queryAll/:locator', more);

  scope.get('/data/:version/limits', async (request) => {
    versionOf(request);
    const max = dailyMax(env);
    const used = env.usage.current(env.ctx().now());
    return {
      DailyApiRequests: { Max: max, Remaining: Math.max(0, max - used) },
      DailyBulkV2QueryJobs: { Max: 10_000, Remaining: 10_000 },
      DataStorageMB: { Max: 1_024, Remaining: 1_000 },
    };
  });

  scope.get('/data/:version', async (request) => {
    const version = versionOf(request);
    const session = sessionOf(request);
    const base = `/services/data/${version}`;
    return {
      sobjects: `${base}/sobjects`,
      query: `${base}/query`,
      queryAll: `${base}/queryAll`,
      composite: `${base}/composite`,
      limits: `${base}/limits`,
      identity: `${env.ctx().baseUrl()}/services/id/${env.store.orgId}/${session.userId}`,
    };
  });
}
