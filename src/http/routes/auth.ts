import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { HttpError } from '../../errors.js';
import { SESSION_COOKIE, deleteSession } from '../../tenancy/sessions.js';
import { authenticate, getUser, normalizeEmail } from '../../tenancy/users.js';
import { getWorkspace, listUserWorkspaces } from '../../tenancy/workspaces.js';
import { requirePrincipal } from '../auth.js';
import type { Config } from '../../config.js';
import type { AppContext } from '../context.js';
import { LoginAttempts, passwordFormRateLimit } from '../login-attempts.js';
import { startSession } from '../session-cookie.js';
import { Email, RoleSchema, Timestamp, Uuid, errorResponses, strictObject } from '../schemas.js';

const UserSchema = Type.Object({ id: Uuid, email: Type.String(), name: Type.String() });
const WorkspaceSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  slug: Type.String(),
  isDemo: Type.Boolean(),
  role: RoleSchema,
  createdAt: Timestamp,
});
const MeResponse = Type.Object({
  user: Type.Union([UserSchema, Type.Null()]),
  apiKey: Type.Optional(Type.Object({ id: Uuid, name: Type.String(), role: RoleSchema })),
  workspaces: Type.Array(WorkspaceSummary),
});

const LOGIN_EMAIL_WINDOW_MS = 15 * 60_000;

/** The per-email budget shared by every form that takes a password (login, invitation link). */
export function createLoginAttempts(config: Pick<Config, 'loginAttemptsPerEmail'>): LoginAttempts {
  return new LoginAttempts(config.loginAttemptsPerEmail, LOGIN_EMAIL_WINDOW_MS);
}

export function authRoutes(
  ctx: AppContext,
  loginAttempts = createLoginAttempts(ctx.config),
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        schema: {
          operationId: 'createSession',
          security: [],
          tags: ['auth'],
          summary: 'Log in',
          description: 'Log in to the console (sets a session cookie).',
          body: strictObject({
            email: Email,
            password: Type.String({ minLength: 1, maxLength: 1024 }),
          }),
          response: { 200: MeResponse, ...errorResponses(400, 401, 429) },
        },
        config: {
          rateLimit: passwordFormRateLimit(ctx.config.loginAttemptsPerAddress),
        },
      },
      async (request, reply) => {
        const email = normalizeEmail(request.body.email);
        loginAttempts.takeOrRefuse(email, reply);
        const user = await authenticate(ctx.pool, email, request.body.password);
        if (!user) throw new HttpError(401, 'invalid_credentials', 'Wrong email or password');
        loginAttempts.succeeded(email);
        await startSession(ctx, request, reply, user.id);
        return {
          user: { id: user.id, email: user.email, name: user.name },
          workspaces: await listUserWorkspaces(ctx.pool, user.id),
        };
      },
    );

    app.post(
      '/api/auth/logout',
      {
        schema: {
          operationId: 'deleteSession',
          tags: ['auth'],
          summary: 'Log out',
          description: 'End the console session.',
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await deleteSession(ctx.pool, token);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/me',
      {
        schema: {
          operationId: 'getMe',
          tags: ['auth'],
          summary: 'Get the caller',
          description: 'The caller and the workspaces it can reach.',
          response: { 200: MeResponse, ...errorResponses(401) },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        if (principal.kind === 'apiKey') {
          const workspace = await getWorkspace(ctx.pool, principal.workspaceId);
          return {
            user: null,
            apiKey: { id: principal.keyId, name: principal.name, role: principal.role },
            workspaces: [{ ...workspace, role: principal.role }],
          };
        }
        const user = await getUser(ctx.pool, principal.userId);
        if (!user)
          throw new HttpError(401, 'unauthenticated', 'This session belongs to a deleted user');
        return {
          user: { id: user.id, email: user.email, name: user.name },
          workspaces: await listUserWorkspaces(ctx.pool, user.id),
        };
      },
    );
  };
}
