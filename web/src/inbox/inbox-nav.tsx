import { Badge, Button, NavLink } from '@mantine/core';
import { Link } from 'react-router';
import { useInboxCount } from './queries';

/** The header's inbox button with what waits for the signed-in person. */
export function InboxHeaderButton({ workspaceId }: { workspaceId: string }) {
  const count = useInboxCount(workspaceId);
  const pending = count.data?.count ?? 0;
  return (
    <Button
      component={Link}
      to={`/w/${workspaceId}/inbox`}
      variant="default"
      size="xs"
      aria-label={`Inbox (${pending} pending)`}
      rightSection={
        pending > 0 ? (
          <Badge size="sm" color="red" circle={pending < 10} data-testid="inbox-count">
            {pending > 99 ? '99+' : pending}
          </Badge>
        ) : undefined
      }
    >
      Inbox
    </Button>
  );
}

/** The navigation's inbox entry, with the same count. */
export function InboxNavLink({
  workspaceId,
  active,
  onClick,
}: {
  workspaceId: string;
  active: boolean;
  onClick: () => void;
}) {
  const count = useInboxCount(workspaceId);
  const pending = count.data?.count ?? 0;
  return (
    <NavLink
      component={Link}
      to={`/w/${workspaceId}/inbox`}
      label="Inbox"
      active={active}
      onClick={onClick}
      rightSection={
        pending > 0 ? (
          <Badge size="xs" color="red" data-testid="inbox-nav-count">
            {pending}
          </Badge>
        ) : undefined
      }
    />
  );
}
