import {
  ActionIcon,
  Anchor,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { notifyError } from '../notify';
import { badgeCount } from './links';
import { NotificationRow } from './notification-row';
import { useBell, useMarkRead } from './queries';

/** A bell drawn in SVG: headless browsers and some desktops have no emoji font. */
function BellIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path
        d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8M10.3 20a1.94 1.94 0 0 0 3.4 0"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * The header's bell: the caller's unread count, live through `notificationCreated`, and a
 * dropdown with the latest notifications, each marked read on its own or all at once.
 */
export function NotificationBell({ workspaceId }: { workspaceId: string }) {
  const [opened, setOpened] = useState(false);
  const { latest } = useBell(workspaceId);
  const markRead = useMarkRead(workspaceId);
  const count = latest.data?.unread ?? 0;
  const list = latest.data?.notifications ?? [];
  const mark = (ids?: string[]) =>
    markRead.mutate(ids, { onError: (error) => notifyError('Could not mark read', error) });
  const base = `/w/${workspaceId}/notifications`;

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      width={380}
      position="bottom-end"
      shadow="md"
      withinPortal
    >
      <Popover.Target>
        <Indicator
          label={badgeCount(count)}
          size={16}
          offset={4}
          color="red"
          disabled={count === 0}
          data-testid="notification-count"
        >
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => setOpened((was) => !was)}
            aria-label={`Notifications (${badgeCount(count)} unread)`}
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="sm" data-testid="notifications">
        <Group justify="space-between" mb="xs">
          <Text fw={600} size="sm">
            Notifications
          </Text>
          {count > 0 && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => mark()}
              loading={markRead.isPending && markRead.variables === undefined}
            >
              Mark all read
            </Button>
          )}
        </Group>
        <ScrollArea.Autosize mah={420} type="auto">
          <Stack gap="sm">
            {latest.isError && list.length === 0 ? (
              <Text size="sm" c="red">
                Could not load notifications.
              </Text>
            ) : list.length === 0 ? (
              <Text size="sm" c="dimmed">
                {latest.isPending ? 'Loading…' : 'Nothing yet.'}
              </Text>
            ) : (
              list.map((n) => (
                <NotificationRow
                  key={n.id}
                  notification={n}
                  workspaceId={workspaceId}
                  onOpen={() => setOpened(false)}
                  onMarkRead={(id) => mark([id])}
                  markingRead={markRead.isPending && markRead.variables?.[0] === n.id}
                />
              ))
            )}
          </Stack>
        </ScrollArea.Autosize>
        <Divider my="xs" />
        <Group justify="space-between">
          <Anchor component={Link} to={base} size="sm" onClick={() => setOpened(false)}>
            See all
          </Anchor>
          <Anchor
            component={Link}
            to={`${base}/preferences`}
            size="sm"
            onClick={() => setOpened(false)}
          >
            Preferences
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
