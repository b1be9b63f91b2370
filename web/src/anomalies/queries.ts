import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api';

/** Query keys of the anomaly pages, under the workspace's key like the rest. */
export const anomalyKeys = {
  all: (workspaceId: string) => ['workspace', workspaceId, 'anomalies'] as const,
  list: (workspaceId: string, status: string | null) =>
    ['workspace', workspaceId, 'anomalies', 'list', status ?? 'any'] as const,
  one: (workspaceId: string, anomalyId: string) =>
    ['workspace', workspaceId, 'anomalies', anomalyId] as const,
};

type Status = 'pending' | 'active' | 'acknowledged' | 'resolved';

export function useAnomalies(workspaceId: string, status: Status | null) {
  return useQuery({
    queryKey: anomalyKeys.list(workspaceId, status),
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/anomalies', {
            params: { path: { workspaceId }, query: status ? { status } : {} },
          }),
        )
      ).anomalies,
    refetchInterval: 60_000,
  });
}

/** Active and acknowledged anomalies: the health banner's. */
export function useOpenAnomalies(workspaceId: string) {
  const active = useAnomalies(workspaceId, 'active');
  const acknowledged = useAnomalies(workspaceId, 'acknowledged');
  return {
    data: active.data && acknowledged.data ? [...active.data, ...acknowledged.data] : undefined,
  };
}

export function useAnomaly(workspaceId: string, anomalyId: string) {
  return useQuery({
    queryKey: anomalyKeys.one(workspaceId, anomalyId),
    queryFn: () =>
      call(
        client.GET('/api/workspaces/{workspaceId}/anomalies/{anomalyId}', {
          params: { path: { workspaceId, anomalyId } },
        }),
      ),
  });
}

/** Acknowledge (someone is on it) or resolve. */
export function useAnomalyDecision(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ anomalyId, to }: { anomalyId: string; to: 'acknowledge' | 'resolve' }) => {
      const path = { params: { path: { workspaceId, anomalyId } } };
      return call(
        to === 'acknowledge'
          ? client.POST('/api/workspaces/{workspaceId}/anomalies/{anomalyId}/acknowledge', path)
          : client.POST('/api/workspaces/{workspaceId}/anomalies/{anomalyId}/resolve', path),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: anomalyKeys.all(workspaceId) }),
  });
}
