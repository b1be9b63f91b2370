import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  List,
  Modal,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CrmValue } from '../api';
import { QueryError } from '../components/query-error';
import { formatCurrency, formatDateTime } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { useWorkspaceContext } from '../workspace-context';
import { actionsApi, type Action, type UndoResult } from './api';
import { actionKeys } from './actions-page';
import { SEVERITY_COLORS, STATUS_COLORS, statusLabel } from './display';

function Value({ value }: { value: CrmValue | undefined }) {
  if (value === null || value === undefined || value === '')
    return (
      <Text span size="sm" c="dimmed" fs="italic">
        empty
      </Text>
    );
  return <Code>{String(value)}</Code>;
}

/** `/w/:id/actions/:actionId`: the diff, execute, undo, dismiss, approve, and the trail. */
export function ActionDetailPage() {
  const { workspace, isAdmin, user } = useWorkspaceContext();
  const workspaceId = workspace.id;
  const { actionId = '' } = useParams();
  const queryClient = useQueryClient();
  const action = useQuery({
    queryKey: actionKeys.one(workspaceId, actionId),
    queryFn: async () => (await actionsApi.get(workspaceId, actionId)).action,
  });
  useDocumentTitle(`${action.data?.title ?? 'Action'} · ${workspace.name} · Pandora`);
  const settled =
    action.data && !['open', 'failed', 'awaiting_approval'].includes(action.data.status);
  const preview = useQuery({
    queryKey: [...actionKeys.one(workspaceId, actionId), 'preview'],
    queryFn: async () => (await actionsApi.preview(workspaceId, actionId)).preview,
    enabled: Boolean(action.data) && !settled,
  });
  const audit = useQuery({
    queryKey: [...actionKeys.one(workspaceId, actionId), 'audit'],
    queryFn: async () => (await actionsApi.audit(workspaceId, actionId)).entries,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: actionKeys.all(workspaceId) });

  const [confirming, setConfirming] = useState<string | null>(null);
  const [undoAnswer, setUndoAnswer] = useState<UndoResult | null>(null);
  const execute = useMutation({
    mutationFn: (key: string) => actionsApi.execute(workspaceId, actionId, key),
    onSuccess: async ({ execution }) => {
      setConfirming(null);
      if (execution.outcome === 'executed') notifySuccess('Executed: the CRM has the new values');
      else
        notifyError(
          'Executed in part',
          new Error(execution.errors.map((e) => e.message).join('; ')),
        );
      await refresh();
    },
    onError: (error) => {
      setConfirming(null);
      notifyError('Could not execute', error);
    },
  });
  const undo = useMutation({
    mutationFn: (force: boolean) => actionsApi.undo(workspaceId, actionId, force),
    onSuccess: async ({ undo: answer }) => {
      setUndoAnswer(answer);
      if (answer.status === 'undone') notifySuccess('Undone: the fields hold their values before');
      await refresh();
    },
    onError: (error) => notifyError('Could not undo', error),
  });
  const dismiss = useMutation({
    mutationFn: () => actionsApi.dismiss(workspaceId, actionId),
    onSuccess: refresh,
    onError: (error) => notifyError('Could not dismiss', error),
  });
  const approve = useMutation({
    mutationFn: () => actionsApi.approve(workspaceId, actionId),
    onSuccess: refresh,
    onError: (error) => notifyError('Could not approve', error),
  });

  if (action.isError)
    return (
      <QueryError
        title="Could not load the action"
        error={action.error}
        onRetry={() => void action.refetch()}
      />
    );
  if (!action.data) return <Text c="dimmed">Loading…</Text>;
  const a: Action = action.data;
  const canApprove =
    a.status === 'awaiting_approval' &&
    (isAdmin || (user !== null && a.ownerEmail?.toLowerCase() === user.email.toLowerCase()));
  const conflicts = undoAnswer?.fields.filter((f) => f.status === 'conflict') ?? [];

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/w/${workspaceId}/actions`} size="sm">
        ← All actions
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{a.title}</Title>
          <Text c="dimmed">{a.summary}</Text>
          <Group gap="xs">
            <Badge color={SEVERITY_COLORS[a.severity]} variant="light">
              {a.severity}
            </Badge>
            <Badge color={STATUS_COLORS[a.status]} variant="outline" data-testid="detail-status">
              {statusLabel(a.status)}
            </Badge>
            <Text size="sm" c="dimmed">
              {a.targetType} {a.targetName ?? a.targetSourceId} · {a.actionType}
              {a.sourceName ? ` · from ${a.sourceName}` : ''}
            </Text>
          </Group>
        </Stack>
        {a.impactAmount !== null && <Title order={3}>{formatCurrency(a.impactAmount)}</Title>}
      </Group>

      {a.recommendedSteps.length > 0 && (
        <Stack gap={4}>
          <Title order={4}>Recommended steps</Title>
          <List size="sm">
            {a.recommendedSteps.map((step) => (
              <List.Item key={step}>{step}</List.Item>
            ))}
          </List>
        </Stack>
      )}

      {!settled && (
        <Stack gap="sm" data-testid="preview">
          <Title order={4}>What execute would change</Title>
          {preview.isError && (
            <QueryError
              title="Could not read the CRM for the preview"
              error={preview.error}
              onRetry={() => void preview.refetch()}
            />
          )}
          {preview.data && (
            <>
              {preview.data.changes.length > 0 && (
                <Table data-testid="preview-diff">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Field</Table.Th>
                      <Table.Th>In the CRM now</Table.Th>
                      <Table.Th>After</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.data.changes.map((change) => (
                      <Table.Tr key={change.crmField} data-testid={`diff-${change.crmField}`}>
                        <Table.Td>
                          {change.label} <Code>{change.crmField}</Code>
                        </Table.Td>
                        <Table.Td data-testid="diff-before">
                          <Value value={change.before} />
                        </Table.Td>
                        <Table.Td data-testid="diff-after">
                          <Value value={change.after} />
                          {!change.changes && (
                            <Text span size="xs" c="dimmed">
                              {' '}
                              (already)
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {preview.data.errors.map((error) => (
                <Alert
                  key={`${error.field}-${error.code}`}
                  color="red"
                  variant="light"
                  data-testid="preview-error"
                >
                  {error.field ? <Code>{error.field}</Code> : null} {error.message}
                </Alert>
              ))}
              {preview.data.note && (
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    Audit note left on the record
                  </Text>
                  <Code block data-testid="preview-note">
                    {preview.data.note}
                  </Code>
                </Stack>
              )}
            </>
          )}
        </Stack>
      )}

      <Group gap="sm">
        {(a.status === 'open' || a.status === 'failed') && (
          <Button
            onClick={() => setConfirming(crypto.randomUUID())}
            disabled={!preview.data?.executable}
            data-testid="execute"
          >
            Execute
          </Button>
        )}
        {canApprove && (
          <Button color="yellow" onClick={() => approve.mutate()} loading={approve.isPending}>
            Approve
          </Button>
        )}
        {a.status === 'executed' && (
          <Button
            variant="default"
            onClick={() => undo.mutate(false)}
            loading={undo.isPending}
            data-testid="undo"
          >
            Undo
          </Button>
        )}
        {['open', 'failed', 'awaiting_approval'].includes(a.status) && (
          <Button
            variant="subtle"
            color="gray"
            onClick={() => dismiss.mutate()}
            loading={dismiss.isPending}
          >
            Dismiss
          </Button>
        )}
      </Group>

      {conflicts.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          title="Changed in the CRM since"
          data-testid="undo-conflicts"
        >
          <Stack gap="xs">
            {conflicts.map((field) => (
              <Text key={field.field} size="sm">
                <Code>{field.field}</Code>: Pandora wrote <Value value={field.written} />, the CRM
                now holds <Value value={field.current} />
              </Text>
            ))}
            <Group>
              <Button
                size="xs"
                color="orange"
                onClick={() => undo.mutate(true)}
                loading={undo.isPending}
              >
                Undo anyway (overwrite these)
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}

      {a.executionResult?.operations && a.executionResult.operations.length > 0 && (
        <Stack gap={4}>
          <Title order={4}>Last execution</Title>
          {a.executionResult.operations.map((op, index) => (
            <Text key={index} size="sm" data-testid="operation-result">
              {op.kind === 'field_update' ? <Code>{op.crmField}</Code> : op.kind}: {op.status}
              {op.error ? ` (${op.error.message})` : ''}
            </Text>
          ))}
        </Stack>
      )}

      <Stack gap="sm">
        <Title order={4}>Trail</Title>
        <Timeline bulletSize={14} lineWidth={2}>
          {(audit.data ?? []).map((entry) => (
            <Timeline.Item key={entry.id} title={entry.event.replace(/_/g, ' ')}>
              <Text size="xs" c="dimmed">
                {formatDateTime(entry.createdAt)} · {entry.actor ?? 'system'}
                {entry.toStatus
                  ? ` · ${statusLabel(entry.fromStatus ?? 'new')} → ${statusLabel(entry.toStatus)}`
                  : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>

      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title="Execute this action?"
        centered
      >
        <Stack gap="sm">
          <Text size="sm">
            Pandora writes the values above to the CRM and leaves the audit note on the record. You
            can undo it afterwards.
          </Text>
          <Text size="xs" c="dimmed">
            Idempotency key {confirming}: pressing twice runs it once.
          </Text>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => setConfirming(null)}
              disabled={execute.isPending}
            >
              Cancel
            </Button>
            <Button
              onClick={() => confirming && execute.mutate(confirming)}
              loading={execute.isPending}
            >
              Execute now
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
