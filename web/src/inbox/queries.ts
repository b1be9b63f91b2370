import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api';
import { useLiveRefetch } from '../live/use-live';
import { workspacePath } from '../queries';
import type { ApproveRequest } from './inbox-item-card';
import type { InboxQuery } from './types';

/** Query keys of the inbox, under the workspace's key like the rest. */
export const inboxKeys = {
  all: (workspaceId: string) => ['workspace', workspaceId, 'inbox'] as const,
  list: (workspaceId: string, filter: InboxFilter) =>
    ['workspace', workspaceId, 'inbox', 'list', filter] as const,
  count: (workspaceId: string) => ['workspace', workspaceId, 'inbox', 'count'] as const,
};

export type InboxFilter = Omit<InboxQuery, 'cursor' | 'limit'>;

/** Inbox items, newest first, 25 a page by the server's keyset cursor. */
export function useInboxItems(workspaceId: string, filter: InboxFilter) {
  return useInfiniteQuery({
    queryKey: inboxKeys.list(workspaceId, filter),
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/workspaces/{workspaceId}/inbox', {
          params: {
            path: { workspaceId },
            query: { limit: 25, ...filter, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** The header's count of what waits for the signed-in person. */
export function useInboxCount(workspaceId: string) {
  // Runs add items in the background (other processes, the job worker): each one the
  // person may decide is announced by `inboxItemCreated`. No event says an item was
  // decided elsewhere (Slack, a teammate): a one-minute poll catches those, and the old
  // 30 s one takes over while the stream is down.
  const live = useLiveRefetch('inboxItemCreated', workspaceId, inboxKeys.all(workspaceId), {
    livePollMs: 60_000,
  });
  return useQuery({
    queryKey: inboxKeys.count(workspaceId),
    queryFn: () =>
      call(client.GET('/api/workspaces/{workspaceId}/inbox/count', workspacePath(workspaceId))),
    refetchInterval: live.pollMs,
  });
}

const itemPath = (workspaceId: string, itemId: string) => ({
  params: { path: { workspaceId, itemId } },
});

/** Approve, reject and batch approve; each refreshes the lists, the count and the activity. */
export function useInboxDecisions(workspaceId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: inboxKeys.all(workspaceId) }),
      queryClient.invalidateQueries({ queryKey: ['workspace', workspaceId, 'activity'] }),
    ]);
  const approve = useMutation({
    mutationFn: ({ itemId, request }: { itemId: string; request: ApproveRequest }) =>
      call(
        client.POST('/api/workspaces/{workspaceId}/inbox/{itemId}/approve', {
          ...itemPath(workspaceId, itemId),
          body: request,
        }),
      ),
    onSettled: refresh,
  });
  const reject = useMutation({
    mutationFn: ({ itemId, reason }: { itemId: string; reason: string }) =>
      call(
        client.POST('/api/workspaces/{workspaceId}/inbox/{itemId}/reject', {
          ...itemPath(workspaceId, itemId),
          body: { reason },
        }),
      ),
    onSettled: refresh,
  });
  const batchApprove = useMutation({
    mutationFn: (ids: string[]) =>
      call(
        client.POST('/api/workspaces/{workspaceId}/inbox/batch-approve', {
          ...workspacePath(workspaceId),
          body: { ids },
        }),
      ),
    onSettled: refresh,
  });
  return { approve, reject, batchApprove };
}
