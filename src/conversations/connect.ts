import type { Logger } from 'pino';
import type pg from 'pg';
import type { ConnectorDeps, ConnectorTuning } from '../crm/connect.js';
import { CrmError } from '../crm/errors.js';
import type { CallGate } from '../crm/gate.js';
import { createRateLimiter, type RateLimiter } from '../crm/rate-limiter.js';
import { applyRateLimitOverrides, type RateLimits } from '../crm/rate-limits.js';
import { HttpError } from '../errors.js';
import { checkOutboundUrl, OutboundUrlError } from '../net/outbound-url.js';
import { defaultCrmOutboundPolicy } from '../crm/outbound.js';
import { readCredentials } from '../tenancy/connections.js';
import { createFirefliesConnector, firefliesRateLimits } from './fireflies/index.js';
import type { FirefliesCredentials } from './fireflies/index.js';
import { createGongConnector, GONG_RATE_LIMITS, type GongCredentials } from './gong/connector.js';
import type { ConversationSourceConnector, SourceType, SourceUser } from './port.js';

export type RecorderType = Exclude<SourceType, 'webhook'>;

/** What a source's factory gets: its decrypted credentials, where to call, and the gate. */
export interface SourceConnectorOptions {
  credentials: Record<string, unknown>;
  /** The stored API host (the emulator's, for a sandbox connection); the source's default when absent. */
  baseUrl: string | undefined;
  gate: CallGate;
  tuning: ConnectorTuning;
  log?: Logger;
}

export interface SourceConnectorDefinition {
  /**
   * The connection's limits, applied by the shared limiter: the source's published
   * ones (which may depend on the plan in `metadata`), `metadata.rateLimit` over them.
   */
  limits(metadata: Record<string, unknown>): RateLimits;
  create(options: SourceConnectorOptions): ConversationSourceConnector;
}

/** Every recorder Pandora syncs from: one entry per source type. */
export const SOURCE_CONNECTORS: Partial<Record<RecorderType, SourceConnectorDefinition>> = {
  gong: {
    limits: (metadata) => applyRateLimitOverrides(GONG_RATE_LIMITS, metadata.rateLimit),
    create: ({ credentials, baseUrl, gate, tuning }) =>
      createGongConnector({
        credentials: credentials as unknown as GongCredentials,
        baseUrl,
        gate,
        ...tuning,
      }),
  },
  fireflies: {
    limits: firefliesRateLimits,
    create: ({ credentials, baseUrl, gate, tuning }) =>
      createFirefliesConnector({
        credentials: credentials as unknown as FirefliesCredentials,
        baseUrl,
        gate,
        ...tuning,
      }),
  },
};

/** A source connector for one stored connection, with its tracked users and a call count. */
export interface OpenedSource {
  connector: ConversationSourceConnector;
  limiter: RateLimiter;
  sourceType: RecorderType;
  workspaceId: string;
  connectionId: string;
  metadata: Record<string, unknown>;
  /** The users an admin picked; only their calls are synced. */
  trackedUsers: SourceUser[];
  /** HTTP calls made through this connector so far (retries included). */
  calls: () => number;
}

interface SourceRow {
  sourceType: SourceType;
  kind: 'crm' | 'sandbox';
  status: string;
  metadata: Record<string, unknown>;
}

/**
 * The users whose calls are synced: the directory entries (`metadata.directory`) an
 * admin picked (`metadata.trackedUserIds`); a picked user no longer in the directory
 * is not synced.
 */
export function trackedUsersOf(metadata: Record<string, unknown>): SourceUser[] {
  const ids = new Set(
    Array.isArray(metadata.trackedUserIds)
      ? metadata.trackedUserIds.filter((id): id is string => typeof id === 'string')
      : [],
  );
  const directory = Array.isArray(metadata.directory) ? metadata.directory : [];
  return directory.filter(
    (user): user is SourceUser =>
      typeof user === 'object' &&
      user !== null &&
      typeof (user as SourceUser).id === 'string' &&
      typeof (user as SourceUser).email === 'string' &&
      ids.has((user as SourceUser).id),
  );
}

/**
 * Opens the connector of a stored conversation-source connection: decrypts its
 * credentials, points it at the source's API (the emulator for a sandbox connection,
 * else a stored host that passes the outbound check), and paces it with the
 * connection's shared Postgres rate limiter.
 */
export async function openSourceConnector(
  deps: ConnectorDeps,
  workspaceId: string,
  connectionId: string,
  tuning: ConnectorTuning = {},
): Promise<OpenedSource> {
  const { rows } = await deps.pool.query<SourceRow>(
    `select source_type as "sourceType", kind, status, metadata from connections
     where workspace_id = $1::uuid and id = $2::uuid and source_type is not null`,
    [workspaceId, connectionId],
  );
  const connection = rows[0];
  if (!connection)
    throw new HttpError(404, 'not_found', `No source connection with id ${connectionId}`);
  const definition =
    connection.sourceType === 'webhook' ? undefined : SOURCE_CONNECTORS[connection.sourceType];
  if (connection.sourceType === 'webhook' || !definition) {
    throw new HttpError(
      409,
      'not_pullable',
      `A ${connection.sourceType} connection has no API to sync from; its meetings are sent to Pandora`,
    );
  }
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
  const baseUrl = await resolveBaseUrl(connection, deps.outbound);
  const limiter = createRateLimiter({
    pool: deps.pool as pg.Pool,
    workspaceId,
    connectionId,
    limits: definition.limits(connection.metadata),
    log: deps.log,
    onWarning: (warning) =>
      deps.log?.warn(warning, 'source API usage passed 80% of the daily quota'),
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
  return {
    connector: definition.create({ credentials, baseUrl, gate, tuning, log: deps.log }),
    limiter,
    sourceType: connection.sourceType,
    workspaceId,
    connectionId,
    metadata: connection.metadata,
    trackedUsers: trackedUsersOf(connection.metadata),
    calls: () => calls,
  };
}

/**
 * A sandbox connection's host is the emulator's, written by the server alone; any
 * other stored host came from a user and passes the outbound check each time it is used.
 */
async function resolveBaseUrl(
  connection: SourceRow,
  outbound: ConnectorDeps['outbound'],
): Promise<string | undefined> {
  const stored =
    typeof connection.metadata.baseUrl === 'string' ? connection.metadata.baseUrl : undefined;
  if (connection.kind === 'sandbox') {
    if (!stored) {
      throw new HttpError(
        409,
        'sandbox_not_running',
        'The emulator has not been started by this server yet (PANDORA_SANDBOX=false?)',
      );
    }
    return stored;
  }
  if (!stored) return undefined;
  try {
    await checkOutboundUrl(stored, {
      // Gong gives each company its own API host (`us-1234.api.gong.io`): no fixed list.
      purpose: 'public',
      field: 'metadata.baseUrl',
      policy: outbound ?? defaultCrmOutboundPolicy(),
    });
  } catch (error) {
    if (error instanceof OutboundUrlError && error.reason === 'unresolvable') {
      throw new CrmError('transient', error.message, { crmCode: 'ENOTFOUND', cause: error });
    }
    throw error;
  }
  return stored;
}
