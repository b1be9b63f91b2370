/**
 * Bad input never 500s (REST): every operation of /openapi.json, found there so that a
 * new route is covered the day it is added, gets generated hostile path parameters,
 * query strings, headers and bodies from an admin API key. Every answer is below 500,
 * and every 4xx has the documented shape `{ error: { code, message, details } }`.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SandboxApp, Tenant } from './app.js';
import {
  expectErrorShape,
  mutated,
  plausible,
  SEED,
  wrongShape,
  type IdPool,
  type JsonSchema,
} from './bad-values.js';
import { createBadInputFixture } from './seed-objects.js';

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
}

interface GeneratedRequest {
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

// Enough to meet every operation's parameters in several combinations, and small enough
// for the whole file to run in well under a minute on two shared cores.
const RUNS_PER_OPERATION = 20;
// These hash a password (scrypt, about half a second each on this machine): fewer runs.
const FEWER_RUNS: Record<string, number> = {
  'POST /api/auth/login': 5,
  'POST /api/workspaces/{workspaceId}/members': 6,
};

let t: SandboxApp;
let a: Tenant;
let ids: IdPool;
let operations: Operation[];

beforeAll(async () => {
  ({ t, a, ids } = await createBadInputFixture());
  const doc = (await t.app.inject('/openapi.json')).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: Parameter[];
          requestBody?: { content: Record<string, { schema: JsonSchema }> };
        }
      >
    >;
  };
  operations = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content['application/json']?.schema,
    })),
  );
});

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** encodeURIComponent, except that a lone surrogate goes out as the bytes it would be. */
function encode(value: string): string {
  return value
    .split(new RegExp(`(${LONE_SURROGATE.source})`))
    .map((part) => {
      if (!LONE_SURROGATE.test(part)) return encodeURIComponent(part);
      const unit = part.charCodeAt(0);
      return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16)}`)
        .join('');
    })
    .join('');
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

function objectOf(parameters: Parameter[]): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(
      parameters.map((parameter) => [parameter.name, parameter.schema]),
    ),
    required: parameters
      .filter((parameter) => parameter.required)
      .map((parameter) => parameter.name),
  };
}

/** The whole request as one value, so that one or two of its leaves are made nasty in all. */
function requestSchema(operation: Operation): JsonSchema {
  const part = (where: Parameter['in']) =>
    objectOf(operation.parameters.filter((parameter) => parameter.in === where));
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(operation.method) && operation.body;
  return {
    type: 'object',
    properties: {
      path: part('path'),
      query: part('query'),
      headers: part('header'),
      ...(hasBody ? { body: operation.body } : {}),
    },
    required: ['path', 'query', 'headers', ...(hasBody ? ['body'] : [])],
  };
}

interface RequestParts {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body?: unknown;
  /** A raw body and its media type, instead of `body` as JSON. */
  raw?: { type: string; payload: string };
}

function requests(operation: Operation): fc.Arbitrary<GeneratedRequest> {
  const schema = requestSchema(operation);
  const valid = plausible(schema, ids) as fc.Arbitrary<RequestParts>;
  const parts = fc.oneof(
    { weight: 20, arbitrary: mutated(schema, ids) as fc.Arbitrary<RequestParts> },
    // The body of the wrong shape, or not JSON at all.
    {
      weight: operation.body ? 2 : 0,
      arbitrary: fc
        .tuple(valid, wrongShape(operation.body ?? {}, ids))
        .map(([request, body]) => ({ ...request, body })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          valid,
          fc.constantFrom(
            { type: 'text/plain', payload: 'plain text' },
            { type: 'application/json', payload: '{"a":' },
            { type: 'application/json', payload: '' },
            { type: 'application/xml', payload: '<a/>' },
          ),
        )
        .map(([request, raw]) => ({ ...request, raw })),
    },
    // Past Fastify's maxParamLength (100): a 414 of its own making.
    {
      weight: operation.path.includes('{') ? 1 : 0,
      arbitrary: valid.map((request) => {
        const [first] = Object.keys(request.path);
        return { ...request, path: { ...request.path, [first!]: 'x'.repeat(101) } };
      }),
    },
  );
  return parts.map((request) => {
    const filled = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
      encode(asText(request.path[name] ?? '')),
    );
    const search = Object.entries(request.query)
      .flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((item) => [name, item]),
      )
      .map(([name, value]) => `${encode(String(name))}=${encode(asText(value))}`)
      .join('&');
    const headers: Record<string, string> = { ...a.auth };
    for (const [name, value] of Object.entries(request.headers)) {
      // HTTP cannot carry control or non-Latin-1 characters in a header: Node refuses
      // to send them, so they are replaced rather than generated for nothing.
      headers[name] = asText(value).replace(/[^\x20-\x7e]/g, '?');
    }
    let payload: string | undefined;
    if (request.raw) {
      headers['content-type'] = request.raw.type;
      payload = request.raw.payload;
    } else if ('body' in request) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(request.body);
    }
    return { url: search ? `${filled}?${search}` : filled, headers, payload };
  });
}

describe('bad input never 500s over REST', () => {
  it('walks every operation of /openapi.json', () => {
    expect(operations.length).toBeGreaterThanOrEqual(70);
  });

  it('answers every generated request below 500, errors in the documented shape', async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const [index, operation] of operations.entries()) {
      const name = `${operation.method} ${operation.path}`;
      const result = await fc.check(
        fc.asyncProperty(requests(operation), async (request) => {
          const response = await t.app.inject({
            method: operation.method as 'GET',
            url: request.url,
            headers: request.headers,
            ...(request.payload === undefined ? {} : { payload: request.payload }),
          });
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          expect(response.statusCode, response.body.slice(0, 500)).toBeLessThan(500);
          if (response.statusCode >= 400) expectErrorShape(response.json(), name);
        }),
        { seed: SEED + index, numRuns: FEWER_RUNS[name] ?? RUNS_PER_OPERATION, endOnFailure: true },
      );
      if (result.failed) {
        const request = JSON.stringify(result.counterexample?.[0]).slice(0, 600);
        const error = String((result.errorInstance as Error | undefined)?.message).slice(0, 600);
        failures.push(
          `${name} (seed ${result.seed}; FC_SEED=${SEED} replays the run): ${request}\n  ${error}`,
        );
      }
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
    // Generated requests must get past validation often enough to test what lies behind it.
    const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    const succeeded = [...statuses]
      .filter(([status]) => status < 300)
      .reduce((n, [, c]) => n + c, 0);
    expect(succeeded / total).toBeGreaterThan(0.1);
  }, 300_000);
});
