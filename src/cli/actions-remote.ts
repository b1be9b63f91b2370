import type { ActionRow, BatchRow } from './action-output.js';
import { followBatch, type ActionsBackend } from './actions-backend.js';
import { CliError } from './cli-error.js';
import type { RemoteSession } from './remote.js';

/** The most ids one batch-execute request takes (the route's limit). */
const MAX_BATCH = 10_000;
/** The most actions one page of the list route holds. */
const PAGE = 200;

/**
 * `pandora actions` through a server's REST API with an API key: the server's workers
 * run the batch and the CLI follows its progress. The server records the key's name as
 * the actor, so `actor` is not sent.
 */
export function remoteActions({ client, send, workspace }: RemoteSession): ActionsBackend {
  const path = { workspaceId: workspace.id };
  // The batch as /openapi.json declares it: a field renamed there is a type error here.
  const getBatch = async (batchId: string): Promise<BatchRow> =>
    (
      await send(
        client.GET('/api/workspaces/{workspaceId}/action-batches/{batchId}', {
          params: { path: { ...path, batchId } },
        }),
      )
    ).batch;

  return {
    workspace,
    async list(filter) {
      const found: ActionRow[] = [];
      let after: string | undefined;
      do {
        const page = await send(
          client.GET('/api/workspaces/{workspaceId}/action-items', {
            params: {
              path,
              query: {
                status: filter.status ? [filter.status] : undefined,
                severity: filter.severity ? [filter.severity] : undefined,
                order: 'impact',
                limit: Math.min(PAGE, filter.limit - found.length),
                after,
              },
            },
          }),
        );
        found.push(...page.actions);
        after = page.nextCursor ?? undefined;
      } while (after && found.length < filter.limit);
      return found;
    },
    async openActionIds(filter) {
      const ids: string[] = [];
      let after: string | undefined;
      do {
        const page = await send(
          client.GET('/api/workspaces/{workspaceId}/action-items', {
            params: {
              path,
              query: {
                status: ['open'],
                severity: filter.severity ? [filter.severity] : undefined,
                actionType: filter.actionType,
                limit: PAGE,
                after,
              },
            },
          }),
        );
        ids.push(...page.actions.map((action) => action.id));
        after = page.nextCursor ?? undefined;
      } while (after);
      return ids;
    },
    runSkill(skill) {
      return send(
        client.POST('/api/workspaces/{workspaceId}/skills/{skill}/run', {
          params: { path: { ...path, skill } },
          body: {},
        }),
      );
    },
    async execute(actionIds, _actor, watcher) {
      if (actionIds.length > MAX_BATCH) {
        throw new CliError(
          `${actionIds.length} actions are more than one batch takes (${MAX_BATCH}): narrow them with --severity or --type`,
        );
      }
      const started = await send(
        client.POST('/api/workspaces/{workspaceId}/action-items/batch-execute', {
          params: { path },
          body: { actionIds },
        }),
      );
      const batchId = started.batch.id;
      watcher.started?.(batchId);
      return followBatch(() => getBatch(batchId), watcher);
    },
    watch(batchId, watcher) {
      return followBatch(() => getBatch(batchId), watcher);
    },
  };
}
