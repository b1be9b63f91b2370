import {
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatDateTime, formatRelative } from '../format';
import { notifyError } from '../notify';
import { useWorkspaceContext } from '../workspace-context';
import { useAnomalies, useAnomalyDecision } from './queries';

export const SEVERITY_COLORS: Record<string, string> = {
  info: 'blue',
  warning: 'orange',
  error: 'red',
};
export const ANOMALY_STATUS_COLORS: Record<string, string> = {
  pending: 'gray',
  active: 'red',
  acknowledged: 'yellow',
  resolved: 'green',
};
const FILTERS = ['active', 'acknowledged', 'pending', 'resolved'] as const;

/** What the anomaly rules found: active first, with acknowledge and resolve. */
export function AnomaliesPage() {
  useDocumentTitle('Anomalies · Pandora');
  const { workspace, isAdmin } = useWorkspaceContext();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = (FILTERS as readonly string[]).includes(raw ?? '')
    ? (raw as (typeof FILTERS)[number])
    : 'active';
  const anomalies = useAnomalies(workspace.id, status);
  const decide = useAnomalyDecision(workspace.id);
  const base = `/w/${workspace.id}`;
  return (
    <Stack data-testid="anomalies-page">
      <Title order={2}>Anomalies</Title>
      <SegmentedControl
        aria-label="Status"
        w="fit-content"
        data={FILTERS.map((value) => ({ value, label: value }))}
        value={status}
        onChange={(value) =>
          setParams(value === 'active' ? {} : { status: value }, { replace: true })
        }
      />
      {anomalies.isError ? (
        <QueryError
          title="Could not load the anomalies"
          error={anomalies.error}
          onRetry={() => void anomalies.refetch()}
          retrying={anomalies.isFetching}
        />
      ) : anomalies.isLoading ? (
        <TableSkeleton rows={3} />
      ) : anomalies.data?.length === 0 ? (
        <Center py="xl">
          <Text c="dimmed">No {status} anomaly.</Text>
        </Center>
      ) : (
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Anomaly</Table.Th>
              <Table.Th>Severity</Table.Th>
              <Table.Th>Since</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {anomalies.data?.map((a) => (
              <Table.Tr key={a.id} data-testid={`anomaly-${a.id}`}>
                <Table.Td>
                  <Anchor component={Link} to={`${base}/anomalies/${a.id}`} fw={600}>
                    {a.title}
                  </Anchor>
                  {a.description && (
                    <Text size="xs" c="dimmed">
                      {a.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={SEVERITY_COLORS[a.severity]}>{a.severity}</Badge>
                    <Badge variant="light" color={ANOMALY_STATUS_COLORS[a.status]}>
                      {a.status}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={formatDateTime(a.firedAt ?? a.firstSeenAt)}>
                    {formatRelative(a.firedAt ?? a.firstSeenAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {isAdmin && (a.status === 'active' || a.status === 'acknowledged') && (
                    <Group gap="xs" justify="flex-end">
                      {a.status === 'active' && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() =>
                            decide.mutate(
                              { anomalyId: a.id, to: 'acknowledge' },
                              { onError: (e) => notifyError('Could not acknowledge', e) },
                            )
                          }
                        >
                          Acknowledge
                        </Button>
                      )}
                      <Button
                        size="xs"
                        variant="light"
                        color="green"
                        onClick={() =>
                          decide.mutate(
                            { anomalyId: a.id, to: 'resolve' },
                            { onError: (e) => notifyError('Could not resolve', e) },
                          )
                        }
                      >
                        Resolve
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
