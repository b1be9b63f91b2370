import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, type ResponseBody } from '../api';
import { FINISHED } from './run-display';
import { flowKeys } from './queries';

type RunPath = '/api/workspaces/{workspaceId}/flow-runs/{flowRunId}';
export type FlowRun = ResponseBody<RunPath, 'get'>['run'];
export type FlowRunSummary = ResponseBody<
  '/api/workspaces/{workspaceId}/flows/{flowId}/runs',
  'get'
>['runs'][number];
export type FlowStats = ResponseBody<'/api/workspaces/{workspaceId}/flow-stats', 'get'>;
export type StatsPeriod = FlowStats['period'];

export const runKeys = {
  runs: (workspaceId: string, flowId: string, status?: string) =>
    ['workspace', workspaceId, 'flows', 'flow', flowId, 'runs', status ?? 'all'] as const,
  run: (workspaceId: string, runId: string) =>
    ['workspace', workspaceId, 'flow-runs', runId] as const,
  stats: (workspaceId: string, period: StatsPeriod, flowId?: string) =>
    ['workspace', workspaceId, 'flow-stats', period, flowId ?? 'all'] as const,
};

const runPath = (workspaceId: string, flowRunId: string) => ({
  params: { path: { workspaceId, flowRunId } },
});

/** One run with its steps; polled each second until it ends (a test run, a live run). */
export function useFlowRun(workspaceId: string, runId: string | null) {
  return useQuery({
    queryKey: runKeys.run(workspaceId, runId ?? ''),
    queryFn: async () =>
      (
        await call(
          client.GET(
            '/api/workspaces/{workspaceId}/flow-runs/{flowRunId}',
            runPath(workspaceId, runId!),
          ),
        )
      ).run,
    enabled: runId !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      if (status && FINISHED.has(status)) return false;
      // A waiting run may sleep for days: no need to ask every second.
      return status === 'waiting' ? 10_000 : 1_000;
    },
  });
}

/** A flow's runs, newest first, 25 a page by the server's cursor. */
export function useFlowRuns(
  workspaceId: string,
  flowId: string,
  status?: FlowRunSummary['status'],
) {
  return useInfiniteQuery({
    queryKey: runKeys.runs(workspaceId, flowId, status),
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/workspaces/{workspaceId}/flows/{flowId}/runs', {
          params: {
            path: { workspaceId, flowId },
            query: {
              limit: 25,
              ...(status ? { status } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // Open runs change on their own.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.runs.some((run) => !FINISHED.has(run.status)))
        ? 3_000
        : 30_000,
  });
}

export function useStartFlowRun(workspaceId: string, flowId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: Record<string, unknown>) =>
      (
        await call(
          client.POST('/api/workspaces/{workspaceId}/flows/{flowId}/runs', {
            params: { path: { workspaceId, flowId } },
            body: { input },
          }),
        )
      ).run,
    onSuccess: (run) => {
      queryClient.setQueryData(runKeys.run(workspaceId, run.id), run);
      return queryClient.invalidateQueries({ queryKey: flowKeys.flow(workspaceId, flowId) });
    },
  });
}

export function useCancelFlowRun(workspaceId: string, runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (
        await call(
          client.POST(
            '/api/workspaces/{workspaceId}/flow-runs/{flowRunId}/cancel',
            runPath(workspaceId, runId),
          ),
        )
      ).run,
    onSuccess: (run) => queryClient.setQueryData(runKeys.run(workspaceId, runId), run),
    onSettled: () => queryClient.invalidateQueries({ queryKey: flowKeys.all(workspaceId) }),
  });
}

/** A new run from the step that stopped this one; answers the new run. */
export function useRerunFlowRun(workspaceId: string, runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (version: 'same' | 'latest') =>
      (
        await call(
          client.POST('/api/workspaces/{workspaceId}/flow-runs/{flowRunId}/rerun', {
            ...runPath(workspaceId, runId),
            body: { version },
          }),
        )
      ).run,
    onSuccess: (run) => {
      queryClient.setQueryData(runKeys.run(workspaceId, run.id), run);
      return queryClient.invalidateQueries({ queryKey: flowKeys.all(workspaceId) });
    },
  });
}

export function useFlowStats(workspaceId: string, period: StatsPeriod, flowId?: string) {
  return useQuery({
    queryKey: runKeys.stats(workspaceId, period, flowId),
    queryFn: () =>
      call(
        client.GET('/api/workspaces/{workspaceId}/flow-stats', {
          params: { path: { workspaceId }, query: { period, ...(flowId ? { flowId } : {}) } },
        }),
      ),
    refetchInterval: period === 'hour' ? 15_000 : 60_000,
  });
}
