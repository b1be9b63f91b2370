import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call, client, fieldErrors, type Role } from '../api';
import { formatDate } from '../format';
import { notifyError } from '../notify';
import { workspacePath, queryKeys } from '../queries';
import { ROLE_OPTIONS, isRole } from '../roles';

interface InviteMemberModalProps {
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
}

/**
 * Invites someone by email. The person joins when they accept: from their console if
 * they already have an account, or through the link shown here.
 */
export function InviteMemberModal({ workspaceId, opened, onClose }: InviteMemberModalProps) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const invite = useMutation({
    mutationFn: () =>
      call(
        client.POST('/api/workspaces/{workspaceId}/invitations', {
          ...workspacePath(workspaceId),
          body: { email: email.trim(), role },
        }),
      ),
    onError: (error) => {
      setErrors(fieldErrors(error));
      notifyError('Could not invite', error);
    },
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.invitations(workspaceId) }),
  });

  const reset = () => {
    setEmail('');
    setRole('member');
    setErrors({});
    invite.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setErrors({ email: 'Enter an email like someone@example.com' });
      return;
    }
    invite.mutate();
  };

  const sent = invite.data;
  return (
    <Modal
      opened={opened}
      onClose={invite.isPending ? () => undefined : onClose}
      onExitTransitionEnd={reset}
      title={sent ? 'Invitation ready' : 'Invite member'}
      closeOnClickOutside={!sent}
      centered
      size="lg"
    >
      {sent ? (
        <Stack>
          <Text size="sm">
            Send this link to <b>{sent.invitation.email}</b>. They join as {sent.invitation.role}{' '}
            when they accept it, before {formatDate(sent.invitation.expiresAt)}. If they already use
            Pandora, the invitation also waits for them in their console.
          </Text>
          <Code
            block
            data-testid="invite-url"
            style={{ userSelect: 'all', wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
          >
            {sent.inviteUrl}
          </Code>
          <Alert color="yellow" variant="light">
            The link is shown only now. Anyone who has it can accept for that email.
          </Alert>
          <Group justify="flex-end">
            <CopyButton value={sent.inviteUrl}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : 'blue'} onClick={copy}>
                  {copied ? 'Copied' : 'Copy link'}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label="Email"
              type="email"
              data-autofocus
              value={email}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
                setErrors({});
              }}
              error={errors.email}
            />
            <Select
              label="Role"
              data={ROLE_OPTIONS}
              allowDeselect={false}
              value={role}
              onChange={(value) => {
                if (isRole(value)) setRole(value);
              }}
            />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={onClose} disabled={invite.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={invite.isPending}>
                Create invitation
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
