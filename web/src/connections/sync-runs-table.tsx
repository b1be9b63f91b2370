import { Anchor, Badge, Button, Group, List, Loader, Table, Text, Tooltip } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { SyncRun } from '../api';
import { formatCount, formatDateTime, formatDuration, formatRelative } from '../format';
import { SYNC_STATUS_COLORS } from './crm-display';

// Enough to see a pattern (every night failing) without a wall of rows.
const COLLAPSED_ROWS = 5;

const TRIGGER_LABELS: Record<string, string> = {
  manual: 'Sync now',
  schedule: 'Schedule',
  connect: 'On connect',
  cli: 'CLI',
  demo: 'Demo',
};

function RunErrors({ run }: { run: SyncRun }) {
  return (
    <List size="xs" spacing={4} data-testid={`sync-run-errors-${run.id}`}>
      {run.errors.map((error, index) => (
        <List.Item key={index}>
          <Text span size="xs" fw={600}>
            {error.objectType ?? 'sync'}
            {error.kind ? ` (${error.kind})` : ''}:
          </Text>{' '}
          <Text span size="xs">
            {error.message}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** A connection's recent sync runs, newest first, with their errors one click away. */
export function SyncRunsTable({ runs }: { runs: SyncRun[] }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);

  if (runs.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="sync-runs-empty">
        No syncs yet. Sync now pulls the CRM&apos;s accounts, contacts and deals into Pandora.
      </Text>
    );
  }

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const visible = showAll ? runs : runs.slice(0, COLLAPSED_ROWS);

  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={6} fz="sm" data-testid="sync-runs-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Status</Table.Th>
              <Table.Th>Mode</Table.Th>
              <Table.Th>Trigger</Table.Th>
              <Table.Th>
                <Tooltip label="Fetched from the CRM / created / updated in Pandora" withArrow>
                  <span>Deals fetched / created / updated</span>
                </Tooltip>
              </Table.Th>
              <Table.Th>CRM calls</Table.Th>
              <Table.Th>Duration</Table.Th>
              <Table.Th>Started</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((run) => {
              const deals = run.counts.deals;
              const open = expanded.has(run.id);
              return (
                <Fragment key={run.id}>
                  <Table.Tr
                    data-testid={`sync-run-${run.id}`}
                    data-status={run.status}
                    data-trigger={run.trigger}
                  >
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Badge
                          color={SYNC_STATUS_COLORS[run.status] ?? 'gray'}
                          variant="light"
                          data-testid="sync-run-status"
                          leftSection={
                            run.status === 'running' ? <Loader size={10} color="blue" /> : null
                          }
                        >
                          {run.status}
                        </Badge>
                        {run.errors.length > 0 && (
                          <Anchor
                            component="button"
                            type="button"
                            size="xs"
                            c="red"
                            aria-expanded={open}
                            onClick={() => toggle(run.id)}
                          >
                            {run.errors.length} {run.errors.length === 1 ? 'error' : 'errors'}
                          </Anchor>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{run.mode}</Table.Td>
                    <Table.Td>{TRIGGER_LABELS[run.trigger] ?? run.trigger}</Table.Td>
                    <Table.Td>
                      <span data-testid="sync-run-deals-fetched">
                        {formatCount(deals?.fetched ?? 0)}
                      </span>{' '}
                      / {formatCount(deals?.created ?? 0)} / {formatCount(deals?.updated ?? 0)}
                    </Table.Td>
                    <Table.Td>{formatCount(run.crmCalls)}</Table.Td>
                    <Table.Td>
                      {run.status === 'running' ? 'running…' : formatDuration(run.durationMs)}
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={formatDateTime(run.startedAt)} withArrow>
                        <span>{formatRelative(run.startedAt)}</span>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                  {open && (
                    <Table.Tr>
                      <Table.Td colSpan={7} bg="var(--mantine-color-red-light)">
                        <RunErrors run={run} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {runs.length > COLLAPSED_ROWS && (
        <Button variant="subtle" size="xs" mt={4} onClick={() => setShowAll((value) => !value)}>
          {showAll ? 'Show fewer runs' : `Show all ${runs.length} runs`}
        </Button>
      )}
    </>
  );
}
