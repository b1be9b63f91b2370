import { Alert, Button, Group, Text } from '@mantine/core';
import { ApiError } from '../api';

interface QueryErrorProps {
  title: string;
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}

/** A failed load, with the server's message and a way to try again. */
export function QueryError({ title, error, onRetry, retrying = false }: QueryErrorProps) {
  const message = error instanceof Error ? error.message : 'Something went wrong';
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Text size="sm">{message}</Text>
      {error instanceof ApiError && error.status > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          HTTP {error.status} · {error.code}
        </Text>
      )}
      <Group mt="sm">
        <Button size="xs" variant="white" color="red" onClick={onRetry} loading={retrying}>
          Retry
        </Button>
      </Group>
    </Alert>
  );
}
