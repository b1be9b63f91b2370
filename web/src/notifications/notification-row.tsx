import { ActionIcon, Anchor, Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime, formatRelative } from '../format';
import { SEVERITY_COLORS, consoleLink } from './links';
import type { Notification } from './types';

/**
 * One notification as the bell and the page show it: unread in bold with a dot, its
 * severity when not plain information, when, and a link into the console that also marks
 * it read.
 */
export function NotificationRow({
  notification: n,
  workspaceId,
  onOpen,
  onMarkRead,
  markingRead,
  showBody = false,
}: {
  notification: Notification;
  workspaceId: string;
  onOpen?: () => void;
  onMarkRead: (id: string) => void;
  markingRead?: boolean;
  showBody?: boolean;
}) {
  const unread = !n.readAt;
  // Its own link (an inbox item, an anomaly...), else the action it is about.
  const href = consoleLink(workspaceId, n.link ?? (n.actionId ? `/actions/${n.actionId}` : null));
  const title = (
    <Text size="sm" fw={unread ? 600 : 400} lineClamp={2}>
      {n.title}
    </Text>
  );
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      align="flex-start"
      data-testid="notification"
      data-unread={unread || undefined}
    >
      <Text
        c={unread ? 'blue' : 'transparent'}
        size="xs"
        mt={4}
        aria-label={unread ? 'Unread' : undefined}
      >
        ●
      </Text>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        {href ? (
          <Anchor
            component={Link}
            to={href}
            c="inherit"
            underline="hover"
            onClick={() => {
              if (unread) onMarkRead(n.id);
              onOpen?.();
            }}
          >
            {title}
          </Anchor>
        ) : (
          title
        )}
        {showBody && n.body && (
          <Text size="sm" c="dimmed" lineClamp={3}>
            {n.body}
          </Text>
        )}
        <Group gap={6}>
          {n.severity !== 'info' && (
            <Badge size="xs" variant="light" color={SEVERITY_COLORS[n.severity]}>
              {n.critical ? `${n.severity}, urgent` : n.severity}
            </Badge>
          )}
          <Text size="xs" c="dimmed" title={formatDateTime(n.createdAt)}>
            {formatRelative(n.createdAt)}
          </Text>
        </Group>
      </Stack>
      {unread && (
        <Tooltip label="Mark read" withArrow>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-label={`Mark read: ${n.title}`}
            onClick={() => onMarkRead(n.id)}
            loading={markingRead}
          >
            ✓
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
