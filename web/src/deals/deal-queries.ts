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

/** The actions proposed on the deal (by its id in the CRM), newest first. */
export function useDealActions(workspaceId: string, sourceId: string | undefined) {
  return useQuery({
    queryKey: dealKeys.actions(workspaceId, sourceId ?? ''),
    enabled: sourceId !== undefined,
    queryFn: async () => {
      const query: ActionQuery = {
        targetType: 'deal',
        targetSourceId: sourceId,
        order: 'created',
        limit: 100,
      };
      return (
        await call(
          client.GET('/api/workspaces/{workspaceId}/action-items', {
            params: { path: { workspaceId }, query },
          }),
        )
      ).actions;
    },
  });
}
