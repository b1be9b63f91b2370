import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { HttpError } from '../../errors.js';
import { consolePath, verifyLink } from '../../notifications/email/links.js';
import { getUser } from '../../tenancy/users.js';
import type { AppContext } from '../context.js';
import { errorResponse, errorResponses, PageLimit, pageSize, Timestamp } from '../schemas.js';

const NullableString = (description?: string) =>
  Type.Union([Type.String(), Type.Null()], description ? { description } : {});

const MailboxMessageSchema = Type.Object({
  id: Type.String(),
  receivedAt: Timestamp,
  from: Type.String(),
  to: Type.Array(Type.String(), { description: 'The envelope recipients' }),
  subject: Type.String(),
  messageId: NullableString(),
  text: Type.String(),
  html: NullableString('Show it in a sandboxed frame: it is email'),
});

/**
 * Email's routes: the signed link every notification email carries, and the sandbox's
 * mailbox (what its SMTP server received), which only exists where the sandbox runs.
 */
export function notificationEmailRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/notifications/open',
      {
        schema: {
          operationId: 'openNotificationLink',
          security: [],
          tags: ['notifications'],
          summary: 'Open what a notification email links to',
          description:
            'Checks the signed link of a notification email and redirects into the console at its item; the console asks for a login as usual.',
          querystring: Type.Object({ token: Type.String({ minLength: 1, maxLength: 4_000 }) }),
          response: {
            302: Type.Null({ description: 'To the item in the console' }),
            400: errorResponse('invalid_notification_link: the link was changed or is not ours'),
            410: errorResponse('notification_link_expired: the link is older than 14 days'),
          },
        },
      },
      async (request, reply) => {
        const check = verifyLink(ctx.secretKey, request.query.token);
        if (!check.ok) {
          throw check.reason === 'expired'
            ? new HttpError(
                410,
                'notification_link_expired',
                'This link has expired: open Pandora and find the item in your inbox',
              )
            : new HttpError(
                400,
                'invalid_notification_link',
                'This link is not valid: copy the whole link from the email, or open Pandora',
              );
        }
        return reply.redirect(consolePath(check.claims), 302);
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/sandbox-mailbox',
      {
        schema: {
          operationId: 'listSandboxMailbox',
          tags: ['notifications'],
          summary: "List the sandbox mailbox's messages",
          description:
            "What the sandbox's SMTP server received for this workspace, newest first: an admin sees every member's, others their own. Only where the server runs the sandbox (no SMTP_URL).",
          querystring: Type.Object({ limit: PageLimit(200, 50) }),
          response: {
            200: Type.Object({ messages: Type.Array(MailboxMessageSchema) }),
            ...errorResponses(409),
          },
        },
      },
      async (request) => {
        const mailbox = ctx.sandboxMailbox;
        if (!mailbox) {
          throw new HttpError(
            409,
            'no_sandbox_mailbox',
            'This server sends email through SMTP_URL, not the sandbox: read it in your mail client',
          );
        }
        const { workspaceId, role, userId } = request.access;
        let recipient: string | undefined;
        if (role !== 'admin') {
          // A member's API key is no person: it has no mail of its own.
          const user = userId ? await getUser(ctx.pool, userId) : undefined;
          if (!user) return { messages: [] };
          recipient = user.email;
        }
        const messages = mailbox
          .list({ workspaceId, recipient })
          .slice(0, pageSize(request.query, 50).limit)
          .map((message) => ({
            id: message.id,
            receivedAt: message.receivedAt,
            from: message.from,
            to: message.envelopeTo,
            subject: message.subject,
            messageId: message.messageId,
            text: message.text,
            html: message.html,
          }));
        return { messages };
      },
    );
  };
}
