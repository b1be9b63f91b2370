import { describe, expect, it } from 'vitest';
import { CrmError } from '../errors.js';
import { errorFromBody, mapSalesforceError } from './errors.js';

/** What jsforce's HttpApi throws for a REST error body. */
function apiError(errorCode: string, message: string, data: unknown = { errorCode, message }) {
  return Object.assign(new Error(message), { name: errorCode, errorCode, data });
}

function named(name: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { name, ...extra });
}

describe('mapSalesforceError', () => {
  it.each([
    ['INVALID_FIELD', 'validation'],
    ['INVALID_FIELD_FOR_INSERT_UPDATE', 'validation'],
    ['INVALID_TYPE_ON_FIELD_IN_RECORD', 'validation'],
    ['JSON_PARSER_ERROR', 'validation'],
    ['INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'validation'],
    ['BAD_PICKLIST_VALUE', 'validation'],
    ['STRING_TOO_LONG', 'validation'],
    ['REQUIRED_FIELD_MISSING', 'validation'],
    ['MALFORMED_QUERY', 'validation'],
    ['SOMETHING_NEW', 'validation'],
    ['NOT_FOUND', 'not_found'],
    ['ENTITY_IS_DELETED', 'not_found'],
    ['INVALID_SESSION_ID', 'auth_expired'],
    ['INSUFFICIENT_ACCESS', 'permission'],
    ['INSUFFICIENT_ACCESS_OR_READONLY', 'permission'],
    ['API_DISABLED_FOR_ORG', 'permission'],
    ['REQUEST_LIMIT_EXCEEDED', 'rate_limited'],
    ['UNABLE_TO_LOCK_ROW', 'transient'],
    ['SERVER_UNAVAILABLE', 'transient'],
    ['UNKNOWN_EXCEPTION', 'transient'],
  ])('maps %s to %s', (code, kind) => {
    const error = mapSalesforceError(apiError(code, 'something'));
    expect(error).toBeInstanceOf(CrmError);
    expect(error.kind).toBe(kind);
    expect(error.crmCode).toBe(code);
  });

  it('takes the field from fields[0] and the status from the answer', () => {
    const error = mapSalesforceError(
      apiError('STRING_TOO_LONG', 'Name: data value too large', {
        errorCode: 'STRING_TOO_LONG',
        message: 'Name: data value too large',
        fields: ['Name', 'Other'],
      }),
      { status: 400 },
    );
    expect(error).toMatchObject({ kind: 'validation', field: 'Name', status: 400 });
    expect(error.message).toBe('Salesforce STRING_TOO_LONG: Name: data value too large');
  });

  it('makes the daily limit a non-retryable DAILY rate limit', () => {
    const error = mapSalesforceError(
      apiError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'),
    );
    expect(error).toMatchObject({ kind: 'rate_limited', policy: 'DAILY' });
    expect(error.retryable).toBe(false);
  });

  it('uses the first of several errors', () => {
    const error = mapSalesforceError(
      apiError('MULTIPLE_API_ERRORS', 'Multiple errors returned.', [
        { errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted' },
        { errorCode: 'INVALID_FIELD', message: 'x' },
      ]),
    );
    expect(error).toMatchObject({ kind: 'not_found', crmCode: 'ENTITY_IS_DELETED' });
  });

  it('classifies bodies jsforce could not parse by HTTP status', () => {
    expect(mapSalesforceError(apiError('ERROR_HTTP_503', '<html>down</html>'))).toMatchObject({
      kind: 'transient',
      status: 503,
    });
    expect(mapSalesforceError(apiError('ERROR_HTTP_403', 'Bad_OAuth_Token'))).toMatchObject({
      kind: 'auth_expired',
      status: 403,
    });
    expect(mapSalesforceError(apiError('ERROR_HTTP_403', 'Forbidden')).kind).toBe('permission');
    expect(mapSalesforceError(apiError('ERROR_HTTP_404', 'nope')).kind).toBe('not_found');
    expect(mapSalesforceError(apiError('ERROR_HTTP_429', 'slow down')).kind).toBe('rate_limited');
  });

  it('turns timeouts and network failures into transient errors', () => {
    const timeout = mapSalesforceError(named('AbortError', 'The user aborted a request.'), {
      timeoutMs: 30_000,
    });
    expect(timeout).toMatchObject({ kind: 'transient', crmCode: 'TIMEOUT' });
    expect(timeout.message).toContain('30000 ms');
    expect(mapSalesforceError(new Error('Request Timeout')).kind).toBe('transient');
    const refused = mapSalesforceError(
      named('FetchError', 'request failed', { code: 'ECONNRESET' }),
    );
    expect(refused).toMatchObject({ kind: 'transient', crmCode: 'ECONNRESET' });
    expect(refused.retryable).toBe(true);
  });

  it('explains a failed session refresh by why it failed', () => {
    const wrapped = new Error('Unable to refresh session due to: expired access/refresh token');
    const refused = mapSalesforceError(wrapped, {
      refreshFailure: named('invalid_grant', 'expired access/refresh token'),
    });
    expect(refused).toMatchObject({ kind: 'auth_expired', crmCode: 'invalid_grant', status: 401 });
    const unreachable = mapSalesforceError(wrapped, {
      refreshFailure: named('FetchError', 'socket hang up', { code: 'ECONNRESET' }),
    });
    expect(unreachable.kind).toBe('transient');
  });

  it('maps OAuth token errors and anything unexpected', () => {
    expect(mapSalesforceError(named('invalid_client', 'invalid client credentials'))).toMatchObject(
      {
        kind: 'auth_expired',
        crmCode: 'invalid_client',
      },
    );
    expect(mapSalesforceError(new TypeError('x is not a function')).kind).toBe('transient');
    expect(mapSalesforceError('a string').kind).toBe('transient');
    const crm = new CrmError('conflict', 'as is');
    expect(mapSalesforceError(crm)).toBe(crm);
  });
});

describe('errorFromBody', () => {
  it('reads SaveResult errors, which say statusCode', () => {
    const error = errorFromBody({
      statusCode: 'UNABLE_TO_LOCK_ROW',
      message: 'unable to obtain exclusive access',
      fields: [],
    });
    expect(error).toMatchObject({
      kind: 'transient',
      crmCode: 'UNABLE_TO_LOCK_ROW',
      field: undefined,
      status: undefined,
    });
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('trying again later');
  });
});
