import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Select,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ActivityEntry } from '../activity/activity-entry';
import { useActivity } from '../activity/queries';
import { ConfirmModal } from '../components/confirm-modal';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { useConversations } from '../conversations/queries';
import { formatDate } from '../format';
import { notifyError } from '../notify';
import { useWorkspaceContext } from '../workspace-context';
import { AGENT_STATUS_COLORS } from './agents-page';
import { DataVisibility } from './data-visibility';
import {
  useAgent,
  useAgentStatus,
  useAgentTemplates,
  useAgentTrust,
  useRunAgent,
  useUpdateAgent,
} from './queries';
import { TrustPanel } from './trust-panel';

/** The agent's runs, newest first: all of them, or those waiting for a person. */
function AgentFeed({ agentId, waiting }: { agentId: string; waiting: boolean }) {
  const { workspace } = useWorkspaceContext();
  const feed = useActivity(workspace.id, { agentId, ...(waiting ? { status: 'pending' } : {}) });
  if (feed.isError) {
    return (
      <QueryError
        title="Could not load what the agent did"
        error={feed.error}
        onRetry={() => void feed.refetch()}
        retrying={feed.isFetching}
      />
    );
  }
  if (feed.isLoading) return <TableSkeleton rows={3} />;
  const runs = (feed.data?.pages ?? []).flatMap((page) => page.items);
  if (runs.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="md">
        {waiting ? 'Nothing waits for a person.' : 'No run yet: it runs after each linked call.'}
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid={waiting ? 'agent-undecided' : 'agent-feed'}>
      {runs.map((log) => (
        <ActivityEntry key={log.id} workspaceId={workspace.id} log={log} />
      ))}
      {feed.hasNextPage && (
        <Center>
          <Button
            variant="default"
            onClick={() => void feed.fetchNextPage()}
            loading={feed.isFetchingNextPage}
          >
            Load more
          </Button>
        </Center>
      )}
    </Stack>
  );
}

/** Runs the agent now on a meeting of the admin's choice. */
function RunOnMeeting({ agentId }: { agentId: string }) {
  const { workspace } = useWorkspaceContext();
  const meetings = useConversations(workspace.id, { linked: 'deal', internal: false });
  const run = useRunAgent(workspace.id);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const options = (meetings.data?.pages ?? [])
    .flatMap((page) => page.conversations)
    .map((m) => ({ value: m.id, label: `${m.title} · ${formatDate(m.startedAt)}` }));
  return (
    <Group align="flex-end">
      <Select
        label="Run on a meeting now"
        placeholder="Pick a meeting"
        data={options}
        value={conversationId}
        onChange={setConversationId}
        searchable
        w={360}
      />
      <Button
        variant="default"
        disabled={!conversationId}
        loading={run.isPending}
        onClick={() =>
          conversationId &&
          run.mutate(
            { agentId, conversationId },
            { onError: (error) => notifyError('The run failed', error) },
          )
        }
      >
        Run
      </Button>
    </Group>
  );
}

/**
 * One agent: what it did and why, what it could not decide, the data it reads and writes,
 * and the trust each field has earned, with the switch to auto-apply once earned.
 */
export function AgentPage() {
  const { agentId = '' } = useParams();
  const { workspace, isAdmin } = useWorkspaceContext();
  const agent = useAgent(workspace.id, agentId);
  const trust = useAgentTrust(workspace.id, agentId);
  const templates = useAgentTemplates(workspace.id);
  const status = useAgentStatus(workspace.id);
  const update = useUpdateAgent(workspace.id);
  const [pendingField, setPendingField] = useState<string | null>(null);
  const [confirmMode, setConfirmMode] = useState(false);
  useDocumentTitle(`${agent.data?.name ?? 'Agent'} · Pandora`);

  if (agent.isError) {
    return (
      <QueryError
        title="Could not load the agent"
        error={agent.error}
        onRetry={() => void agent.refetch()}
        retrying={agent.isFetching}
      />
    );
  }
  if (!agent.data) return <TableSkeleton rows={4} />;
  const current = agent.data;

  async function toggle(field: string, enabled: boolean) {
    setPendingField(field);
    try {
      await update.mutateAsync({
        agentId,
        patch: {
          fields: current.fields.map((f) =>
            f.field === field ? { ...f, autoApplyEnabled: enabled } : f,
          ),
        },
      });
      await Promise.all([agent.refetch(), trust.refetch()]);
    } catch (error) {
      notifyError('Could not change auto-apply', error);
    } finally {
      setPendingField(null);
    }
  }

  async function changeMode(mode: 'shadow' | 'live') {
    try {
      await update.mutateAsync({ agentId, patch: { mode } });
      await agent.refetch();
      setConfirmMode(false);
    } catch (error) {
      notifyError('Could not change the mode', error);
    }
  }

  const changeStatus = (to: 'activate' | 'pause') =>
    status.mutate(
      { agentId, to },
      {
        onSuccess: () => void agent.refetch(),
        onError: (error) => notifyError('Could not change the status', error),
      },
    );

  return (
    <Stack data-testid="agent-page">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{current.name}</Title>
          <Badge color={AGENT_STATUS_COLORS[current.status]} data-testid="agent-status">
            {current.status}
          </Badge>
          <Badge
            variant="outline"
            color={current.mode === 'shadow' ? 'grape' : 'blue'}
            data-testid="agent-mode"
          >
            {current.mode}
          </Badge>
        </Group>
        {isAdmin && (
          <Group gap="xs">
            {current.mode === 'shadow' ? (
              <Button variant="default" onClick={() => setConfirmMode(true)}>
                Leave shadow
              </Button>
            ) : (
              <Button
                variant="default"
                onClick={() => void changeMode('shadow')}
                loading={update.isPending && !pendingField}
              >
                Back to shadow
              </Button>
            )}
            {current.status === 'active' ? (
              <Button
                variant="default"
                onClick={() => changeStatus('pause')}
                loading={status.isPending}
              >
                Pause
              </Button>
            ) : (
              <Button
                color="green"
                onClick={() => changeStatus('activate')}
                loading={status.isPending}
              >
                Activate
              </Button>
            )}
          </Group>
        )}
      </Group>
      <ConfirmModal
        opened={confirmMode}
        title="Leave shadow?"
        confirmLabel="Leave shadow"
        onConfirm={() => void changeMode('live')}
        onClose={() => setConfirmMode(false)}
        pending={update.isPending}
      >
        After each call its proposals wait in the inbox for a person to approve, and a field set to
        auto-apply is written without one only once it has earned it.
      </ConfirmModal>
      {current.statusReason && (
        <Alert color={current.status === 'error' ? 'red' : 'blue'}>{current.statusReason}</Alert>
      )}
      {current.mode === 'shadow' && (
        <Text size="sm" c="dimmed">
          In shadow: after each call it records what it would propose, writing and asking nothing;
          each proposal is later compared with what the rep put in the CRM, which is how a field
          earns trust. Leave shadow to have its proposals wait in the inbox.
        </Text>
      )}
      <Tabs defaultValue="feed" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="feed">What it did</Tabs.Tab>
          <Tabs.Tab value="undecided">Waiting for a person</Tabs.Tab>
          <Tabs.Tab value="data">Data it reads and writes</Tabs.Tab>
          <Tabs.Tab value="trust">Trust per field</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="feed" pt="md">
          <Stack>
            {isAdmin && current.status === 'active' && <RunOnMeeting agentId={agentId} />}
            <AgentFeed agentId={agentId} waiting={false} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="undecided" pt="md">
          <AgentFeed agentId={agentId} waiting />
        </Tabs.Panel>
        <Tabs.Panel value="data" pt="md">
          <DataVisibility agent={current} catalog={templates.data?.fields} />
        </Tabs.Panel>
        <Tabs.Panel value="trust" pt="md">
          {trust.isError ? (
            <QueryError
              title="Could not load the trust per field"
              error={trust.error}
              onRetry={() => void trust.refetch()}
              retrying={trust.isFetching}
            />
          ) : trust.data ? (
            <TrustPanel
              fields={trust.data}
              onToggle={isAdmin ? (field, on) => void toggle(field, on) : undefined}
              pendingField={pendingField}
            />
          ) : (
            <TableSkeleton rows={3} />
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
