import { describe, expect, it } from 'vitest';
import { CrmError } from '../errors.js';
import { errorFromBody, HubspotHttpError, HubspotTimeoutError, mapHubspotError } from './errors.js';

/** Shaped like the SDK's ApiException: `code` is the HTTP status. */
class ApiLikeError extends Error {
  constructor(
    readonly code: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP-Code: ${code}`);
  }
}

describe('mapping HubSpot failures', () => {
  it('reads the field and code out of the message real HubSpot sends', () => {
    const error = mapHubspotError(
      new ApiLikeError(400, {
        status: 'error',
        message:
          'Property values were not valid: [{"isValid":false,"message":"Property \\"colour\\" does not exist","error":"PROPERTY_DOESNT_EXIST","name":"colour","localizedErrorMessage":"Property \\"colour\\" does not exist"}]',
        correlationId: 'x',
        category: 'VALIDATION_ERROR',
      }),
    );
    expect(error).toMatchObject({
      kind: 'validation',
      crmCode: 'PROPERTY_DOESNT_EXIST',
      field: 'colour',
      status: 400,
    });
    expect(error.message).toBe(
      'HubSpot refused colour: Property "colour" does not exist (PROPERTY_DOESNT_EXIST, HTTP 400)',
    );
  });

  it('prefers the raw answer the connector captured to the SDK’s trimmed model', () => {
    const raw = {
      status: 429,
      headers: { 'retry-after': '7' },
      body: JSON.stringify({
        status: 'error',
        message: 'You have reached your daily limit.',
        errorType: 'RATE_LIMIT',
        policyName: 'DAILY',
      }),
    };
    const error = mapHubspotError(new ApiLikeError(429, { message: 'trimmed' }), raw);
    expect(error).toMatchObject({ kind: 'rate_limited', policy: 'DAILY', retryAfterMs: 7000 });
    expect(error.retryable).toBe(false);
  });

  it.each([
    [401, 'EXPIRED_AUTHENTICATION', 'auth_expired'],
    [403, 'MISSING_SCOPES', 'permission'],
    [404, 'OBJECT_NOT_FOUND', 'not_found'],
    [409, 'CONFLICT', 'conflict'],
    [423, 'LOCKED', 'transient'],
    [502, undefined, 'transient'],
    [504, undefined, 'transient'],
    [418, undefined, 'validation'],
  ])('maps HTTP %s (%s) to %s', (status, category, kind) => {
    const error = mapHubspotError(new ApiLikeError(status, { message: 'm', category }));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.crmCode).toBe(category ?? `HTTP_${status}`);
  });

  it('maps OAuth token refusals to auth_expired by their status word', () => {
    const error = mapHubspotError(new ApiLikeError(400, {}), {
      status: 400,
      body: '{"status":"BAD_REFRESH_TOKEN","message":"missing or unknown refresh token"}',
    });
    expect(error).toMatchObject({ kind: 'auth_expired', crmCode: 'BAD_REFRESH_TOKEN' });
  });

  it('maps record errors of a 207 by category', () => {
    expect(
      errorFromBody({ category: 'OBJECT_NOT_FOUND', message: 'gone', context: { ids: ['1'] } }),
    ).toMatchObject({ kind: 'not_found', crmCode: 'OBJECT_NOT_FOUND' });
    expect(
      errorFromBody({
        category: 'VALIDATION_ERROR',
        message: 'bad',
        errors: [
          { code: 'INVALID_OPTION', message: 'x', context: { propertyName: ['dealstage'] } },
        ],
      }),
    ).toMatchObject({ kind: 'validation', crmCode: 'INVALID_OPTION', field: 'dealstage' });
  });

  it('maps timeouts, network failures, HTTP errors outside the SDK and odd throws', () => {
    expect(mapHubspotError(new HubspotTimeoutError(100))).toMatchObject({
      kind: 'transient',
      crmCode: 'TIMEOUT',
    });
    const reset = Object.assign(new Error('socket hang up'), {
      name: 'FetchError',
      code: 'ECONNRESET',
    });
    expect(mapHubspotError(reset)).toMatchObject({ kind: 'transient', crmCode: 'ECONNRESET' });
    expect(
      mapHubspotError(
        new HubspotHttpError(401, { category: 'INVALID_AUTHENTICATION', message: 'no' }, {}),
      ),
    ).toMatchObject({ kind: 'auth_expired', crmCode: 'INVALID_AUTHENTICATION' });
    expect(mapHubspotError('a string')).toBeInstanceOf(CrmError);
    const same = new CrmError('conflict', 'kept');
    expect(mapHubspotError(same)).toBe(same);
  });
});
