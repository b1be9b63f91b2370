import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/**
 * HubSpot's error bodies. A whole-request failure is
 * `{status:"error", message, correlationId, category, subCategory?, context?, errors?}`;
 * a record's failure inside a 207 batch answer is the same shape (`StandardError`)
 * with `context.ids` (or `context.objectWriteTraceId`) naming the records.
 */
export interface ErrorDetail {
  message: string;
  code?: string;
  context?: Record<string, string[]>;
}

export interface HubspotErrorBody {
  status: 'error';
  message: string;
  correlationId: string;
  category: string;
  subCategory?: string;
  context?: Record<string, string[]>;
  errors?: ErrorDetail[];
  links?: Record<string, string>;
}

/** A record-level failure as it appears in a batch answer's `errors[]`. */
export interface BatchError {
  status: 'error';
  category: string;
  message: string;
  context: Record<string, string[]>;
  errors: ErrorDetail[];
  links: Record<string, string>;
  subCategory?: string;
}

/** A property value HubSpot refused, with the code it uses (`INVALID_OPTION`...). */
export interface PropertyProblem {
  code: string;
  propertyName: string;
  message: string;
}

export class HubspotApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly category: string,
    message: string,
    readonly extra: {
      subCategory?: string;
      context?: Record<string, string[]>;
      errors?: ErrorDetail[];
      links?: Record<string, string>;
    } = {},
  ) {
    super(message);
  }

  body(): HubspotErrorBody {
    return {
      status: 'error',
      message: this.message,
      correlationId: randomUUID(),
      category: this.category,
      ...this.extra,
    };
  }
}

export function sendHubspotError(reply: FastifyReply, error: HubspotApiError): FastifyReply {
  return reply.code(error.statusCode).send(error.body());
}

export const validationError = (message: string, extra: HubspotApiError['extra'] = {}) =>
  new HubspotApiError(400, 'VALIDATION_ERROR', message, extra);

/**
 * HubSpot reports bad property values as one message with the details embedded as
 * JSON, plus (in newer answers) `errors[]` with a code and the property's name.
 */
export function propertyValuesMessage(problems: PropertyProblem[]): string {
  const details = problems.map((problem) => ({
    isValid: false,
    message: problem.message,
    error: problem.code,
    name: problem.propertyName,
    localizedErrorMessage: problem.message,
  }));
  return `Property values were not valid: ${JSON.stringify(details)}`;
}

export function propertyDetails(problems: PropertyProblem[]): ErrorDetail[] {
  return problems.map((problem) => ({
    message: problem.message,
    code: problem.code,
    context: { propertyName: [problem.propertyName] },
  }));
}

export function propertyValuesError(problems: PropertyProblem[]): HubspotApiError {
  return validationError(propertyValuesMessage(problems), { errors: propertyDetails(problems) });
}

/** The batch-answer form of a record's bad property values. */
export function propertyBatchError(
  problems: PropertyProblem[],
  context: Record<string, string[]>,
): BatchError {
  return {
    status: 'error',
    category: 'VALIDATION_ERROR',
    message: propertyValuesMessage(problems),
    context: { ...context, propertyName: problems.map((p) => p.propertyName) },
    errors: propertyDetails(problems),
    links: {},
  };
}

export function batchError(
  category: string,
  message: string,
  context: Record<string, string[]>,
  subCategory?: string,
): BatchError {
  return {
    status: 'error',
    category,
    message,
    context,
    errors: [],
    links: {},
    ...(subCategory ? { subCategory } : {}),
  };
}

export const notFoundError = (message = 'resource not found') =>
  new HubspotApiError(404, 'OBJECT_NOT_FOUND', message);

export function invalidAuthentication(): HubspotApiError {
  return new HubspotApiError(
    401,
    'INVALID_AUTHENTICATION',
    'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  );
}

export function expiredAuthentication(expiredMs: number): HubspotApiError {
  const minutes = Math.max(1, Math.round(expiredMs / 60_000));
  return new HubspotApiError(
    401,
    'EXPIRED_AUTHENTICATION',
    `The OAuth token used to make this call expired ${minutes} minute(s) ago.`,
  );
}

export function missingScopes(required: string): HubspotApiError {
  return new HubspotApiError(
    403,
    'MISSING_SCOPES',
    "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    {
      errors: [
        {
          message: 'One or more of the following scopes are required.',
          context: { requiredGranularScopes: [required] },
        },
      ],
      links: { scopes: 'https://developers.hubspot.com/scopes' },
    },
  );
}
