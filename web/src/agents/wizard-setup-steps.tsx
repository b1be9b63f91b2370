import {
  Alert,
  Button,
  Chip,
  Group,
  List,
  MultiSelect,
  Radio,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { ConnectCrmModal } from '../connections/connect-crm-modal';
import { ConnectionStatusBadge, CrmBadge } from '../connections/crm-display';
import { usePipelineStages, useSalesRoster } from '../conversations/queries';
import { QueryError } from '../components/query-error';
import { useConnections } from '../queries';
import { CALL_TYPES } from './field-display';
import type { AgentDraft } from './wizard-state';

interface StepProps {
  workspaceId: string;
  draft: AgentDraft;
  onChange: (change: Partial<AgentDraft>) => void;
}

/** Step 1: the CRM the agent reads and writes: an existing connection, or a new one. */
export function CrmStep({ workspaceId, draft, onChange }: StepProps) {
  const connections = useConnections(workspaceId);
  const [connecting, setConnecting] = useState(false);
  if (connections.isError) {
    return (
      <QueryError
        title="Could not load the CRM connections"
        error={connections.error}
        onRetry={() => void connections.refetch()}
        retrying={connections.isFetching}
      />
    );
  }
  const usable = (connections.data ?? []).filter((c) => c.status !== 'disconnected');
  return (
    <Stack>
      <Text size="sm">
        The agent finds the record each call is about in this CRM and proposes its updates there. It
        reads the CRM as last synced and writes only through Pandora&apos;s write ledger.
      </Text>
      {connections.isSuccess && usable.length === 0 && (
        <Alert color="blue" title="No CRM connected yet" data-testid="wizard-no-crm">
          Connect HubSpot or Salesforce (or the sandbox CRM) to continue.
        </Alert>
      )}
      <Radio.Group
        value={draft.connectionId}
        onChange={(connectionId) => onChange({ connectionId })}
        label="CRM connection"
      >
        <Stack gap="xs" mt="xs">
          {usable.map((connection) => (
            <Radio
              key={connection.id}
              value={connection.id}
              label={
                <Group gap="xs">
                  <Text size="sm">{connection.name}</Text>
                  <CrmBadge crmType={connection.crmType} size="sm" />
                  <ConnectionStatusBadge connection={connection} />
                </Group>
              }
            />
          ))}
        </Stack>
      </Radio.Group>
      <Group>
        <Button variant="default" onClick={() => setConnecting(true)}>
          Connect a CRM
        </Button>
      </Group>
      <ConnectCrmModal
        workspaceId={workspaceId}
        opened={connecting}
        onClose={() => setConnecting(false)}
      />
    </Stack>
  );
}

/** Step 2: what the agent does, its name and the calls it listens to. */
export function PurposeStep({ draft, onChange }: StepProps) {
  return (
    <Stack>
      <Text size="sm">After each customer call linked to the CRM, the agent:</Text>
      <List size="sm" spacing={4}>
        <List.Item>
          finds the deal the call was about (an unclear match becomes a question);
        </List.Item>
        <List.Item>
          reads what was agreed: close date, amount, stage, next step, competitors, and the
          qualification fields you choose;
        </List.Item>
        <List.Item>
          proposes each new value with its confidence and the exact words it rests on;
        </List.Item>
        <List.Item>
          sends what it is unsure of to the inbox, and starts in shadow: it writes nothing until
          each field has earned your trust.
        </List.Item>
      </List>
      <TextInput
        label="Agent name"
        placeholder="Deal desk"
        required
        value={draft.name}
        onChange={(event) => onChange({ name: event.currentTarget.value })}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Calls it listens to
        </Text>
        <Text size="xs" c="dimmed">
          None picked: every call.
        </Text>
        <Chip.Group
          multiple
          value={draft.callTypes}
          onChange={(callTypes) => onChange({ callTypes })}
        >
          <Group gap="xs">
            {CALL_TYPES.map((type) => (
              <Chip key={type} value={type} size="sm">
                {type}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Stack>
    </Stack>
  );
}

const RECORD_TYPES = [
  { value: 'deal', label: 'Deals' },
  { value: 'contact', label: 'Contacts' },
  { value: 'account', label: 'Accounts' },
];

/** Step 3: which reps' calls, which pipelines and which record types. */
export function ScopeStep({ workspaceId, draft, onChange }: StepProps) {
  const roster = useSalesRoster(workspaceId);
  const stages = usePipelineStages(workspaceId, undefined);
  const owners = new Map<string, string>();
  for (const rep of roster.data ?? []) {
    for (const owner of rep.crmOwners) owners.set(owner.id, `${rep.name} (${rep.email})`);
  }
  const pipelines = new Map<string, string>();
  for (const stage of stages.data ?? []) pipelines.set(stage.pipelineId, stage.pipelineLabel);
  return (
    <Stack>
      <MultiSelect
        label="Reps"
        description="Calls of these reps only; none picked: every rep."
        placeholder={owners.size ? 'Every rep' : 'Every rep (no reps tracked yet)'}
        data={[...owners].map(([value, label]) => ({ value, label }))}
        value={draft.ownerIds}
        onChange={(ownerIds) => onChange({ ownerIds })}
        searchable
        clearable
      />
      <MultiSelect
        label="Pipelines"
        description="Deals in these pipelines only; none picked: every pipeline."
        placeholder="Every pipeline"
        data={[...pipelines].map(([value, label]) => ({ value, label }))}
        value={draft.pipelines}
        onChange={(pipelines) => onChange({ pipelines })}
        clearable
      />
      <Chip.Group
        multiple
        value={draft.recordTypes}
        onChange={(recordTypes) => onChange({ recordTypes })}
      >
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Records it may update
          </Text>
          <Group gap="xs">
            {RECORD_TYPES.map((type) => (
              <Chip key={type.value} value={type.value} size="sm">
                {type.label}
              </Chip>
            ))}
          </Group>
        </Stack>
      </Chip.Group>
    </Stack>
  );
}
