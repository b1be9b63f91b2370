import {
  ActionIcon,
  Button,
  Center,
  Group,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { fieldErrors } from '../api';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatRelative } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { useDeleteSecret, useSaveSecret, useSecrets } from './queries';

/**
 * The workspace's secrets, which steps read as `{{secrets.name}}`: names and dates only;
 * a value is typed once, then only replaced, never shown.
 */
export function SecretsPanel({ workspaceId }: { workspaceId: string }) {
  const secrets = useSecrets(workspaceId, true);
  const save = useSaveSecret(workspaceId);
  const remove = useDeleteSecret(workspaceId);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const existing = new Set((secrets.data ?? []).map((secret) => secret.name));
  const replace = existing.has(name.trim());
  const errors = fieldErrors(save.error);

  return (
    <Stack gap="md" data-testid="secrets">
      <Group align="flex-end">
        <TextInput
          label="Secret name"
          description="Steps read it as {{secrets.name}}"
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <PasswordInput
          label="Value"
          value={value}
          error={errors.value}
          onChange={(event) => setValue(event.currentTarget.value)}
          autoComplete="new-password"
        />
        <Button
          loading={save.isPending}
          disabled={!name.trim() || !value}
          onClick={() =>
            save.mutate(
              { name: name.trim(), value, replace },
              {
                onSuccess: () => {
                  notifySuccess(replace ? `Replaced ${name.trim()}` : `Saved ${name.trim()}`);
                  setName('');
                  setValue('');
                },
                onError: (error) => notifyError('Could not save the secret', error),
              },
            )
          }
        >
          {replace ? 'Replace value' : 'Add secret'}
        </Button>
      </Group>
      {secrets.isPending ? (
        <TableSkeleton />
      ) : secrets.isError ? (
        <QueryError
          title="Could not load the secrets"
          error={secrets.error}
          onRetry={() => void secrets.refetch()}
        />
      ) : secrets.data.length === 0 ? (
        <Center py="md">
          <Text c="dimmed">No secrets yet.</Text>
        </Center>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Template</Table.Th>
              <Table.Th>Changed</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {secrets.data.map((secret) => (
              <Table.Tr key={secret.name}>
                <Table.Td ff="monospace">{secret.name}</Table.Td>
                <Table.Td ff="monospace">{`{{secrets.${secret.name}}}`}</Table.Td>
                <Table.Td>{formatRelative(secret.updatedAt)}</Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Delete ${secret.name}`}
                    loading={remove.isPending && remove.variables === secret.name}
                    onClick={() =>
                      remove.mutate(secret.name, {
                        onError: (error) => notifyError('Could not delete the secret', error),
                      })
                    }
                  >
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
