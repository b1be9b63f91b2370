import {
  QueryCache,
  QueryClient,
  MutationCache,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import {
  ApiError,
  call,
  client,
  isUnauthenticated,
  type Connection,
  type CrmWriteFilter,
} from './api';
import { SYNC_POLL_MS, shouldPollSyncRuns, type SyncWatch } from './connections/sync-watch';

/** The path parameters of a workspace's routes. */
export const workspacePath = (workspaceId: string) => ({ params: { path: { workspaceId } } });
/** The path parameters of a connection's routes. */
export const connectionPath = (workspaceId: string, connectionId: string) => ({
  params: { path: { workspaceId, connectionId } },
});

/** Query keys, so that mutations invalidate exactly what they change. */
export const queryKeys = {
  me: ['me'] as const,
  workspace: (workspaceId: string) => ['workspace', workspaceId] as const,
  overview: (workspaceId: string) => ['workspace', workspaceId, 'overview'] as const,
  members: (workspaceId: string) => ['workspace', workspaceId, 'members'] as const,
  invitations: (workspaceId: string) => ['workspace', workspaceId, 'invitations'] as const,
  myInvitations: ['me', 'invitations'] as const,
  apiKeys: (workspaceId: string) => ['workspace', workspaceId, 'api-keys'] as const,
  connections: (workspaceId: string) => ['workspace', workspaceId, 'connections'] as const,
  /** Everything about one connection besides the list entry: usage and sync runs. */
  connection: (workspaceId: string, connectionId: string) =>
    ['workspace', workspaceId, 'connection', connectionId] as const,
  connectionUsage: (workspaceId: string, connectionId: string) =>
    ['workspace', workspaceId, 'connection', connectionId, 'usage'] as const,
  syncRuns: (workspaceId: string, connectionId: string) =>
    ['workspace', workspaceId, 'connection', connectionId, 'sync-runs'] as const,
  crmWrites: (workspaceId: string, filter?: Omit<CrmWriteFilter, 'before'>) =>
    filter
      ? (['workspace', workspaceId, 'crm-writes', filter] as const)
      : (['workspace', workspaceId, 'crm-writes'] as const),
};

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: () => call(client.GET('/api/me')) });
}

export function useOverview(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.overview(workspaceId),
    queryFn: () =>
      call(client.GET('/api/workspaces/{workspaceId}/overview', workspacePath(workspaceId))),
  });
}

export function useMembers(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: async () =>
      (await call(client.GET('/api/workspaces/{workspaceId}/members', workspacePath(workspaceId))))
        .members,
  });
}

export function useInvitations(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.invitations(workspaceId),
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/invitations', workspacePath(workspaceId)),
        )
      ).invitations,
    enabled,
  });
}

/** Invitations addressed to the signed-in person (none for an API key). */
export function useMyInvitations(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.myInvitations,
    queryFn: async () => (await call(client.GET('/api/me/invitations'))).invitations,
    enabled,
  });
}

export function useApiKeys(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.apiKeys(workspaceId),
    queryFn: async () =>
      (await call(client.GET('/api/workspaces/{workspaceId}/api-keys', workspacePath(workspaceId))))
        .apiKeys,
  });
}

export function useConnections(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.connections(workspaceId),
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/connections', workspacePath(workspaceId)),
        )
      ).connections,
  });
}

export function useConnectionUsage(workspaceId: string, connectionId: string) {
  return useQuery({
    queryKey: queryKeys.connectionUsage(workspaceId, connectionId),
    queryFn: async () =>
      (
        await call(
          client.GET(
            '/api/workspaces/{workspaceId}/connections/{connectionId}/usage',
            connectionPath(workspaceId, connectionId),
          ),
        )
      ).usage,
    // Other processes (scheduled syncs, write-backs) spend the quota too.
    refetchInterval: 60_000,
  });
}

/**
 * A connection's recent sync runs. Polls every 2 s while one is running, and while
 * `watch` waits for the run a "Sync now" click queued to appear and finish.
 */
export function useSyncRuns(workspaceId: string, connectionId: string, watch: SyncWatch | null) {
  return useQuery({
    queryKey: queryKeys.syncRuns(workspaceId, connectionId),
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/connections/{connectionId}/sync-runs', {
            params: { path: { workspaceId, connectionId } },
          }),
        )
      ).runs,
    refetchInterval: (query) =>
      shouldPollSyncRuns(query.state.data, watch, Date.now()) ? SYNC_POLL_MS : false,
  });
}

/** The write ledger, newest first, a page of the server's default size (50) at a time. */
export function useCrmWrites(workspaceId: string, filter: Omit<CrmWriteFilter, 'before'>) {
  return useInfiniteQuery({
    queryKey: queryKeys.crmWrites(workspaceId, filter),
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/workspaces/{workspaceId}/crm-writes', {
          params: {
            path: { workspaceId },
            query: {
              ...filter,
              ...(pageParam === undefined ? {} : { before: pageParam }),
            },
          },
        }),
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/**
 * After a connection changed: shows the server's copy at once, then refreshes the
 * list, the overview's table, and the connection's usage and runs.
 */
export async function connectionChanged(
  queryClient: QueryClient,
  workspaceId: string,
  connection: Connection | { id: string; deleted: true },
): Promise<void> {
  queryClient.setQueryData<Connection[]>(queryKeys.connections(workspaceId), (current) => {
    if (!current) return current;
    if ('deleted' in connection) return current.filter((item) => item.id !== connection.id);
    const exists = current.some((item) => item.id === connection.id);
    return exists
      ? current.map((item) => (item.id === connection.id ? connection : item))
      : [...current, connection];
  });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.connections(workspaceId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.overview(workspaceId) }),
    'deleted' in connection
      ? queryClient.removeQueries({ queryKey: queryKeys.connection(workspaceId, connection.id) })
      : queryClient.invalidateQueries({
          queryKey: queryKeys.connection(workspaceId, connection.id),
        }),
  ]);
}

/**
 * The console's query client. A 4xx will not change on retry, so only network errors
 * and 5xx are retried; a lost session anywhere hands control to `onUnauthenticated`.
 */
export function createQueryClient(onUnauthenticated: () => void): QueryClient {
  const handle = (error: unknown) => {
    if (isUnauthenticated(error)) onUnauthenticated();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handle }),
    mutationCache: new MutationCache({ onError: handle }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failureCount, error) =>
          failureCount < 2 &&
          !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}
