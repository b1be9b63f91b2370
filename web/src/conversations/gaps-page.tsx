import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { call, client, fieldErrors } from '../api';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatDate } from '../format';
import { notifySuccess } from '../notify';
import { useWorkspaceContext } from '../workspace-context';
import { CreateDealDrawer } from './create-deal-drawer';
import { GAP_CAUSE_LABELS, GAP_SEVERITY_COLORS } from './gap-display';
import { conversationKeys, useGaps } from './queries';
import type { Gap } from './types';

function DismissModal({
  workspaceId,
  gap,
  onClose,
}: {
  workspaceId: string;
  gap: Gap | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const dismiss = useMutation({
    mutationFn: (target: Gap) =>
      call(
        client.POST(
          '/api/workspaces/{workspaceId}/conversations/without-deals/{conversationId}/dismiss',
          {
            params: { path: { workspaceId, conversationId: target.conversationId } },
            body: { reason: reason.trim() },
          },
        ),
      ),
    onSuccess: async () => {
      notifySuccess('Dismissed: it needs no deal');
      setReason('');
      onClose();
      await queryClient.invalidateQueries({ queryKey: conversationKeys.gaps(workspaceId) });
    },
  });
  const error = dismiss.error ? (fieldErrors(dismiss.error).reason ?? dismiss.error.message) : null;

  return (
    <Modal opened={gap !== null} onClose={onClose} title="Dismiss this conversation">
      {gap && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            dismiss.mutate(gap);
          }}
        >
          <Stack>
            <Text size="sm">
              “{gap.title}” with {gap.account.name} leaves the list for good.
            </Text>
            <Textarea
              label="Why does it need no deal?"
              required
              autosize
              minRows={2}
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={error}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button
                type="submit"
                color="gray"
                loading={dismiss.isPending}
                disabled={!reason.trim()}
              >
                Dismiss
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function GapRow({
  workspaceId,
  gap,
  onCreate,
  onDismiss,
}: {
  workspaceId: string;
  gap: Gap;
  onCreate: () => void;
  onDismiss: () => void;
}) {
  return (
    <Table.Tr data-testid={`gap-row-${gap.conversationId}`}>
      <Table.Td>
        <Badge color={GAP_SEVERITY_COLORS[gap.severity]} variant="light">
          {gap.severity}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/w/${workspaceId}/meetings/${gap.conversationId}`} fw={500}>
          {gap.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          {formatDate(gap.startedAt)} · {Math.round(gap.durationSeconds / 60)} min ·{' '}
          {GAP_CAUSE_LABELS[gap.cause]}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{gap.account.name}</Text>
        <Text size="xs" c="dimmed">
          {gap.openDeals.length === 0
            ? 'No open deal'
            : `${gap.openDeals.length} open deal${gap.openDeals.length === 1 ? '' : 's'}`}{' '}
          · {gap.totalContacts} contacts
        </Text>
      </Table.Td>
      <Table.Td>{gap.rep.name ?? gap.rep.email ?? '—'}</Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button size="xs" onClick={onCreate}>
            Create deal
          </Button>
          <Button size="xs" variant="default" onClick={onDismiss}>
            Dismiss
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** `/w/:workspaceId/gaps`: customer conversations linked to an account but to no deal. */
export function GapsPage() {
  const { workspace } = useWorkspaceContext();
  useDocumentTitle(`Conversations without deals · ${workspace.name} · Pandora`);
  const gaps = useGaps(workspace.id);
  const [creating, setCreating] = useState<Gap | null>(null);
  const [dismissing, setDismissing] = useState<Gap | null>(null);
  const rows = gaps.data?.pages.flatMap((page) => page.gaps);

  let content;
  if (!rows) {
    content = gaps.isError ? (
      <QueryError
        title="Could not load the conversations without deals"
        error={gaps.error}
        onRetry={() => void gaps.refetch()}
        retrying={gaps.isFetching}
      />
    ) : (
      <TableSkeleton rows={5} />
    );
  } else if (rows.length === 0) {
    content = (
      <Text c="dimmed" ta="center" py="lg" data-testid="gaps-empty">
        Every customer conversation has its deal.
      </Text>
    );
  } else {
    content = (
      <>
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm" data-testid="gaps-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Severity</Table.Th>
                <Table.Th>Meeting</Table.Th>
                <Table.Th>Account</Table.Th>
                <Table.Th>Rep</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((gap) => (
                <GapRow
                  key={gap.conversationId}
                  workspaceId={workspace.id}
                  gap={gap}
                  onCreate={() => setCreating(gap)}
                  onDismiss={() => setDismissing(gap)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {gaps.hasNextPage && (
          <Group justify="center" mt="sm">
            <Button
              variant="default"
              loading={gaps.isFetchingNextPage}
              onClick={() => void gaps.fetchNextPage()}
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
      <div>
        <Title order={2}>Conversations without deals</Title>
        <Text c="dimmed" size="sm">
          Customer meetings linked to an account but to no deal: create the missing deal, or dismiss
          the ones that need none
        </Text>
      </div>
      <Card withBorder radius="md" padding="lg">
        {content}
      </Card>
      <CreateDealDrawer
        workspaceId={workspace.id}
        gap={creating}
        onClose={() => setCreating(null)}
      />
      <DismissModal
        workspaceId={workspace.id}
        gap={dismissing}
        onClose={() => setDismissing(null)}
      />
    </Stack>
  );
}
