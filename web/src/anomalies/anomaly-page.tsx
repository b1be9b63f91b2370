import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatDateTime } from '../format';
import { notifyError } from '../notify';
import { useWorkspaceContext } from '../workspace-context';
import { ANOMALY_STATUS_COLORS, SEVERITY_COLORS } from './anomalies-page';
import { AnomalyTrend } from './anomaly-trend';
import { useAnomaly, useAnomalyDecision } from './queries';

/** A number the rule stored in `data`, if it is one. */
function dataNumber(data: Record<string, unknown>, key: string): number | null {
  const value = Number(data[key]);
  return data[key] === undefined || data[key] === null || !Number.isFinite(value) ? null : value;
}

/** One anomaly: what was measured against what threshold, its trend, and the decision. */
export function AnomalyPage() {
  const { anomalyId = '' } = useParams();
  const { workspace, isAdmin } = useWorkspaceContext();
  const answer = useAnomaly(workspace.id, anomalyId);
  const decide = useAnomalyDecision(workspace.id);
  useDocumentTitle(`${answer.data?.anomaly.title ?? 'Anomaly'} · Pandora`);
  if (answer.isError) {
    return (
      <QueryError
        title="Could not load the anomaly"
        error={answer.error}
        onRetry={() => void answer.refetch()}
        retrying={answer.isFetching}
      />
    );
  }
  if (!answer.data) return <TableSkeleton rows={4} />;
  const { anomaly } = answer.data;
  const { samples } = anomaly;
  const threshold = anomaly.thresholds?.fireAt ?? dataNumber(anomaly.data, 'threshold');
  const recoverAt = anomaly.thresholds?.recoverAt ?? null;
  const value = dataNumber(anomaly.data, 'value') ?? samples.at(-1)?.value ?? null;
  // Rates, confidences and precisions live in [0, 1]; counts and ages do not.
  const asPercent =
    samples.every((s) => s.value >= 0 && s.value <= 1) && (threshold === null || threshold <= 1);
  const show = (n: number | null) =>
    n === null ? '—' : asPercent ? `${Math.round(n * 100)}%` : String(Math.round(n * 100) / 100);
  const open = anomaly.status === 'active' || anomaly.status === 'acknowledged';
  const act = (to: 'acknowledge' | 'resolve') =>
    decide.mutate(
      { anomalyId, to },
      {
        onSuccess: () => void answer.refetch(),
        onError: (error) => notifyError(`Could not ${to}`, error),
      },
    );
  return (
    <Stack data-testid="anomaly-page">
      <Anchor component={Link} to={`/w/${workspace.id}/anomalies`} size="sm">
        ← Anomalies
      </Anchor>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{anomaly.title}</Title>
          <Badge color={SEVERITY_COLORS[anomaly.severity]}>{anomaly.severity}</Badge>
          <Badge
            variant="light"
            color={ANOMALY_STATUS_COLORS[anomaly.status]}
            data-testid="anomaly-status"
          >
            {anomaly.status}
          </Badge>
        </Group>
        {isAdmin && open && (
          <Group gap="xs">
            {anomaly.status === 'active' && (
              <Button
                variant="default"
                onClick={() => act('acknowledge')}
                loading={decide.isPending}
              >
                Acknowledge
              </Button>
            )}
            <Button color="green" onClick={() => act('resolve')} loading={decide.isPending}>
              Resolve
            </Button>
          </Group>
        )}
      </Group>
      {anomaly.description && <Text size="sm">{anomaly.description}</Text>}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">
            Measured
          </Text>
          <Text fw={700}>{show(value)}</Text>
        </Card>
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">
            Threshold
          </Text>
          <Text fw={700}>
            {anomaly.thresholds?.direction === 'below' ? 'below ' : 'above '}
            {show(threshold)}
          </Text>
          {recoverAt !== null && (
            <Text size="xs" c="dimmed">
              clears at {show(recoverAt)}
            </Text>
          )}
        </Card>
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">
            First seen
          </Text>
          <Text size="sm">{formatDateTime(anomaly.firstSeenAt)}</Text>
        </Card>
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">
            Rule
          </Text>
          <Text size="sm" ff="monospace">
            {anomaly.rule}
          </Text>
        </Card>
      </SimpleGrid>
      <AnomalyTrend samples={samples} threshold={threshold} asPercent={asPercent} />
    </Stack>
  );
}
