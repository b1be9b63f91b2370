import type pg from 'pg';
import type { Logger } from 'pino';
import { HttpError } from '../errors.js';
import { checkOutboundUrl, OutboundUrlError, type OutboundPolicy } from '../net/outbound-url.js';
import type { SecretKey } from '../tenancy/secrets.js';
import { readCredentials, writeCredentials } from '../tenancy/connections.js';
import { CrmError } from './errors.js';
import type { CallGate } from './gate.js';
import { createHubspotConnector, type HubspotCredentials } from './hubspot/index.js';
import type { CrmConnector, CrmType } from './port.js';
import type { RetryOptions } from './retry.js';
import { defaultCrmOutboundPolicy } from './outbound.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';
import { rateLimitsFor } from './rate-limits.js';
import { createSalesforceConnector, type SalesforceCredentials } from './salesforce/index.js';

export interface ConnectorDeps {
  pool: pg.Pool;
  secretKey: SecretKey;
  log?: Logger;
  /** Where stored CRM URLs may point; the process environment's policy by default. */
  outbound?: OutboundPolicy;
}

/** Knobs for tests and benchmarks; production uses the defaults. */
export interface ConnectorTuning {
  retry?: Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'maxRateLimitWaitMs'>;
  timeoutMs?: number;
}

/** A connector for one stored connection, with its shared rate limiter and a call count. */
export interface OpenedConnector {
  connector: CrmConnector;
  limiter: RateLimiter;
  crmType: CrmType;
  workspaceId: string;
  connectionId: string;
  /** HTTP calls made through this connector so far (retries included). */
  calls: () => number;
}

interface ConnectionRow {
  crmType: CrmType;
  kind: 'crm' | 'sandbox';
  status: string;
  metadata: Record<string, unknown>;
}

/**
 * Checks a stored CRM URL again each time it is used: a connection saved before the
 * check existed, or a host whose DNS changed since, is refused here. A name that does
 * not resolve right now is a network failure (retried, "could not be reached").
 */
async function checkStoredUrl(
  url: string,
  purpose: 'hubspot' | 'salesforce',
  field: string,
  policy: OutboundPolicy,
): Promise<void> {
  try {
    await checkOutboundUrl(url, { purpose, field, policy });
  } catch (error) {
    if (error instanceof OutboundUrlError && error.reason === 'unresolvable') {
      throw new CrmError('transient', error.message, { crmCode: 'ENOTFOUND', cause: error });
    }
    throw error;
  }
}

/**
 * Where a connection's CRM is. A sandbox connection's URL is the emulator's, written
 * by the server alone; any other connection's URLs came from a user or the CRM and
 * pass the outbound check.
 */
async function resolveEndpoints(
  connection: ConnectionRow,
  credentials: Record<string, unknown>,
  policy: OutboundPolicy,
): Promise<{ baseUrl?: string; credentials: Record<string, unknown> }> {
  const stored =
    typeof connection.metadata.baseUrl === 'string' ? connection.metadata.baseUrl : undefined;
  if (connection.kind === 'sandbox') {
    if (!stored) {
      throw new HttpError(
        409,
        'sandbox_not_running',
        'The CRM emulator has not been started by this server yet (PANDORA_SANDBOX=false?)',
      );
    }
    return {
      baseUrl: stored,
      credentials:
        connection.crmType === 'salesforce' ? { ...credentials, instanceUrl: stored } : credentials,
    };
  }
  if (connection.crmType === 'hubspot') {
    if (stored) await checkStoredUrl(stored, 'hubspot', 'metadata.baseUrl', policy);
    return { baseUrl: stored, credentials };
  }
  for (const field of ['instanceUrl', 'loginUrl'] as const) {
    const url = credentials[field];
    if (field === 'instanceUrl' || url !== undefined) {
      await checkStoredUrl(String(url), 'salesforce', field, policy);
    }
  }
  return { credentials };
}

/**
 * Opens the connector of a stored connection: decrypts its credentials, points it at
 * the CRM (or the emulator, for sandbox connections), paces it with the connection's
 * shared rate limiter, and stores refreshed OAuth tokens back, encrypted.
 */
export async function openConnector(
  deps: ConnectorDeps,
  workspaceId: string,
  connectionId: string,
  tuning: ConnectorTuning = {},
): Promise<OpenedConnector> {
  const { rows } = await deps.pool.query<ConnectionRow>(
    `select crm_type as "crmType", kind, status, metadata from connections
     where workspace_id = $1::uuid and id = $2::uuid and crm_type is not null`,
    [workspaceId, connectionId],
  );
  const connection = rows[0];
  if (!connection) throw new HttpError(404, 'not_found', `No connection with id ${connectionId}`);
  const credentials = await readCredentials<Record<string, unknown>>(
    deps.pool,
    deps.secretKey,
    workspaceId,
    connectionId,
  );
  if (!credentials || connection.status === 'disconnected') {
    throw new HttpError(
      409,
      'connection_not_ready',
      'This connection has no credentials; reconnect it first',
    );
  }

  const policy = deps.outbound ?? defaultCrmOutboundPolicy();
  const endpoints = await resolveEndpoints(connection, credentials, policy);

  const limiter = createRateLimiter({
    pool: deps.pool,
    workspaceId,
    connectionId,
    limits: rateLimitsFor(connection.crmType, connection.metadata),
    log: deps.log,
    onWarning: (warning) => deps.log?.warn(warning, 'CRM API usage passed 80% of the daily quota'),
  });
  let calls = 0;
  const gate: CallGate = {
    acquire: async (bucket) => {
      await limiter.acquire(bucket);
      calls += 1;
    },
    pause: (ms, policy) => limiter.pause(ms, policy),
    reportUsage: (used, max) => limiter.reportUsage(used, max),
  };
  const onCredentials = (next: Record<string, unknown>) =>
    writeCredentials(deps.pool, deps.secretKey, workspaceId, connectionId, next);
  const cacheKey = `${workspaceId}:${connectionId}`;

  const connector =
    connection.crmType === 'hubspot'
      ? createHubspotConnector({
          credentials: endpoints.credentials as unknown as HubspotCredentials,
          basePath: endpoints.baseUrl,
          gate,
          onCredentials: (next) => onCredentials(next as unknown as Record<string, unknown>),
          cacheKey,
          ...tuning,
        })
      : createSalesforceConnector({
          credentials: endpoints.credentials as unknown as SalesforceCredentials,
          gate,
          // A refresh may move the org to another instance: that URL is checked too.
          checkInstanceUrl:
            connection.kind === 'sandbox'
              ? undefined
              : (url) =>
                  checkOutboundUrl(url, { purpose: 'salesforce', field: 'instance_url', policy }),
          onCredentials: (next) => onCredentials(next as unknown as Record<string, unknown>),
          cacheKey,
          log: deps.log,
          ...tuning,
        });
  return {
    connector,
    limiter,
    crmType: connection.crmType,
    workspaceId,
    connectionId,
    calls: () => calls,
  };
}

/**
 * Records on the connection what a CRM error means for the user: expired or revoked
 * credentials and missing permissions put it in `error` with a sentence saying what
 * to do; anything else leaves the status alone.
 */
export async function noteConnectionError(
  pool: pg.Pool,
  workspaceId: string,
  connectionId: string,
  error: unknown,
): Promise<void> {
  if (!(error instanceof CrmError)) return;
  const message =
    error.kind === 'auth_expired'
      ? `The CRM refused the credentials (${error.crmCode ?? error.message}); reconnect to sign in again`
      : error.kind === 'permission'
        ? `The CRM user lacks a permission Pandora needs (${error.crmCode ?? error.message})`
        : null;
  if (!message) return;
  await pool.query(
    `update connections set status = 'error', status_message = $3::text, updated_at = now()
     where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, connectionId, message],
  );
}
