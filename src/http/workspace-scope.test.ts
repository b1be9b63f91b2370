import type { FastifyRequest } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  login,
  type Tenant,
  type TestApp,
} from '../../test/app.js';

let t: TestApp;
let admin: Tenant;
let member: Tenant;
let other: Tenant;
let memberSession: { cookie: string };

const seen = (request: FastifyRequest) => {
  const { workspaceId, role, userId, principal } = request.access;
  return { workspaceId, role, userId, kind: principal.kind };
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t, 'admin');
  member = await createTenant(t, 'member', 'member');
  other = await createTenant(t, 'admin');
  // Routes that declare nothing of the scope: it alone checks them and describes them.
  t.app.get('/api/workspaces/:workspaceId/scope-probe', async (request) => seen(request));
  t.app.post(
    '/api/workspaces/:workspaceId/scope-probe',
    { config: { role: 'admin' } },
    async (request) => seen(request),
  );
  t.app.get('/api/scope-outside', async (request) => seen(request));
  memberSession = await login(t, member.email, member.password);
});

const probe = (workspaceId: string) => `/api/workspaces/${workspaceId}/scope-probe`;

describe('the workspace scope', () => {
  it('hands the handler the checked workspace and role', async () => {
    const byKey = await t.app.inject({ url: probe(admin.workspaceId), headers: admin.auth });
    expect(byKey.statusCode).toBe(200);
    expect(byKey.json()).toEqual({
      workspaceId: admin.workspaceId,
      role: 'admin',
      userId: null,
      kind: 'apiKey',
    });
    const bySession = await t.app.inject({
      url: probe(member.workspaceId),
      headers: memberSession,
    });
    expect(bySession.json()).toEqual({
      workspaceId: member.workspaceId,
      role: 'member',
      userId: member.userId,
      kind: 'user',
    });
  });

  it('answers 401 to an anonymous caller', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const response = await t.app.inject({ method, url: probe(admin.workspaceId) });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: 'unauthenticated', message: expect.any(String), details: {} },
      });
    }
  });

  it("answers 404 for another tenant's workspace, by key or session, as for none at all", async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [workspaceId, headers] of [
      [other.workspaceId, admin.auth],
      [other.workspaceId, memberSession],
      [missing, admin.auth],
    ] as const) {
      for (const method of ['GET', 'POST'] as const) {
        const response = await t.app.inject({ method, url: probe(workspaceId), headers });
        expect(response.statusCode).toBe(404);
        expect(response.json()).toEqual({
          error: {
            code: 'not_found',
            message: `No workspace with id ${workspaceId} in this workspace`,
            details: {},
          },
        });
      }
    }
    // The HEAD route Fastify adds for each GET is checked the same way.
    const head = await t.app.inject({
      method: 'HEAD',
      url: probe(other.workspaceId),
      headers: admin.auth,
    });
    expect(head.statusCode).toBe(404);
  });

  it('answers 403 to a member on an admin route, by session or member key', async () => {
    const memberKey = await apiKeyAuth(t, admin, 'member');
    for (const [workspaceId, headers] of [
      [member.workspaceId, memberSession],
      [admin.workspaceId, memberKey],
    ] as const) {
      const response = await t.app.inject({ method: 'POST', url: probe(workspaceId), headers });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({
        error: { code: 'forbidden', message: 'Only workspace admins can do this', details: {} },
      });
    }
    const asAdmin = await t.app.inject({
      method: 'POST',
      url: probe(admin.workspaceId),
      headers: admin.auth,
    });
    expect(asAdmin.json()).toMatchObject({ workspaceId: admin.workspaceId, role: 'admin' });
  });

  it('answers 400 with the field for a malformed workspace id, before asking who calls', async () => {
    for (const headers of [{}, admin.auth]) {
      const response = await t.app.inject({ url: probe('not-a-uuid'), headers });
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe('validation_failed');
      expect(error.details).toEqual([
        { field: 'params.workspaceId', message: 'must match format "uuid"' },
      ]);
    }
  });

  it('keeps access unset outside the scope (a route reading it is a bug, so a 500)', async () => {
    const response = await t.app.inject({ url: '/api/scope-outside', headers: admin.auth });
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('internal_error');
  });

  it('describes the workspace id and the shared errors on every workspace operation', async () => {
    const spec = (await t.app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string }[]; responses: object }>
      >;
    };
    const operations = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/workspaces/{workspaceId}'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
      );
    expect(operations.length).toBeGreaterThan(60);
    for (const { path, method, operation } of operations) {
      const where = `${method} ${path}`;
      expect(
        operation.parameters?.filter((p) => p.name === 'workspaceId' && p.in === 'path'),
        where,
      ).toHaveLength(1);
      for (const status of ['400', '401', '404', '429']) {
        expect(operation.responses, where).toHaveProperty(status);
      }
    }
    const probeOps = spec.paths['/api/workspaces/{workspaceId}/scope-probe']!;
    expect(Object.keys(probeOps.post!.responses)).toContain('403');
    expect(Object.keys(probeOps.get!.responses)).not.toContain('403');
  });
});
