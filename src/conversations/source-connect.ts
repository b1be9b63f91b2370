import type { ConnectorDeps, ConnectorTuning } from '../crm/connect.js';
import { CrmError } from '../crm/errors.js';
import { HttpError } from '../errors.js';
import { enqueue } from '../jobs/queue.js';
import { OutboundUrlError } from '../net/outbound-url.js';
import { openSourceConnector } from './connect.js';
import { getSource, setSourceStatus, type ConversationSource } from './sources.js';
import { storeDirectory } from './tracked-users.js';

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
