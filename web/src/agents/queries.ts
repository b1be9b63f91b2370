import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../api';
import { workspacePath } from '../queries';
import type { AgentCreate, AgentPatch } from './types';

/** Query keys of the agent pages, under the workspace's key like the rest. */
export const agentKeys = {
  all: (workspaceId: string) => ['workspace', workspaceId, 'agents'] as const,
  agent: (workspaceId: string, agentId: string) =>
    ['workspace', workspaceId, 'agents', agentId] as const,
  trust: (workspaceId: string, agentId: string) =>
    ['workspace', workspaceId, 'agents', agentId, 'trust'] as const,
  templates: (workspaceId: string) => ['workspace', workspaceId, 'agent-templates'] as const,
};

const agentPath = (workspaceId: string, agentId: string) => ({
  params: { path: { workspaceId, agentId } },
});

export function useAgents(workspaceId: string) {
  return useQuery({
    queryKey: agentKeys.all(workspaceId),
    queryFn: async () =>
      (await call(client.GET('/api/workspaces/{workspaceId}/agents', workspacePath(workspaceId))))
        .agents,
  });
}

export function useAgent(workspaceId: string, agentId: string) {
  return useQuery({
    queryKey: agentKeys.agent(workspaceId, agentId),
    queryFn: async () =>
      (
        await call(
          client.GET(
            '/api/workspaces/{workspaceId}/agents/{agentId}',
            agentPath(workspaceId, agentId),
          ),
        )
      ).agent,
  });
}

export function useAgentTrust(workspaceId: string, agentId: string) {
  return useQuery({
    queryKey: agentKeys.trust(workspaceId, agentId),
    queryFn: async () =>
      (
        await call(
          client.GET(
            '/api/workspaces/{workspaceId}/agents/{agentId}/fields',
            agentPath(workspaceId, agentId),
          ),
        )
      ).fields,
  });
}

export function useAgentTemplates(workspaceId: string) {
  return useQuery({
    queryKey: agentKeys.templates(workspaceId),
    queryFn: () =>
      call(client.GET('/api/workspaces/{workspaceId}/agent-templates', workspacePath(workspaceId))),
    staleTime: Infinity,
  });
}

export function useCreateAgent(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AgentCreate) =>
      (
        await call(
          client.POST('/api/workspaces/{workspaceId}/agents', {
            ...workspacePath(workspaceId),
            body,
          }),
        )
      ).agent,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentKeys.all(workspaceId) }),
  });
}

export function useUpdateAgent(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ agentId, patch }: { agentId: string; patch: AgentPatch }) =>
      (
        await call(
          client.PATCH('/api/workspaces/{workspaceId}/agents/{agentId}', {
            ...agentPath(workspaceId, agentId),
            body: patch,
          }),
        )
      ).agent,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentKeys.all(workspaceId) }),
  });
}

/** Activate or pause. */
export function useAgentStatus(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ agentId, to }: { agentId: string; to: 'activate' | 'pause' }) =>
      (
        await call(
          to === 'activate'
            ? client.POST(
                '/api/workspaces/{workspaceId}/agents/{agentId}/activate',
                agentPath(workspaceId, agentId),
              )
            : client.POST(
                '/api/workspaces/{workspaceId}/agents/{agentId}/pause',
                agentPath(workspaceId, agentId),
              ),
        )
      ).agent,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentKeys.all(workspaceId) }),
  });
}

/** What a run would do on a meeting; writes nothing. */
export function usePreviewAgent(workspaceId: string) {
  return useMutation({
    mutationFn: async ({ agentId, conversationId }: { agentId: string; conversationId: string }) =>
      (
        await call(
          client.POST('/api/workspaces/{workspaceId}/agents/{agentId}/preview', {
            ...agentPath(workspaceId, agentId),
            body: { conversationId },
          }),
        )
      ).preview,
  });
}

/** Runs the agent on a meeting now (trigger manual). */
export function useRunAgent(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ agentId, conversationId }: { agentId: string; conversationId: string }) =>
      call(
        client.POST('/api/workspaces/{workspaceId}/agents/{agentId}/runs', {
          ...agentPath(workspaceId, agentId),
          body: { conversationId },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['workspace', workspaceId, 'activity'] }),
        queryClient.invalidateQueries({ queryKey: ['workspace', workspaceId, 'inbox'] }),
      ]),
  });
}
