import type { FastifyInstance } from 'fastify';
import { versionOf, writeContext, type SalesforceEnv } from './context.js';
import { describeGlobalEntry, describeObject } from './describe.js';
import { SfApiError } from './errors.js';
import { projectRecord, resolveColumn } from './soql-execute.js';
import { SoqlError } from './soql-parser.js';
import {
  applyCreate,
  applyDelete,
  applyUpdate,
  picklistOf,
  prepareCreate,
  prepareDelete,
  prepareUpdate,
  targetRecord,
} from './writes.js';

interface TypeParams {
  version: string;
  type: string;
}

interface RecordParams extends TypeParams {
  id: string;
}

/** The JSON object a write carries; anything else fails as Salesforce's parser does. */
export function recordBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new SfApiError(
      400,
      'JSON_PARSER_ERROR',
      'Cannot deserialize instance of sObject from the request body: expected a JSON object',
    );
  }
  return body as Record<string, unknown>;
}

/** Columns for `?fields=a,b`, or every field of the object. */
export function fieldColumns(env: SalesforceEnv, type: string, fields: string | undefined) {
  const names = fields
    ? fields
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
    : env.schema.fields(type).map((field) => field.name);
  try {
    return names.map((name) => resolveColumn(env.schema, type, name.split('.')));
  } catch (error) {
    if (error instanceof SoqlError) throw new SfApiError(400, error.errorCode, error.message);
    throw error;
  }
}

/** `/sobjects`: describe, and create, read, update, delete one record. */
export function registerSobjectRoutes(scope: FastifyInstance, env: SalesforceEnv): void {
  const picklist = picklistOf(env.store);

  scope.get<{ Params: { version: string } }>('/data/:version/sobjects', async (request) => {
    const version = versionOf(request);
    return {
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: env.schema
        .objectNames()
        .map((name) => describeGlobalEntry(env.schema.object(name)!, version)),
    };
  });

  scope.get<{ Params: TypeParams }>('/data/:version/sobjects/:type', async (request) => {
    const version = versionOf(request);
    const def = env.schema.requireObject(request.params.type);
    return { objectDescribe: describeGlobalEntry(def, version), recentItems: [] };
  });

  scope.get<{ Params: TypeParams }>('/data/:version/sobjects/:type/describe', async (request) => {
    const version = versionOf(request);
    return describeObject(env.schema.requireObject(request.params.type), version, picklist);
  });

  scope.post<{ Params: TypeParams }>('/data/:version/sobjects/:type', async (request, reply) => {
    versionOf(request);
    const def = env.schema.requireObject(request.params.type);
    const ctx = writeContext(env, request);
    const values = prepareCreate(ctx, def.name, recordBody(request.body));
    const id = applyCreate(ctx, def.name, values);
    return reply.code(201).send({ id, success: true, errors: [] });
  });

  scope.get<{ Params: RecordParams; Querystring: { fields?: string } }>(
    '/data/:version/sobjects/:type/:id',
    async (request) => {
      const version = versionOf(request);
      const def = env.schema.requireObject(request.params.type);
      const ctx = writeContext(env, request);
      const record = targetRecord(ctx, def.name, request.params.id);
      const columns = fieldColumns(env, def.name, request.query.fields);
      return projectRecord(env.store, def.name, record, columns, version);
    },
  );

  scope.get<{ Params: RecordParams & { field: string } }>(
    '/data/:version/sobjects/:type/:id/:field',
    async (request, reply) => {
      versionOf(request);
      const def = env.schema.requireObject(request.params.type);
      const field = env.schema.field(def.name, request.params.field);
      if (!field || field.type !== 'base64')
        throw new SfApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
      const record = targetRecord(writeContext(env, request), def.name, request.params.id);
      const content = record[field.name];
      return reply
        .type('application/octet-stream')
        .send(Buffer.from(typeof content === 'string' ? content : '', 'base64'));
    },
  );

  scope.patch<{ Params: RecordParams }>(
    '/data/:version/sobjects/:type/:id',
    async (request, reply) => {
      versionOf(request);
      const def = env.schema.requireObject(request.params.type);
      const ctx = writeContext(env, request);
      const { id, changes } = prepareUpdate(
        ctx,
        def.name,
        request.params.id,
        recordBody(request.body),
      );
      applyUpdate(ctx, def.name, id, changes);
      return reply.code(204).send();
    },
  );

  scope.delete<{ Params: RecordParams }>(
    '/data/:version/sobjects/:type/:id',
    async (request, reply) => {
      versionOf(request);
      const def = env.schema.requireObject(request.params.type);
      const ctx = writeContext(env, request);
      const id = prepareDelete(ctx, def.name, request.params.id);
      applyDelete(ctx, def.name, id);
      return reply.code(204).send();
    },
  );
}
