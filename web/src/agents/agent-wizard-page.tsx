import { Alert, Button, Card, Group, List, Stack, Stepper, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../api';
import { notifyError } from '../notify';
import { useWorkspaceContext } from '../workspace-context';
import { fieldLabel } from './field-display';
import { useAgentStatus, useCreateAgent, useUpdateAgent } from './queries';
import type { AgentCreate } from './types';
import { FieldsStep } from './wizard-fields-step';
import { PreviewStep } from './wizard-preview-step';
import { CrmStep, PurposeStep, ScopeStep } from './wizard-setup-steps';
import {
  DEFAULT_THRESHOLD,
  emptyDraft,
  stepProblem,
  WIZARD_STEPS,
  type AgentDraft,
} from './wizard-state';
import { TemplateStep } from './wizard-template-step';

const STEP_LABELS = ['CRM', 'What it does', 'Scope', 'Template', 'Field rules', 'Test', 'Activate'];
const STANDARD = ['close_date', 'amount', 'stage', 'next_step', 'competitors'];

/** The request body for the draft: absent scope lists mean every rep and pipeline. */
export function draftBody(draft: AgentDraft): Omit<AgentCreate, 'connectionId'> {
  return {
    name: draft.name.trim(),
    callTypes: draft.callTypes as AgentCreate['callTypes'],
    scope: {
      ...(draft.ownerIds.length ? { ownerIds: draft.ownerIds } : {}),
      ...(draft.pipelines.length ? { pipelines: draft.pipelines } : {}),
      recordTypes: draft.recordTypes as NonNullable<AgentCreate['scope']>['recordTypes'],
    },
    fields: draft.fields.map(({ field, crmProperty, rule, threshold }) => ({
      field,
      ...(crmProperty ? { crmProperty } : {}),
      rule,
      threshold,
    })),
    ...(draft.templateId ? { templateId: draft.templateId } : {}),
  };
}

/**
 * Onboarding a meeting agent: the CRM, what it does, its scope, a template, the rule per
 * field, a preview on a real meeting, then activation in shadow (it proposes, writes nothing).
 */
export function AgentWizardPage() {
  useDocumentTitle('New agent · Pandora');
  const { workspace, isAdmin } = useWorkspaceContext();
  const workspaceId = workspace.id;
  const navigate = useNavigate();
  const [active, setActive] = useState(0);
  const [draft, setDraft] = useState<AgentDraft>(emptyDraft);
  const [agentId, setAgentId] = useState<string | null>(null);
  // The draft as last saved, so going back and changing it saves again.
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const create = useCreateAgent(workspaceId);
  const update = useUpdateAgent(workspaceId);
  const status = useAgentStatus(workspaceId);
  const step = WIZARD_STEPS[active]!;
  const change = (next: Partial<AgentDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    setProblem(null);
  };

  if (!isAdmin) {
    return <Alert color="yellow">Only the workspace&apos;s admins set up agents.</Alert>;
  }

  async function save(): Promise<boolean> {
    const body = draftBody(draft);
    const key = JSON.stringify([draft.connectionId, body]);
    if (agentId && key === saved) return true;
    try {
      if (agentId) {
        await update.mutateAsync({ agentId, patch: body });
      } else {
        const created = await create.mutateAsync({ ...body, connectionId: draft.connectionId! });
        setAgentId(created.id);
      }
      setSaved(key);
      return true;
    } catch (error) {
      const fields = Object.entries(fieldErrors(error));
      setProblem(fields.length ? fields.map(([f, m]) => `${f}: ${m}`).join('; ') : null);
      if (!fields.length) notifyError('Could not save the agent', error);
      return false;
    }
  }

  async function next() {
    const blocker = stepProblem(step, draft);
    if (blocker) {
      setProblem(blocker);
      return;
    }
    if (step === 'template' && draft.fields.length === 0) {
      // No template picked: the standard fields, each asked about.
      change({
        fields: STANDARD.map((field) => ({ field, rule: 'ask', threshold: DEFAULT_THRESHOLD })),
      });
    }
    // The preview runs the saved agent, so the draft is saved before it.
    if (step === 'fields' && !(await save())) return;
    setActive((current) => Math.min(current + 1, WIZARD_STEPS.length - 1));
  }

  async function activate() {
    if (!agentId) return;
    try {
      await status.mutateAsync({ agentId, to: 'activate' });
      await navigate(`/w/${workspaceId}/agents/${agentId}`);
    } catch (error) {
      notifyError('Could not activate the agent', error);
    }
  }

  return (
    <Stack data-testid="agent-wizard">
      <Title order={2}>New meeting agent</Title>
      <Stepper
        active={active}
        onStepClick={(index) => index < active && setActive(index)}
        size="sm"
      >
        {STEP_LABELS.map((label) => (
          <Stepper.Step key={label} label={label} />
        ))}
      </Stepper>
      <Card withBorder padding="lg" radius="md" data-testid={`wizard-step-${step}`}>
        {step === 'crm' && <CrmStep workspaceId={workspaceId} draft={draft} onChange={change} />}
        {step === 'purpose' && (
          <PurposeStep workspaceId={workspaceId} draft={draft} onChange={change} />
        )}
        {step === 'scope' && (
          <ScopeStep workspaceId={workspaceId} draft={draft} onChange={change} />
        )}
        {step === 'template' && (
          <TemplateStep workspaceId={workspaceId} draft={draft} onChange={change} />
        )}
        {step === 'fields' && (
          <FieldsStep workspaceId={workspaceId} draft={draft} onChange={change} />
        )}
        {step === 'preview' && agentId && (
          <PreviewStep workspaceId={workspaceId} agentId={agentId} />
        )}
        {step === 'activate' && (
          <Stack>
            <Text size="sm">
              <b>{draft.name}</b> starts in <b>shadow</b>: after each call it records what it would
              have proposed, writing and asking nothing, and each proposal is compared with what the
              rep puts in the CRM. Leave shadow on its page to have proposals wait in the inbox; a
              field earns auto-apply once its measured precision reaches your threshold.
            </Text>
            <List size="sm">
              {draft.fields
                .filter((f) => f.rule !== 'never')
                .map((f) => (
                  <List.Item key={f.field}>
                    {fieldLabel(f.field)}:{' '}
                    {f.rule === 'auto'
                      ? `auto-apply at ${Math.round(f.threshold * 100)}% once trusted`
                      : 'always ask'}
                  </List.Item>
                ))}
            </List>
          </Stack>
        )}
        {problem && (
          <Text c="red" size="sm" mt="md" data-testid="wizard-problem">
            {problem}
          </Text>
        )}
      </Card>
      <Group justify="space-between">
        <Button variant="default" disabled={active === 0} onClick={() => setActive(active - 1)}>
          Back
        </Button>
        {step === 'activate' ? (
          <Button color="green" onClick={() => void activate()} loading={status.isPending}>
            Activate in shadow
          </Button>
        ) : (
          <Button onClick={() => void next()} loading={create.isPending || update.isPending}>
            {step === 'fields' ? 'Save and test' : 'Next'}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
