import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Drawer,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { call, client, fieldErrors } from '../api';
import { queryKeys } from '../queries';
import { defaultDealName } from '../../../src/conversations/deal-name.js';
import { conversationKeys, usePipelineStages } from './queries';
import type { CreateDealBody, CreatedDeal, Gap, PipelineStage } from './types';

interface ContactChoice {
  email: string;
  name: string | null;
  mode: 'create' | 'associate';
  include: boolean;
}

/** The default close date: 30 days from today, as YYYY-MM-DD in the user's calendar. */
function inThirtyDays(now = new Date()): string {
  const date = new Date(now);
  date.setDate(date.getDate() + 30);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * The participants the deal may get as contacts: the account's known contacts are
 * associated, other people from the account's domain created; anyone else (the rep's
 * colleagues, outside guests) is listed unticked.
 */
export function contactChoices(gap: Gap): ContactChoice[] {
  const known = new Set(
    gap.contacts.flatMap((contact) => (contact.email ? [contact.email.toLowerCase()] : [])),
  );
  const domain = gap.account.domain?.toLowerCase().replace(/^www\./, '') ?? null;
  const seen = new Set<string>();
  return gap.participants.flatMap((participant): ContactChoice[] => {
    const email = participant.email?.toLowerCase();
    if (!email || seen.has(email)) return [];
    seen.add(email);
    if (known.has(email))
      return [{ email, name: participant.name, mode: 'associate', include: true }];
    const fromAccount = domain !== null && domainOf(email) === domain;
    return [{ email, name: participant.name, mode: 'create', include: fromAccount }];
  });
}

function splitName(name: string | null): { firstName?: string; lastName?: string } {
  if (!name) return {};
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { firstName: parts[0] };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts.at(-1) };
}

const stageKey = (stage: PipelineStage) => `${stage.pipelineId}\u0000${stage.stageId}`;

interface CreateDealDrawerProps {
  workspaceId: string;
  gap: Gap | null;
  onClose: () => void;
}

/** Create deal from a conversation without one: the slide-over form, then the CRM link. */
export function CreateDealDrawer({ workspaceId, gap, onClose }: CreateDealDrawerProps) {
  return (
    <Drawer opened={gap !== null} onClose={onClose} position="right" size="lg" title="Create deal">
      {gap && (
        <CreateDealForm
          key={gap.conversationId}
          workspaceId={workspaceId}
          gap={gap}
          onClose={onClose}
        />
      )}
    </Drawer>
  );
}

function CreateDealForm({
  workspaceId,
  gap,
  onClose,
}: {
  workspaceId: string;
  gap: Gap;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const stages = usePipelineStages(workspaceId, gap.account.source);
  const [name, setName] = useState(() => defaultDealName(gap.account.name, gap.title));
  const [amount, setAmount] = useState<number | string>('');
  const [stage, setStage] = useState<string | null>(null);
  const [closeDate, setCloseDate] = useState(inThirtyDays());
  const [ownerEmail, setOwnerEmail] = useState(gap.rep.email ?? '');
  const [contacts, setContacts] = useState(() => contactChoices(gap));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedDeal | null>(null);
  // One key per form: a retry after a lost answer gets the deal already made.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const openStages = useMemo(() => (stages.data ?? []).filter((s) => !s.isClosed), [stages.data]);
  const stageOptions = useMemo(() => {
    const pipelines = new Set(openStages.map((s) => s.pipelineId));
    return openStages.map((s) => ({
      value: stageKey(s),
      label: pipelines.size > 1 ? `${s.pipelineLabel}: ${s.stageLabel}` : s.stageLabel,
    }));
  }, [openStages]);
  // None chosen: the server takes its default pipeline's first open stage.
  const chosenStage = openStages.find((s) => stageKey(s) === stage);

  const create = useMutation({
    mutationFn: () => {
      const body: CreateDealBody = {
        name: name.trim(),
        amount: typeof amount === 'number' ? amount : null,
        closeDate,
        ...(chosenStage ? { pipeline: chosenStage.pipelineId, stage: chosenStage.stageId } : {}),
        ...(ownerEmail.trim() ? { ownerEmail: ownerEmail.trim() } : {}),
        contacts: contacts
          .filter((c) => c.include)
          .map((c) => ({
            email: c.email,
            mode: c.mode,
            ...(c.mode === 'create' ? splitName(c.name) : {}),
          })),
      };
      return call(
        client.POST(
          '/api/workspaces/{workspaceId}/conversations/without-deals/{conversationId}/create-deal',
          {
            params: {
              path: { workspaceId, conversationId: gap.conversationId },
              header: { 'idempotency-key': idempotencyKey },
            },
            body,
          },
        ),
      );
    },
    onSuccess: async ({ deal }) => {
      setCreated(deal);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: conversationKeys.gaps(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: conversationKeys.conversations(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.overview(workspaceId) }),
      ]);
    },
    onError: (error) => {
      const fields = fieldErrors(error);
      setErrors(fields);
      setProblem(Object.keys(fields).length > 0 ? null : error.message);
    },
  });

  if (created) {
    return (
      <Stack data-testid="deal-created">
        <Alert color="green" variant="light" title="Deal created">
          “{name}” is in the CRM
          {created.contacts.length > 0
            ? ` with ${created.contacts.length} contact${created.contacts.length === 1 ? '' : 's'}`
            : ''}
          , linked to this meeting.
        </Alert>
        <Anchor href={created.dealUrl} target="_blank" rel="noreferrer" data-testid="deal-crm-link">
          Open the deal in the CRM
        </Anchor>
        <Anchor component={Link} to={`/w/${workspaceId}/deals/${created.pandoraDealId}`}>
          See it in Pandora
        </Anchor>
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm" c="dimmed">
          {gap.account.name} · {gap.title}
        </Text>
        <TextInput
          label="Deal name"
          required
          value={name}
          maxLength={255}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <NumberInput
          label="Amount"
          min={0}
          thousandSeparator=","
          prefix="$"
          value={amount}
          onChange={setAmount}
          error={errors.amount}
        />
        <Select
          label="Stage"
          data={stageOptions}
          value={chosenStage ? stageKey(chosenStage) : null}
          onChange={setStage}
          placeholder={
            stages.isPending ? 'Loading the pipeline…' : "The default pipeline's first open stage"
          }
          error={errors.stage}
          clearable
          searchable
        />
        <TextInput
          label="Close date"
          type="date"
          required
          value={closeDate}
          onChange={(e) => setCloseDate(e.currentTarget.value)}
          error={errors.closeDate}
        />
        <TextInput
          label="Owner email"
          value={ownerEmail}
          onChange={(e) => setOwnerEmail(e.currentTarget.value)}
          error={errors.ownerEmail}
          description="The CRM owner with this email; empty for the integration user"
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Contacts
          </Text>
          {contacts.length === 0 && (
            <Text size="sm" c="dimmed">
              No participant has an email address.
            </Text>
          )}
          {contacts.map((contact, index) => (
            <Checkbox
              key={contact.email}
              checked={contact.include}
              onChange={(event) => {
                const include = event.currentTarget.checked;
                setContacts((current) =>
                  current.map((c, i) => (i === index ? { ...c, include } : c)),
                );
              }}
              label={`${contact.name ? `${contact.name} · ` : ''}${contact.email}`}
              description={
                contact.mode === 'associate' ? 'Existing contact: associate' : 'New contact: create'
              }
            />
          ))}
        </Stack>
        {problem && (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create deal
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
