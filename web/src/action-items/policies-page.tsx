import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api';
import { ConfirmModal } from '../components/confirm-modal';
import { QueryError } from '../components/query-error';
import { notifyError, notifySuccess } from '../notify';
import { useWorkspaceContext } from '../workspace-context';
import {
  POLICY_EFFECTS,
  POLICY_SOURCE_TYPES,
  SEVERITIES,
  actionsApi,
  type DryRun,
  type Policy,
  type PolicyEffect,
  type PolicyInput,
  type PolicySourceType,
  type Severity,
} from './api';

const EFFECT_LABELS: Record<PolicyEffect, string> = {
  auto_execute: 'Execute at once',
  require_approval: 'Hold for approval',
  block: 'Block',
};
const EFFECT_COLORS: Record<string, string> = {
  auto_execute: 'green',
  require_approval: 'yellow',
  block: 'red',
  none: 'gray',
};

const policyKey = (workspaceId: string) => ['workspace', workspaceId, 'action-policies'] as const;

/** `/w/:id/policies`: which actions run at once, wait for approval, or are refused. */
export function PoliciesPage() {
  const { workspace, isAdmin } = useWorkspaceContext();
  const workspaceId = workspace.id;
  useDocumentTitle(`Policies · ${workspace.name} · Pandora`);
  const queryClient = useQueryClient();
  const policies = useQuery({
    queryKey: policyKey(workspaceId),
    queryFn: async () => (await actionsApi.policies(workspaceId)).policies,
  });
  const [editing, setEditing] = useState<Policy | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Policy | null>(null);
  const [dryRun, setDryRun] = useState<{ policy: Policy; result: DryRun } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: policyKey(workspaceId) });
  const remove = useMutation({
    mutationFn: (policy: Policy) => actionsApi.deletePolicy(workspaceId, policy.id),
    onSuccess: async () => {
      setDeleting(null);
      await refresh();
    },
    onError: (error) => notifyError('Could not delete the policy', error),
  });
  const tryIt = useMutation({
    mutationFn: async (policy: Policy) => ({
      policy,
      result: await actionsApi.dryRun(workspaceId, policy.id, 100),
    }),
    onSuccess: setDryRun,
    onError: (error) => notifyError('Could not try the policy', error),
  });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Policies</Title>
          <Text c="dimmed" size="sm">
            Rules on new and executed actions, first match by priority: execute at once, hold for an
            admin or the owner to approve, or block.
          </Text>
        </div>
        {isAdmin && <Button onClick={() => setEditing('new')}>New policy</Button>}
      </Group>
      {policies.isError && (
        <QueryError
          title="Could not load the policies"
          error={policies.error}
          onRetry={() => void policies.refetch()}
        />
      )}
      {(policies.data ?? []).length === 0 && !policies.isLoading ? (
        <Text size="sm" c="dimmed">
          No policies: every action waits for a person to execute it.
        </Text>
      ) : (
        <Table data-testid="policies-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Priority</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Matches</Table.Th>
              <Table.Th>Effect</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(policies.data ?? []).map((policy) => (
              <Table.Tr
                key={policy.id}
                data-testid={`policy-${policy.name}`}
                opacity={policy.enabled ? 1 : 0.5}
              >
                <Table.Td>{policy.priority}</Table.Td>
                <Table.Td>{policy.name}</Table.Td>
                <Table.Td>
                  <Text size="xs">{describeMatch(policy)}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={EFFECT_COLORS[policy.effect]} variant="light">
                    {EFFECT_LABELS[policy.effect]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => tryIt.mutate(policy)}
                      loading={tryIt.isPending && tryIt.variables?.id === policy.id}
                    >
                      Dry run
                    </Button>
                    {isAdmin && (
                      <>
                        <Button size="xs" variant="default" onClick={() => setEditing(policy)}>
                          Edit
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setDeleting(policy)}
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
      )}

      {dryRun && (
        <Card withBorder data-testid="dry-run">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600}>
                “{dryRun.policy.name}” over the last {dryRun.result.considered} actions:{' '}
                {dryRun.result.totals.changed} would be treated differently
              </Text>
              <Button size="xs" variant="subtle" onClick={() => setDryRun(null)}>
                Close
              </Button>
            </Group>
            <Table>
              <Table.Tbody>
                {dryRun.result.actions.slice(0, 20).map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>{row.title}</Table.Td>
                    <Table.Td>
                      <Badge color={EFFECT_COLORS[row.currentEffect]} variant="outline">
                        now: {row.currentEffect.replace('_', ' ')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={EFFECT_COLORS[row.resultingEffect]}
                        variant={row.changed ? 'filled' : 'light'}
                      >
                        with it: {row.resultingEffect.replace('_', ' ')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Card>
      )}

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'New policy' : 'Edit policy'}
        size="lg"
      >
        {editing !== null && (
          <PolicyForm
            workspaceId={workspaceId}
            policy={editing === 'new' ? null : editing}
            onDone={async () => {
              setEditing(null);
              await refresh();
            }}
          />
        )}
      </Modal>
      <ConfirmModal
        opened={deleting !== null}
        title="Delete this policy?"
        confirmLabel="Delete"
        pending={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        Actions it matched fall to the next policy, or to a person.
      </ConfirmModal>
    </Stack>
  );
}

function describeMatch(policy: Policy): string {
  const m = policy.match;
  const parts: string[] = [];
  if (m.actionTypes?.length) parts.push(`type ${m.actionTypes.join(' or ')}`);
  if (m.severities?.length) parts.push(m.severities.join(' or '));
  if (m.impactMin !== undefined || m.impactMax !== undefined)
    parts.push(`impact ${m.impactMin ?? 0}–${m.impactMax ?? '∞'}`);
  if (m.fields?.length) parts.push(`${m.fieldsOnly ? 'only' : 'touches'} ${m.fields.join(', ')}`);
  if (m.sourceTypes?.length) parts.push(`from ${m.sourceTypes.join(' or ')}`);
  return parts.length ? parts.join(' · ') : 'every action';
}

function PolicyForm({
  workspaceId,
  policy,
  onDone,
}: {
  workspaceId: string;
  policy: Policy | null;
  onDone: () => Promise<void>;
}) {
  const [name, setName] = useState(policy?.name ?? '');
  const [effect, setEffect] = useState<PolicyEffect>(policy?.effect ?? 'require_approval');
  const [priority, setPriority] = useState<number>(policy?.priority ?? 100);
  const [enabled, setEnabled] = useState(policy?.enabled ?? true);
  const [actionTypes, setActionTypes] = useState<string[]>(policy?.match.actionTypes ?? []);
  const [severities, setSeverities] = useState<string[]>(policy?.match.severities ?? []);
  const [impactMin, setImpactMin] = useState<number | ''>(policy?.match.impactMin ?? '');
  const [impactMax, setImpactMax] = useState<number | ''>(policy?.match.impactMax ?? '');
  const [fields, setFields] = useState<string[]>(policy?.match.fields ?? []);
  const [sourceTypes, setSourceTypes] = useState<PolicySourceType[]>(
    policy?.match.sourceTypes ?? [],
  );
  const save = useMutation({
    mutationFn: () => {
      const input: PolicyInput = {
        name,
        effect,
        priority,
        enabled,
        match: {
          ...(actionTypes.length ? { actionTypes } : {}),
          ...(severities.length ? { severities: severities as Severity[] } : {}),
          ...(impactMin !== '' ? { impactMin } : {}),
          ...(impactMax !== '' ? { impactMax } : {}),
          ...(fields.length ? { fields } : {}),
          ...(sourceTypes.length ? { sourceTypes } : {}),
        },
      };
      return policy
        ? actionsApi.updatePolicy(workspaceId, policy.id, input)
        : actionsApi.createPolicy(workspaceId, input);
    },
    onSuccess: async () => {
      notifySuccess('Policy saved');
      await onDone();
    },
  });
  return (
    <Stack gap="sm">
      <TextInput
        label="Name"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
      />
      <Group grow>
        <Select
          label="Effect"
          data={POLICY_EFFECTS.map((value) => ({ value, label: EFFECT_LABELS[value] }))}
          value={effect}
          onChange={(value) => setEffect((value ?? 'require_approval') as PolicyEffect)}
          allowDeselect={false}
        />
        <NumberInput
          label="Priority (lower first)"
          value={priority}
          min={0}
          max={10_000}
          onChange={(v) => setPriority(Number(v) || 0)}
        />
      </Group>
      <TagsInput
        label="Action types"
        placeholder="e.g. clean_data"
        value={actionTypes}
        onChange={setActionTypes}
      />
      <MultiSelect
        label="Severities"
        data={[...SEVERITIES]}
        value={severities}
        onChange={setSeverities}
      />
      <Group grow>
        <NumberInput
          label="Impact at least ($)"
          value={impactMin}
          onChange={(v) => setImpactMin(typeof v === 'number' ? v : '')}
        />
        <NumberInput
          label="Impact at most ($)"
          value={impactMax}
          onChange={(v) => setImpactMax(typeof v === 'number' ? v : '')}
        />
      </Group>
      <TagsInput
        label="Fields touched"
        placeholder="e.g. close_date"
        value={fields}
        onChange={setFields}
      />
      <MultiSelect
        label="Sources"
        data={POLICY_SOURCE_TYPES}
        value={sourceTypes}
        onChange={(values) => setSourceTypes(values as PolicySourceType[])}
      />
      <Switch
        label="Enabled"
        checked={enabled}
        onChange={(e) => setEnabled(e.currentTarget.checked)}
      />
      {save.error && (
        <Text size="sm" c="red" data-testid="policy-error">
          {save.error instanceof ApiError ? save.error.message : String(save.error)}
        </Text>
      )}
      <Group justify="flex-end">
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!name.trim()}>
          Save
        </Button>
      </Group>
    </Stack>
  );
}
