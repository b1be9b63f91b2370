import { Badge, Button, Code, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, client, type ApiKey } from '../api';
import { ConfirmModal } from '../components/confirm-modal';
import { CreateApiKeyModal } from '../components/create-api-key-modal';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatDate, formatDateTime } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { queryKeys, useApiKeys } from '../queries';
import { useWorkspaceContext } from '../workspace-context';

function StatusBadge({ apiKey }: { apiKey: ApiKey }) {
  if (!apiKey.revokedAt) {
    return (
      <Badge color="green" variant="light">
        Active
      </Badge>
    );
  }
  return (
    <Tooltip label={`Revoked ${formatDateTime(apiKey.revokedAt)}`} withArrow>
      <Badge color="gray" variant="light">
        Revoked
      </Badge>
    </Tooltip>
  );
}

export function ApiKeysTab() {
  const { workspace, user, isAdmin } = useWorkspaceContext();
  const apiKeys = useApiKeys(workspace.id);
  const queryClient = useQueryClient();
  const [createOpened, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  // A fresh modal per opening: reopening during the closing animation must not show the last secret.
  const [createKey, setCreateKey] = useState(0);
  // Kept after the modal closes so its text does not vanish during the closing animation.
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [confirmOpened, { open: openConfirm, close: closeConfirm }] = useDisclosure(false);

  const revoke = useMutation({
    mutationFn: (apiKey: ApiKey) =>
      call(
        client.DELETE('/api/workspaces/{workspaceId}/api-keys/{keyId}', {
          params: { path: { workspaceId: workspace.id, keyId: apiKey.id } },
        }),
      ),
    onSuccess: ({ apiKey }) => {
      closeConfirm();
      notifySuccess(`Revoked API key “${apiKey.name}”`);
    },
    onError: (error) => {
      closeConfirm();
      notifyError('Could not revoke the API key', error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys(workspace.id) }),
  });

  // Mirrors the server: admins revoke any key, members only the keys they created.
  const canRevoke = (apiKey: ApiKey) => isAdmin || apiKey.createdBy?.id === user?.id;

  let content;
  if (apiKeys.isPending) {
    content = <TableSkeleton />;
  } else if (!apiKeys.data) {
    content = (
      <QueryError
        title="Could not load the API keys"
        error={apiKeys.error}
        onRetry={() => void apiKeys.refetch()}
        retrying={apiKeys.isFetching}
      />
    );
  } else if (apiKeys.data.length === 0) {
    content = (
      <Stack align="center" gap={6} py="xl" data-testid="api-keys-empty">
        <Text fw={600}>No API keys yet</Text>
        <Text size="sm" c="dimmed" ta="center" maw={420}>
          Create one to call the REST or GraphQL API from a script or another service.
        </Text>
      </Stack>
    );
  } else {
    content = (
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" highlightOnHover data-testid="api-keys-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {apiKeys.data.map((apiKey) => (
              <Table.Tr key={apiKey.id} data-testid={`api-key-row-${apiKey.id}`}>
                <Table.Td fw={500}>{apiKey.name}</Table.Td>
                <Table.Td>{apiKey.role}</Table.Td>
                <Table.Td>
                  <Code>{apiKey.prefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(apiKey.createdAt)}</Text>
                  {apiKey.createdBy && (
                    <Text size="xs" c="dimmed">
                      by {apiKey.createdBy.email}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : 'never'}
                </Table.Td>
                <Table.Td>
                  <StatusBadge apiKey={apiKey} />
                </Table.Td>
                <Table.Td ta="right">
                  {!apiKey.revokedAt && (
                    <Tooltip
                      label="Only admins can revoke keys created by someone else"
                      disabled={canRevoke(apiKey)}
                      withArrow
                    >
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        aria-label={`Revoke ${apiKey.name}`}
                        // data-disabled, not disabled: a disabled button would not show the tooltip.
                        data-disabled={!canRevoke(apiKey) || undefined}
                        aria-disabled={!canRevoke(apiKey) || undefined}
                        onClick={() => {
                          if (!canRevoke(apiKey)) return;
                          setRevoking(apiKey);
                          openConfirm();
                        }}
                      >
                        Revoke
                      </Button>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <>
      <Group justify="space-between" mb="md">
        <Text size="sm" c="dimmed">
          Programs authenticate with <Code>Authorization: Bearer &lt;key&gt;</Code>.
        </Text>
        <Button
          onClick={() => {
            setCreateKey((key) => key + 1);
            openCreate();
          }}
        >
          Create API key
        </Button>
      </Group>
      {content}
      <CreateApiKeyModal
        key={createKey}
        workspaceId={workspace.id}
        canCreateAdmin={isAdmin}
        opened={createOpened}
        onClose={closeCreate}
      />
      <ConfirmModal
        opened={confirmOpened}
        title="Revoke API key"
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        onClose={closeConfirm}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        {revoking && (
          <>
            Revoke <b>{revoking.name}</b> (<Code>{revoking.prefix}…</Code>)? Anything using it is
            refused from now on. This cannot be undone.
          </>
        )}
      </ConfirmModal>
    </>
  );
}
