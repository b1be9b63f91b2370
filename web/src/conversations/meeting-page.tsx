import {
  Anchor,
  Badge,
  Card,
  Grid,
  Group,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatDateTime } from '../format';
import { useWorkspaceContext } from '../workspace-context';
import { MeetingLinks } from './meeting-links';
import { useConversation } from './queries';

/** `/w/:workspaceId/meetings/:conversationId`: one meeting, its people, words and links. */
export function MeetingPage() {
  const { workspace } = useWorkspaceContext();
  const { conversationId = '' } = useParams();
  const meeting = useConversation(workspace.id, conversationId);
  useDocumentTitle(`${meeting.data?.title ?? 'Meeting'} · ${workspace.name} · Pandora`);

  if (!meeting.data) {
    return meeting.isError ? (
      <QueryError
        title="Could not load the meeting"
        error={meeting.error}
        onRetry={() => void meeting.refetch()}
        retrying={meeting.isFetching}
      />
    ) : (
      <TableSkeleton rows={5} />
    );
  }
  const m = meeting.data;

  return (
    <Stack gap="lg" data-testid="meeting-page">
      <div>
        <Anchor component={Link} to={`/w/${workspace.id}/meetings`} size="sm">
          ← Meetings
        </Anchor>
        <Group gap="sm" mt={4}>
          <Title order={2}>{m.title}</Title>
          {m.isInternal && (
            <Badge variant="light" color="gray">
              Internal
            </Badge>
          )}
        </Group>
        <Text c="dimmed" size="sm">
          {formatDateTime(m.startedAt)} · {Math.round(m.durationSeconds / 60)} min · {m.source}
          {m.owner ? ` · ${m.owner.name}` : m.hostEmail ? ` · ${m.hostEmail}` : ''}
          {m.isInternal && m.internalReason ? ` · internal: ${m.internalReason}` : ''}
        </Text>
      </div>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder radius="md" padding="lg">
            <Title order={4} mb="sm">
              Participants
            </Title>
            <Table verticalSpacing="xs" fz="sm" data-testid="meeting-participants">
              <Table.Tbody>
                {m.participants.map((participant, index) => (
                  <Table.Tr key={`${participant.email ?? ''}-${index}`}>
                    <Table.Td>{participant.name ?? '—'}</Table.Td>
                    <Table.Td>{participant.email ?? '—'}</Table.Td>
                    <Table.Td>
                      {participant.contactId && (
                        <Badge size="xs" variant="light">
                          CRM contact
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder radius="md" padding="lg">
            <Title order={4} mb="sm">
              Linked records
            </Title>
            <MeetingLinks workspaceId={workspace.id} meeting={m} />
          </Card>
        </Grid.Col>
      </Grid>
      <Card withBorder radius="md" padding="lg">
        <Title order={4} mb="sm">
          Transcript
        </Title>
        {m.transcript ? (
          <ScrollArea.Autosize mah={480} type="auto">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="meeting-transcript">
              {m.transcript}
            </Text>
          </ScrollArea.Autosize>
        ) : (
          <Text size="sm" c="dimmed">
            No transcript for this meeting.
          </Text>
        )}
      </Card>
    </Stack>
  );
}
