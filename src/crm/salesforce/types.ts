import type { CreateMarking } from '../port.js';
import type { Logger } from 'pino';
import type { CallGate } from '../gate.js';
import type { RetryOptions } from '../retry.js';

/** OAuth web-server flow credentials: the session refreshes itself with the refresh token. */
export interface SalesforceOAuthCredentials {
  kind: 'oauth';
  instanceUrl: string;
  accessToken: string;
  refreshToken: string;
  clientId: string;
  clientSecret: string;
  /** `https://login.salesforce.com`, `https://test.salesforce.com` or a My Domain URL. */
  loginUrl: string;
  redirectUri?: string;
}

/** A bare session token (scripts, the sandbox): when it expires, the connection must be redone. */
export interface SalesforceTokenCredentials {
  kind: 'access_token';
  instanceUrl: string;
  accessToken: string;
}

export type SalesforceCredentials = SalesforceOAuthCredentials | SalesforceTokenCredentials;

export interface SalesforceConnectorOptions {
  credentials: SalesforceCredentials;
  gate: CallGate;
  /** Called with refreshed credentials before the retried call goes out; the caller encrypts and stores them. */
  onCredentials?: (credentials: SalesforceCredentials) => Promise<void>;
  /**
   * Vets an instance URL a token refresh names before any request goes to it (the
   * outbound URL check); a refusal fails the refresh.
   */
  checkInstanceUrl?: (url: string) => Promise<unknown>;
  /** API usage from `Sforce-Limit-Info`, after the gate heard of it. */
  onUsage?: (usage: { used: number; max: number }) => void | Promise<void>;
  /** Per HTTP request; a request that takes longer is abandoned as a transient failure. Default 30 s. */
  timeoutMs?: number;
  /** REST API version; default '62.0'. */
  version?: string;
  /** Key for the shared property cache (the connection's id); default the instance URL. */
  cacheKey?: string;
  /** Where failures that must not fail a call (recording API usage) are logged; default console. */
  log?: Pick<Logger, 'warn'>;
  /** Tuning of the retry loop (tests shorten the backoff). */
  retry?: Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'maxRateLimitWaitMs'>;
}

/** An audit task on a record (`Task` with `WhatId`). */
/** A task's marker goes at the end of its Subject, which SOQL can filter on. */
export interface TaskInput extends CreateMarking {
  whatId: string;
  subject: string;
  description?: string;
  /** Default 'Completed': audit tasks record what happened. */
  status?: string;
  /** 'YYYY-MM-DD'; default today. */
  activityDate?: string;
}
