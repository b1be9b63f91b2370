import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { writebackApi, type LogFilter } from './api';
import type { FieldObjectType, WritebackRun } from './types';

export const writebackKeys = {
  all: (workspaceId: string) => ['workspace', workspaceId, 'writeback'] as const,
  fields: (workspaceId: string) => ['workspace', workspaceId, 'writeback', 'fields'] as const,
  mappings: (workspaceId: string) => ['workspace', workspaceId, 'writeback', 'mappings'] as const,
  runs: (workspaceId: string) => ['workspace', workspaceId, 'writeback', 'runs'] as const,
  log: (workspaceId: string, filter: Omit<LogFilter, 'before'>) =>
    ['workspace', workspaceId, 'writeback', 'log', filter] as const,
  properties: (workspaceId: string, connectionId: string, objectType: FieldObjectType) =>
    ['workspace', workspaceId, 'writeback', 'properties', connectionId, objectType] as const,
};

export function useFieldRegistry(workspaceId: string) {
  return useQuery({
    queryKey: writebackKeys.fields(workspaceId),
    queryFn: () => writebackApi.fields(workspaceId),
    staleTime: Infinity,
  });
}

export function useMappings(workspaceId: string) {
  return useQuery({
    queryKey: writebackKeys.mappings(workspaceId),
    queryFn: async () => (await writebackApi.mappings(workspaceId)).mappings,
  });
}

/** The CRM's properties, read live by the server (which caches them for 5 minutes). */
export function useCrmProperties(
  workspaceId: string,
  connectionId: string | null,
  objectType: FieldObjectType,
) {
  return useQuery({
    queryKey: writebackKeys.properties(workspaceId, connectionId ?? '', objectType),
    queryFn: async () =>
      (await writebackApi.properties(workspaceId, connectionId!, objectType)).properties,
    enabled: Boolean(connectionId),
  });
}

const running = (run: WritebackRun) => run.status === 'queued' || run.status === 'running';

/** Recent runs; polls every second while one is queued or running. */
export function useWritebackRuns(workspaceId: string) {
  return useQuery({
    queryKey: writebackKeys.runs(workspaceId),
    queryFn: async () => (await writebackApi.runs(workspaceId)).runs,
    refetchInterval: (query) => (query.state.data?.some(running) ? 1_000 : false),
  });
}

export function useWritebackLog(workspaceId: string, filter: Omit<LogFilter, 'before'>) {
  return useInfiniteQuery({
    queryKey: writebackKeys.log(workspaceId, filter),
    queryFn: ({ pageParam }) => writebackApi.log(workspaceId, { ...filter, before: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
