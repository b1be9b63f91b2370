import { SimpleGrid } from '@mantine/core';
import { StatCard } from '../components/stat-card';
import { formatCount } from '../format';
import { formatRate } from './chart-data';

export interface QuickStatsTotals {
  runs: number;
  autoApplied: number;
  waiting: number;
  approvalRate: number | null;
  failureRate: number | null;
  averageConfidence: number | null;
}

/** The period's figures: runs, what was applied, what waits, and how well it went. */
export function QuickStats({ totals }: { totals: QuickStatsTotals }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} data-testid="quick-stats">
      <StatCard label="Runs" value={formatCount(totals.runs)} />
      <StatCard label="Auto-applied" value={formatCount(totals.autoApplied)} />
      <StatCard label="Waiting" value={formatCount(totals.waiting)} description="in the inbox" />
      <StatCard label="Approval rate" value={formatRate(totals.approvalRate)} />
      <StatCard label="Failure rate" value={formatRate(totals.failureRate)} />
      <StatCard
        label="Confidence"
        value={formatRate(totals.averageConfidence)}
        description="average"
      />
    </SimpleGrid>
  );
}
