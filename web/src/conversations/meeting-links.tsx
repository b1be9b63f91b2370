import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { call, client } from '../api';
import { formatDateTime } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { LinkMethodBadge } from './link-method';
import { conversationKeys, useDealChoices } from './queries';
import type { ConversationDetail, LinkTarget } from './types';

interface MeetingLinksProps {
  workspaceId: string;
  meeting: ConversationDetail;
}

/**
 * What the meeting is linked to and how, and linking it by hand: to a deal, or to the
 * CRM contact of one of its participants. A person's link is never replaced by the
 * linker; "Let Pandora link it" hands it back.
 */
export function MeetingLinks({ workspaceId, meeting }: MeetingLinksProps) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [dealId, setDealId] = useState<string | null>(null);
  const [contactId, setContactId] = useState<string | null>(null);
  const deals = useDealChoices(workspaceId, editing);
  const path = { params: { path: { workspaceId, conversationId: meeting.id } } };

  const changed = async (message: string, conversation: ConversationDetail) => {
    queryClient.setQueryData(conversationKeys.conversation(workspaceId, meeting.id), conversation);
    notifySuccess(message);
    setEditing(false);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: conversationKeys.conversations(workspaceId) }),
      queryClient.invalidateQueries({ queryKey: conversationKeys.gaps(workspaceId) }),
    ]);
  };

  const link = useMutation({
    mutationFn: (body: LinkTarget) =>
      call(
        client.PUT('/api/workspaces/{workspaceId}/conversations/{conversationId}/link', {
          ...path,
          body,
        }),
      ),
    onSuccess: ({ conversation }) => changed('Linked by hand', conversation),
    onError: (error) => notifyError('Could not link the meeting', error),
  });
  const unlink = useMutation({
    mutationFn: (automatic: boolean) =>
      call(
        client.DELETE('/api/workspaces/{workspaceId}/conversations/{conversationId}/link', {
          params: { ...path.params, query: { automatic } },
        }),
      ),
    onSuccess: ({ conversation }, automatic) =>
      changed(automatic ? 'Handed back to the linker' : 'Unlinked', conversation),
    onError: (error) => notifyError('Could not unlink the meeting', error),
  });

  const participantContacts = meeting.participants.flatMap((participant) =>
    participant.contactId
      ? [{ value: participant.contactId, label: participant.name ?? participant.email ?? '?' }]
      : [],
  );
  const busy = link.isPending || unlink.isPending;

  return (
    <Stack gap="sm" data-testid="meeting-links">
      <Group gap="xs">
        <LinkMethodBadge method={meeting.linkMethod} confidence={meeting.linkConfidence} />
        {meeting.linkedAt && (
          <Text size="xs" c="dimmed">
            {meeting.linkMethod === 'manual' ? 'by hand, ' : ''}
            {formatDateTime(meeting.linkedAt)}
          </Text>
        )}
      </Group>
      <Text size="sm" data-testid="linked-account">
        <Text span c="dimmed">
          Account:{' '}
        </Text>
        {meeting.account
          ? `${meeting.account.name}${meeting.account.domain ? ` (${meeting.account.domain})` : ''}`
          : '—'}
      </Text>
      <Text size="sm" data-testid="linked-deal">
        <Text span c="dimmed">
          Deal:{' '}
        </Text>
        {meeting.deal ? (
          <Anchor component={Link} to={`/w/${workspaceId}/deals/${meeting.deal.id}`}>
            {meeting.deal.name}
          </Anchor>
        ) : (
          '—'
        )}
        {meeting.deal?.stage ? ` · ${meeting.deal.stage}` : ''}
      </Text>
      <Text size="sm" data-testid="linked-contact">
        <Text span c="dimmed">
          Contact:{' '}
        </Text>
        {meeting.contact ? (meeting.contact.name ?? meeting.contact.email) : '—'}
      </Text>

      {editing ? (
        <Stack gap="xs">
          <Select
            label="Link to a deal"
            placeholder={deals.isPending ? 'Loading deals…' : 'Pick a deal'}
            searchable
            clearable
            data={(deals.data ?? []).map((deal) => ({
              value: deal.id,
              label: deal.accountName ? `${deal.name} — ${deal.accountName}` : deal.name,
            }))}
            value={dealId}
            onChange={setDealId}
          />
          {participantContacts.length > 0 && (
            <Select
              label="…or to a participant's contact"
              placeholder="Pick a participant"
              clearable
              data={participantContacts}
              value={contactId}
              onChange={setContactId}
            />
          )}
          <Group gap="xs">
            <Button
              size="xs"
              disabled={!dealId && !contactId}
              loading={link.isPending}
              onClick={() =>
                link.mutate({
                  ...(dealId ? { dealId } : {}),
                  ...(contactId ? { contactId } : {}),
                })
              }
            >
              Save link
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => setEditing(true)} disabled={busy}>
            Link by hand
          </Button>
          {(meeting.account || meeting.deal || meeting.contact) && (
            <Button
              size="xs"
              variant="default"
              loading={unlink.isPending && unlink.variables === false}
              disabled={busy}
              onClick={() => unlink.mutate(false)}
            >
              Unlink
            </Button>
          )}
          {meeting.linkMethod === 'manual' || meeting.linkedBy ? (
            <Button
              size="xs"
              variant="subtle"
              loading={unlink.isPending && unlink.variables === true}
              disabled={busy}
              onClick={() => unlink.mutate(true)}
            >
              Let Pandora link it
            </Button>
          ) : null}
        </Group>
      )}
    </Stack>
  );
}
