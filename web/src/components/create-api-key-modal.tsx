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
import { call, client, fieldErrors, type CreatedApiKey, type Role } from '../api';
import { notifyError, notifySuccess } from '../notify';
import { workspacePath, queryKeys } from '../queries';
import { isRole } from '../roles';

// The server's limit on key names.
const MAX_NAME_LENGTH = 100;

interface CreateApiKeyModalProps {
  workspaceId: string;
  /** Only admins may mint admin keys; the server refuses otherwise. */
  canCreateAdmin: boolean;
  opened: boolean;
  onClose: () => void;
}

/** Creates a key, then shows its secret exactly once. */
export function CreateApiKeyModal({
  workspaceId,
  canCreateAdmin,
  opened,
  onClose,
}: CreateApiKeyModalProps) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [nameError, setNameError] = useState<string | undefined>();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  const create = useMutation({
    mutationFn: (input: { name: string; role: Role }) =>
      call(
        client.POST('/api/workspaces/{workspaceId}/api-keys', {
          ...workspacePath(workspaceId),
          body: input,
        }),
      ),
    onSuccess: (result) => {
      setCreated(result);
      notifySuccess(`Created API key “${result.apiKey.name}”`);
    },
    onError: (error) => {
      setNameError(fieldErrors(error).name);
      notifyError('Could not create the API key', error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys(workspaceId) }),
  });

  // Forget the secret and the form only once the modal has finished closing.
  const reset = () => {
    setName('');
    setRole('member');
    setNameError(undefined);
    setCreated(null);
    create.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError('Give the key a name, e.g. the program that will use it');
      return;
    }
    create.mutate({ name: trimmed, role });
  };

  return (
    <Modal
      opened={opened}
      onClose={create.isPending ? () => undefined : onClose}
      onExitTransitionEnd={reset}
      title={created ? 'API key created' : 'Create API key'}
      closeOnClickOutside={!created}
      centered
      size="lg"
    >
      {created ? (
        <Stack>
          <Alert color="yellow" variant="light">
            Copy this key now: it will not be shown again.
          </Alert>
          <Code
            block
            data-testid="api-key-secret"
            style={{ userSelect: 'all', wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
          >
            {created.secret}
          </Code>
          <Text size="sm" c="dimmed">
            Send it as <Code>Authorization: Bearer &lt;key&gt;</Code>. Key “{created.apiKey.name}”
            acts as {created.apiKey.role === 'admin' ? 'an admin' : 'a member'} of this workspace.
          </Text>
          <Group justify="flex-end">
            <CopyButton value={created.secret}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : 'blue'} onClick={copy}>
                  {copied ? 'Copied' : 'Copy key'}
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
              label="Key name"
              description="Say what uses it, so you know what breaks if you revoke it"
              placeholder="Nightly sync"
              data-autofocus
              maxLength={MAX_NAME_LENGTH}
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setNameError(undefined);
              }}
              error={nameError}
            />
            <Select
              label="Role"
              description={
                canCreateAdmin ? undefined : 'Only admins can create keys with the admin role'
              }
              allowDeselect={false}
              data={[
                { value: 'member', label: 'Member' },
                { value: 'admin', label: 'Admin', disabled: !canCreateAdmin },
              ]}
              value={role}
              onChange={(value) => {
                if (isRole(value)) setRole(value);
              }}
            />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={onClose} disabled={create.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
