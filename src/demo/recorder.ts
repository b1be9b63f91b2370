import type { ConnectorDeps } from '../crm/connect.js';
import { openSourceConnector } from '../conversations/connect.js';
import { linkConversations } from '../conversations/linker.js';
import { syncSource } from '../conversations/sync.js';
import { setTrackedUsers, storeDirectory } from '../conversations/tracked-users.js';

/**
 * The demo's recorder: the workspace's sandbox Gong connection goes through both
 * connect steps as an admin would take them (its user directory fetched, the sales
 * team tracked: every rep and manager, so their internal reviews come in too), then
 * its calls are synced through the emulator and linked. Returns the meetings stored,
 * or undefined when the workspace has no sandbox recorder.
 */
export async function syncDemoRecorder(
  deps: ConnectorDeps,
  workspaceId: string,
): Promise<number | undefined> {
  const { rows } = await deps.pool.query<{ id: string }>(
    `select id from connections
     where workspace_id = $1::uuid and kind = 'sandbox' and source_type = 'gong'
       and credentials is not null
     order by created_at limit 1`,
    [workspaceId],
  );
  if (!rows[0]) return undefined;
  const connectionId = rows[0].id;
  const directory = await (
    await openSourceConnector(deps, workspaceId, connectionId)
  ).connector.listUsers();
  await storeDirectory(deps.pool, workspaceId, connectionId, directory);
  await setTrackedUsers(
    deps.pool,
    workspaceId,
    connectionId,
    directory.filter((user) => user.active).map((user) => user.id),
  );
  const opened = await openSourceConnector(deps, workspaceId, connectionId);
  const run = await syncSource(
    { pool: deps.pool, ...opened, log: deps.log },
    { mode: 'full', trigger: 'demo' },
  );
  if (run.status === 'failed') {
    throw new Error(`demo Gong sync failed: ${JSON.stringify(run.errors)}`);
  }
  await linkConversations(deps.pool, workspaceId);
  return run.counts.conversations.fetched;
}
