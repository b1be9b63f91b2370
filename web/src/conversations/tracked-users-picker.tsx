import {
  Alert,
  Button,
  Checkbox,
  Group,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { call, client } from '../api';
import { notifySuccess } from '../notify';
import { conversationKeys } from './queries';
import type { ConversationSource } from './types';

interface TrackedUsersPickerProps {
  workspaceId: string;
  source: ConversationSource;
  onDone: () => void;
}

/**
 * The second connect step: the recorder's user directory, and the reps whose calls
 * Pandora syncs. Saving queues a sync of those reps' calls.
 */
export function TrackedUsersPicker({ workspaceId, source, onDone }: TrackedUsersPickerProps) {
  const queryClient = useQueryClient();
  const path = { params: { path: { workspaceId, sourceId: source.id } } };
  const directory = useQuery({
    queryKey: [...conversationKeys.sources(workspaceId), source.id, 'users'] as const,
    queryFn: () =>
      call(client.GET('/api/workspaces/{workspaceId}/conversation-sources/{sourceId}/users', path)),
  });
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const [search, setSearch] = useState('');
  const users = directory.data?.users;
  const selected = picked ?? new Set(users?.filter((u) => u.tracked).map((u) => u.id) ?? []);
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (users ?? []).filter(
      (user) =>
        !needle ||
        user.email.toLowerCase().includes(needle) ||
        user.name.toLowerCase().includes(needle) ||
        (user.title ?? '').toLowerCase().includes(needle),
    );
  }, [users, search]);

  const save = useMutation({
    mutationFn: () =>
      call(
        client.PUT('/api/workspaces/{workspaceId}/conversation-sources/{sourceId}/tracked-users', {
          ...path,
          body: { userIds: [...selected] },
        }),
      ),
    onSuccess: async ({ source: saved, syncQueued }) => {
      notifySuccess(
        `Tracking ${saved.trackedUserIds.length} reps in “${saved.name}”${syncQueued ? '; their calls are syncing' : ''}`,
      );
      await queryClient.invalidateQueries({ queryKey: conversationKeys.sources(workspaceId) });
      onDone();
    },
  });

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };

  if (directory.isError) {
    return (
      <Alert color="red" variant="light" title="Could not read the user directory">
        {directory.error.message}
      </Alert>
    );
  }
  if (!users) return <Text size="sm">Reading the user directory…</Text>;

  return (
    <Stack gap="sm" data-testid="tracked-users-picker">
      <Text size="sm">
        Pick the reps whose calls Pandora brings in: {users.length} people in the directory.
      </Text>
      <Group gap="xs">
        <TextInput
          placeholder="Search by name, email or title"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button
          variant="default"
          size="sm"
          onClick={() =>
            setPicked(new Set([...selected, ...shown.filter((u) => u.active).map((u) => u.id)]))
          }
        >
          Select shown
        </Button>
        <Button variant="subtle" size="sm" onClick={() => setPicked(new Set())}>
          Clear
        </Button>
      </Group>
      <ScrollArea.Autosize mah={340} type="auto">
        <Table verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {shown.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td w={36}>
                  <Checkbox
                    aria-label={`Track ${user.name}`}
                    checked={selected.has(user.id)}
                    onChange={(event) => toggle(user.id, event.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  {user.name}
                  {!user.active && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (inactive)
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td c="dimmed">{user.title ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {save.isError && (
        <Alert color="red" variant="light">
          {save.error.message}
        </Alert>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {selected.size} selected
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={onDone}>
            Later
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            Track {selected.size} reps
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
