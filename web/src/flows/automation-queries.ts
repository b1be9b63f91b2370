import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, type RequestBody, type ResponseBody } from '../api';
import { workspacePath } from '../queries';
import { FINISHED } from './run-display';

type AutomationsPath = '/api/workspaces/{workspaceId}/automations';
type AutomationPath = '/api/workspaces/{workspaceId}/automations/{automationId}';
export type Automation = ResponseBody<AutomationPath, 'get'>['automation'];
export type NewAutomation = RequestBody<AutomationsPath, 'post'>;
export type AutomationUpdate = RequestBody<AutomationPath, 'patch'>;
export type AutomationStart = RequestBody<`${AutomationPath}/runs`, 'post'>;

export const automationKeys = {
  all: (workspaceId: string) => ['workspace', workspaceId, 'automations'] as const,
  one: (workspaceId: string, automationId: string) =>
    ['workspace', workspaceId, 'automations', automationId] as const,
  runs: (workspaceId: string, automationId: string) =>
    ['workspace', workspaceId, 'automations', automationId, 'runs'] as const,
};

const automationPath = (workspaceId: string, automationId: string) => ({
  params: { path: { workspaceId, automationId } },
});

/** A member's own automations; an admin sees everyone's. */
export function useAutomations(workspaceId: string) {
  return useQuery({
    queryKey: automationKeys.all(workspaceId),
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/automations', workspacePath(workspaceId)),
        )
      ).automations,
  });
}

export function useAutomation(workspaceId: string, automationId: string) {
  return useQuery({
    queryKey: automationKeys.one(workspaceId, automationId),
    queryFn: async () =>
      (
        await call(
          client.GET(
            '/api/workspaces/{workspaceId}/automations/{automationId}',
            automationPath(workspaceId, automationId),
          ),
        )
      ).automation,
  });
}

export function useCreateAutomation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewAutomation) =>
      (
        await call(
          client.POST('/api/workspaces/{workspaceId}/automations', {
            ...workspacePath(workspaceId),
            body,
          }),
        )
      ).automation,
    onSuccess: (automation) => {
      queryClient.setQueryData(automationKeys.one(workspaceId, automation.id), automation);
      return queryClient.invalidateQueries({
        queryKey: automationKeys.all(workspaceId),
        exact: true,
      });
    },
  });
}

/** Saving a changed trigger or steps publishes a new version. */
export function useUpdateAutomation(workspaceId: string, automationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AutomationUpdate) =>
      (
        await call(
          client.PATCH('/api/workspaces/{workspaceId}/automations/{automationId}', {
            ...automationPath(workspaceId, automationId),
            body,
          }),
        )
      ).automation,
    onSuccess: (automation) => {
      queryClient.setQueryData(automationKeys.one(workspaceId, automationId), automation);
      return queryClient.invalidateQueries({
        queryKey: automationKeys.all(workspaceId),
        exact: true,
      });
    },
  });
}

export function useSetAutomationActive(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, active }: { id: string; active: boolean }) => {
      const params = automationPath(workspaceId, id);
      const answer = active
        ? await call(
            client.POST(
              '/api/workspaces/{workspaceId}/automations/{automationId}/activate',
              params,
            ),
          )
        : await call(
            client.POST('/api/workspaces/{workspaceId}/automations/{automationId}/pause', params),
          );
      return answer.automation;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: automationKeys.all(workspaceId) }),
  });
}

export function useDeleteAutomation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(
        client.DELETE(
          '/api/workspaces/{workspaceId}/automations/{automationId}',
          automationPath(workspaceId, id),
        ),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: automationKeys.all(workspaceId) }),
  });
}

/** Starts a run now, on the owner's records only (403 record_out_of_scope otherwise). */
export function useStartAutomationRun(workspaceId: string, automationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AutomationStart) =>
      call(
        client.POST('/api/workspaces/{workspaceId}/automations/{automationId}/runs', {
          ...automationPath(workspaceId, automationId),
          body,
        }),
      ),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: automationKeys.runs(workspaceId, automationId) }),
  });
}

/** An automation's runs, newest first (its owner and admins). */
export function useAutomationRuns(workspaceId: string, automationId: string) {
  return useInfiniteQuery({
    queryKey: automationKeys.runs(workspaceId, automationId),
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/workspaces/{workspaceId}/automations/{automationId}/runs', {
          params: {
            path: { workspaceId, automationId },
            query: { limit: 25, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // Open runs change on their own.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.runs.some((run) => !FINISHED.has(run.status)))
        ? 2_000
        : 30_000,
  });
}
