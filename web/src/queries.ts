import { QueryCache, QueryClient, MutationCache, useQuery } from '@tanstack/react-query';
import { ApiError, api, isUnauthenticated } from './api';

/** Query keys, so that mutations invalidate exactly what they change. */
export const queryKeys = {
  me: ['me'] as const,
  workspace: (workspaceId: string) => ['workspace', workspaceId] as const,
  overview: (workspaceId: string) => ['workspace', workspaceId, 'overview'] as const,
  members: (workspaceId: string) => ['workspace', workspaceId, 'members'] as const,
  apiKeys: (workspaceId: string) => ['workspace', workspaceId, 'api-keys'] as const,
};

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: api.me });
}

export function useOverview(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.overview(workspaceId),
    queryFn: () => api.overview(workspaceId),
  });
}

export function useMembers(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: async () => (await api.members(workspaceId)).members,
  });
}

export function useApiKeys(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.apiKeys(workspaceId),
    queryFn: async () => (await api.apiKeys(workspaceId)).apiKeys,
  });
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
