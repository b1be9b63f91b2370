import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api';
import { ConfirmModal } from '../components/confirm-modal';
import { QueryError } from '../components/query-error';
import { notifyError, notifySuccess } from '../notify';
import { useWorkspaceContext } from '../workspace-context';
import {
  useAutomation,
  useCreateAutomation,
  useAutomationRuns,
  useDeleteAutomation,
  useStartAutomationRun,
  useUpdateAutomation,
  type Automation,
} from './automation-queries';
import { definitionBody, FlowBuilder, type BuilderValues } from './flow-builder';
import { EditorToolbar } from './flow-editor-toolbar';
import { useStepTypes } from './queries';
import { useFlowRun } from './run-queries';
import type { StepTypeInfo } from './step-editor';
import { RunsList } from './runs-table';
import { readSample, TestRunPanel } from './test-run-panel';
import type { Definition } from './types';

const invalidDetails = (error: unknown) =>
  error instanceof ApiError && error.code === 'invalid_flow' ? error.details : undefined;

const EMPTY: BuilderValues = {
  name: '',
  description: '',
  trigger: { type: 'event', event: 'deal.stage_changed' },
  steps: [],
};

/** A new automation: the builder offering only the steps automations may use; saving publishes. */
export function NewAutomationPage() {
  useDocumentTitle('New automation · Pandora');
  const { workspace } = useWorkspaceContext();
  const navigate = useNavigate();
  const stepTypes = useStepTypes(workspace.id);
  const create = useCreateAutomation(workspace.id);
  if (stepTypes.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (stepTypes.isError)
    return (
      <QueryError
        title="Could not load the step types"
        error={stepTypes.error}
        onRetry={() => void stepTypes.refetch()}
      />
    );
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/w/${workspace.id}/automations`} size="sm">
        ← My automations
      </Anchor>
      <Title order={2}>New automation</Title>
      <FlowBuilder
        automation
        initial={EMPTY}
        stepTypes={stepTypes.data as StepTypeInfo[]}
        errorDetails={invalidDetails(create.error)}
        toolbar={(values, dirty) => (
          <EditorToolbar dirty={dirty} status="Not saved yet">
            <Button
              loading={create.isPending}
              onClick={() =>
                create.mutate(definitionBody(values), {
                  onSuccess: (automation) =>
                    void navigate(`/w/${workspace.id}/automations/${automation.id}`, {
                      replace: true,
                    }),
                  onError: (error) => notifyError('Could not save the automation', error),
                })
              }
            >
              Save automation
            </Button>
          </EditorToolbar>
        )}
      />
    </Stack>
  );
}

export function AutomationPage() {
  const { workspace } = useWorkspaceContext();
  const { automationId = '' } = useParams();
  const automation = useAutomation(workspace.id, automationId);
  useDocumentTitle(`${automation.data?.name ?? 'Automation'} · Pandora`);
  if (automation.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (automation.isError) {
    return (
      <QueryError
        title="Could not load the automation"
        error={automation.error}
        onRetry={() => void automation.refetch()}
      />
    );
  }
  return <AutomationView automation={automation.data} />;
}

const RECORD_TYPES = ['deal', 'account', 'contact'] as const;

function AutomationView({ automation }: { automation: Automation }) {
  const { workspace } = useWorkspaceContext();
  const navigate = useNavigate();
  const base = `/w/${workspace.id}`;
  const stepTypes = useStepTypes(workspace.id);
  const update = useUpdateAutomation(workspace.id, automation.id);
  const remove = useDeleteAutomation(workspace.id);
  const start = useStartAutomationRun(workspace.id, automation.id);
  const [sample, setSample] = useState('{}');
  const [recordType, setRecordType] = useState<(typeof RECORD_TYPES)[number]>('deal');
  const [recordId, setRecordId] = useState('');
  const [testRunId, setTestRunId] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const testRun = useFlowRun(workspace.id, testRunId);
  const runs = useAutomationRuns(workspace.id, automation.id);
  const parsed = readSample(sample);

  if (stepTypes.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (stepTypes.isError)
    return (
      <QueryError
        title="Could not load the step types"
        error={stepTypes.error}
        onRetry={() => void stepTypes.refetch()}
      />
    );
  const outputs = Object.fromEntries(
    (testRun.data?.steps ?? []).filter((s) => s.output !== null).map((s) => [s.key, s.output]),
  );

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`${base}/automations`} size="sm">
        ← My automations
      </Anchor>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{automation.name}</Title>
          <Badge>v{automation.version}</Badge>
          <Badge color={automation.isActive ? 'green' : 'gray'}>
            {automation.isActive ? 'active' : 'paused'}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Runs on {automation.user.name || automation.user.email}&apos;s records
        </Text>
      </Group>
      <FlowBuilder
        automation
        initial={
          {
            name: automation.name,
            description: automation.description ?? '',
            trigger: automation.trigger,
            steps: automation.steps,
          } as BuilderValues & Definition
        }
        stepTypes={stepTypes.data as StepTypeInfo[]}
        sampleInput={'input' in parsed ? parsed.input : undefined}
        outputs={outputs}
        stepStatuses={Object.fromEntries((testRun.data?.steps ?? []).map((s) => [s.key, s.status]))}
        errorDetails={invalidDetails(update.error)}
        aside={
          <Stack gap="xs">
            <Card withBorder padding="sm" radius="md">
              <Text size="sm" fw={600} mb={4}>
                Record to run on
              </Text>
              <Group gap="xs" grow>
                <NativeSelect
                  aria-label="Record type"
                  data={[...RECORD_TYPES]}
                  value={recordType}
                  onChange={(event) =>
                    setRecordType(event.currentTarget.value as typeof recordType)
                  }
                />
                <TextInput
                  aria-label="Record id"
                  placeholder="Record id (optional)"
                  value={recordId}
                  onChange={(event) => setRecordId(event.currentTarget.value)}
                />
              </Group>
            </Card>
            <TestRunPanel
              sample={sample}
              onSampleChange={setSample}
              version={automation.version}
              stale={false}
              running={start.isPending}
              run={testRun.data}
              runLink={testRunId ? `${base}/flow-runs/${testRunId}` : undefined}
              onRun={(input) =>
                start.mutate(
                  {
                    input,
                    ...(recordId.trim()
                      ? { record: { type: recordType, id: recordId.trim() } }
                      : {}),
                  },
                  {
                    onSuccess: (answer) => setTestRunId(answer.runId),
                    onError: (error) => notifyError('Could not start the run', error),
                  },
                )
              }
            />
          </Stack>
        }
        toolbar={(values, dirty, markSaved) => (
          <EditorToolbar dirty={dirty} status={`Saved as version ${automation.version}`}>
            <Button variant="subtle" color="red" onClick={() => setConfirmDelete(true)}>
              Delete
            </Button>
            <Button
              loading={update.isPending}
              disabled={!dirty}
              onClick={() => {
                const body = definitionBody(values);
                update.mutate(
                  { ...body, description: body.description ?? null },
                  {
                    onSuccess: (saved) => {
                      markSaved();
                      notifySuccess(`Saved as version ${saved.version}`);
                    },
                    onError: (error) => notifyError('Could not save the automation', error),
                  },
                );
              }}
            >
              Save and publish
            </Button>
          </EditorToolbar>
        )}
      />
      <Card withBorder radius="md" padding="md" data-testid="automation-runs">
        <Title order={4} mb="sm">
          Runs
        </Title>
        {runs.isError ? (
          <QueryError
            title="Could not load the runs"
            error={runs.error}
            onRetry={() => void runs.refetch()}
          />
        ) : (runs.data?.pages[0]?.runs.length ?? 0) === 0 ? (
          <Text size="sm" c="dimmed">
            No runs yet.
          </Text>
        ) : (
          <RunsList runs={runs.data!.pages.flatMap((page) => page.runs)} base={base} />
        )}
        {runs.hasNextPage && (
          <Button
            variant="default"
            mt="sm"
            onClick={() => void runs.fetchNextPage()}
            loading={runs.isFetchingNextPage}
          >
            Load more
          </Button>
        )}
      </Card>
      <ConfirmModal
        opened={confirmDelete}
        title="Delete this automation?"
        confirmLabel="Delete"
        pending={remove.isPending}
        onClose={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(automation.id, {
            onSuccess: () => void navigate(`${base}/automations`),
            onError: (error) => notifyError('Could not delete the automation', error),
          })
        }
      >
        It starts no more runs; its past runs stay readable.
      </ConfirmModal>
    </Stack>
  );
}
