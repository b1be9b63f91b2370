import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Progress,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ConfirmModal } from '../components/confirm-modal';
import { QueryError } from '../components/query-error';
import { formatCurrency } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { useWorkspaceContext } from '../workspace-context';
import {
  ACTION_STATUSES,
  SEVERITIES,
  SKILLS,
  actionsApi,
  type Action,
  type ActionBatch,
  type ActionFilter,
  type Severity,
} from './api';
import { SEVERITY_COLORS, STATUS_COLORS, statusLabel } from './display';

export const actionKeys = {
  all: (workspaceId: string) => ['workspace', workspaceId, 'actions'] as const,
  list: (workspaceId: string, filter: ActionFilter) =>
    ['workspace', workspaceId, 'actions', 'list', filter] as const,
  one: (workspaceId: string, id: string) =>
    ['workspace', workspaceId, 'actions', 'one', id] as const,
};

const SEVERITY_ORDER: Severity[] = ['critical', 'warning', 'info'];

/** `/w/:id/actions`: proposed CRM changes as cards, most severe and largest first. */
export function ActionsPage() {
  const { workspace } = useWorkspaceContext();
  const workspaceId = workspace.id;
  useDocumentTitle(`Actions · ${workspace.name} · Pandora`);
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const filter: ActionFilter = {
    status: params.get('status') ?? 'open',
    severity: params.get('severity') ?? undefined,
    actionType: params.get('type') ?? undefined,
  };
  const setFilter = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const list = useInfiniteQuery({
    queryKey: actionKeys.list(workspaceId, filter),
    queryFn: ({ pageParam }) => actionsApi.list(workspaceId, filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const actions = list.data?.pages.flatMap((page) => page.actions) ?? [];
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [batchId, setBatchId] = useState<string | null>(null);

  const runSkills = useMutation({
    mutationFn: async () => {
      let proposed = 0;
      for (const skill of SKILLS)
        proposed += (await actionsApi.runSkill(workspaceId, skill)).proposed;
      return proposed;
    },
    onSuccess: async (proposed) => {
      notifySuccess(`The skills proposed ${proposed} actions`);
      await queryClient.invalidateQueries({ queryKey: actionKeys.all(workspaceId) });
    },
    onError: (error) => notifyError('Could not run the skills', error),
  });
  const startBatch = useMutation({
    mutationFn: () => actionsApi.batchExecute(workspaceId, [...selected]),
    onSuccess: ({ batch }) => {
      setConfirming(false);
      setSelected(new Set());
      setBatchId(batch.id);
    },
    onError: (error) => notifyError('Could not start the batch', error),
  });

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Actions</Title>
          <Text c="dimmed" size="sm">
            Changes Pandora proposes to your CRM. Each is previewed before it runs, logged, and can
            be undone.
          </Text>
        </div>
        <Button variant="default" onClick={() => runSkills.mutate()} loading={runSkills.isPending}>
          Run skills
        </Button>
      </Group>

      <Group gap="sm" data-testid="action-filters">
        <Select
          aria-label="Status"
          data={ACTION_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
          value={filter.status ?? null}
          onChange={(value) => setFilter('status', value)}
          clearable
          placeholder="Any status"
        />
        <Select
          aria-label="Severity"
          data={SEVERITIES.map((s) => ({ value: s, label: s }))}
          value={filter.severity ?? null}
          onChange={(value) => setFilter('severity', value)}
          clearable
          placeholder="Any severity"
        />
        <Select
          aria-label="Type"
          data={[
            'clean_data',
            'update_field',
            're_engage_deal',
            'close_stale_deal',
            'notify_rep',
            'notify_manager',
            'add_note',
          ]}
          value={filter.actionType ?? null}
          onChange={(value) => setFilter('type', value)}
          clearable
          placeholder="Any type"
        />
        <Button
          disabled={selected.size === 0}
          onClick={() => setConfirming(true)}
          data-testid="execute-selected"
        >
          Execute selected ({selected.size})
        </Button>
      </Group>

      {batchId && (
        <BatchProgress
          workspaceId={workspaceId}
          batchId={batchId}
          onClose={() => setBatchId(null)}
        />
      )}

      {list.isError ? (
        <QueryError
          title="Could not load the actions"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : actions.length === 0 ? (
        <Text c="dimmed" size="sm">
          {list.isLoading ? 'Loading…' : 'No actions here. Run the skills to look for some.'}
        </Text>
      ) : (
        SEVERITY_ORDER.map((severity) => {
          const group = actions.filter((action) => action.severity === severity);
          if (group.length === 0) return null;
          return (
            <Stack key={severity} gap="sm" data-testid={`severity-${severity}`}>
              <Title order={4} tt="capitalize">
                {severity} ({group.length})
              </Title>
              {group.map((action) => (
                <ActionCard
                  key={action.id}
                  workspaceId={workspaceId}
                  action={action}
                  selected={selected.has(action.id)}
                  onToggle={() => toggle(action.id)}
                />
              ))}
            </Stack>
          );
        })
      )}
      {list.hasNextPage && (
        <Button
          variant="subtle"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
        >
          Load more
        </Button>
      )}

      <ConfirmModal
        opened={confirming}
        title={`Execute ${selected.size} actions?`}
        confirmLabel="Execute"
        pending={startBatch.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => startBatch.mutate()}
      >
        Their field changes are written to the CRM in batch calls, with an audit note on each
        record. Each can be undone afterwards.
      </ConfirmModal>
    </Stack>
  );
}

function ActionCard({
  workspaceId,
  action,
  selected,
  onToggle,
}: {
  workspaceId: string;
  action: Action;
  selected: boolean;
  onToggle: () => void;
}) {
  const selectable = action.status === 'open' || action.status === 'failed';
  return (
    <Card withBorder padding="md" data-testid={`action-card-${action.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group wrap="nowrap" align="flex-start">
          <Checkbox
            aria-label={`Select ${action.title}`}
            checked={selected}
            disabled={!selectable}
            onChange={onToggle}
            mt={4}
          />
          <Stack gap={4}>
            <Text fw={600} component={Link} to={`/w/${workspaceId}/actions/${action.id}`}>
              {action.title}
            </Text>
            <Text size="sm" c="dimmed">
              {action.summary}
            </Text>
            <Group gap="xs">
              <Badge color={SEVERITY_COLORS[action.severity]} variant="light">
                {action.severity}
              </Badge>
              <Badge
                color={STATUS_COLORS[action.status]}
                variant="outline"
                data-testid="action-status"
              >
                {statusLabel(action.status)}
              </Badge>
              <Text size="xs" c="dimmed">
                {action.targetType} {action.targetName ?? action.targetSourceId}
                {action.ownerEmail ? ` · ${action.ownerEmail}` : ''}
                {action.urgencyLabel ? ` · ${action.urgencyLabel}` : ''}
                {action.sourceName ? ` · from ${action.sourceName}` : ''}
              </Text>
            </Group>
          </Stack>
        </Group>
        {action.impactAmount !== null && (
          <Text fw={700} data-testid="action-impact">
            {formatCurrency(action.impactAmount)}
          </Text>
        )}
      </Group>
    </Card>
  );
}

function BatchProgress({
  workspaceId,
  batchId,
  onClose,
}: {
  workspaceId: string;
  batchId: string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const batch = useQuery({
    queryKey: ['workspace', workspaceId, 'action-batch', batchId],
    queryFn: async () => {
      const { batch: current } = await actionsApi.batch(workspaceId, batchId);
      if (current.finishedAt)
        await queryClient.invalidateQueries({ queryKey: actionKeys.all(workspaceId) });
      return current;
    },
    refetchInterval: (query) => (query.state.data?.finishedAt ? false : 1_000),
  });
  const data: ActionBatch | undefined = batch.data;
  const outcomes = Object.values(data?.results ?? {}).reduce<Record<string, number>>(
    (counts, r) => {
      counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
      return counts;
    },
    {},
  );
  return (
    <Card withBorder data-testid="batch-progress" data-status={data?.status ?? 'queued'}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>Batch execution: {data?.status ?? 'queued'}</Text>
          {data?.finishedAt && (
            <Button size="xs" variant="subtle" onClick={onClose}>
              Close
            </Button>
          )}
        </Group>
        <Progress
          value={data?.total ? (data.done / data.total) * 100 : 0}
          aria-label="Batch progress"
        />
        <Text size="sm" c="dimmed">
          {data?.done ?? 0} of {data?.total ?? '…'} done
          {Object.entries(outcomes).map(([outcome, n]) => ` · ${n} ${outcome}`)}
          {data ? ` · ${data.crmCalls} CRM calls` : ''}
        </Text>
      </Stack>
    </Card>
  );
}
