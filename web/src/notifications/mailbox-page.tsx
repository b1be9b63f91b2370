import { Alert, Badge, Center, Code, Grid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ResponseBody } from '../../../src/client/index.js';
import { ApiError, call, client } from '../api';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatDateTime } from '../format';
import { useWorkspaceContext } from '../workspace-context';

type MailboxMessage = ResponseBody<
  '/api/workspaces/{workspaceId}/sandbox-mailbox',
  'get'
>['messages'][number];

export const mailboxKeys = {
  list: (workspaceId: string) => ['workspace', workspaceId, 'sandbox-mailbox'] as const,
};

function useSandboxMailbox(workspaceId: string) {
  return useQuery({
    queryKey: mailboxKeys.list(workspaceId),
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/sandbox-mailbox', {
            params: { path: { workspaceId }, query: { limit: 100 } },
          }),
        )
      ).messages,
    // New mail arrives as the workers deliver it; a mailbox is checked, not streamed.
    refetchInterval: 10_000,
    retry: (count, error) => !(error instanceof ApiError && error.status === 409) && count < 2,
  });
}

/**
 * An email as sent, inside a frame that runs nothing and reaches nothing of the console's
 * (an empty sandbox bar popups): email HTML is untrusted content. Links open in a new tab.
 */
function EmailFrame({ message }: { message: MailboxMessage }) {
  if (!message.html) {
    return (
      <Code block data-testid="mailbox-text">
        {message.text}
      </Code>
    );
  }
  return (
    <iframe
      title={`Email: ${message.subject}`}
      data-testid="mailbox-html"
      sandbox="allow-popups allow-popups-to-escape-sandbox"
      srcDoc={`<base target="_blank">${message.html}`}
      style={{ width: '100%', height: 560, border: '1px solid var(--mantine-color-gray-3)' }}
    />
  );
}

/** What the sandbox's SMTP server received: the demo's email, without a mail client. */
export function MailboxPage() {
  useDocumentTitle('Mailbox · Pandora');
  const { workspace, isAdmin } = useWorkspaceContext();
  const mailbox = useSandboxMailbox(workspace.id);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const messages = mailbox.data ?? [];
  const selected = messages.find((message) => message.id === selectedId) ?? messages[0];
  const unavailable = mailbox.error instanceof ApiError && mailbox.error.status === 409;

  return (
    <Stack data-testid="mailbox-page">
      <Title order={2}>Sandbox mailbox</Title>
      <Text c="dimmed" size="sm">
        Email Pandora sent through the sandbox&apos;s SMTP server
        {isAdmin ? ' to this workspace’s members' : ' to you'}. Nothing here left this machine.
      </Text>
      {unavailable ? (
        <Alert color="gray" title="No sandbox mailbox">
          This server sends email through SMTP_URL: read it in your mail client.
        </Alert>
      ) : mailbox.isError ? (
        <QueryError
          title="Could not load the mailbox"
          error={mailbox.error}
          onRetry={() => void mailbox.refetch()}
          retrying={mailbox.isFetching}
        />
      ) : mailbox.isLoading ? (
        <TableSkeleton rows={4} />
      ) : messages.length === 0 ? (
        <Center py="xl">
          <Text c="dimmed">No email yet.</Text>
        </Center>
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Table highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Subject</Table.Th>
                  <Table.Th>To</Table.Th>
                  <Table.Th>Received</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {messages.map((message) => (
                  <Table.Tr
                    key={message.id}
                    data-testid="mailbox-row"
                    onClick={() => setSelectedId(message.id)}
                    bg={message.id === selected?.id ? 'var(--mantine-color-blue-light)' : undefined}
                    style={{ cursor: 'pointer' }}
                  >
                    <Table.Td>{message.subject}</Table.Td>
                    <Table.Td>{message.to.join(', ')}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {formatDateTime(message.receivedAt)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {selected && (
              <Stack gap="xs">
                <Title order={4}>{selected.subject}</Title>
                <Text size="sm">
                  From {selected.from} to {selected.to.join(', ')}
                </Text>
                {selected.messageId && (
                  <Badge variant="light" color="gray" w="fit-content">
                    {selected.messageId}
                  </Badge>
                )}
                <EmailFrame message={selected} />
              </Stack>
            )}
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
