import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Progress,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { writeValueText, type CrmWriteValue } from '../api';
import { ConfirmModal } from '../components/confirm-modal';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { crmName } from '../connections/crm-display';
import { formatCount, formatDateTime, formatRelative } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { useConnections } from '../queries';
import { useWorkspaceContext } from '../workspace-context';
import { writebackApi } from './api';
import { MappingPanel } from './mapping-panel';
import {
  useFieldRegistry,
  useMappings,
  useWritebackLog,
  useWritebackRuns,
  writebackKeys,
} from './queries';
import { TRIGGER_LABELS, type Mapping, type MappingPreview, type WritebackRun } from './types';

const RUN_COLORS: Record<WritebackRun['status'], string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  partial: 'yellow',
  failed: 'red',
};

function Value({ value }: { value: CrmWriteValue }) {
  if (value === null || value === '')
    return (
      <Text span size="sm" c="dimmed" fs="italic">
        empty
      </Text>
    );
  return <Code style={{ whiteSpace: 'pre-wrap' }}>{writeValueText(value)}</Code>;
}

/** Settings → CRM sync: computed fields written to CRM properties. */
export function WritebackTab() {
  const { workspace, isAdmin } = useWorkspaceContext();
  const workspaceId = workspace.id;
  const connections = useConnections(workspaceId);
  const mappings = useMappings(workspaceId);
  const registry = useFieldRegistry(workspaceId);
  const [editing, setEditing] = useState<Mapping | null>(null);
  const [panelOpened, panel] = useDisclosure(false);
  const connected = (connections.data ?? []).filter(
    (c) => c.hasCredentials && c.status !== 'disconnected',
  );

  if (connections.isError)
    return (
      <QueryError
        title="Could not load the CRM connections"
        error={connections.error}
        onRetry={() => void connections.refetch()}
      />
    );

  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={3}>CRM sync</Title>
        <Text size="sm" c="dimmed">
          Fields Pandora computes (deal and account scores, risk summaries, next steps) written to
          the CRM properties you choose, under your rules. Unchanged values cost no CRM call.
        </Text>
        <Group gap="xs" data-testid="writeback-connections">
          {connected.length === 0 ? (
            <Alert color="yellow" variant="light">
              No CRM is connected: connect one under CRM connections first.
            </Alert>
          ) : (
            connected.map((c) => (
              <Badge key={c.id} color={c.status === 'connected' ? 'green' : 'red'} variant="light">
                {c.name} · {crmName(c.crmType)} · {c.status}
              </Badge>
            ))
          )}
        </Group>
      </Stack>

      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>Mappings</Title>
          {isAdmin && (
            <Button
              onClick={() => {
                setEditing(null);
                panel.open();
              }}
              disabled={connected.length === 0}
            >
              Add mapping
            </Button>
          )}
        </Group>
        {mappings.isLoading ? (
          <TableSkeleton rows={3} />
        ) : mappings.isError ? (
          <QueryError
            title="Could not load the mappings"
            error={mappings.error}
            onRetry={() => void mappings.refetch()}
          />
        ) : (
          <MappingsTable
            workspaceId={workspaceId}
            mappings={mappings.data ?? []}
            labels={Object.fromEntries((registry.data?.fields ?? []).map((f) => [f.name, f.label]))}
            isAdmin={isAdmin}
            onEdit={(mapping) => {
              setEditing(mapping);
              panel.open();
            }}
          />
        )}
      </Stack>

      <Runs
        workspaceId={workspaceId}
        isAdmin={isAdmin}
        hasMappings={(mappings.data ?? []).some((m) => m.enabled)}
      />
      <WritebackLog workspaceId={workspaceId} mappings={mappings.data ?? []} />

      <MappingPanel
        workspaceId={workspaceId}
        connections={connected}
        mapping={editing}
        opened={panelOpened}
        onClose={panel.close}
      />
    </Stack>
  );
}

function MappingsTable({
  workspaceId,
  mappings,
  labels,
  isAdmin,
  onEdit,
}: {
  workspaceId: string;
  mappings: Mapping[];
  labels: Record<string, string>;
  isAdmin: boolean;
  onEdit: (mapping: Mapping) => void;
}) {
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState<Mapping | null>(null);
  const [preview, setPreview] = useState<{ mapping: Mapping; preview: MappingPreview } | null>(
    null,
  );
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: writebackKeys.mappings(workspaceId) });
  const toggle = useMutation({
    mutationFn: (mapping: Mapping) =>
      writebackApi.updateMapping(workspaceId, mapping.id, { enabled: !mapping.enabled }),
    onSuccess: refresh,
    onError: (error) => notifyError('Could not change the mapping', error),
  });
  const remove = useMutation({
    mutationFn: (mapping: Mapping) => writebackApi.deleteMapping(workspaceId, mapping.id),
    onSuccess: async () => {
      setDeleting(null);
      notifySuccess('Mapping deleted; its write history stays');
      await refresh();
    },
    onError: (error) => notifyError('Could not delete the mapping', error),
  });
  const test = useMutation({
    mutationFn: async (mapping: Mapping) => ({
      mapping,
      preview: (await writebackApi.testMapping(workspaceId, mapping.id)).preview,
    }),
    onSuccess: setPreview,
    onError: (error) => notifyError('Could not test the mapping', error),
  });

  if (mappings.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No mappings yet.
      </Text>
    );
  }
  return (
    <>
      <Table striped data-testid="mappings-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Field → property</Table.Th>
            <Table.Th>Mode</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Last write</Table.Th>
            <Table.Th>Enabled</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mappings.map((mapping) => (
            <Table.Tr key={mapping.id} data-testid={`mapping-${mapping.pandoraField}`}>
              <Table.Td>
                <Text size="sm">
                  {labels[mapping.pandoraField] ?? mapping.pandoraField} →{' '}
                  <Code>{mapping.crmProperty}</Code>
                </Text>
                <Text size="xs" c="dimmed">
                  {mapping.objectType} · {mapping.crmPropertyType}
                  {mapping.writeCondition ? ` · if ${mapping.writeCondition}` : ''}
                  {mapping.valueTransform !== 'raw' ? ` · ${mapping.valueTransform}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>{mapping.writeMode.replace(/_/g, ' ')}</Table.Td>
              <Table.Td>{TRIGGER_LABELS[mapping.trigger]}</Table.Td>
              <Table.Td>
                {mapping.lastWrite ? (
                  <Tooltip label={formatDateTime(mapping.lastWrite.at)}>
                    <Badge
                      variant="light"
                      color={mapping.lastWrite.status === 'failed' ? 'red' : 'green'}
                    >
                      {mapping.lastWrite.status} {formatRelative(mapping.lastWrite.at)}
                    </Badge>
                  </Tooltip>
                ) : (
                  <Text size="sm" c="dimmed">
                    never
                  </Text>
                )}
                {mapping.recent && (
                  <Text size="xs" c="dimmed">
                    7 days: {formatCount(mapping.recent.written)} written,{' '}
                    {formatCount(mapping.recent.failed)} failed
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Switch
                  aria-label={`Enable ${mapping.pandoraField}`}
                  checked={mapping.enabled}
                  disabled={!isAdmin || toggle.isPending}
                  onChange={() => toggle.mutate(mapping)}
                />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    loading={test.isPending && test.variables?.id === mapping.id}
                    onClick={() => test.mutate(mapping)}
                  >
                    Test
                  </Button>
                  {isAdmin && (
                    <>
                      <Button size="xs" variant="default" onClick={() => onEdit(mapping)}>
                        Edit
                      </Button>
                      <Button
                        size="xs"
                        color="red"
                        variant="subtle"
                        onClick={() => setDeleting(mapping)}
                      >
                        Delete
                      </Button>
                    </>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ConfirmModal
        opened={deleting !== null}
        title="Delete this mapping?"
        confirmLabel="Delete"
        pending={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        Pandora stops writing {deleting?.pandoraField} to {deleting?.crmProperty}. What it wrote
        stays in the CRM and in the write log.
      </ConfirmModal>
      <Modal
        opened={preview !== null}
        onClose={() => setPreview(null)}
        title="What the next run would write"
        size="lg"
      >
        {preview && (
          <Stack gap="sm" data-testid="mapping-preview">
            <Text size="sm">
              {preview.preview.record.name ?? preview.preview.record.recordId} (
              {preview.mapping.objectType} {preview.preview.record.recordId})
            </Text>
            <Group gap="xs">
              <Text size="sm" w={140}>
                Computed
              </Text>
              <Value value={preview.preview.computed.value} />
            </Group>
            <Group gap="xs">
              <Text size="sm" w={140}>
                In the CRM now
              </Text>
              <Value value={preview.preview.current} />
            </Group>
            <Group gap="xs" align="flex-start">
              <Text size="sm" w={140}>
                After the write
              </Text>
              {preview.preview.decision === 'write' ? (
                <Value value={preview.preview.after} />
              ) : (
                <Text size="sm" c="dimmed">
                  Nothing is written: {preview.preview.reason}
                </Text>
              )}
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}

function Runs({
  workspaceId,
  isAdmin,
  hasMappings,
}: {
  workspaceId: string;
  isAdmin: boolean;
  hasMappings: boolean;
}) {
  const queryClient = useQueryClient();
  const runs = useWritebackRuns(workspaceId);
  const start = useMutation({
    mutationFn: () => writebackApi.startRun(workspaceId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: writebackKeys.all(workspaceId) }),
    onError: (error) => notifyError('Could not start the run', error),
  });
  const list = runs.data ?? [];
  // When a run ends, the mappings' last writes and the log have news.
  const active = list.some((run) => run.status === 'queued' || run.status === 'running');
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) {
      void queryClient.invalidateQueries({ queryKey: writebackKeys.mappings(workspaceId) });
      void queryClient.invalidateQueries({
        queryKey: [...writebackKeys.all(workspaceId), 'log'],
      });
    }
    wasActive.current = active;
  }, [active, queryClient, workspaceId]);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={4}>Runs</Title>
        {isAdmin && (
          <Button
            variant="default"
            onClick={() => start.mutate()}
            loading={start.isPending}
            disabled={!hasMappings}
          >
            Sync all now
          </Button>
        )}
      </Group>
      {runs.isError && (
        <QueryError
          title="Could not load the runs"
          error={runs.error}
          onRetry={() => void runs.refetch()}
        />
      )}
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          No runs yet.
        </Text>
      ) : (
        <Table data-testid="writeback-runs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Started</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Progress</Table.Th>
              <Table.Th>Report</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((run) => (
              <Table.Tr key={run.id} data-testid={`writeback-run-${run.status}`}>
                <Table.Td>
                  <Text size="sm">{formatRelative(run.createdAt)}</Text>
                  <Text size="xs" c="dimmed">
                    {run.trigger.replace('_', ' ')}
                    {run.actor ? ` · ${run.actor}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={RUN_COLORS[run.status]} variant="light">
                    {run.status}
                  </Badge>
                </Table.Td>
                <Table.Td w={200}>
                  <Progress
                    value={run.total ? (run.done / run.total) * 100 : run.finishedAt ? 100 : 0}
                    aria-label="Run progress"
                  />
                  <Text size="xs" c="dimmed">
                    {formatCount(run.done)} / {formatCount(run.total)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {formatCount(run.report.written ?? 0)} written ·{' '}
                    {formatCount(run.report.unchanged ?? 0)} unchanged ·{' '}
                    {formatCount(run.report.skipped_condition ?? 0)} skipped ·{' '}
                    {formatCount(run.report.failed ?? 0)} failed ·{' '}
                    {formatCount(run.report.crm_calls ?? 0)} CRM calls
                  </Text>
                  {run.failures.slice(0, 3).map((failure) => (
                    <Text key={`${failure.mappingId}-${failure.entityId}`} size="xs" c="red">
                      {failure.recordId}: {failure.reason}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function WritebackLog({ workspaceId, mappings }: { workspaceId: string; mappings: Mapping[] }) {
  const [mappingId, setMappingId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const log = useWritebackLog(workspaceId, {
    mappingId: mappingId ?? undefined,
    status: status ?? undefined,
  });
  const writes = log.data?.pages.flatMap((page) => page.writes) ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={4}>Write log</Title>
        <Group gap="xs">
          <Select
            placeholder="Every mapping"
            clearable
            data={mappings.map((m) => ({
              value: m.id,
              label: `${m.pandoraField} → ${m.crmProperty}`,
            }))}
            value={mappingId}
            onChange={setMappingId}
          />
          <Select
            placeholder="Any status"
            clearable
            data={['written', 'unchanged', 'failed', 'pending']}
            value={status}
            onChange={setStatus}
          />
        </Group>
      </Group>
      {log.isError ? (
        <QueryError
          title="Could not load the write log"
          error={log.error}
          onRetry={() => void log.refetch()}
        />
      ) : writes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {log.isLoading ? 'Loading…' : 'Nothing written yet.'}
        </Text>
      ) : (
        <Table data-testid="writeback-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Record</Table.Th>
              <Table.Th>Property</Table.Th>
              <Table.Th>Before → written</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {writes.map((write) => (
              <Table.Tr key={write.id}>
                <Table.Td>{formatRelative(write.createdAt)}</Table.Td>
                <Table.Td>{write.recordId}</Table.Td>
                <Table.Td>
                  <Code>{write.field}</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Value value={write.valueBefore} /> → <Value value={write.valueToWrite} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={
                      write.status === 'failed'
                        ? 'red'
                        : write.status === 'written'
                          ? 'green'
                          : 'gray'
                    }
                  >
                    {write.status}
                  </Badge>
                  {write.error && (
                    <Text size="xs" c="red">
                      {write.error.message}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {log.hasNextPage && (
        <Button
          variant="subtle"
          onClick={() => void log.fetchNextPage()}
          loading={log.isFetchingNextPage}
        >
          Load more
        </Button>
      )}
    </Stack>
  );
}
