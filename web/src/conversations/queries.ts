import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { call, client } from '../api';
import { workspacePath } from '../queries';
import type { ConversationQuery } from './types';

/** Query keys of the conversation pages, under the workspace's key like the rest. */
export const conversationKeys = {
  sources: (workspaceId: string) => ['workspace', workspaceId, 'conversation-sources'] as const,
  dealActivity: (workspaceId: string, dealId: string) =>
    ['workspace', workspaceId, 'deal', dealId, 'activity'] as const,
  deal: (workspaceId: string, dealId: string) =>
    ['workspace', workspaceId, 'deal', dealId] as const,
  conversations: (workspaceId: string, filter?: ConversationFilter) =>
    filter
      ? (['workspace', workspaceId, 'conversations', filter] as const)
      : (['workspace', workspaceId, 'conversations'] as const),
  conversation: (workspaceId: string, conversationId: string) =>
    ['workspace', workspaceId, 'conversation', conversationId] as const,
  gaps: (workspaceId: string) => ['workspace', workspaceId, 'conversation-gaps'] as const,
  gapSummary: (workspaceId: string) =>
    ['workspace', workspaceId, 'conversation-gaps', 'summary'] as const,
  internalDomains: (workspaceId: string) => ['workspace', workspaceId, 'internal-domains'] as const,
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

export function usePipelineStages(workspaceId: string, source: string | undefined, enabled = true) {
  return useQuery({
    queryKey: conversationKeys.pipelineStages(workspaceId, source),
    enabled,
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

/** The meetings list's filters, as the page's URL holds them. */
export type ConversationFilter = Omit<ConversationQuery, 'limit' | 'after'>;

/** Meetings, newest first, 50 a page by the server's keyset cursor. */
export function useConversations(workspaceId: string, filter: ConversationFilter) {
  return useInfiniteQuery({
    queryKey: conversationKeys.conversations(workspaceId, filter),
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/workspaces/{workspaceId}/conversations', {
          params: {
            path: { workspaceId },
            query: { limit: 50, ...filter, ...(pageParam ? { after: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useConversation(workspaceId: string, conversationId: string) {
  return useQuery({
    queryKey: conversationKeys.conversation(workspaceId, conversationId),
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/conversations/{conversationId}', {
            params: { path: { workspaceId, conversationId } },
          }),
        )
      ).conversation,
  });
}

/** Conversations without deals, most severe first, 25 a page. */
export function useGaps(workspaceId: string) {
  return useInfiniteQuery({
    queryKey: conversationKeys.gaps(workspaceId),
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/workspaces/{workspaceId}/conversations/without-deals', {
          params: {
            path: { workspaceId },
            query: { limit: 25, ...(pageParam ? { after: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useGapSummary(workspaceId: string) {
  return useQuery({
    queryKey: conversationKeys.gapSummary(workspaceId),
    queryFn: async () =>
      (
        await call(
          client.GET(
            '/api/workspaces/{workspaceId}/conversations/without-deals/summary',
            workspacePath(workspaceId),
          ),
        )
      ).summary,
  });
}

/** Deals to link a meeting to by hand: the first 200, newest first. */
export function useDealChoices(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['workspace', workspaceId, 'deal-choices'] as const,
    enabled,
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/deals', {
            params: { path: { workspaceId }, query: { limit: 200 } },
          }),
        )
      ).deals,
  });
}

/** The reps tracked on any conversation source, merged by email: the rep filter's choices. */
export function useSalesRoster(workspaceId: string) {
  return useQuery({
    queryKey: ['workspace', workspaceId, 'sales-roster'] as const,
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/sales-roster', workspacePath(workspaceId)),
        )
      ).reps,
  });
}

/** The admin's internal domains and those the internal-meeting filter uses now. */
export function useInternalDomains(workspaceId: string) {
  return useQuery({
    queryKey: conversationKeys.internalDomains(workspaceId),
    queryFn: () =>
      call(
        client.GET(
          '/api/workspaces/{workspaceId}/config/internal-domains',
          workspacePath(workspaceId),
        ),
      ),
  });
}
