import { Type, type Static } from '@sinclair/typebox';
import type { ConnectorDeps, ConnectorTuning } from '../crm/connect.js';
import { CrmError } from '../crm/errors.js';
import { HttpError } from '../errors.js';
import { enqueue } from '../jobs/queue.js';
import { checkOutboundUrl, OutboundUrlError, type OutboundPolicy } from '../net/outbound-url.js';
import { openSourceConnector } from './connect.js';
import {
  createSource,
  getSource,
  replaceSourceCredentials,
  setSourceStatus,
  type ConversationSource,
} from './sources.js';
import { setTrackedUsers, storeDirectory } from './tracked-users.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });

/** What connecting Gong takes: the access key pair or an OAuth token, and an optional host. */
export const GongConnectInput = Type.Object(
  {
    name: Name,
    accessKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    accessKeySecret: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    accessToken: Type.Optional(
      Type.String({
        minLength: 8,
        maxLength: 4_000,
        description: 'An OAuth bearer token instead of the key pair',
      }),
    ),
    baseUrl: Type.Optional(
      Type.String({
        maxLength: 500,
        description:
          "The company's own Gong API host (OAuth's api_base_url_for_customer); https://api.gong.io by default",
      }),
    ),
  },
  { additionalProperties: false },
);
export type GongConnectInput = Static<typeof GongConnectInput>;

/** What connecting Fireflies takes. */
export const FirefliesConnectInput = Type.Object(
  {
    name: Name,
    apiKey: Type.String({ minLength: 8, maxLength: 500 }),
    plan: Type.Optional(
      Type.Union(
        ['free', 'pro', 'business', 'enterprise'].map((plan) => Type.Literal(plan)),
        {
          description:
            "The Fireflies plan: it sets the API's rate limits (free and pro: 50 calls a day)",
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type FirefliesConnectInput = Static<typeof FirefliesConnectInput>;

function invalid(field: string, message: string): HttpError {
  return new HttpError(400, 'validation_failed', `Invalid request: ${field} ${message}`, [
    { field, message },
  ]);
}

/** Gong's credentials from the body: the access key pair, or an OAuth token, not both. */
function gongCredentials(body: GongConnectInput, prefix: string): Record<string, unknown> {
  if (body.accessToken) {
    if (body.accessKey || body.accessKeySecret) {
      throw invalid(
        `${prefix}accessToken`,
        'cannot be given with accessKey and accessKeySecret: pick one',
      );
    }
    return { accessToken: body.accessToken };
  }
  if (!body.accessKey) throw invalid(`${prefix}accessKey`, 'is required (or give accessToken)');
  if (!body.accessKeySecret)
    throw invalid(`${prefix}accessKeySecret`, 'is required with accessKey');
  return { accessKey: body.accessKey, accessKeySecret: body.accessKeySecret };
}

type ConnectDeps = ConnectorDeps & { outbound: OutboundPolicy };

/**
 * Connects Gong: the credentials are sealed on a new source, then its user directory
 * is fetched (the source is `connected`, or in `error` saying what to do). `prefix`
 * names fields as the caller's input has them (`body.`, `input.`).
 */
export async function connectGong(
  deps: ConnectDeps,
  workspaceId: string,
  input: GongConnectInput,
  prefix = 'body.',
): Promise<ConversationSource> {
  const credentials = gongCredentials(input, prefix);
  const baseUrl = input.baseUrl;
  if (baseUrl !== undefined) {
    // Gong gives each company its own API host: any public https host, never an internal one.
    await checkOutboundUrl(baseUrl, {
      purpose: 'public',
      field: `${prefix}baseUrl`,
      policy: deps.outbound,
    });
  }
  const created = await createSource(deps.pool, deps.secretKey, {
    workspaceId,
    sourceType: 'gong',
    name: input.name,
    credentials,
    metadata: baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {},
  });
  return fetchUserDirectory(deps, workspaceId, created.id);
}

/** Connects Fireflies by API key; its plan sets the rate limits the limiter applies. */
export async function connectFireflies(
  deps: ConnectDeps,
  workspaceId: string,
  input: FirefliesConnectInput,
): Promise<ConversationSource> {
  const created = await createSource(deps.pool, deps.secretKey, {
    workspaceId,
    sourceType: 'fireflies',
    name: input.name,
    credentials: { apiKey: input.apiKey },
    metadata: input.plan ? { plan: input.plan } : {},
  });
  return fetchUserDirectory(deps, workspaceId, created.id);
}

const LABEL = { gong: 'Gong', fireflies: 'Fireflies', webhook: 'The webhook sender' } as const;

/** What a failed directory fetch means, in words an admin can act on. */
export function explainSourceError(sourceType: keyof typeof LABEL, error: CrmError): string {
  const who = LABEL[sourceType];
  switch (error.kind) {
    case 'auth_expired':
      return `${who} rejected the credentials: they are wrong, expired or revoked. Connect again with valid ones.`;
    case 'permission':
      return `${who} refused to list users with these credentials (${error.crmCode ?? 'forbidden'}): use an admin's key or grant the scope to read users.`;
    case 'rate_limited':
      return `${who} is rate limiting this account right now; fetch the users again later.`;
    case 'transient':
      return `${who} could not be reached (${error.message}). Check the network and try again.`;
    default:
      return `${who} answered with an error: ${error.message}`;
  }
}

/**
 * Step two of connecting a recorder: lists its users through the connector and
 * stores them on the connection, which is then `connected`; a refusal puts it in
 * `error` with a sentence saying what to do (returned, not thrown: the source exists).
 */
export async function fetchUserDirectory(
  deps: ConnectorDeps,
  workspaceId: string,
  id: string,
  tuning: ConnectorTuning = {},
): Promise<ConversationSource> {
  const source = await getSource(deps.pool, workspaceId, id);
  try {
    const { connector } = await openSourceConnector(deps, workspaceId, id, tuning);
    const users = await connector.listUsers();
    return await storeDirectory(deps.pool, workspaceId, id, users);
  } catch (error) {
    if (error instanceof OutboundUrlError) {
      await setSourceStatus(deps.pool, workspaceId, id, 'error', error.message);
      throw error;
    }
    if (!(error instanceof CrmError)) throw error;
    deps.log?.warn({ err: error, connectionId: id }, 'fetching the user directory failed');
    return setSourceStatus(
      deps.pool,
      workspaceId,
      id,
      'error',
      explainSourceError(source.sourceType, error),
    );
  }
}

/**
 * Queues a sync of a recorder's tracked users' calls (the sync engine's job). Refused
 * with 409 when there is nothing it could do: a webhook, a source not connected, no
 * one tracked.
 */
export async function queueSourceSync(
  deps: Pick<ConnectorDeps, 'pool'>,
  workspaceId: string,
  id: string,
  trigger: 'manual' | 'connect',
): Promise<string> {
  const source = await getSource(deps.pool, workspaceId, id);
  if (source.sourceType === 'webhook') {
    throw new HttpError(
      409,
      'not_pullable',
      'A webhook source has no API to sync from: its sender posts meetings to Pandora',
    );
  }
  if (source.status !== 'connected') {
    throw new HttpError(
      409,
      'connection_not_ready',
      `This source is ${source.status}${source.statusMessage ? `: ${source.statusMessage}` : ''}; connect it first`,
    );
  }
  if (!source.trackedUserIds.length) {
    throw new HttpError(
      409,
      'no_tracked_users',
      'No one is tracked on this source yet: pick the reps with PUT .../tracked-users',
    );
  }
  return enqueue(
    deps.pool,
    'conversations.sync',
    { workspaceId, connectionId: id, trigger },
    { jobKey: `conversations.sync:${id}`, maxAttempts: 3 },
  );
}

/**
 * Replaces a source's tracked users; a connected source with someone tracked gets a
 * sync of their calls queued at once.
 */
export async function trackUsers(
  deps: Pick<ConnectorDeps, 'pool'>,
  workspaceId: string,
  id: string,
  userIds: string[],
): Promise<{ source: ConversationSource; syncQueued: boolean }> {
  const source = await setTrackedUsers(deps.pool, workspaceId, id, userIds);
  const syncQueued = source.status === 'connected' && source.trackedUserIds.length > 0;
  if (syncQueued) await queueSourceSync(deps, workspaceId, source.id, 'connect');
  return { source, syncQueued };
}

/** New credentials for a recorder: Gong's key pair or token, or Fireflies' API key. */
export const ReconnectInput = Type.Object(
  {
    accessKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    accessKeySecret: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    accessToken: Type.Optional(Type.String({ minLength: 8, maxLength: 4_000 })),
    apiKey: Type.Optional(Type.String({ minLength: 8, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ReconnectInput = Static<typeof ReconnectInput>;

/**
 * Replaces a recorder's credentials (a rotated Gong key, a new Fireflies key) and
 * fetches its directory again with them; tracked users and sync history stay.
 */
export async function reconnectSource(
  deps: ConnectorDeps & { secretKey: ConnectorDeps['secretKey'] },
  workspaceId: string,
  id: string,
  input: ReconnectInput,
  prefix = 'body.',
): Promise<ConversationSource> {
  const source = await getSource(deps.pool, workspaceId, id);
  if (source.sourceType === 'webhook') {
    throw new HttpError(
      409,
      'not_a_recorder',
      'A webhook source has a signing secret, not credentials: rotate it with POST .../rotate-secret',
    );
  }
  if (source.kind === 'sandbox') {
    throw new HttpError(
      409,
      'sandbox_connection',
      'The sandbox recorder uses the built-in emulator and takes no credentials',
    );
  }
  let credentials: Record<string, unknown>;
  if (source.sourceType === 'gong') {
    if (input.apiKey)
      throw invalid(
        `${prefix}apiKey`,
        'is for Fireflies; Gong takes accessKey and accessKeySecret, or accessToken',
      );
    credentials = gongCredentials({ name: source.name, ...input }, prefix);
  } else {
    if (!input.apiKey) throw invalid(`${prefix}apiKey`, 'is required for Fireflies');
    const extra = (['accessKey', 'accessKeySecret', 'accessToken'] as const).find((f) => input[f]);
    if (extra) throw invalid(`${prefix}${extra}`, 'is for Gong; Fireflies takes apiKey');
    credentials = { apiKey: input.apiKey };
  }
  await replaceSourceCredentials(deps.pool, deps.secretKey, workspaceId, id, credentials);
  return fetchUserDirectory(deps, workspaceId, id);
}
