import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTenant, createTestApp, type Tenant, type TestApp } from '../../test/app.js';
import { ApiError, isUnauthenticated } from './api-error.js';
import { call, createPandoraClient } from './client.js';

const BASE = 'http://pandora.test';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** A client whose fetch answers a copy of `answer` and records each Request it was given. */
function clientAnswering(answer: Response | Error, options: { apiKey?: string } = {}) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (request: Request) => {
    requests.push(request);
    if (answer instanceof Error) throw answer;
    return answer.clone();
  });
  const client = createPandoraClient({
    baseUrl: BASE,
    fetch,
    credentials: 'same-origin',
    ...options,
  });
  return { client, requests };
}

describe('call', () => {
  it('throws an ApiError carrying the status, code, message and details of the error body', async () => {
    const details = [{ field: 'body.password', message: 'must NOT have fewer than 8 characters' }];
    const { client } = clientAnswering(
      jsonResponse(409, { error: { code: 'last_admin', message: 'Keep an admin', details } }),
    );

    const error = await call(
      client.PATCH('/api/workspaces/{workspaceId}/members/{userId}', {
        params: { path: { workspaceId: 'w1', userId: 'u1' } },
        body: { role: 'member' },
      }),
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'last_admin',
      message: 'Keep an admin',
      details,
    });
  });

  it('gives a readable ApiError when the body is not the error shape', async () => {
    const { client } = clientAnswering(
      new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );

    const error = await call(client.GET('/api/me')).catch((e: unknown) => e);

    expect(error).toMatchObject({
      status: 502,
      code: 'server_error',
      message: 'The server answered 502 Bad Gateway',
    });
  });

  it('calls a 4xx without a Pandora body an http_error, even when it is empty', async () => {
    const { client } = clientAnswering(new Response(null, { status: 418, statusText: 'Teapot' }));

    const error = await call(client.GET('/api/me')).catch((e: unknown) => e);

    expect(error).toMatchObject({
      status: 418,
      code: 'http_error',
      message: 'The server answered 418 Teapot',
    });
  });

  it('turns a network failure into a network_error', async () => {
    const { client } = clientAnswering(new TypeError('Failed to fetch'));

    const error = await call(client.GET('/api/me')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
    expect((error as ApiError).cause).toBeInstanceOf(TypeError);
  });

  it('resolves undefined for a 204', async () => {
    const { client, requests } = clientAnswering(new Response(null, { status: 204 }));

    await expect(call(client.POST('/api/auth/logout'))).resolves.toBeUndefined();
    expect(requests[0]!.method).toBe('POST');
  });

  it('sends JSON with the session cookie, and no content type without a body', async () => {
    const { client, requests } = clientAnswering(jsonResponse(200, { user: null, workspaces: [] }));

    await call(client.GET('/api/me'));
    await call(client.POST('/api/auth/login', { body: { email: 'a@b.co', password: 'secret' } }));

    const [me, login] = requests;
    expect(me!.credentials).toBe('same-origin');
    expect(me!.headers.get('accept')).toBe('application/json');
    expect(me!.headers.get('content-type')).toBeNull();
    expect(me!.headers.get('authorization')).toBeNull();
    expect(me!.body).toBeNull();
    expect(login!.url).toBe(`${BASE}/api/auth/login`);
    expect(login!.headers.get('content-type')).toBe('application/json');
    expect(await login!.json()).toEqual({ email: 'a@b.co', password: 'secret' });
  });

  it('sends an API key as a bearer token', async () => {
    const { client, requests } = clientAnswering(
      jsonResponse(200, { user: null, workspaces: [] }),
      {
        apiKey: 'pk_test_secret',
      },
    );

    await call(client.GET('/api/me'));

    expect(requests[0]!.headers.get('authorization')).toBe('Bearer pk_test_secret');
  });

  it('fills path parameters, escaped, and the query', async () => {
    const { client, requests } = clientAnswering(jsonResponse(200, { runs: [] }));

    await call(
      client.GET('/api/workspaces/{workspaceId}/connections/{connectionId}/sync-runs', {
        params: { path: { workspaceId: 'a b', connectionId: 'c/d' }, query: { limit: 5 } },
      }),
    );

    expect(requests[0]!.url).toBe(
      `${BASE}/api/workspaces/a%20b/connections/c%2Fd/sync-runs?limit=5`,
    );
  });
});

describe('isUnauthenticated', () => {
  it('means a lost session, not a wrong password', () => {
    expect(isUnauthenticated(new ApiError(401, 'unauthenticated', 'Log in'))).toBe(true);
    expect(isUnauthenticated(new ApiError(401, 'invalid_credentials', 'Wrong'))).toBe(false);
    expect(isUnauthenticated(new ApiError(403, 'forbidden', 'No'))).toBe(false);
  });
});

describe('a client of a running server', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let baseUrl: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await createTenant(testApp);
    baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    testApp.app.server.closeAllConnections();
  });

  it('authenticates with an API key and reads the typed answer', async () => {
    const client = createPandoraClient({ baseUrl, apiKey: tenant.apiKey });

    const me = await call(client.GET('/api/me'));
    const { members } = await call(
      client.GET('/api/workspaces/{workspaceId}/members', {
        params: { path: { workspaceId: tenant.workspaceId } },
      }),
    );

    expect(me.user).toBeNull();
    expect(me.workspaces.map((workspace) => workspace.id)).toEqual([tenant.workspaceId]);
    expect(members.map((member) => member.email)).toEqual([tenant.email]);
  });

  it("maps the server's refusals to ApiErrors", async () => {
    const anonymous = createPandoraClient({ baseUrl });
    const error = await call(anonymous.GET('/api/me')).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401 });
    expect(isUnauthenticated(error)).toBe(true);

    const client = createPandoraClient({ baseUrl, apiKey: tenant.apiKey });
    const invalid = await call(
      client.POST('/api/workspaces/{workspaceId}/invitations', {
        params: { path: { workspaceId: tenant.workspaceId } },
        body: { email: 'not an email', role: 'member' },
      }),
    ).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ status: 400, code: 'validation_failed' });
    expect((invalid as ApiError).details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'body.email' })]),
    );
  });
});
