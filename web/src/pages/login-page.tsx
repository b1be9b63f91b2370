import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { call, client } from '../api';
import { queryKeys } from '../queries';

interface FieldErrors {
  email?: string;
  password?: string;
}

function validate(email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!email.trim()) errors.email = 'Enter your email';
  else if (!/^\S+@\S+\.\S+$/.test(email.trim()))
    errors.email = 'Enter an email like you@example.com';
  if (!password) errors.password = 'Enter your password';
  return errors;
}

export function LoginPage() {
  useDocumentTitle('Sign in · Pandora');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const login = useMutation({
    mutationFn: () =>
      call(client.POST('/api/auth/login', { body: { email: email.trim(), password } })),
    onSuccess: async (me) => {
      // Another user's cached data must not show through; start from this login's answer.
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, me);
      const first = me.workspaces[0];
      await navigate(first ? `/w/${first.id}` : '/', { replace: true });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = validate(email, password);
    setFieldErrors(errors);
    if (errors.email || errors.password) return;
    login.mutate();
  };

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={380} gap="lg">
        <Stack gap={4} align="center">
          <Title order={1} c="blue">
            Pandora
          </Title>
          <Text c="dimmed" size="sm">
            Change your CRM safely
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              {login.isError && (
                <Alert color="red" variant="light" role="alert" data-testid="login-error">
                  {login.error.message}
                </Alert>
              )}
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                autoFocus
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={fieldErrors.email}
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={fieldErrors.password}
              />
              <Button type="submit" fullWidth loading={login.isPending}>
                Sign in
              </Button>
            </Stack>
          </form>
        </Paper>
        <Text size="xs" c="dimmed" ta="center" data-testid="demo-hint">
          Demo: demo@pandora.local / pandora-demo
        </Text>
      </Stack>
    </Center>
  );
}
