import { Center, Loader, SegmentedControl, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { StatCard } from '../components/stat-card';
import { QueryError } from '../components/query-error';
import { formatDuration } from '../format';
import { FlowCharts } from './flow-charts';
import { useFlowStats, type StatsPeriod } from './run-queries';

const PERIODS: { value: StatsPeriod; label: string }[] = [
  { value: 'hour', label: 'Last hour' },
  { value: 'day', label: 'Last day' },
  { value: 'week', label: 'Last week' },
];

const rate = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);

/** Runs per minute, p95 duration and failure rate: the workspace's or one flow's. */
export function FlowPerformance({ workspaceId, flowId }: { workspaceId: string; flowId?: string }) {
  const [period, setPeriod] = useState<StatsPeriod>('hour');
  const stats = useFlowStats(workspaceId, period, flowId);
  return (
    <Stack gap="md" data-testid="flow-performance">
      <SegmentedControl
        w="fit-content"
        data={PERIODS}
        value={period}
        onChange={(value) => setPeriod(value as StatsPeriod)}
      />
      {stats.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : stats.isError ? (
        <QueryError
          title="Could not load the figures"
          error={stats.error}
          onRetry={() => void stats.refetch()}
        />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <StatCard label="Runs" value={String(stats.data.totals.runs)} />
            <StatCard label="Runs per minute" value={String(stats.data.totals.runsPerMinute)} />
            <StatCard
              label="p95 duration"
              value={formatDuration(stats.data.totals.p95DurationMs)}
            />
            <StatCard label="Failure rate" value={rate(stats.data.totals.failureRate)} />
          </SimpleGrid>
          <FlowCharts stats={stats.data} />
        </>
      )}
    </Stack>
  );
}
