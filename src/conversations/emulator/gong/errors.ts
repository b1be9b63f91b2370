import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/** Gong's request reference: every answer, errors included, carries one. */
export function requestId(): string {
  return randomBytes(10).toString('base64url').toLowerCase().slice(0, 19);
}

/** Gong's error body: the request id and a list of messages. */
export function sendGongError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).send({ requestId: requestId(), errors: [message] });
}

export const CURSOR_EXPIRED = 'cursor has expired';
export const CURSOR_INVALID = 'cursor is invalid';
export const NO_CALLS = 'No calls found corresponding to the provided filters';
