import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { openApiDocument } from '../../scripts/openapi-document.js';
import { serverUrl } from './openapi-info.js';

/** The verbs an operationId starts with; a new kind of operation adds its verb here. */
const VERBS = [
  'list',
  'get',
  'create',
  'update',
  'replace',
  'delete',
  'set',
  'remove',
  'revoke',
  'run',
  'start',
  'complete',
  'execute',
  'approve',
  'dismiss',
  'preview',
  'undo',
  'dryRun',
  'test',
  'connect',
  'disconnect',
  'accept',
  'decline',
  'lookUp',
  'mark',
  'compute',
  'rotate',
  'deliver',
  'upload',
  'count',
  'reject',
  'batchApprove',
  'acknowledge',
  'resolve',
  'activate',
  'pause',
  'open',
  'archive',
  'publish',
  'cancel',
  'rerun',
  'move',
];
const OPERATION_ID = new RegExp(`^(${VERBS.join('|')})[A-Z]\\w+$`);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const ERROR_BODY = '#/components/schemas/ErrorBody';
/** Operations that cannot answer a client error: the probes answer 200 or 503 whatever. */
const NO_CLIENT_ERROR = new Set(['getLiveness', 'getReadiness']);
/** Where the CRM sends the browser back: always a redirect to the console. */
const REDIRECT_ONLY = new Set([
  'completeOAuthConnection',
  'openNotificationLink',
  'completeSlackInstallation',
]);

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface Document {
  servers?: { url: string }[];
  info: { license?: { identifier?: string } };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
}

function operationsOf(doc: Document) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({
        where: `${method.toUpperCase()} ${path}`,
        path,
        method,
        operation,
      })),
  );
}

/** What the contract asks of every operation, as a list of what is wrong (empty: all kept). */
function contractProblems(doc: Document): string[] {
  const problems: string[] = [];
  const declared = new Set((doc.tags ?? []).map((tag) => tag.name));
  for (const tag of doc.tags ?? []) {
    if (!tag.description) problems.push(`tag ${tag.name} has no description`);
  }
  const seen = new Map<string, string>();
  const used = new Set<string>();
  for (const { where, path, method, operation } of operationsOf(doc)) {
    const id = operation.operationId;
    if (!id || !OPERATION_ID.test(id))
      problems.push(`${where}: operationId ${id} is not verb + noun`);
    else if (seen.has(id)) problems.push(`${where}: operationId ${id} is also ${seen.get(id)}`);
    else seen.set(id, where);
    const summary = operation.summary ?? '';
    if (!/^[A-Z][^\n]{2,58}[^.]$/.test(summary)) {
      problems.push(`${where}: summary "${summary}" is not a short sentence-case line`);
    }
    const tags = operation.tags ?? [];
    if (tags.length === 0) problems.push(`${where}: no tags`);
    for (const tag of tags) {
      used.add(tag);
      if (!declared.has(tag)) problems.push(`${where}: tag ${tag} is not declared`);
    }
    const responses = operation.responses ?? {};
    const statuses = Object.keys(responses);
    const success = REDIRECT_ONLY.has(id ?? '') ? /^3\d\d$/ : /^2\d\d$/;
    if (!statuses.some((status) => success.test(status)))
      problems.push(`${where}: no success answer`);
    for (const status of statuses.filter((s) => /^[45]/.test(s))) {
      const schema = responses[status]?.content?.['application/json']?.schema;
      if (schema?.$ref !== ERROR_BODY) problems.push(`${where}: ${status} is not the ErrorBody`);
    }
    const wanted = new Set(['500']);
    if (!NO_CLIENT_ERROR.has(id ?? '')) {
      if (!statuses.some((status) => status.startsWith('4'))) problems.push(`${where}: no 4xx`);
    }
    if (operation.parameters?.length || operation.requestBody) wanted.add('400');
    if (operation.requestBody) ['413', '415'].forEach((status) => wanted.add(status));
    if (path.startsWith('/api/')) {
      ['401', '429', '503'].forEach((status) => wanted.add(status));
      if (method !== 'get') wanted.add('403');
    }
    if (path.startsWith('/api/workspaces/{workspaceId}')) wanted.add('404');
    for (const status of wanted) {
      if (!statuses.includes(status)) problems.push(`${where}: no ${status}`);
    }
  }
  for (const tag of declared) {
    if (!used.has(tag)) problems.push(`tag ${tag} is declared but no operation has it`);
  }
  return problems;
}

let t: TestApp;
let served: Document;

beforeAll(async () => {
  t = await createTestApp();
  const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
  expect(response.statusCode).toBe(200);
  served = response.json();
});

describe('the OpenAPI document', () => {
  it('is the same when dumped without a database as when a server serves it', async () => {
    expect(await openApiDocument({})).toEqual(served);
  });

  it('gives every operation a verb + noun operationId, a summary, declared tags and its answers', () => {
    expect(operationsOf(served).length).toBeGreaterThan(80);
    expect(contractProblems(served)).toEqual([]);
  });

  it('names an operation that loses its operationId, its summary or its errors', () => {
    const broken = structuredClone(served);
    const apiKeys = broken.paths['/api/workspaces/{workspaceId}/api-keys']!;
    delete apiKeys.get!.operationId;
    apiKeys.post!.operationId = 'getMe';
    delete apiKeys.post!.summary;
    delete broken.paths['/api/me']!.get!.responses!['401'];
    broken.paths['/api/auth/logout']!.post!.tags = ['logout'];
    expect(contractProblems(broken)).toEqual([
      'POST /api/auth/logout: tag logout is not declared',
      'GET /api/me: no 401',
      'GET /api/workspaces/{workspaceId}/api-keys: operationId undefined is not verb + noun',
      'POST /api/workspaces/{workspaceId}/api-keys: operationId getMe is also GET /api/me',
      'POST /api/workspaces/{workspaceId}/api-keys: summary "" is not a short sentence-case line',
    ]);
  });

  it('leaves every parameter with a default optional, so clients need not pass it', () => {
    const required = operationsOf(served).flatMap(({ where, operation }) =>
      (
        (operation.parameters ?? []) as unknown as {
          name: string;
          required?: boolean;
          schema?: object;
        }[]
      )
        .filter((p) => p.required && p.schema && 'default' in p.schema)
        .map((p) => `${where}: ${p.name}`),
    );
    expect(required).toEqual([]);
  });

  it('lists the server at the configured public URL, else where the server listens', async () => {
    expect(served.servers).toEqual([{ url: 'http://127.0.0.1:4000' }]);
    const behindProxy = (await openApiDocument({
      PANDORA_PUBLIC_URL: 'https://pandora.example.org/',
    })) as unknown as Document;
    expect(behindProxy.servers).toEqual([{ url: 'https://pandora.example.org' }]);
    expect(serverUrl({ publicUrl: undefined, host: '0.0.0.0', port: 8080 })).toBe(
      'http://localhost:8080',
    );
    expect(serverUrl({ publicUrl: undefined, host: '::1', port: 8080 })).toBe('http://[::1]:8080');
  });

  it("carries the package's license", async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { license: string };
    expect(served.info.license?.identifier).toBe(pkg.license);
  });
});

describe('the shared error answers are real', () => {
  it('a made-up API key is a 401 even where no caller is needed', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/lookup',
      headers: { authorization: 'Bearer pk_made_up' },
      payload: { token: 'x'.repeat(40) },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('invalid_api_key');
  });

  it('a browser request from another site that would change something is a 403', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('cross_site_request');
  });

  it('a body that is not JSON is a 415 in the error shape', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
  });
});
