import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { call, client } from '../api';
import { useLiveRefetch } from '../live/use-live';
import type { ActivityQuery, StatsQuery } from './types';

/** Query keys of the activity pages, under the workspace's key like the rest. */
export const activityKeys = {
  all: (workspaceId: string) => ['workspace', workspaceId, 'activity'] as const,
  timeline: (workspaceId: string, filter: ActivityFilter) =>
    ['workspace', workspaceId, 'activity', 'timeline', filter] as const,
  stats: (workspaceId: string, period: StatsQuery) =>
    ['workspace', workspaceId, 'activity', 'stats', period] as const,
};

export type ActivityFilter = Omit<ActivityQuery, 'cursor' | 'limit'>;

/** Agent runs, newest first, 25 a page by the server's keyset cursor ("load more"). */
export function useActivity(workspaceId: string, filter: ActivityFilter) {
  // New runs arrive by `activityLogCreated`; polling is the fallback while it is down.
  const live = useLiveRefetch(
    'activityLogCreated',
    workspaceId,
    activityKeys.timeline(workspaceId, filter),
  );
  return useInfiniteQuery({
    queryKey: activityKeys.timeline(workspaceId, filter),
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/workspaces/{workspaceId}/activity', {
          params: {
            path: { workspaceId },
            query: { limit: 25, ...filter, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    refetchInterval: live.pollMs,
  });
}

export function useActivityStats(workspaceId: string, period: StatsQuery) {
  return useQuery({
    queryKey: activityKeys.stats(workspaceId, period),
    queryFn: () =>
      call(
        client.GET('/api/workspaces/{workspaceId}/activity/stats', {
          params: { path: { workspaceId }, query: period },
        }),
      ),
    refetchInterval: 60_000,
  });
}
