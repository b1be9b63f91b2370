import {
  Anchor,
  Autocomplete,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatDateTime } from '../format';
import { useWorkspaceContext } from '../workspace-context';
import { LinkMethodBadge } from './link-method';
import { useConversations, useSalesRoster, type ConversationFilter } from './queries';
import type { ConversationSummary } from './types';

const LINKED_OPTIONS = [
  { value: 'deal', label: 'Linked to a deal' },
  { value: 'account_only', label: 'Account only' },
  { value: 'none', label: 'Not linked' },
];
const INTERNAL_OPTIONS = [
  { value: 'false', label: 'Customer meetings' },
  { value: 'true', label: 'Internal meetings' },
];
const SOURCE_OPTIONS = ['gong', 'fireflies', 'webhook', 'upload', 'demo'].map((value) => ({
  value,
  label: value,
}));

function isLinked(value: string | null): value is NonNullable<ConversationFilter['linked']> {
  return LINKED_OPTIONS.some((option) => option.value === value);
}

/** A calendar day from the date input, as the start of that day in the user's time zone. */
function dayStart(day: string | null, plusDays = 0): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  date.setDate(date.getDate() + plusDays);
  return date.toISOString();
}

/** The list's filters from the URL: links and reloads keep them. */
function filterFrom(params: URLSearchParams): ConversationFilter {
  const internal = params.get('internal');
  const linked = params.get('linked');
  const source = params.get('source');
  const rep = params.get('rep');
  const from = dayStart(params.get('from'));
  // The "to" day is included: the API's bound is exclusive.
  const to = dayStart(params.get('to'), 1);
  return {
    ...(internal === 'true' || internal === 'false' ? { internal: internal === 'true' } : {}),
    ...(isLinked(linked) ? { linked } : {}),
    ...(source ? { source } : {}),
    ...(rep && rep.length >= 3 ? { rep } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

function MeetingRow({
  workspaceId,
  meeting,
}: {
  workspaceId: string;
  meeting: ConversationSummary;
}) {
  return (
    <Table.Tr data-testid={`meeting-row-${meeting.id}`}>
      <Table.Td>
        <Anchor component={Link} to={`/w/${workspaceId}/meetings/${meeting.id}`} fw={500}>
          {meeting.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          {meeting.source} · {meeting.participantCount} participants ·{' '}
          {Math.round(meeting.durationSeconds / 60)} min
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(meeting.startedAt)}</Table.Td>
      <Table.Td>{meeting.owner?.name ?? meeting.hostEmail ?? '—'}</Table.Td>
      <Table.Td>
        {meeting.isInternal ? (
          <Badge variant="light" color="gray" size="sm" title={meeting.internalReason ?? undefined}>
            Internal
          </Badge>
        ) : (
          <Text size="sm">{meeting.account?.name ?? '—'}</Text>
        )}
      </Table.Td>
      <Table.Td>
        {meeting.deal ? (
          <Anchor component={Link} to={`/w/${workspaceId}/deals/${meeting.deal.id}`} size="sm">
            {meeting.deal.name}
          </Anchor>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        {!meeting.isInternal && (
          <LinkMethodBadge method={meeting.linkMethod} confidence={meeting.linkConfidence} />
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** `/w/:workspaceId/meetings`: recorded meetings with their links to the CRM. */
export function MeetingsPage() {
  const { workspace } = useWorkspaceContext();
  useDocumentTitle(`Meetings · ${workspace.name} · Pandora`);
  const [params, setParams] = useSearchParams();
  const [rep, setRep] = useState(params.get('rep') ?? '');
  const [debouncedRep] = useDebouncedValue(rep, 400);
  const filter = filterFrom(params);
  const meetings = useConversations(workspace.id, filter);
  const roster = useSalesRoster(workspace.id);
  const rows = meetings.data?.pages.flatMap((page) => page.conversations);

  const setParam = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if ((params.get('rep') ?? '') !== debouncedRep.trim()) setParam('rep', debouncedRep.trim());
    // setParam is a new function each render; the rep text is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedRep]);

  let content;
  if (!rows) {
    content = meetings.isError ? (
      <QueryError
        title="Could not load the meetings"
        error={meetings.error}
        onRetry={() => void meetings.refetch()}
        retrying={meetings.isFetching}
      />
    ) : (
      <TableSkeleton rows={6} />
    );
  } else if (rows.length === 0) {
    content = (
      <Text c="dimmed" ta="center" py="lg" data-testid="meetings-empty">
        {params.size > 0
          ? 'No meeting matches these filters.'
          : 'No meeting yet: add a conversation source in Settings → CRM connections.'}
      </Text>
    );
  } else {
    content = (
      <>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" highlightOnHover data-testid="meetings-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Meeting</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Rep</Table.Th>
                <Table.Th>Account</Table.Th>
                <Table.Th>Deal</Table.Th>
                <Table.Th>Link</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((meeting) => (
                <MeetingRow key={meeting.id} workspaceId={workspace.id} meeting={meeting} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {meetings.hasNextPage && (
          <Group justify="center" mt="sm">
            <Button
              variant="default"
              loading={meetings.isFetchingNextPage}
              onClick={() => void meetings.fetchNextPage()}
            >
              Load more
            </Button>
          </Group>
        )}
      </>
    );
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Meetings</Title>
          <Text c="dimmed" size="sm">
            Recorded calls and meetings, and the CRM records Pandora linked them to
          </Text>
        </div>
        <Anchor component={Link} to={`/w/${workspace.id}/gaps`} size="sm">
          Conversations without deals
        </Anchor>
      </Group>
      <Card withBorder radius="md" padding="md">
        <Group gap="sm" align="flex-end" data-testid="meeting-filters">
          <Select
            label="Kind"
            placeholder="All meetings"
            clearable
            w={160}
            data={INTERNAL_OPTIONS}
            value={params.get('internal')}
            onChange={(value) => setParam('internal', value)}
          />
          <Select
            label="Linked"
            placeholder="Any link"
            clearable
            w={150}
            data={LINKED_OPTIONS}
            value={params.get('linked')}
            onChange={(value) => setParam('linked', value)}
          />
          <Select
            label="Source"
            placeholder="Any source"
            clearable
            w={130}
            data={SOURCE_OPTIONS}
            value={params.get('source')}
            onChange={(value) => setParam('source', value)}
          />
          <Autocomplete
            label="Rep email"
            placeholder="rep@company.com"
            w={190}
            data={(roster.data ?? []).map((person) => person.email)}
            value={rep}
            onChange={setRep}
            clearable
          />
          <TextInput
            label="From"
            type="date"
            w={140}
            value={params.get('from') ?? ''}
            onChange={(event) => setParam('from', event.currentTarget.value)}
          />
          <TextInput
            label="To"
            type="date"
            w={140}
            value={params.get('to') ?? ''}
            onChange={(event) => setParam('to', event.currentTarget.value)}
          />
        </Group>
      </Card>
      <Card withBorder radius="md" padding="lg">
        {content}
      </Card>
    </Stack>
  );
}
