import { Button, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { TableSkeleton } from '../components/table-skeleton';
import { QueryError } from '../components/query-error';
import { ConversationSourcesSection } from '../conversations/sources-section';
import { useConnections } from '../queries';
import { useWorkspaceContext } from '../workspace-context';
import { ConnectCrmModal } from './connect-crm-modal';
import { ConnectionCard } from './connection-card';
import { WriteLog } from './write-log';

/**
 * After the CRM's consent screen the server sends the browser back with `connected=<id>`
 * or `error=<message>`: say what happened once, then drop them from the URL so a reload
 * does not say it again.
 */
function useOAuthOutcome(connectionName: (id: string) => string | undefined, ready: boolean) {
  const [searchParams, setSearchParams] = useSearchParams();
  const connected = searchParams.get('connected');
  const error = searchParams.get('error');

  useEffect(() => {
    if ((!connected && !error) || !ready) return;
    if (connected) {
      const name = connectionName(connected);
      notifications.show({
        // An id, so React's double effects in development do not show it twice.
        id: `oauth-connected-${connected}`,
        color: 'green',
        title: 'CRM connected',
        message: name
          ? `“${name}” is connected; its first sync is queued`
          : 'Its first sync is queued',
      });
    } else if (error) {
      notifications.show({
        id: `oauth-error-${error}`,
        color: 'red',
        title: 'The CRM sign-in did not finish',
        message: error,
        autoClose: 12_000,
      });
    }
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('connected');
        next.delete('error');
        return next;
      },
      { replace: true },
    );
  }, [connected, error, ready, connectionName, setSearchParams]);
}

/** Settings → CRM connections: a card per connection, connecting new ones, and the write log. */
export function ConnectionsTab() {
  const { workspace, isAdmin } = useWorkspaceContext();
  const connections = useConnections(workspace.id);
  const [connectOpened, { open: openConnect, close: closeConnect }] = useDisclosure(false);
  const list = connections.data;
  useOAuthOutcome(
    (id) => list?.find((connection) => connection.id === id)?.name,
    !connections.isPending,
  );

  let content;
  if (!list) {
    content = connections.isError ? (
      <QueryError
        title="Could not load the connections"
        error={connections.error}
        onRetry={() => void connections.refetch()}
        retrying={connections.isFetching}
      />
    ) : (
      <TableSkeleton rows={3} />
    );
  } else if (list.length === 0) {
    content = (
      <Card withBorder radius="md" padding="xl">
        <Stack align="center" gap={6} data-testid="connections-empty">
          <ThemeIcon variant="light" size="xl" radius="xl" aria-hidden>
            ⇄
          </ThemeIcon>
          <Text fw={600}>No CRM connected yet</Text>
          <Text size="sm" c="dimmed" ta="center" maw={460}>
            {isAdmin
              ? 'Connect HubSpot or Salesforce, or the sandbox CRM to try Pandora on demo data.'
              : 'An admin of this workspace can connect HubSpot or Salesforce.'}
          </Text>
          {isAdmin && (
            <Button mt="sm" onClick={openConnect}>
              Connect a CRM
            </Button>
          )}
        </Stack>
      </Card>
    );
  } else {
    content = (
      <Stack gap="md" data-testid="connections-list">
        {list.map((connection) => (
          <ConnectionCard
            key={connection.id}
            workspaceId={workspace.id}
            connection={connection}
            isAdmin={isAdmin}
          />
        ))}
      </Stack>
    );
  }

  return (
    <Stack gap="xl">
      <div>
        <Group justify="space-between" mb="md">
          <Text size="sm" c="dimmed">
            {isAdmin
              ? 'Pandora reads your CRM on a schedule and writes back only what you approve.'
              : 'Only admins can connect, test, sync or change connections.'}
          </Text>
          {isAdmin && list && list.length > 0 && (
            <Button onClick={openConnect}>Connect a CRM</Button>
          )}
        </Group>
        {content}
      </div>
      <ConversationSourcesSection workspaceId={workspace.id} isAdmin={isAdmin} />
      <Card withBorder radius="md" padding="lg">
        <WriteLog workspaceId={workspace.id} />
      </Card>
      {isAdmin && (
        <ConnectCrmModal workspaceId={workspace.id} opened={connectOpened} onClose={closeConnect} />
      )}
    </Stack>
  );
}
