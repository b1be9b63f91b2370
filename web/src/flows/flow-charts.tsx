import { SimpleGrid } from '@mantine/core';
import { formatDuration } from '../format';
import { TimeChart } from '../activity/time-chart';
import type { FlowStats } from './run-queries';

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

/**
 * The performance view's charts: runs per minute, p95 run duration and failure rate,
 * one point per bucket of the period (minutes of the last hour, hours of the day...).
 */
export function FlowCharts({ stats }: { stats: FlowStats }) {
  const bucket =
    stats.bucketSeconds < 3600 ? 'minute' : stats.bucketSeconds < 86_400 ? 'hour' : 'day';
  const points = stats.buckets.map((b) => ({
    at: b.start,
    runsPerMinute: b.runsPerMinute,
    completed: b.completed,
    failed: b.failed,
    // No line through a bucket with nothing finished: null, not zero.
    p95DurationMs: b.p95DurationMs,
    failureRate: b.failureRate,
  }));
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} data-testid="flow-charts">
      <TimeChart
        title="Runs per minute"
        kind="bar"
        bucket={bucket}
        data={points}
        series={[{ name: 'runsPerMinute', label: 'Runs per minute', color: 'blue.6' }]}
        testId="chart-runs-per-minute"
      />
      <TimeChart
        title="p95 duration"
        kind="line"
        bucket={bucket}
        data={points}
        series={[{ name: 'p95DurationMs', label: 'p95 duration', color: 'violet.6' }]}
        valueFormatter={formatDuration}
        testId="chart-p95"
      />
      <TimeChart
        title="Failure rate"
        kind="line"
        bucket={bucket}
        data={points}
        series={[{ name: 'failureRate', label: 'Failure rate', color: 'red.6' }]}
        valueFormatter={percent}
        yDomain={[0, 1]}
        testId="chart-failure-rate"
      />
    </SimpleGrid>
  );
}
