import {
  Button,
  Center,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAgents } from '../agents/queries';
import { useOpenAnomalies } from '../anomalies/queries';
import { StatCardSkeleton } from '../components/stat-card';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { useSalesRoster } from '../conversations/queries';
import { useWorkspaceContext } from '../workspace-context';
import { ActivityCharts } from './activity-charts';
import { ActivityEntry } from './activity-entry';
import { HealthBanner } from './health-banner';
import { useActivity, useActivityStats, type ActivityFilter } from './queries';
import { QuickStats } from './quick-stats';

const PERIODS = {
  '24h': { hours: 24, bucket: 'hour' as const, label: 'Last 24 hours' },
  '7d': { hours: 7 * 24, bucket: 'day' as const, label: 'Last 7 days' },
  '30d': { hours: 30 * 24, bucket: 'day' as const, label: 'Last 30 days' },
};
type Period = keyof typeof PERIODS;
const STATUSES = ['pending', 'success', 'failed', 'rejected'] as const;

function isPeriod(value: string | null): value is Period {
  return value !== null && value in PERIODS;
}

/**
 * The agents' activity: a health banner from the open anomalies, the period's figures,
 * charts of runs, approvals and confidence, and the timeline of runs with filters.
 */
export function ActivityPage() {
  useDocumentTitle('Activity · Pandora');
  const { workspace } = useWorkspaceContext();
  const workspaceId = workspace.id;
  const [params, setParams] = useSearchParams();
  const period: Period = isPeriod(params.get('period')) ? (params.get('period') as Period) : '7d';
  const { hours, bucket } = PERIODS[period];
  // The period's end, fixed when the period is picked, so the query keys stay put.
  const [now] = useState(() => Date.now());
  const range = useMemo(
    () => ({
      from: new Date(now - hours * 3600_000).toISOString(),
      to: new Date(now).toISOString(),
    }),
    [now, hours],
  );
  const [record, setRecord] = useState(params.get('recordId') ?? '');
  const [debouncedRecord] = useDebouncedValue(record.trim(), 400);

  const status = params.get('status');
  const filter: ActivityFilter = {
    from: range.from,
    ...(params.get('agentId') ? { agentId: params.get('agentId')! } : {}),
    ...(params.get('ownerId') ? { ownerId: params.get('ownerId')! } : {}),
    ...(status && (STATUSES as readonly string[]).includes(status)
      ? { status: status as (typeof STATUSES)[number] }
      : {}),
    ...(debouncedRecord ? { recordId: debouncedRecord } : {}),
  };
  const stats = useActivityStats(workspaceId, { ...range, bucket });
  const timeline = useActivity(workspaceId, filter);
  const anomalies = useOpenAnomalies(workspaceId);
  const agents = useAgents(workspaceId);
  const roster = useSalesRoster(workspaceId);
  const owners = (roster.data ?? []).flatMap((rep) =>
    rep.crmOwners.map((owner) => ({ value: owner.id, label: rep.name })),
  );

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const runs = (timeline.data?.pages ?? []).flatMap((page) => page.items);

  return (
    <Stack data-testid="activity-page">
      <Group justify="space-between">
        <Title order={2}>Agent activity</Title>
        <SegmentedControl
          aria-label="Period"
          data={Object.entries(PERIODS).map(([value, p]) => ({ value, label: p.label }))}
          value={period}
          onChange={(value) => setParam('period', value === '7d' ? null : value)}
        />
      </Group>
      {anomalies.data && <HealthBanner workspaceId={workspaceId} anomalies={anomalies.data} />}
      {stats.isError ? (
        <QueryError
          title="Could not load the figures"
          error={stats.error}
          onRetry={() => void stats.refetch()}
          retrying={stats.isFetching}
        />
      ) : stats.data ? (
        <>
          <QuickStats totals={stats.data.totals} />
          <ActivityCharts series={stats.data.series} bucket={stats.data.bucket} />
        </>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
          {Array.from({ length: 6 }, (_, i) => (
            <StatCardSkeleton key={i} />
          ))}
        </SimpleGrid>
      )}

      <Title order={4} mt="md">
        Timeline
      </Title>
      <Group gap="sm" data-testid="activity-filters">
        <Select
          aria-label="Agent"
          placeholder="Every agent"
          data={(agents.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={params.get('agentId')}
          onChange={(value) => setParam('agentId', value)}
          clearable
          w={200}
        />
        <Select
          aria-label="Rep"
          placeholder="Every rep"
          data={owners}
          value={params.get('ownerId')}
          onChange={(value) => setParam('ownerId', value)}
          clearable
          searchable
          w={200}
        />
        <Select
          aria-label="Status"
          placeholder="Every status"
          data={[...STATUSES]}
          value={filter.status ?? null}
          onChange={(value) => setParam('status', value)}
          clearable
          w={160}
        />
        <TextInput
          aria-label="CRM record id"
          placeholder="CRM record id"
          value={record}
          onChange={(event) => {
            setRecord(event.currentTarget.value);
            setParam('recordId', event.currentTarget.value.trim() || null);
          }}
          w={180}
        />
      </Group>
      {timeline.isError ? (
        <QueryError
          title="Could not load the timeline"
          error={timeline.error}
          onRetry={() => void timeline.refetch()}
          retrying={timeline.isFetching}
        />
      ) : timeline.isLoading ? (
        <TableSkeleton rows={4} />
      ) : runs.length === 0 ? (
        <Center py="xl" data-testid="activity-empty">
          <Text c="dimmed">No run in this period with these filters.</Text>
        </Center>
      ) : (
        <Stack gap="sm" data-testid="activity-timeline">
          {runs.map((log) => (
            <ActivityEntry key={log.id} workspaceId={workspaceId} log={log} />
          ))}
          {timeline.hasNextPage && (
            <Center>
              <Button
                variant="default"
                onClick={() => void timeline.fetchNextPage()}
                loading={timeline.isFetchingNextPage}
              >
                Load more
              </Button>
            </Center>
          )}
        </Stack>
      )}
    </Stack>
  );
}
