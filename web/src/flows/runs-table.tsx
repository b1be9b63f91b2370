import { Anchor, Button, Center, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatDateTime, formatDuration, formatRelative } from '../format';
import { StatusBadge } from './run-steps';
import { useFlowRuns, type FlowRunSummary } from './run-queries';

const STATUSES = ['pending', 'running', 'waiting', 'completed', 'failed', 'cancelled', 'timeout'];

/** Runs as a table, newest first: status, version, what started it, when, how long, the error. */
export function RunsList({ runs, base }: { runs: readonly FlowRunSummary[]; base: string }) {
  return (
    <Table highlightOnHover data-testid="flow-runs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Run</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Version</Table.Th>
          <Table.Th>Trigger</Table.Th>
          <Table.Th>Started</Table.Th>
          <Table.Th>Duration</Table.Th>
          <Table.Th>Error</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {runs.map((run) => (
          <Table.Tr key={run.id} data-testid="flow-run-row">
            <Table.Td>
              <Anchor component={Link} to={`${base}/flow-runs/${run.id}`} ff="monospace" size="sm">
                {run.id.slice(0, 8)}
              </Anchor>
              {run.rerunOf && (
                <Text size="xs" c="dimmed">
                  rerun from {run.rerunFromStep ?? 'start'}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <StatusBadge status={run.status} />
            </Table.Td>
            <Table.Td>v{run.version}</Table.Td>
            <Table.Td>{String(run.trigger.type ?? '—')}</Table.Td>
            <Table.Td title={formatDateTime(run.createdAt)}>
              {formatRelative(run.createdAt)}
            </Table.Td>
            <Table.Td>{formatDuration(run.durationMs)}</Table.Td>
            <Table.Td>
              {run.error && (
                <Text size="xs" c="red" lineClamp={2}>
                  {run.error.stepKey ? `${run.error.stepKey}: ` : ''}
                  {run.error.message}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A flow's run history with a status filter and "load more". */
export function FlowRunsTab({ workspaceId, flowId }: { workspaceId: string; flowId: string }) {
  const [status, setStatus] = useState('');
  const runs = useFlowRuns(
    workspaceId,
    flowId,
    (status || undefined) as FlowRunSummary['status'] | undefined,
  );
  const all = runs.data?.pages.flatMap((page) => page.runs) ?? [];
  return (
    <Stack gap="sm">
      <NativeSelect
        label="Status"
        w={200}
        data={[{ value: '', label: 'Any' }, ...STATUSES]}
        value={status}
        onChange={(event) => setStatus(event.currentTarget.value)}
      />
      {runs.isPending ? (
        <TableSkeleton />
      ) : runs.isError ? (
        <QueryError
          title="Could not load the runs"
          error={runs.error}
          onRetry={() => void runs.refetch()}
        />
      ) : all.length === 0 ? (
        <Center py="xl">
          <Text c="dimmed">No runs yet.</Text>
        </Center>
      ) : (
        <RunsList runs={all} base={`/w/${workspaceId}`} />
      )}
      {runs.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void runs.fetchNextPage()}
          loading={runs.isFetchingNextPage}
        >
          Load more
        </Button>
      )}
    </Stack>
  );
}
