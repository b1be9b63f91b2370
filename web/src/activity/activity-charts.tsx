import { SimpleGrid } from '@mantine/core';
import { formatRate, type Bucket } from './chart-data';
import { TimeChart } from './time-chart';

/** A bucket of the stats series (GET .../activity/stats `series`). */
export interface StatsPoint {
  at: string;
  runs: number;
  autoApplied: number;
  waiting: number;
  succeeded: number;
  failed: number;
  rejected: number;
  approved: number;
  approvalRate: number | null;
  averageConfidence: number | null;
}

/** Runs by outcome, approvals against rejections, and confidence, over the period. */
export function ActivityCharts({
  series,
  bucket,
}: {
  series: readonly StatsPoint[];
  bucket: Bucket;
}) {
  const points = series.map((p) => ({
    at: p.at,
    succeeded: p.succeeded,
    waiting: p.waiting,
    failed: p.failed,
    rejected: p.rejected,
    approved: p.approved,
    autoApplied: p.autoApplied,
    // No line drawn through a bucket without runs: null, not zero.
    averageConfidence: p.runs > 0 ? p.averageConfidence : null,
    approvalRate: p.approvalRate,
  }));
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} data-testid="activity-charts">
      <TimeChart
        title="Runs"
        kind="bar"
        stacked
        bucket={bucket}
        data={points}
        series={[
          { name: 'succeeded', label: 'Succeeded', color: 'green.6' },
          { name: 'waiting', label: 'Waiting', color: 'yellow.5' },
          { name: 'rejected', label: 'Rejected', color: 'gray.5' },
          { name: 'failed', label: 'Failed', color: 'red.6' },
        ]}
        testId="chart-runs"
      />
      <TimeChart
        title="Approvals"
        kind="bar"
        bucket={bucket}
        data={points}
        series={[
          { name: 'autoApplied', label: 'Auto-applied fields', color: 'blue.6' },
          { name: 'approved', label: 'Approved', color: 'green.6' },
          { name: 'rejected', label: 'Rejected', color: 'red.5' },
        ]}
        testId="chart-approvals"
      />
      <TimeChart
        title="Confidence"
        kind="line"
        bucket={bucket}
        data={points}
        series={[{ name: 'averageConfidence', label: 'Average confidence', color: 'violet.6' }]}
        valueFormatter={formatRate}
        yDomain={[0, 1]}
        testId="chart-confidence"
      />
    </SimpleGrid>
  );
}
