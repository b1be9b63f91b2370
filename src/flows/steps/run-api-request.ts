/**
 * run_api_request: one HTTP call to an outside API, authenticated with the workspace's
 * secrets (bearer, basic or an API key), its body or query filled from the run's
 * variables by a field mapping. The answer becomes the step's output.
 */
import { Type, type Static } from '@sinclair/typebox';
import { FlowStepError, type RunScope, type StepDefinition } from '../types.js';
import { httpStatusError, keptHeaders, sendStepRequest, type HttpMethod } from './http-request.js';
import { HEADER_NAME } from './send-webhook.js';

const secretString = (title: string) =>
  Type.String({ minLength: 1, maxLength: 4096, title, description: 'Use {{secrets.name}}.' });

const authSchema = Type.Union(
  [
    Type.Object({ type: Type.Literal('none') }, { additionalProperties: false }),
    Type.Object(
      { type: Type.Literal('bearer'), token: secretString('Token') },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        type: Type.Literal('basic'),
        username: Type.String({ minLength: 1, maxLength: 512, title: 'User name' }),
        password: secretString('Password'),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        type: Type.Literal('api_key'),
        name: Type.String({ pattern: HEADER_NAME, title: 'Header or parameter name' }),
        value: secretString('Key'),
        in: Type.Optional(
          Type.Union([Type.Literal('header'), Type.Literal('query')], { default: 'header' }),
        ),
      },
      { additionalProperties: false },
    ),
  ],
  { title: 'Authentication' },
);

/** Where a mapped value is read: `vars.x`, `trigger.x.y`, `steps.key.output.x`. */
const SCOPE_PATH = '^(vars|trigger|steps)(\\.[A-Za-z0-9_-]+)+$';

const configSchema = Type.Object(
  {
    method: Type.Union(
      [
        Type.Literal('GET'),
        Type.Literal('POST'),
        Type.Literal('PUT'),
        Type.Literal('PATCH'),
        Type.Literal('DELETE'),
      ],
      { title: 'Method', default: 'GET' },
    ),
    url: Type.String({
      minLength: 1,
      maxLength: 2048,
      title: 'URL',
      description: 'A public https URL; templates allowed.',
    }),
    query: Type.Optional(
      Type.Record(
        Type.String({ minLength: 1, maxLength: 200 }),
        Type.Union([Type.String(), Type.Number(), Type.Boolean()]),
        { title: 'Query parameters', maxProperties: 100 },
      ),
    ),
    headers: Type.Optional(
      Type.Record(Type.String({ pattern: HEADER_NAME }), Type.String({ maxLength: 8192 }), {
        title: 'Headers',
        maxProperties: 50,
      }),
    ),
    auth: Type.Optional(authSchema),
    body: Type.Optional(
      Type.Unknown({
        title: 'Body',
        description: 'JSON (or a string, sent as is); templates allowed.',
      }),
    ),
    fieldMapping: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$', maxLength: 200 }),
        Type.String({ pattern: SCOPE_PATH, maxLength: 500 }),
        {
          title: 'Field mapping',
          description:
            'Request field (dots nest) -> where its value comes from (vars.x, trigger.x, steps.key.output.x): into the JSON body, or the query for GET and DELETE.',
          maxProperties: 100,
        },
      ),
    ),
  },
  { additionalProperties: false },
);

export type RunApiRequestConfig = Static<typeof configSchema>;
type Auth = NonNullable<RunApiRequestConfig['auth']>;

const RESERVED = new Set(['content-length', 'host', 'transfer-encoding', 'connection']);

/** The value at a dotted path in the run's scope; `undefined` when any part is missing. */
export function readScopePath(scope: RunScope, path: string): unknown {
  let value: unknown = scope;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      node = node[part] = {};
    } else {
      node = next as Record<string, unknown>;
    }
  }
  node[parts.at(-1)!] = value;
}

/** The mapped fields, read from the run; a field whose source is unset fails the step. */
export function mapFields(
  mapping: Record<string, string>,
  scope: RunScope,
  mapped: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const [field, source] of Object.entries(mapping)) {
    // Defence against a mapping that names an object's prototype as a field.
    if (field.split('.').some((part) => part === '__proto__' || part === 'constructor')) {
      throw new FlowStepError('validation', `fieldMapping.${field} is not a usable field name`);
    }
    const value = readScopePath(scope, source);
    if (value === undefined) {
      throw new FlowStepError(
        'validation',
        `fieldMapping.${field}: ${source} is not set in this run`,
        {
          severity: 'high',
          suggestion: `Set ${source} in an earlier step, or map ${field} from a value that exists.`,
        },
      );
    }
    setPath(mapped, field, value);
  }
  return mapped;
}

function authSecrets(auth: Auth | undefined): string[] {
  if (!auth) return [];
  if (auth.type === 'bearer') return [auth.token];
  if (auth.type === 'basic') {
    return [auth.password, Buffer.from(`${auth.username}:${auth.password}`).toString('base64')];
  }
  if (auth.type === 'api_key') return [auth.value, encodeURIComponent(auth.value)];
  return [];
}

/** Replaces the credentials wherever an API echoed them back (an error page, a debug field). */
function scrub<T>(value: T, secrets: string[]): T {
  const usable = secrets.filter((secret) => secret.length >= 4);
  if (usable.length === 0) return value;
  const text = JSON.stringify(value);
  if (text === undefined || !usable.some((secret) => text.includes(secret))) return value;
  let cleaned = text;
  for (const secret of usable) {
    cleaned = cleaned.split(JSON.stringify(secret).slice(1, -1)).join('[secret]');
  }
  return JSON.parse(cleaned) as T;
}

function queryValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export const runApiRequestStep: StepDefinition<RunApiRequestConfig> = {
  type: 'run_api_request',
  category: 'advanced',
  title: 'API request',
  description:
    'Call an HTTP API (GET, POST, PUT, PATCH, DELETE) with bearer, basic or API-key auth from the workspace secrets; the answer is the output.',
  effect: 'write',
  configSchema,
  // The workspace's secrets must not be sendable from a member's own automation.
  allowedInAutomations: false,
  defaultRetry: { attempts: 3, backoffMs: 1000, maxDelayMs: 30_000 },
  defaultTimeoutMs: 30_000,
  secretFields: ['auth'],

  async run(context, config) {
    const method: HttpMethod = config.method;
    const reserved = Object.keys(config.headers ?? {}).find((name) =>
      RESERVED.has(name.toLowerCase()),
    );
    if (reserved) {
      throw new FlowStepError('validation', `headers.${reserved} is set by the HTTP client`, {
        severity: 'high',
        suggestion: `Remove the ${reserved} header from the step's config.`,
      });
    }
    let url: URL;
    try {
      url = new URL(config.url);
    } catch (error) {
      throw new FlowStepError('validation', `url is not allowed: "${config.url}" is not a URL`, {
        severity: 'high',
        suggestion: 'Use a full https URL.',
        cause: error,
      });
    }
    const sendsBody = method !== 'GET' && method !== 'DELETE';
    const mappedQuery =
      !sendsBody && config.fieldMapping ? mapFields(config.fieldMapping, context.scope) : {};
    for (const [name, value] of Object.entries({ ...config.query, ...mappedQuery })) {
      url.searchParams.set(name, queryValue(value));
    }

    const headers: Record<string, string> = { 'user-agent': 'Pandora-Flows/1' };
    for (const [name, value] of Object.entries(config.headers ?? {})) {
      headers[name.toLowerCase()] = value;
    }
    const auth = config.auth;
    if (auth?.type === 'bearer') headers.authorization = `Bearer ${auth.token}`;
    if (auth?.type === 'basic') {
      headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    }
    if (auth?.type === 'api_key') {
      if (auth.in === 'query') url.searchParams.set(auth.name, auth.value);
      else headers[auth.name.toLowerCase()] = auth.value;
    }
    // A retried or resumed POST can be recognised by an API that honours the header.
    if (method !== 'GET') headers['idempotency-key'] = context.idempotencyKey;

    let body: string | undefined;
    if (sendsBody && config.fieldMapping) {
      const given = config.body ?? {};
      if (given === null || typeof given !== 'object' || Array.isArray(given)) {
        throw new FlowStepError('validation', 'fieldMapping needs the body to be a JSON object', {
          severity: 'high',
          suggestion: 'Make the body an object (or leave it out), or drop the field mapping.',
        });
      }
      const base = structuredClone(given) as Record<string, unknown>;
      body = JSON.stringify(mapFields(config.fieldMapping, context.scope, base));
      headers['content-type'] ??= 'application/json';
    } else if (sendsBody && typeof config.body === 'string') {
      body = config.body;
      headers['content-type'] ??= 'text/plain; charset=utf-8';
    } else if (sendsBody && config.body !== undefined) {
      body = JSON.stringify(config.body);
      headers['content-type'] ??= 'application/json';
    }

    const secrets = authSecrets(auth);
    try {
      const response = await sendStepRequest(
        context.services,
        { method, url: url.toString(), headers, body, field: 'url' },
        context.signal,
      );
      if (response.status < 200 || response.status >= 300) {
        throw httpStatusError(response, `${method} ${url.host}`);
      }
      return {
        kind: 'completed',
        output: scrub(
          {
            status: response.status,
            headers: keptHeaders(response.headers),
            body: response.body,
            ...(response.truncated ? { truncated: true } : {}),
          },
          secrets,
        ),
      };
    } catch (error) {
      if (error instanceof FlowStepError && secrets.length > 0) {
        const message = scrub(error.message, secrets);
        if (message !== error.message) {
          throw new FlowStepError(error.category, message, { ...error.options, cause: undefined });
        }
      }
      throw error;
    }
  },
};
