import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, type RequestBody, type ResponseBody } from '../api';
import { workspacePath } from '../queries';

type FlowsPath = '/api/workspaces/{workspaceId}/flows';
type FlowPath = '/api/workspaces/{workspaceId}/flows/{flowId}';
export type Flow = ResponseBody<FlowPath, 'get'>['flow'];
export type FlowVersionSummary = ResponseBody<`${FlowPath}/versions`, 'get'>['versions'][number];
export type FlowVersion = ResponseBody<`${FlowPath}/versions/{version}`, 'get'>['version'];
export type StepType = ResponseBody<
  '/api/workspaces/{workspaceId}/flow-step-types',
  'get'
>['stepTypes'][number];
export type NewFlow = RequestBody<FlowsPath, 'post'>;
export type FlowUpdate = RequestBody<FlowPath, 'patch'>;

/** Query keys of the flow pages, under the workspace's key like the rest. */
export const flowKeys = {
  all: (workspaceId: string) => ['workspace', workspaceId, 'flows'] as const,
  list: (workspaceId: string, status: 'active' | 'archived') =>
    ['workspace', workspaceId, 'flows', 'list', status] as const,
  flow: (workspaceId: string, flowId: string) =>
    ['workspace', workspaceId, 'flows', 'flow', flowId] as const,
  versions: (workspaceId: string, flowId: string) =>
    ['workspace', workspaceId, 'flows', 'flow', flowId, 'versions'] as const,
  version: (workspaceId: string, flowId: string, version: number) =>
    ['workspace', workspaceId, 'flows', 'flow', flowId, 'versions', version] as const,
  stepTypes: (workspaceId: string) => ['workspace', workspaceId, 'flow-step-types'] as const,
  secrets: (workspaceId: string) => ['workspace', workspaceId, 'secrets'] as const,
};

const flowPath = (workspaceId: string, flowId: string) => ({
  params: { path: { workspaceId, flowId } },
});

export function useStepTypes(workspaceId: string) {
  return useQuery({
    queryKey: flowKeys.stepTypes(workspaceId),
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/flow-step-types', workspacePath(workspaceId)),
        )
      ).stepTypes,
    // The server's registry changes only with a release.
    staleTime: 10 * 60_000,
  });
}

export type WorkspaceSecret = ResponseBody<
  '/api/workspaces/{workspaceId}/secrets',
  'get'
>['secrets'][number];

/** Names and dates only (admins): values never leave the server. */
export function useSecrets(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: flowKeys.secrets(workspaceId),
    queryFn: async () =>
      (await call(client.GET('/api/workspaces/{workspaceId}/secrets', workspacePath(workspaceId))))
        .secrets,
    enabled,
  });
}

/** What the variable picker offers as `{{secrets.name}}`. */
export function useSecretNames(workspaceId: string, enabled: boolean) {
  const secrets = useSecrets(workspaceId, enabled);
  return { ...secrets, data: secrets.data?.map((secret) => secret.name) };
}

/** A new secret, or a new value for an existing one (rotation). */
export function useSaveSecret(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, value, replace }: { name: string; value: string; replace: boolean }) =>
      replace
        ? call(
            client.PUT('/api/workspaces/{workspaceId}/secrets/{secretName}', {
              params: { path: { workspaceId, secretName: name } },
              body: { value },
            }),
          )
        : call(
            client.POST('/api/workspaces/{workspaceId}/secrets', {
              ...workspacePath(workspaceId),
              body: { name, value },
            }),
          ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: flowKeys.secrets(workspaceId) }),
  });
}

export function useDeleteSecret(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      call(
        client.DELETE('/api/workspaces/{workspaceId}/secrets/{secretName}', {
          params: { path: { workspaceId, secretName: name } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: flowKeys.secrets(workspaceId) }),
  });
}

export function useFlows(workspaceId: string, status: 'active' | 'archived') {
  return useQuery({
    queryKey: flowKeys.list(workspaceId, status),
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/flows', {
            params: { path: { workspaceId }, query: { status } },
          }),
        )
      ).flows,
  });
}

export function useFlow(workspaceId: string, flowId: string) {
  return useQuery({
    queryKey: flowKeys.flow(workspaceId, flowId),
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/flows/{flowId}', flowPath(workspaceId, flowId)),
        )
      ).flow,
  });
}

export function useFlowVersions(workspaceId: string, flowId: string) {
  return useQuery({
    queryKey: flowKeys.versions(workspaceId, flowId),
    queryFn: async () =>
      (
        await call(
          client.GET(
            '/api/workspaces/{workspaceId}/flows/{flowId}/versions',
            flowPath(workspaceId, flowId),
          ),
        )
      ).versions,
  });
}

export function useFlowVersion(workspaceId: string, flowId: string, version: number | null) {
  return useQuery({
    queryKey: flowKeys.version(workspaceId, flowId, version ?? 0),
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/flows/{flowId}/versions/{version}', {
            params: { path: { workspaceId, flowId, version: version! } },
          }),
        )
      ).version,
    enabled: version !== null,
    // A published version never changes.
    staleTime: Infinity,
  });
}

export function useCreateFlow(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewFlow) =>
      (
        await call(
          client.POST('/api/workspaces/{workspaceId}/flows', {
            ...workspacePath(workspaceId),
            body,
          }),
        )
      ).flow,
    onSuccess: (flow) => {
      queryClient.setQueryData(flowKeys.flow(workspaceId, flow.id), flow);
      return queryClient.invalidateQueries({ queryKey: flowKeys.all(workspaceId) });
    },
  });
}

/** Saves the draft; a stale `draftRevision` (someone else saved since) is a 409 stale_draft. */
export function useUpdateFlow(workspaceId: string, flowId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: FlowUpdate) =>
      (
        await call(
          client.PATCH('/api/workspaces/{workspaceId}/flows/{flowId}', {
            ...flowPath(workspaceId, flowId),
            body,
          }),
        )
      ).flow,
    onSuccess: (flow) => {
      queryClient.setQueryData(flowKeys.flow(workspaceId, flowId), flow);
      return queryClient.invalidateQueries({ queryKey: flowKeys.list(workspaceId, 'active') });
    },
  });
}

export function usePublishFlow(workspaceId: string, flowId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draftRevision: number) =>
      call(
        client.POST('/api/workspaces/{workspaceId}/flows/{flowId}/publish', {
          ...flowPath(workspaceId, flowId),
          body: { draftRevision },
        }),
      ),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: flowKeys.flow(workspaceId, flowId) }),
  });
}

export function useArchiveFlow(workspaceId: string, flowId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (
        await call(
          client.DELETE(
            '/api/workspaces/{workspaceId}/flows/{flowId}',
            flowPath(workspaceId, flowId),
          ),
        )
      ).flow,
    onSettled: () => queryClient.invalidateQueries({ queryKey: flowKeys.all(workspaceId) }),
  });
}
