import { Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { call, client, type Member, type Role } from '../api';
import { InvitationsTable } from '../components/invitations-table';
import { InviteMemberModal } from '../components/invite-member-modal';
import { ConfirmModal } from '../components/confirm-modal';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatDate } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { queryKeys, useMembers } from '../queries';
import { ROLE_OPTIONS, isRole } from '../roles';
import { useWorkspaceContext } from '../workspace-context';

export function MembersTab() {
  const { workspace, user, isAdmin } = useWorkspaceContext();
  const members = useMembers(workspace.id);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [addOpened, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  // Kept after the modal closes so its text does not vanish during the closing animation.
  const [removing, setRemoving] = useState<Member | null>(null);
  const [confirmOpened, { open: openConfirm, close: closeConfirm }] = useDisclosure(false);

  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      call(
        client.PATCH('/api/workspaces/{workspaceId}/members/{userId}', {
          params: { path: { workspaceId: workspace.id, userId } },
          body: { role },
        }),
      ),
    onSuccess: async ({ member }) => {
      notifySuccess(`${member.name || member.email} is now ${member.role}`);
      // Demoting yourself changes what this console lets you do.
      if (member.userId === user?.id) {
        await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      }
    },
    onError: (error) => notifyError('Could not change the role', error),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.members(workspace.id) }),
  });

  const remove = useMutation({
    mutationFn: (member: Member) =>
      call(
        client.DELETE('/api/workspaces/{workspaceId}/members/{userId}', {
          params: { path: { workspaceId: workspace.id, userId: member.userId } },
        }),
      ),
    onSuccess: async (_, member) => {
      closeConfirm();
      notifySuccess(`Removed ${member.email} from ${workspace.name}`);
      if (member.userId === user?.id) {
        // Dropped first, so `/` does not send us back here from the stale list.
        queryClient.removeQueries({ queryKey: queryKeys.me });
        await navigate('/', { replace: true });
      }
    },
    onError: (error) => {
      closeConfirm();
      notifyError('Could not remove the member', error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.members(workspace.id) }),
  });

  if (!members.data) {
    if (!members.isError) return <TableSkeleton />;
    return (
      <QueryError
        title="Could not load the members"
        error={members.error}
        onRetry={() => void members.refetch()}
        retrying={members.isFetching}
      />
    );
  }

  return (
    <>
      <Group justify="space-between" mb="md">
        <Text size="sm" c="dimmed">
          {isAdmin
            ? 'Admins manage members, connections and every API key.'
            : 'Only admins can invite, remove or change members.'}
        </Text>
        {isAdmin && <Button onClick={openAdd}>Invite member</Button>}
      </Group>

      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" highlightOnHover data-testid="members-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Joined</Table.Th>
              {isAdmin && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data.map((member) => {
              const isSelf = member.userId === user?.id;
              const rolePending =
                changeRole.isPending && changeRole.variables.userId === member.userId;
              return (
                <Table.Tr key={member.userId} data-testid={`member-row-${member.email}`}>
                  <Table.Td fw={500}>
                    {member.name || '—'}
                    {isSelf && (
                      <Badge ml="xs" size="xs" variant="outline">
                        you
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{member.email}</Table.Td>
                  <Table.Td>
                    {isAdmin ? (
                      <Select
                        aria-label={`Role of ${member.email}`}
                        size="xs"
                        w={130}
                        data={ROLE_OPTIONS}
                        allowDeselect={false}
                        value={rolePending ? changeRole.variables.role : member.role}
                        disabled={rolePending}
                        onChange={(role) => {
                          if (isRole(role) && role !== member.role) {
                            changeRole.mutate({ userId: member.userId, role });
                          }
                        }}
                      />
                    ) : (
                      <Badge variant="light" color={member.role === 'admin' ? 'blue' : 'gray'}>
                        {member.role}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(member.createdAt)}</Table.Td>
                  {isAdmin && (
                    <Table.Td ta="right">
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        aria-label={`Remove ${member.email}`}
                        onClick={() => {
                          setRemoving(member);
                          openConfirm();
                        }}
                      >
                        Remove
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {isAdmin && <InvitationsTable workspaceId={workspace.id} />}
      {isAdmin && (
        <InviteMemberModal workspaceId={workspace.id} opened={addOpened} onClose={closeAdd} />
      )}
      <ConfirmModal
        opened={confirmOpened}
        title="Remove member"
        confirmLabel="Remove member"
        pending={remove.isPending}
        onClose={closeConfirm}
        onConfirm={() => removing && remove.mutate(removing)}
      >
        {removing && (
          <>
            Remove <b>{removing.name || removing.email}</b> ({removing.email}) from {workspace.name}
            ? They lose access at once; their account and any other workspaces stay.
            {removing.userId === user?.id && ' You are removing yourself.'}
          </>
        )}
      </ConfirmModal>
    </>
  );
}
