import { useQuery } from '@tanstack/react-query';
import { call, client } from '../api';
import { workspacePath } from '../queries';

/** Query keys of the conversation pages, under the workspace's key like the rest. */
export const conversationKeys = {
  sources: (workspaceId: string) => ['workspace', workspaceId, 'conversation-sources'] as const,
  dealActivity: (workspaceId: string, dealId: string) =>
    ['workspace', workspaceId, 'deal', dealId, 'activity'] as const,
  deal: (workspaceId: string, dealId: string) =>
    ['workspace', workspaceId, 'deal', dealId] as const,
  pipelineStages: (workspaceId: string, source: string | undefined) =>
    ['workspace', workspaceId, 'pipeline-stages', source ?? 'all'] as const,
};

export function useConversationSources(workspaceId: string) {
  return useQuery({
    queryKey: conversationKeys.sources(workspaceId),
    queryFn: async () =>
      (
        await call(
          client.GET(
            '/api/workspaces/{workspaceId}/conversation-sources',
            workspacePath(workspaceId),
          ),
        )
      ).sources,
  });
}

export function usePipelineStages(workspaceId: string, source: string | undefined) {
  return useQuery({
    queryKey: conversationKeys.pipelineStages(workspaceId, source),
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/pipeline-stages', {
            params: { path: { workspaceId }, query: source ? { source } : {} },
          }),
        )
      ).stages,
  });
}
