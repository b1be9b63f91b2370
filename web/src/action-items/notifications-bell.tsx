import { ActionIcon, Badge, Button, Indicator, Popover, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatRelative } from '../format';
import { actionsApi } from './api';

/** The header's in-app notifications: unread count, the latest, and mark all read. */
export function NotificationsBell({ workspaceId }: { workspaceId: string }) {
  const queryClient = useQueryClient();
  const key = ['workspace', workspaceId, 'notifications'] as const;
  const notifications = useQuery({
    queryKey: key,
    queryFn: async () => (await actionsApi.notifications(workspaceId)).notifications,
    refetchInterval: 60_000,
  });
  const markRead = useMutation({
    mutationFn: () => actionsApi.markRead(workspaceId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const list = notifications.data ?? [];
  const unread = list.filter((n) => !n.readAt).length;
  return (
    <Popover width={340} position="bottom-end" shadow="md">
      <Popover.Target>
        <Indicator
          label={unread}
          size={16}
          disabled={unread === 0}
          data-testid="notifications-unread"
        >
          <ActionIcon variant="default" aria-label={`Notifications (${unread} unread)`}>
            🔔
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown data-testid="notifications">
        <Stack gap="xs">
          {list.length === 0 ? (
            <Text size="sm" c="dimmed">
              No notifications.
            </Text>
          ) : (
            list.map((n) => (
              <Stack key={n.id} gap={0}>
                <Text size="sm" fw={n.readAt ? 400 : 600}>
                  {n.actionId ? (
                    <Link to={`/w/${workspaceId}/actions/${n.actionId}`}>{n.title}</Link>
                  ) : (
                    n.title
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {n.body} · {formatRelative(n.createdAt)}{' '}
                  {!n.readAt && (
                    <Badge size="xs" variant="light">
                      new
                    </Badge>
                  )}
                </Text>
              </Stack>
            ))
          )}
          {unread > 0 && (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => markRead.mutate()}
              loading={markRead.isPending}
            >
              Mark all read
            </Button>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
