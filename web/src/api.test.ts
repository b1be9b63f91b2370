import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, fieldErrors, isUnauthenticated, request } from './api';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function stubFetch(response: Response | Error) {
  const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

// `request` stays only until the action-items and write-back pages use the typed client.
describe('request', () => {
  it('throws an ApiError carrying the status, code, message and details of the error body', async () => {
    const details = [{ field: 'body.password', message: 'must NOT have fewer than 8 characters' }];
    stubFetch(
      jsonResponse(409, { error: { code: 'last_admin', message: 'Keep an admin', details } }),
    );

    const error = await request('PATCH', '/api/x', { role: 'member' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'last_admin',
      message: 'Keep an admin',
      details,
    });
  });

  it('gives a readable ApiError when the body is not the error shape', async () => {
    stubFetch(new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }));

    const error = await request('GET', '/api/me').catch((e: unknown) => e);

    expect(error).toMatchObject({
      status: 502,
      code: 'server_error',
      message: 'The server answered 502 Bad Gateway',
    });
  });

  it('turns a network failure into a network_error', async () => {
    stubFetch(new TypeError('Failed to fetch'));

    const error = await request('GET', '/api/me').catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 0, code: 'network_error' });
    expect((error as ApiError).cause).toBeInstanceOf(TypeError);
  });

  it('sends JSON with the session cookie, and no content type without a body', async () => {
    const fetchMock = stubFetch(new Response(null, { status: 204 }));

    await expect(request('POST', '/api/auth/logout')).resolves.toBeUndefined();
    const [, logoutInit] = fetchMock.mock.calls[0]!;
    expect(logoutInit).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    expect(logoutInit?.headers).not.toHaveProperty('content-type');
    expect(logoutInit?.body).toBeUndefined();

    fetchMock.mockResolvedValueOnce(jsonResponse(200, { user: null, workspaces: [] }));
    await request('POST', '/api/auth/login', { email: 'a@b.co', password: 'secret' });
    const [url, loginInit] = fetchMock.mock.calls[1]!;
    expect(url).toBe('/api/auth/login');
    expect(loginInit?.headers).toMatchObject({ 'content-type': 'application/json' });
    expect(JSON.parse(String(loginInit?.body))).toEqual({ email: 'a@b.co', password: 'secret' });
  });
});

describe('isUnauthenticated', () => {
  it('means a lost session, not a wrong password', () => {
    expect(isUnauthenticated(new ApiError(401, 'unauthenticated', 'Log in'))).toBe(true);
    expect(isUnauthenticated(new ApiError(401, 'invalid_credentials', 'Wrong'))).toBe(false);
    expect(isUnauthenticated(new ApiError(403, 'forbidden', 'No'))).toBe(false);
  });
});

describe('fieldErrors', () => {
  it('reads validation issues and single-field domain errors', () => {
    expect(
      fieldErrors(
        new ApiError(400, 'validation_failed', 'Invalid', [
          { field: 'body.email', message: 'must match format "email"' },
        ]),
      ),
    ).toEqual({ email: 'must match format "email"' });
    expect(
      fieldErrors(new ApiError(400, 'password_required', 'Give a password', { field: 'password' })),
    ).toEqual({ password: 'Give a password' });
    expect(fieldErrors(new Error('boom'))).toEqual({});
  });
});
