import { Anchor, Badge, Button, Center, Group, Loader, Stack, Tabs, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api';
import { ConfirmModal } from '../components/confirm-modal';
import { QueryError } from '../components/query-error';
import { notifyError, notifySuccess } from '../notify';
import { useWorkspaceContext } from '../workspace-context';
import { definitionBody, FlowBuilder, type BuilderValues } from './flow-builder';
import { EditorToolbar } from './flow-editor-toolbar';
import { FlowPerformance } from './flow-performance';
import { FlowVersionsTab } from './flow-versions-tab';
import {
  useArchiveFlow,
  useCreateFlow,
  useFlow,
  usePublishFlow,
  useSecretNames,
  useStepTypes,
  useUpdateFlow,
  type Flow,
} from './queries';
import { useFlowRun, useStartFlowRun } from './run-queries';
import { FlowRunsTab } from './runs-table';
import type { StepTypeInfo } from './step-editor';
import { readSample, TestRunPanel } from './test-run-panel';
import { WebhookPanel } from './webhook-panel';
import type { Definition } from './types';

/** invalid_flow's details, to show each problem where it is. */
const invalidDetails = (error: unknown) =>
  error instanceof ApiError && error.code === 'invalid_flow' ? error.details : undefined;

const EMPTY: BuilderValues = { name: '', description: '', trigger: { type: 'manual' }, steps: [] };

/** A new flow: the builder, saved as a draft by "Create flow". */
export function NewFlowPage() {
  useDocumentTitle('New flow · Pandora');
  const { workspace } = useWorkspaceContext();
  const navigate = useNavigate();
  const stepTypes = useStepTypes(workspace.id);
  const secrets = useSecretNames(workspace.id, true);
  const create = useCreateFlow(workspace.id);
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
      <Anchor component={Link} to={`/w/${workspace.id}/flows`} size="sm">
        ← Flows
      </Anchor>
      <Title order={2}>New flow</Title>
      <FlowBuilder
        initial={EMPTY}
        stepTypes={stepTypes.data as StepTypeInfo[]}
        secretNames={secrets.data}
        errorDetails={invalidDetails(create.error)}
        toolbar={(values, dirty) => (
          <EditorToolbar dirty={dirty} status="Not saved yet">
            <Button
              loading={create.isPending}
              onClick={() =>
                create.mutate(definitionBody(values), {
                  onSuccess: (flow) =>
                    void navigate(`/w/${workspace.id}/flows/${flow.id}`, { replace: true }),
                  onError: (error) => notifyError('Could not create the flow', error),
                })
              }
            >
              Create flow
            </Button>
          </EditorToolbar>
        )}
      />
    </Stack>
  );
}

/** A flow: the builder with its test run, the run history, performance and versions. */
export function FlowPage() {
  const { workspace } = useWorkspaceContext();
  const { flowId = '' } = useParams();
  const flow = useFlow(workspace.id, flowId);
  useDocumentTitle(`${flow.data?.name ?? 'Flow'} · Pandora`);
  if (flow.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (flow.isError) {
    return (
      <QueryError
        title="Could not load the flow"
        error={flow.error}
        onRetry={() => void flow.refetch()}
      />
    );
  }
  return <FlowView flow={flow.data} />;
}

function FlowView({ flow }: { flow: Flow }) {
  const { workspace, isAdmin } = useWorkspaceContext();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'builder';
  const base = `/w/${workspace.id}`;
  const archived = flow.status === 'archived';
  const [confirmArchive, setConfirmArchive] = useState(false);
  const archive = useArchiveFlow(workspace.id, flow.id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`${base}/flows`} size="sm">
        ← Flows
      </Anchor>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{flow.name}</Title>
          {flow.latestVersion === null ? (
            <Badge color="gray">not published</Badge>
          ) : (
            <Badge data-testid="published-version">v{flow.latestVersion} published</Badge>
          )}
          {flow.hasUnpublishedChanges && flow.latestVersion !== null && (
            <Badge color="yellow">unpublished changes</Badge>
          )}
          {archived && <Badge color="red">archived</Badge>}
        </Group>
        {isAdmin && !archived && (
          <Button variant="subtle" color="red" onClick={() => setConfirmArchive(true)}>
            Archive
          </Button>
        )}
      </Group>
      <Tabs
        value={tab}
        onChange={(next) =>
          setParams(next && next !== 'builder' ? { tab: next } : {}, { replace: true })
        }
      >
        <Tabs.List>
          <Tabs.Tab value="builder">Builder</Tabs.Tab>
          <Tabs.Tab value="runs">Runs</Tabs.Tab>
          <Tabs.Tab value="performance">Performance</Tabs.Tab>
          <Tabs.Tab value="versions">Versions</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="builder" pt="md">
          {tab === 'builder' && <FlowBuilderTab flow={flow} readOnly={!isAdmin || archived} />}
        </Tabs.Panel>
        <Tabs.Panel value="runs" pt="md">
          {tab === 'runs' && <FlowRunsTab workspaceId={workspace.id} flowId={flow.id} />}
        </Tabs.Panel>
        <Tabs.Panel value="performance" pt="md">
          {tab === 'performance' && <FlowPerformance workspaceId={workspace.id} flowId={flow.id} />}
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          {tab === 'versions' && <FlowVersionsTab workspaceId={workspace.id} flowId={flow.id} />}
        </Tabs.Panel>
      </Tabs>
      <ConfirmModal
        opened={confirmArchive}
        title="Archive this flow?"
        confirmLabel="Archive"
        pending={archive.isPending}
        onClose={() => setConfirmArchive(false)}
        onConfirm={() =>
          archive.mutate(undefined, {
            onSuccess: () => {
              setConfirmArchive(false);
              notifySuccess('Flow archived');
            },
            onError: (error) => notifyError('Could not archive the flow', error),
          })
        }
      >
        Nothing will trigger it any more and it cannot be edited; its versions and runs stay.
      </ConfirmModal>
    </Stack>
  );
}

function FlowBuilderTab({ flow, readOnly }: { flow: Flow; readOnly: boolean }) {
  const { workspace, isAdmin } = useWorkspaceContext();
  const stepTypes = useStepTypes(workspace.id);
  const secrets = useSecretNames(workspace.id, isAdmin);
  const update = useUpdateFlow(workspace.id, flow.id);
  const publish = usePublishFlow(workspace.id, flow.id);
  const start = useStartFlowRun(workspace.id, flow.id);
  const [sample, setSample] = useState('{}');
  const [testRunId, setTestRunId] = useState<string | null>(null);
  const testRun = useFlowRun(workspace.id, testRunId);
  const sampleInput = readSample(sample);

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
  const statuses = Object.fromEntries((testRun.data?.steps ?? []).map((s) => [s.key, s.status]));
  const error = update.error ?? publish.error;

  /** Saves the builder's values when they changed; resolves the flow's draft revision. */
  const save = async (values: BuilderValues, dirty: boolean, markSaved: () => void) => {
    if (!dirty) return flow.draftRevision;
    const body = definitionBody(values);
    const saved = await update.mutateAsync({
      ...body,
      description: body.description ?? null,
      draftRevision: flow.draftRevision,
    });
    markSaved();
    return saved.draftRevision;
  };

  return (
    <FlowBuilder
      initial={{
        name: flow.name,
        description: flow.description ?? '',
        ...(flow.draft as Definition),
      }}
      stepTypes={stepTypes.data as StepTypeInfo[]}
      secretNames={secrets.data}
      sampleInput={'input' in sampleInput ? sampleInput.input : undefined}
      outputs={outputs}
      stepStatuses={statuses}
      errorDetails={invalidDetails(error)}
      readOnly={readOnly}
      // Starting runs is for admins; members read the flow and its runs.
      aside={
        readOnly ? undefined : (
          <Stack gap="md">
            {flow.draft.trigger.type === 'webhook' && (
              <WebhookPanel
                workspaceId={workspace.id}
                flowId={flow.id}
                hasSecret={flow.hasWebhookSecret}
              />
            )}
            <TestRunPanel
              sample={sample}
              onSampleChange={setSample}
              version={flow.latestVersion}
              stale={flow.hasUnpublishedChanges}
              running={
                start.isPending ||
                (testRun.data !== undefined &&
                  !['completed', 'failed', 'cancelled', 'timeout'].includes(testRun.data.status))
              }
              run={testRun.data}
              runLink={testRunId ? `/w/${workspace.id}/flow-runs/${testRunId}` : undefined}
              onRun={(input) =>
                start.mutate(input, {
                  onSuccess: (run) => setTestRunId(run.id),
                  onError: (err) => notifyError('Could not start the run', err),
                })
              }
            />
          </Stack>
        )
      }
      toolbar={(values, dirty, markSaved) =>
        readOnly ? null : (
          <EditorToolbar dirty={dirty} status={`Draft saved (revision ${flow.draftRevision})`}>
            <Button
              variant="default"
              disabled={!dirty}
              loading={update.isPending && !publish.isPending}
              onClick={() =>
                void save(values, dirty, markSaved).then(
                  () => notifySuccess('Draft saved'),
                  (err: unknown) => notifyError('Could not save the draft', err),
                )
              }
            >
              Save draft
            </Button>
            <Button
              loading={publish.isPending}
              disabled={!dirty && !flow.hasUnpublishedChanges && flow.latestVersion !== null}
              onClick={() =>
                void save(values, dirty, markSaved)
                  .then((revision) => publish.mutateAsync(revision))
                  .then(
                    (result) => notifySuccess(`Published version ${result.version.version}`),
                    (err: unknown) => notifyError('Could not publish', err),
                  )
              }
            >
              Publish
            </Button>
          </EditorToolbar>
        )
      }
    />
  );
}
