import type { CallGate } from '../gate.js';
import type { RetryOptions } from '../retry.js';

/** A private app's access token: never expires, revoked by rotating it in HubSpot. */
export interface HubspotPrivateAppCredentials {
  kind: 'private_app';
  accessToken: string;
}

/** A public (OAuth) app's tokens: the access token lives 30 minutes and is refreshed. */
export interface HubspotOAuthCredentials {
  kind: 'oauth';
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ISO 8601). */
  expiresAt: string;
  clientId: string;
  clientSecret: string;
}

export type HubspotCredentials = HubspotPrivateAppCredentials | HubspotOAuthCredentials;

export interface HubspotConnectorOptions {
  credentials: HubspotCredentials;
  gate: CallGate;
  /** HubSpot's API (default `https://api.hubapi.com`) or the emulator's base URL. */
  basePath?: string;
  /** Called with refreshed OAuth tokens before the call that needed them goes on; the caller encrypts and stores them. */
  onCredentials?: (credentials: HubspotCredentials) => Promise<void>;
  /** Per HTTP request; a request that takes longer fails as transient. Default 30 s. */
  timeoutMs?: number;
  /** Clock for token expiry and note timestamps (tests pass a fake). */
  now?: () => Date;
  /**
   * Key of the shared property cache: the workspace and connection, so every
   * connector instance of one connection (one per job) shares it. Defaults to the
   * base path and a hash of the credentials.
   */
  cacheKey?: string;
  /** Tuning of the retry loop (tests shorten the backoff). */
  retry?: Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'maxRateLimitWaitMs'>;
}
