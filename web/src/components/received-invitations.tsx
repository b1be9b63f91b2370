import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { call, client, type ReceivedInvitation } from '../api';
import { notifyError, notifySuccess } from '../notify';
import { queryKeys, useMyInvitations } from '../queries';

/**
 * Invitations addressed to the signed-in person, each with Accept and Decline. Accepting
 * opens the workspace. Renders nothing when there are none (or for an API key).
 */
export function ReceivedInvitations({ enabled, mb }: { enabled: boolean; mb?: string }) {
  const invitations = useMyInvitations(enabled);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const settle = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.myInvitations }),
      queryClient.invalidateQueries({ queryKey: queryKeys.me }),
    ]);
  const accept = useMutation({
    mutationFn: (invitation: ReceivedInvitation) =>
      call(
        client.POST('/api/me/invitations/{invitationId}/accept', {
          params: { path: { invitationId: invitation.id } },
        }),
      ),
    onSuccess: async ({ workspace }) => {
      notifySuccess(`You joined ${workspace.name}`);
      await settle();
      await navigate(`/w/${workspace.id}`);
    },
    onError: (error) => notifyError('Could not accept the invitation', error),
  });
  const decline = useMutation({
    mutationFn: (invitation: ReceivedInvitation) =>
      call(
        client.POST('/api/me/invitations/{invitationId}/decline', {
          params: { path: { invitationId: invitation.id } },
        }),
      ),
    onSettled: settle,
    onError: (error) => notifyError('Could not decline the invitation', error),
  });

  if (!invitations.data?.length) return null;
  const busy = (invitation: ReceivedInvitation) =>
    (accept.isPending && accept.variables.id === invitation.id) ||
    (decline.isPending && decline.variables.id === invitation.id);
  return (
    <Stack gap="xs" mb={mb} data-testid="received-invitations">
      {invitations.data.map((invitation) => (
        <Alert key={invitation.id} variant="light" color="blue">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">
              {invitation.invitedBy?.email ?? 'An admin'} invited you to{' '}
              <b>{invitation.workspaceName}</b> as {invitation.role}.
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Button
                size="xs"
                variant="default"
                disabled={busy(invitation)}
                onClick={() => decline.mutate(invitation)}
              >
                Decline
              </Button>
              <Button
                size="xs"
                loading={accept.isPending && accept.variables.id === invitation.id}
                disabled={busy(invitation)}
                onClick={() => accept.mutate(invitation)}
              >
                Accept
              </Button>
            </Group>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
