import {
  DEFAULT_BASE_PATH,
  DEFAULT_TIMEOUT_MS,
  createSdkClient,
  sdkOptions,
  sendOnce,
} from './client.js';
import type { HubspotOAuthCredentials } from './types.js';

/** HubSpot's consent screen lives on the app domain, not the API's. */
export const DEFAULT_AUTH_BASE = 'https://app.hubspot.com';

/**
 * The scopes Pandora asks for: read and write deals, contacts and companies, their
 * schemas, owners, and lists (flows subscribe contacts to campaign lists).
 */
export const HUBSPOT_SCOPES: readonly string[] = [
  'oauth',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.owners.read',
  'crm.schemas.deals.read',
  'crm.schemas.deals.write',
  'crm.schemas.contacts.read',
  'crm.schemas.companies.read',
  'crm.lists.read',
  'crm.lists.write',
];

/** Where to send the browser to connect HubSpot (authorization-code flow, step 1). */
export function hubspotAuthorizeUrl(options: {
  clientId: string;
  redirectUri: string;
  scopes?: readonly string[];
  state: string;
  /** `https://app.hubspot.com` (default), or the emulator's base URL. */
  authBase?: string;
}): string {
  const base = (options.authBase ?? DEFAULT_AUTH_BASE).replace(/\/+$/, '');
  const query = new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: (options.scopes ?? HUBSPOT_SCOPES).join(' '),
    state: options.state,
  });
  return `${base}/oauth/authorize?${query}`;
}

/**
 * Trades the code HubSpot sent to `redirectUri` for tokens (step 2), through the
 * SDK's OAuth API. Failures are `CrmError`s: an unknown or used code is
 * `auth_expired` (start the flow again).
 */
export async function exchangeHubspotCode(options: {
  code: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** HubSpot's API (default) or the emulator's base URL. */
  basePath?: string;
  timeoutMs?: number;
  now?: () => Date;
}): Promise<HubspotOAuthCredentials> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const basePath = (options.basePath ?? DEFAULT_BASE_PATH).replace(/\/+$/, '');
  const issuedAt = (options.now?.() ?? new Date()).getTime();
  const sdk = createSdkClient(basePath, undefined, timeoutMs);
  const { value } = await sendOnce(
    () =>
      sdk.oauth.tokensApi.create(
        'authorization_code',
        options.code,
        options.redirectUri,
        options.clientId,
        options.clientSecret,
        undefined,
        sdkOptions(),
      ),
    timeoutMs,
  );
  return {
    kind: 'oauth',
    accessToken: value.accessToken,
    refreshToken: value.refreshToken,
    expiresAt: new Date(issuedAt + value.expiresIn * 1000).toISOString(),
    clientId: options.clientId,
    clientSecret: options.clientSecret,
  };
}
