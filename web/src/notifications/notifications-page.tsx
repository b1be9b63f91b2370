import { Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { notifyError } from '../notify';
import { useWorkspaceContext } from '../workspace-context';
import { NotificationRow } from './notification-row';
import { useMarkRead, useNotificationList } from './queries';

/** `/w/:workspaceId/notifications[?filter=unread]`: everything the caller was told, newest first. */
export function NotificationsPage() {
  const { workspace } = useWorkspaceContext();
  useDocumentTitle(`Notifications · ${workspace.name} · Pandora`);
  const [searchParams, setSearchParams] = useSearchParams();
  const unreadOnly = searchParams.get('filter') === 'unread';
  const list = useNotificationList(workspace.id, unreadOnly);
  const markRead = useMarkRead(workspace.id);
  const mark = (ids?: string[]) =>
    markRead.mutate(ids, { onError: (error) => notifyError('Could not mark read', error) });
  const notifications = list.data?.pages.flatMap((page) => page.notifications) ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Notifications</Title>
          <Text c="dimmed" size="sm">
            What Pandora told you in the console; how each kind reaches you elsewhere is in{' '}
            <Text
              component={Link}
              to={`/w/${workspace.id}/notifications/preferences`}
              c="blue"
              inherit
            >
              your preferences
            </Text>
          </Text>
        </div>
        <Group gap="sm">
          <SegmentedControl
            size="xs"
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(value) =>
              setSearchParams(value === 'unread' ? { filter: 'unread' } : {}, { replace: true })
            }
            data={[
              { value: 'all', label: 'All' },
              { value: 'unread', label: 'Unread' },
            ]}
            aria-label="Show"
          />
          <Button
            size="xs"
            variant="default"
            onClick={() => mark()}
            loading={markRead.isPending && markRead.variables === undefined}
            disabled={notifications.every((n) => n.readAt)}
          >
            Mark all read
          </Button>
        </Group>
      </Group>

      {list.isError && !list.data ? (
        <QueryError
          title="Could not load notifications"
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : list.isPending ? (
        <TableSkeleton rows={5} />
      ) : notifications.length === 0 ? (
        <Card withBorder padding="xl">
          <Text c="dimmed" ta="center">
            {unreadOnly ? 'Nothing unread.' : 'No notifications yet.'}
          </Text>
        </Card>
      ) : (
        <Card withBorder padding="md">
          <Stack gap="md">
            {notifications.map((n) => (
              <NotificationRow
                key={n.id}
                notification={n}
                workspaceId={workspace.id}
                onMarkRead={(id) => mark([id])}
                markingRead={markRead.isPending && markRead.variables?.[0] === n.id}
                showBody
              />
            ))}
          </Stack>
        </Card>
      )}

      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}
