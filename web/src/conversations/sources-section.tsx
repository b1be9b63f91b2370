import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, client } from '../api';
import { ConfirmModal } from '../components/confirm-modal';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatRelative } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { AddSourceModal } from './add-source-modal';
import { TrackedUsersPicker } from './tracked-users-picker';
import { UploadMeetingsModal } from './upload-meetings-modal';
import { conversationKeys, useConversationSources } from './queries';
import { SOURCE_NAMES, SOURCE_STATUS_COLORS, SOURCE_STATUS_LABELS } from './source-display';
import type { ConversationSource, CreatedWebhookSource } from './types';
import { WebhookSecret } from './webhook-secret';

interface SourceRowProps {
  workspaceId: string;
  source: ConversationSource;
  isAdmin: boolean;
  onSecret: (created: CreatedWebhookSource) => void;
}

function SourceRow({ workspaceId, source, isAdmin, onSecret }: SourceRowProps) {
  const queryClient = useQueryClient();
  const [confirmDelete, { open: openDelete, close: closeDelete }] = useDisclosure(false);
  const [picking, { open: openPicker, close: closePicker }] = useDisclosure(false);
  const path = { params: { path: { workspaceId, sourceId: source.id } } };
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: conversationKeys.sources(workspaceId) });

  const rotate = useMutation({
    mutationFn: () =>
      call(
        client.POST(
          '/api/workspaces/{workspaceId}/conversation-sources/{sourceId}/rotate-secret',
          path,
        ),
      ),
    onSuccess: async (result) => {
      onSecret(result);
      await refresh();
    },
    onError: (error) => notifyError('Could not rotate the secret', error),
  });
  const sync = useMutation({
    mutationFn: () =>
      call(client.POST('/api/workspaces/{workspaceId}/conversation-sources/{sourceId}/sync', path)),
    onSuccess: () => notifySuccess(`Syncing “${source.name}”: new calls appear in Meetings`),
    onError: (error) => notifyError('Could not start the sync', error),
  });
  const remove = useMutation({
    mutationFn: () =>
      call(client.DELETE('/api/workspaces/{workspaceId}/conversation-sources/{sourceId}', path)),
    onSuccess: async () => {
      closeDelete();
      notifySuccess(`Removed “${source.name}”; its meetings stay`);
      await refresh();
    },
    onError: (error) => notifyError('Could not remove the source', error),
  });

  const tracked =
    source.sourceType === 'webhook'
      ? 'Every sender'
      : `${source.trackedUserIds.length} of ${source.directorySize}`;

  return (
    <Table.Tr data-testid={`source-row-${source.id}`} data-status={source.status}>
      <Table.Td>
        <Text fw={500}>{source.name}</Text>
        {source.statusMessage && (
          <Text size="xs" c="dimmed">
            {source.statusMessage}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {SOURCE_NAMES[source.sourceType]}
        {source.kind === 'sandbox' && (
          <Badge ml={6} size="xs" variant="light" color="grape">
            Sandbox
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={SOURCE_STATUS_COLORS[source.status] ?? 'gray'}>
          {SOURCE_STATUS_LABELS[source.status] ?? source.status}
        </Badge>
      </Table.Td>
      <Table.Td data-testid="source-tracked">{tracked}</Table.Td>
      <Table.Td>{source.lastSyncAt ? formatRelative(source.lastSyncAt) : 'Never'}</Table.Td>
      {isAdmin && (
        <Table.Td>
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            {source.sourceType !== 'webhook' && (
              <>
                <Button size="xs" variant="default" onClick={openPicker}>
                  Pick reps
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  loading={sync.isPending}
                  disabled={source.status !== 'connected' || source.trackedUserIds.length === 0}
                  onClick={() => sync.mutate()}
                  aria-label={`Sync ${source.name} now`}
                >
                  Sync now
                </Button>
              </>
            )}
            {source.sourceType === 'webhook' && (
              <Button
                size="xs"
                variant="default"
                loading={rotate.isPending}
                onClick={() => rotate.mutate()}
              >
                Rotate secret
              </Button>
            )}
            <Button size="xs" variant="subtle" color="red" onClick={openDelete}>
              Remove
            </Button>
          </Group>
          <Modal
            opened={picking}
            onClose={closePicker}
            title={`Reps tracked in “${source.name}”`}
            size="lg"
          >
            {picking && (
              <TrackedUsersPicker workspaceId={workspaceId} source={source} onDone={closePicker} />
            )}
          </Modal>
          <ConfirmModal
            opened={confirmDelete}
            onClose={closeDelete}
            title={`Remove “${source.name}”?`}
            confirmLabel="Remove"
            onConfirm={() => remove.mutate()}
            pending={remove.isPending}
          >
            Pandora stops taking meetings from it. The meetings it brought stay.
          </ConfirmModal>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** Settings → connections: the conversation sources beside the CRMs. */
export function ConversationSourcesSection({
  workspaceId,
  isAdmin,
}: {
  workspaceId: string;
  isAdmin: boolean;
}) {
  const sources = useConversationSources(workspaceId);
  const [addOpened, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const [uploadOpened, { open: openUpload, close: closeUpload }] = useDisclosure(false);
  const [rotated, setRotated] = useState<CreatedWebhookSource | null>(null);

  let content;
  if (!sources.data) {
    content = sources.isError ? (
      <QueryError
        title="Could not load the conversation sources"
        error={sources.error}
        onRetry={() => void sources.refetch()}
        retrying={sources.isFetching}
      />
    ) : (
      <TableSkeleton rows={2} />
    );
  } else if (sources.data.length === 0) {
    content = (
      <Text size="sm" c="dimmed" data-testid="sources-empty">
        No conversation source yet.
      </Text>
    );
  } else {
    content = (
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" data-testid="sources-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Tracked reps</Table.Th>
              <Table.Th>Last sync</Table.Th>
              {isAdmin && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sources.data.map((source) => (
              <SourceRow
                key={source.id}
                workspaceId={workspaceId}
                source={source}
                isAdmin={isAdmin}
                onSecret={setRotated}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Card withBorder radius="md" padding="lg" data-testid="conversation-sources">
      <Group justify="space-between" mb="md">
        <div>
          <Title order={4}>Conversation sources</Title>
          <Text size="sm" c="dimmed">
            Recorded meetings from Gong, Fireflies or any recorder, linked to CRM records
          </Text>
        </div>
        {isAdmin && (
          <Group gap="xs">
            <Button variant="default" onClick={openUpload}>
              Upload meetings
            </Button>
            <Button onClick={openAdd}>Add a conversation source</Button>
          </Group>
        )}
      </Group>
      <Stack>{content}</Stack>
      {isAdmin && (
        <>
          <AddSourceModal workspaceId={workspaceId} opened={addOpened} onClose={closeAdd} />
          <UploadMeetingsModal
            workspaceId={workspaceId}
            opened={uploadOpened}
            onClose={closeUpload}
          />
        </>
      )}
      <Modal
        opened={rotated !== null}
        onClose={() => setRotated(null)}
        title="New signing secret"
        size="lg"
      >
        {rotated && <WebhookSecret created={rotated} />}
      </Modal>
    </Card>
  );
}
