import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  Group,
  Menu,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatDateTime, formatDuration } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { useWorkspaceContext } from '../workspace-context';
import { approvalRejection, canCancel, canRerun, prettyJson } from './run-display';
import { RunSteps, StatusBadge, StepError } from './run-steps';
import { useCancelFlowRun, useFlowRun, useRerunFlowRun } from './run-queries';

/** One run: its status and timing, each step's timing, input, output and error; cancel and rerun. */
export function FlowRunPage() {
  useDocumentTitle('Flow run · Pandora');
  const { workspace, isAdmin } = useWorkspaceContext();
  const { runId = '' } = useParams();
  const navigate = useNavigate();
  const run = useFlowRun(workspace.id, runId);
  const cancel = useCancelFlowRun(workspace.id, runId);
  const rerun = useRerunFlowRun(workspace.id, runId);
  const base = `/w/${workspace.id}`;

  if (run.isPending) return <TableSkeleton rows={6} />;
  if (run.isError) {
    return (
      <QueryError
        title="Could not load the run"
        error={run.error}
        onRetry={() => void run.refetch()}
      />
    );
  }
  const data = run.data;
  const rejection = approvalRejection(data);
  return (
    <Stack gap="md" data-testid="flow-run-page">
      {data.scopeUserId ? (
        // A member's automation: its page, not the workspace flows'.
        <Anchor component={Link} to={`${base}/automations/${data.flowId}`} size="sm">
          ← The automation
        </Anchor>
      ) : (
        <Anchor component={Link} to={`${base}/flows/${data.flowId}?tab=runs`} size="sm">
          ← The flow&apos;s runs
        </Anchor>
      )}
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>Run {data.id.slice(0, 8)}</Title>
          <StatusBadge status={data.status} />
        </Group>
        {isAdmin && (
          <Group gap="xs">
            {canCancel(data.status) && (
              <Button
                color="red"
                variant="light"
                loading={cancel.isPending}
                disabled={data.cancelRequestedAt !== null}
                onClick={() =>
                  cancel.mutate(undefined, {
                    onSuccess: () => notifySuccess('Run cancelled'),
                    onError: (error) => notifyError('Could not cancel the run', error),
                  })
                }
              >
                {data.cancelRequestedAt ? 'Cancelling…' : 'Cancel run'}
              </Button>
            )}
            {canRerun(data.status) && (
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button loading={rerun.isPending}>Rerun</Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {(['same', 'latest'] as const).map((version) => (
                    <Menu.Item
                      key={version}
                      onClick={() =>
                        rerun.mutate(version, {
                          onSuccess: (next) => void navigate(`${base}/flow-runs/${next.id}`),
                          onError: (error) => notifyError('Could not rerun', error),
                        })
                      }
                    >
                      {version === 'same'
                        ? `On the same version (v${data.version})`
                        : 'On the latest version'}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Fact label="Version" value={`v${data.version}`} />
        <Fact label="Started" value={formatDateTime(data.startedAt ?? data.createdAt)} />
        <Fact label="Duration" value={formatDuration(data.durationMs)} />
        <Fact label="Trigger" value={String(data.trigger.type ?? '—')} />
      </SimpleGrid>
      {data.rerunOf && (
        <Text size="sm">
          A rerun of{' '}
          <Anchor component={Link} to={`${base}/flow-runs/${data.rerunOf}`}>
            {data.rerunOf.slice(0, 8)}
          </Anchor>{' '}
          from step {data.rerunFromStep ?? 'one'}.
        </Text>
      )}
      {data.status === 'waiting' && (
        <Alert color="yellow">
          Waiting{data.currentStep ? ` at ${data.currentStep}` : ''}
          {data.wakeAt ? ` until ${formatDateTime(data.wakeAt)}` : ' for a decision in the inbox'}.
        </Alert>
      )}
      {rejection && (
        <Alert
          color="gray"
          title={`Stopped: approval rejected by ${rejection.by ?? 'someone'}`}
          data-testid="run-rejected"
        >
          The approval at {rejection.stepKey} was rejected, so the steps it gated did not run.
          {rejection.reason ? ` Reason: ${rejection.reason}` : ''}
        </Alert>
      )}
      {data.error && (
        <Alert
          color="red"
          title={data.error.stepKey ? `Stopped at ${data.error.stepKey}` : 'Failed'}
        >
          <StepError error={data.error} />
        </Alert>
      )}
      <Card withBorder radius="md" padding="md">
        <Title order={4} mb="sm">
          Steps
        </Title>
        <RunSteps steps={data.steps} />
      </Card>
      <Card withBorder radius="md" padding="md">
        <Title order={5} mb="xs">
          Input
        </Title>
        <Code block>{prettyJson(data.input)}</Code>
      </Card>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Card>
  );
}
