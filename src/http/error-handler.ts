import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { databaseUnavailable, isDatabaseUnavailable } from '../db/unavailable.js';
import { HttpError } from '../errors.js';
import { databaseRefusal } from './database-errors.js';
import { clientErrorRefusal, fastifyRefusal } from './fastify-refusals.js';
import { EARLIEST_DATE, LATEST_DATE } from './sane-values.js';

interface ValidationIssue {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** One field problem, e.g. `{ field: 'body.email', message: 'must match format "email"' }`. */
export interface FieldIssue {
  field: string;
  message: string;
}

function describeIssues(context: string, issues: ValidationIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const path = issue.instancePath.split('/').filter(Boolean);
    if (issue.keyword === 'required') path.push(String(issue.params.missingProperty));
    if (issue.keyword === 'additionalProperties')
      path.push(String(issue.params.additionalProperty));
    const field = [context, ...path].join('.');
    let message = issue.message ?? 'is invalid';
    if (issue.keyword === 'required') message = 'is required';
    if (issue.keyword === 'additionalProperties') message = 'is not a known field';
    if (issue.keyword === 'enum')
      message = `must be one of ${JSON.stringify(issue.params.allowedValues)}`;
    if (issue.keyword === 'formatMinimum' || issue.keyword === 'formatMaximum')
      message = `must be a date from ${EARLIEST_DATE} to ${LATEST_DATE}`;
    return { field, message };
  });
}

/** The documented error shape; `details` is always there, `{}` when there is nothing to add. */
export function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, details: details ?? {} } };
}

/** Maps every error to `{ error: { code, message, details } }`; only the unexpected is a 500. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (isDatabaseUnavailable(error)) return databaseUnavailable(error);
  const fastifyError = error as FastifyError & { validation?: ValidationIssue[] };
  if (fastifyError.validation) {
    const issues = describeIssues(
      fastifyError.validationContext ?? 'body',
      fastifyError.validation,
    );
    const summary = issues
      .slice(0, 3)
      .map((issue) => `${issue.field} ${issue.message}`)
      .join('; ');
    return new HttpError(400, 'validation_failed', `Invalid request: ${summary}`, issues);
  }
  const refusal = fastifyRefusal(fastifyError);
  if (refusal) return refusal;
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return new HttpError(
      400,
      'malformed_json',
      `The request body is not valid JSON: ${error.message}`,
    );
  }
  const database = databaseRefusal(error);
  if (database) return database;
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return new HttpError(fastifyError.statusCode, 'bad_request', fastifyError.message);
  }
  return new HttpError(
    500,
    'internal_error',
    'Something went wrong on our side; the request id is in the logs',
    undefined,
    {
      cause: error,
    },
  );
}

/** The wait an error asks for (`details.retryAfterSeconds`), sent as `Retry-After` too. */
export function retryAfterSeconds(error: HttpError): number | undefined {
  const details = error.details as { retryAfterSeconds?: unknown } | undefined;
  const seconds = details?.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : undefined;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request: FastifyRequest, reply: FastifyReply) => {
    const httpError = toHttpError(error);
    const retryAfter = retryAfterSeconds(httpError);
    if (retryAfter !== undefined) void reply.header('retry-after', retryAfter);
    if (httpError.status >= 500) request.log.error({ err: error }, 'request failed');
    // A 400 from below (the database) means validation let something through: worth a look.
    else if (httpError.status === 400 && httpError.cause)
      request.log.warn(
        { err: error, code: httpError.code, status: httpError.status },
        httpError.message,
      );
    else request.log.info({ code: httpError.code, status: httpError.status }, httpError.message);
    void reply
      .status(httpError.status)
      .send(errorBody(httpError.code, httpError.message, httpError.details));
  });
}

/**
 * Fastify's `frameworkErrors` option: refusals made while routing (a URL that does not
 * decode, a path parameter past maxParamLength), before any hook or error handler runs.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const refusal =
    fastifyRefusal(error) ?? new HttpError(error.statusCode ?? 400, 'bad_request', error.message);
  request.log.info({ code: refusal.code, status: refusal.status }, refusal.message);
  void reply.status(refusal.status).send(errorBody(refusal.code, refusal.message, refusal.details));
}

/**
 * Fastify's `clientErrorHandler` option: what Node's HTTP parser refuses never reaches
 * Fastify, so the answer goes straight to the socket, in the error shape, and the
 * socket is closed (as Node's own handler does).
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const refusal = clientErrorRefusal(error);
  const body = JSON.stringify(errorBody(refusal.code, refusal.message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
