import { useQuery } from '@tanstack/react-query';
import type { QueryParams } from '../../../src/client/index.js';
import { call, client } from '../api';

type ActionQuery = QueryParams<'/api/workspaces/{workspaceId}/action-items', 'get'>;

export const dealKeys = {
  deal: (workspaceId: string, dealId: string) =>
    ['workspace', workspaceId, 'deal', dealId] as const,
  activity: (workspaceId: string, dealId: string) =>
    ['workspace', workspaceId, 'deal', dealId, 'activity'] as const,
  actions: (workspaceId: string, sourceId: string) =>
    ['workspace', workspaceId, 'deal-actions', sourceId] as const,
};

const dealPath = (workspaceId: string, dealId: string) => ({
  params: { path: { workspaceId, dealId } },
});

export function useDeal(workspaceId: string, dealId: string) {
  return useQuery({
    queryKey: dealKeys.deal(workspaceId, dealId),
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/deals/{dealId}', dealPath(workspaceId, dealId)),
        )
      ).deal,
  });
}

export function useDealActivity(workspaceId: string, dealId: string) {
  return useQuery({
    queryKey: dealKeys.activity(workspaceId, dealId),
    queryFn: () =>
      call(
        client.GET(
          '/api/workspaces/{workspaceId}/deals/{dealId}/activity',
          dealPath(workspaceId, dealId),
        ),
      ),
  });
}

/** Pandora's id of the deal a `create_deal` action made, from its execution result. */
function createdDealId(executionResult: unknown): string | undefined {
  if (typeof executionResult !== 'object' || executionResult === null) return undefined;
  const operations = (executionResult as { operations?: unknown }).operations;
  if (!Array.isArray(operations)) return undefined;
  const created = (operations[0] as { created?: { pandoraDealId?: unknown } } | undefined)?.created;
  return typeof created?.pandoraDealId === 'string' ? created.pandoraDealId : undefined;
}

/**
 * The actions on the deal (by its id in the CRM), and the `create_deal` action that made
 * it (which targets the account, the deal not existing yet), newest first.
 */
export function useDealActions(workspaceId: string, dealId: string, sourceId: string | undefined) {
  return useQuery({
    queryKey: dealKeys.actions(workspaceId, sourceId ?? ''),
    enabled: sourceId !== undefined,
    queryFn: async () => {
      const list = async (query: ActionQuery) =>
        (
          await call(
            client.GET('/api/workspaces/{workspaceId}/action-items', {
              params: { path: { workspaceId }, query },
            }),
          )
        ).actions;
      const [onDeal, creates] = await Promise.all([
        list({ targetType: 'deal', targetSourceId: sourceId, order: 'created', limit: 100 }),
        list({
          targetType: 'account',
          actionType: 'create_deal',
          status: ['executed', 'undone'],
          order: 'created',
          limit: 200,
        }),
      ]);
      const made = creates.filter((action) => createdDealId(action.executionResult) === dealId);
      return [...onDeal, ...made].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  });
}
