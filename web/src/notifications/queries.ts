import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api';
import { useLiveRefetch } from '../live/use-live';
import { workspacePath } from '../queries';
import type { PreferencesUpdate } from './types';

/** Query keys of the caller's notifications, under the workspace's key like the rest. */
export const notificationKeys = {
  all: (workspaceId: string) => ['workspace', workspaceId, 'notifications'] as const,
  latest: (workspaceId: string) => ['workspace', workspaceId, 'notifications', 'latest'] as const,
  list: (workspaceId: string, unreadOnly: boolean) =>
    ['workspace', workspaceId, 'notifications', 'list', { unreadOnly }] as const,
  preferences: (workspaceId: string) =>
    ['workspace', workspaceId, 'notification-preferences'] as const,
};

const listNotifications = (
  workspaceId: string,
  query: { unread?: boolean; limit: number; cursor?: string },
) =>
  call(
    client.GET('/api/workspaces/{workspaceId}/notifications', {
      params: { path: { workspaceId }, query },
    }),
  );

/**
 * The bell's data: the latest notifications with the unread count, refetched on each
 * `notificationCreated` (the caller's only), polled while the stream is down.
 */
export function useBell(workspaceId: string) {
  const live = useLiveRefetch(
    'notificationCreated',
    workspaceId,
    notificationKeys.all(workspaceId),
  );
  const latest = useQuery({
    queryKey: notificationKeys.latest(workspaceId),
    queryFn: () => listNotifications(workspaceId, { limit: 8 }),
    refetchInterval: live.pollMs,
  });
  return { latest, live: live.status };
}

/** The notifications page: newest first, 25 a page by the server's keyset cursor. */
export function useNotificationList(workspaceId: string, unreadOnly: boolean) {
  const live = useLiveRefetch(
    'notificationCreated',
    workspaceId,
    notificationKeys.list(workspaceId, unreadOnly),
  );
  return useInfiniteQuery({
    queryKey: notificationKeys.list(workspaceId, unreadOnly),
    queryFn: ({ pageParam }) =>
      listNotifications(workspaceId, {
        limit: 25,
        ...(unreadOnly ? { unread: true } : {}),
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    refetchInterval: live.pollMs,
  });
}

/** Mark some read (`ids`), or all of the caller's (none). */
export function useMarkRead(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      call(
        client.POST('/api/workspaces/{workspaceId}/notifications/read', {
          ...workspacePath(workspaceId),
          body: ids ? { ids } : {},
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all(workspaceId) }),
  });
}

export function usePreferences(workspaceId: string) {
  return useQuery({
    queryKey: notificationKeys.preferences(workspaceId),
    queryFn: () =>
      call(
        client.GET(
          '/api/workspaces/{workspaceId}/notification-preferences',
          workspacePath(workspaceId),
        ),
      ),
  });
}

export function useSavePreferences(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesUpdate) =>
      call(
        client.PUT('/api/workspaces/{workspaceId}/notification-preferences', {
          ...workspacePath(workspaceId),
          body,
        }),
      ),
    onSuccess: (answer) =>
      queryClient.setQueryData(notificationKeys.preferences(workspaceId), answer),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: notificationKeys.preferences(workspaceId) }),
  });
}
