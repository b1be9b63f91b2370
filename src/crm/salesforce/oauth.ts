import { OAuth2 } from 'jsforce';
import { CrmError } from '../errors.js';
import { BoundedTransport, DEFAULT_TIMEOUT_MS } from './client.js';
import { mapSalesforceError } from './errors.js';
import type { SalesforceOAuthCredentials } from './types.js';

export interface SalesforceAppOptions {
  /** `https://login.salesforce.com`, `https://test.salesforce.com`, a My Domain URL, or the emulator. */
  loginUrl: string;
  clientId: string;
  redirectUri: string;
}

/** The scopes Pandora asks for: the REST API, the identity endpoints, and a refresh token. */
export const SALESFORCE_SCOPES = 'api id refresh_token';

/** Where to send the browser to connect Salesforce (web-server flow, step 1). */
export function salesforceAuthorizeUrl(
  options: SalesforceAppOptions & { state: string; scope?: string; prompt?: string },
): string {
  const oauth2 = new OAuth2(options);
  return oauth2.getAuthorizationUrl({
    state: options.state,
    scope: options.scope ?? SALESFORCE_SCOPES,
    ...(options.prompt ? { prompt: options.prompt } : {}),
  });
}

export interface ExchangedSalesforceCode {
  credentials: SalesforceOAuthCredentials;
  orgId: string;
  userId: string;
}

/**
 * Trades the code Salesforce sent to `redirectUri` for tokens (web-server flow,
 * step 2). The instance URL comes from Salesforce's answer, so a My Domain or
 * sandbox org works without configuration. Failures are `CrmError`s: an unknown or
 * used code is `auth_expired` (start the flow again).
 */
export async function exchangeSalesforceCode(
  options: SalesforceAppOptions & { clientSecret: string; code: string; timeoutMs?: number },
): Promise<ExchangedSalesforceCode> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const oauth2 = new OAuth2(options);
  oauth2._transport = new BoundedTransport(timeoutMs);
  try {
    const token = await oauth2.requestToken(options.code);
    const [orgId = '', userId = ''] = token.id.split('/').slice(-2);
    if (!token.refresh_token) {
      throw new CrmError(
        'permission',
        'Salesforce sent no refresh token: allow the refresh_token scope in the connected app and connect again',
      );
    }
    return {
      orgId,
      userId,
      credentials: {
        kind: 'oauth',
        instanceUrl: token.instance_url,
        accessToken: token.access_token,
        refreshToken: token.refresh_token,
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        loginUrl: options.loginUrl,
        redirectUri: options.redirectUri,
      },
    };
  } catch (error) {
    throw mapSalesforceError(error, { timeoutMs });
  }
}
