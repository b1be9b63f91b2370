import type { FastifyReply } from 'fastify';

/** One error as Salesforce REST writes it: `[{message, errorCode, fields}]`. */
export interface SfErrorBody {
  message: string;
  errorCode: string;
  fields?: string[];
}

/** One record's error inside a SaveResult (`statusCode` there, not `errorCode`). */
export interface SfRecordError {
  statusCode: string;
  message: string;
  fields: string[];
}

/** A whole-request failure, rendered by the Salesforce routes' error handler. */
export class SfApiError extends Error {
  override name = 'SfApiError';

  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields?: string[],
  ) {
    super(message);
  }

  body(): SfErrorBody[] {
    const body: SfErrorBody = { message: this.message, errorCode: this.errorCode };
    if (this.fields) body.fields = this.fields;
    return [body];
  }
}

/** A per-record failure; turned into a SaveResult error or, for single-record routes, a 400. */
export class SfRecordFailure extends Error {
  override name = 'SfRecordFailure';

  constructor(
    readonly statusCode: string,
    message: string,
    readonly fields: string[] = [],
    /** HTTP status when the failure answers a single-record route. */
    readonly status = 400,
  ) {
    super(message);
  }

  toRecordError(): SfRecordError {
    return { statusCode: this.statusCode, message: this.message, fields: this.fields };
  }

  toApiError(): SfApiError {
    return new SfApiError(this.status, this.statusCode, this.message, this.fields);
  }
}

export function sendSfError(reply: FastifyReply, error: SfApiError): FastifyReply {
  return reply.code(error.status).send(error.body());
}

export const notFoundResource = () =>
  new SfApiError(404, 'NOT_FOUND', 'The requested resource does not exist');

export const sessionInvalid = () =>
  new SfApiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
