import {
  Alert,
  Button,
  Center,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { call, client, fieldErrors } from '../api';
import { formatDate } from '../format';

// Matches the server's minimum for passwords.
const MIN_PASSWORD_LENGTH = 8;

/**
 * `/invite#<token>`: accepting an invitation link. The token lives in the fragment, which
 * the browser never sends to the server. The invited email signs in with its password,
 * or, when it has no account yet, chooses one.
 */
export function InvitePage() {
  useDocumentTitle('Join a workspace · Pandora');
  const token = useLocation().hash.replace(/^#/, '');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const link = useQuery({
    queryKey: ['invitation-link', token],
    queryFn: async () =>
      (await call(client.POST('/api/invitations/lookup', { body: { token } }))).invitation,
    enabled: token.length > 0,
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () =>
      call(
        client.POST('/api/invitations/accept', {
          body: { token, password, ...(name.trim() ? { name: name.trim() } : {}) },
        }),
      ),
    onSuccess: async ({ workspace }) => {
      // A new session: nothing cached for whoever was signed in before may show through.
      queryClient.clear();
      await navigate(`/w/${workspace.id}`, { replace: true });
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) {
      setErrors({ password: `Use at least ${MIN_PASSWORD_LENGTH} characters` });
      return;
    }
    setErrors({});
    accept.mutate();
  };

  let body;
  if (!token || link.isError) {
    body = (
      <Alert color="red" variant="light" title="This link does not work" data-testid="invite-error">
        {link.error?.message ??
          'The link has no invitation in it. Copy the whole link you were sent.'}
      </Alert>
    );
  } else if (!link.data) {
    body = (
      <Center>
        <Loader aria-label="Loading the invitation" />
      </Center>
    );
  } else {
    const invitation = link.data;
    body = (
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" data-testid="invite-summary">
            You are invited to <b>{invitation.workspaceName}</b> as {invitation.role}. The
            invitation is open until {formatDate(invitation.expiresAt)}.
          </Text>
          {accept.isError && !errors.password && (
            <Alert color="red" variant="light" role="alert">
              {accept.error.message}
            </Alert>
          )}
          <TextInput label="Email" value={invitation.email} readOnly />
          <PasswordInput
            label="Password"
            description="Already on Pandora with this email? Enter its password. Otherwise choose one of 8 characters or more."
            autoComplete="current-password"
            autoFocus
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.password}
          />
          <TextInput
            label="Your name"
            description="Used for a new account"
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Button type="submit" fullWidth loading={accept.isPending}>
            Join {invitation.workspaceName}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={420} gap="lg">
        <Stack gap={4} align="center">
          <Title order={1} c="blue">
            Pandora
          </Title>
          <Text c="dimmed" size="sm">
            Join a workspace
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {body}
        </Paper>
      </Stack>
    </Center>
  );
}
