import { Badge, Button, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, client, type Invitation } from '../api';
import { formatDate } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { queryKeys, useInvitations } from '../queries';

/** The workspace's open invitations, for admins: who was asked, by whom, until when. */
export function InvitationsTable({ workspaceId }: { workspaceId: string }) {
  const invitations = useInvitations(workspaceId, true);
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: (invitation: Invitation) =>
      call(
        client.DELETE('/api/workspaces/{workspaceId}/invitations/{invitationId}', {
          params: { path: { workspaceId, invitationId: invitation.id } },
        }),
      ),
    onSuccess: (_, invitation) => notifySuccess(`Withdrew the invitation to ${invitation.email}`),
    onError: (error) => notifyError('Could not withdraw the invitation', error),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.invitations(workspaceId) }),
  });

  if (!invitations.data?.length) return null;
  return (
    <>
      <Title order={4} mt="xl" mb="sm">
        Invited
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" data-testid="invitations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Invited by</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.data.map((invitation) => (
              <Table.Tr key={invitation.id} data-testid={`invitation-row-${invitation.email}`}>
                <Table.Td>{invitation.email}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={invitation.role === 'admin' ? 'blue' : 'gray'}>
                    {invitation.role}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{invitation.invitedBy?.email ?? 'an API key'}</Text>
                </Table.Td>
                <Table.Td>{formatDate(invitation.expiresAt)}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    aria-label={`Withdraw the invitation to ${invitation.email}`}
                    loading={withdraw.isPending && withdraw.variables.id === invitation.id}
                    onClick={() => withdraw.mutate(invitation)}
                  >
                    Withdraw
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
