import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from './context.js';
import { SESSION_COOKIE, createSession } from '../tenancy/sessions.js';

/** Starts a console session for the user and sets its cookie (the one place it is set). */
export async function startSession(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): Promise<void> {
  const session = await createSession(ctx.pool, userId, ctx.config.sessionTtlHours);
  void reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: session.expiresAt,
  });
}
