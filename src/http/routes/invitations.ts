import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { withTransaction } from '../../db/pool.js';
import { HttpError } from '../../errors.js';
import {
  acceptInvitation,
  acceptInvitationLink,
  createInvitation,
  declineInvitation,
  findInvitationByToken,
  listInvitations,
  listReceivedInvitations,
  revokeInvitation,
} from '../../tenancy/invitations.js';
import { getUser } from '../../tenancy/users.js';
import { getWorkspace } from '../../tenancy/workspaces.js';
import { requireUser } from '../auth.js';
import type { AppContext } from '../context.js';
import { passwordFormRateLimit, type LoginAttempts } from '../login-attempts.js';
import { Email, RoleSchema, Timestamp, Uuid, errorResponses, strictObject } from '../schemas.js';
import { startSession } from '../session-cookie.js';

const InvitationSchema = Type.Object({
  id: Uuid,
  workspaceId: Uuid,
  email: Type.String(),
  role: RoleSchema,
  invitedBy: Type.Union([Type.Object({ id: Uuid, email: Type.String() }), Type.Null()]),
  createdAt: Timestamp,
  expiresAt: Timestamp,
});
const ReceivedInvitationSchema = Type.Composite([
  InvitationSchema,
  Type.Object({ workspaceName: Type.String() }),
]);
const Token = Type.String({
  minLength: 10,
  maxLength: 100,
  pattern: '^pi_[A-Za-z0-9_-]+$',
  description: 'The token from the invitation link (the part after `#`)',
});
const InvitationParams = Type.Object({ invitationId: Uuid });
const ReceivedParams = Type.Object({ invitationId: Uuid });
const JoinedWorkspace = Type.Object({ id: Uuid, name: Type.String(), role: RoleSchema });

/**
 * The link an admin shares. The token travels in the fragment, which browsers never
 * send to a server, so it stays out of request logs and Referer headers.
 */
function inviteUrl(ctx: AppContext, request: FastifyRequest, token: string): string {
  const base = ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;
  return `${base}/invite#${token}`;
}

async function currentUser(ctx: AppContext, request: FastifyRequest) {
  const user = await getUser(ctx.pool, requireUser(request));
  if (!user) throw new HttpError(401, 'unauthenticated', 'This session belongs to a deleted user');
  return user;
}

export function invitationRoutes(
  ctx: AppContext,
  loginAttempts: LoginAttempts,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/workspaces/:workspaceId/invitations',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'listInvitations',
          tags: ['members'],
          summary: 'List open invitations',
          description: 'Open invitations to the workspace (admins).',
          response: {
            200: Type.Object({ invitations: Type.Array(InvitationSchema) }),
          },
        },
      },
      async (request) => {
        return { invitations: await listInvitations(ctx.pool, request.access.workspaceId) };
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/invitations',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'createInvitation',
          tags: ['members'],
          summary: 'Invite someone by email',
          description:
            'Invite someone by email; they join when they accept. The answer is the same whether or not the email has an account.',
          body: strictObject({ email: Email, role: RoleSchema }),
          response: {
            201: Type.Object({
              invitation: InvitationSchema,
              inviteUrl: Type.String({ description: 'The link to send; shown only here' }),
            }),
            ...errorResponses(409),
          },
        },
      },
      async (request, reply) => {
        const { invitation, token } = await withTransaction(ctx.pool, (client) =>
          createInvitation(client, request.access.workspaceId, {
            email: request.body.email,
            role: request.body.role,
            invitedBy: request.access.userId,
          }),
        );
        return reply.status(201).send({ invitation, inviteUrl: inviteUrl(ctx, request, token) });
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/invitations/:invitationId',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'revokeInvitation',
          tags: ['members'],
          summary: 'Withdraw an invitation',
          description: 'Withdraw an open invitation; its link stops working.',
          params: InvitationParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await revokeInvitation(ctx.pool, request.access.workspaceId, request.params.invitationId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/me/invitations',
      {
        schema: {
          operationId: 'listMyInvitations',
          tags: ['auth'],
          summary: 'List my invitations',
          description: 'Open invitations addressed to the logged-in person.',
          response: {
            200: Type.Object({ invitations: Type.Array(ReceivedInvitationSchema) }),
            ...errorResponses(401, 403),
          },
        },
      },
      async (request) => {
        const user = await currentUser(ctx, request);
        return { invitations: await listReceivedInvitations(ctx.pool, user.email) };
      },
    );

    app.post(
      '/api/me/invitations/:invitationId/accept',
      {
        schema: {
          operationId: 'acceptMyInvitation',
          tags: ['auth'],
          summary: 'Accept my invitation',
          description: 'Accept an invitation addressed to the logged-in person.',
          params: ReceivedParams,
          response: {
            200: Type.Object({ workspace: JoinedWorkspace }),
            ...errorResponses(401, 403, 404),
          },
        },
      },
      async (request) => {
        const user = await currentUser(ctx, request);
        const invitation = await withTransaction(ctx.pool, (client) =>
          acceptInvitation(client, user, request.params.invitationId),
        );
        const workspace = await getWorkspace(ctx.pool, invitation.workspaceId);
        return { workspace: { id: workspace.id, name: workspace.name, role: invitation.role } };
      },
    );

    app.post(
      '/api/me/invitations/:invitationId/decline',
      {
        schema: {
          operationId: 'declineMyInvitation',
          tags: ['auth'],
          summary: 'Decline my invitation',
          description: 'Turn down an invitation addressed to the logged-in person.',
          params: ReceivedParams,
          response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const user = await currentUser(ctx, request);
        await declineInvitation(ctx.pool, user, request.params.invitationId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/invitations/lookup',
      {
        schema: {
          operationId: 'lookUpInvitation',
          security: [],
          tags: ['auth'],
          summary: 'Look up an invitation link',
          description: 'What an invitation link is for: the workspace, the email and the role.',
          body: strictObject({ token: Token }),
          response: {
            200: Type.Object({
              invitation: Type.Object({
                email: Type.String(),
                role: RoleSchema,
                workspaceName: Type.String(),
                expiresAt: Timestamp,
              }),
            }),
            ...errorResponses(400, 404, 429),
          },
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (request) => {
        const found = await findInvitationByToken(ctx.pool, request.body.token);
        return {
          invitation: {
            email: found.email,
            role: found.role,
            workspaceName: found.workspaceName,
            expiresAt: found.expiresAt,
          },
        };
      },
    );

    app.post(
      '/api/invitations/accept',
      {
        schema: {
          operationId: 'acceptInvitation',
          security: [],
          tags: ['auth'],
          summary: 'Accept an invitation link',
          description:
            "Accept through the link: signs in with the invited email's password, or creates its account (sets a session cookie).",
          body: strictObject({
            token: Token,
            password: Type.String({ minLength: 1, maxLength: 1024 }),
            name: Type.Optional(Type.String({ maxLength: 200 })),
          }),
          response: {
            200: Type.Object({ workspace: JoinedWorkspace }),
            ...errorResponses(400, 401, 404, 409, 429),
          },
        },
        // A password tried here is a login attempt: the login form's budgets, per client
        // address and per email, apply alike.
        config: {
          rateLimit: passwordFormRateLimit(ctx.config.loginAttemptsPerAddress),
        },
      },
      async (request, reply) => {
        const found = await findInvitationByToken(ctx.pool, request.body.token);
        loginAttempts.takeOrRefuse(found.email, reply);
        const { user } = await withTransaction(ctx.pool, (client) =>
          acceptInvitationLink(client, found, {
            password: request.body.password,
            ...(request.body.name?.trim() ? { name: request.body.name.trim() } : {}),
          }),
        );
        loginAttempts.succeeded(found.email);
        await startSession(ctx, request, reply, user.id);
        return {
          workspace: { id: found.workspaceId, name: found.workspaceName, role: found.role },
        };
      },
    );
  };
}
