import { Alert, Button, Card, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, client } from '../api';
import { notifyError } from '../notify';
import { flowKeys } from './queries';

/**
 * A webhook-triggered flow's address and signing secret: made or rotated here, the
 * secret shown once (the server keeps it encrypted and never answers it again).
 */
export function WebhookPanel({
  workspaceId,
  flowId,
  hasSecret,
}: {
  workspaceId: string;
  flowId: string;
  hasSecret: boolean;
}) {
  const queryClient = useQueryClient();
  const [shown, setShown] = useState<{ secret: string; webhookUrl: string } | null>(null);
  const rotate = useMutation({
    mutationFn: () =>
      call(
        client.POST('/api/workspaces/{workspaceId}/flows/{flowId}/rotate-secret', {
          params: { path: { workspaceId, flowId } },
        }),
      ),
    onSuccess: (answer) => {
      setShown({ secret: answer.secret, webhookUrl: answer.webhookUrl });
      return queryClient.invalidateQueries({ queryKey: flowKeys.flow(workspaceId, flowId) });
    },
    onError: (error) => notifyError('Could not make the secret', error),
  });
  return (
    <Card withBorder padding="sm" radius="md" data-testid="webhook-panel">
      <Title order={5} mb="xs">
        Incoming webhook
      </Title>
      <Stack gap="xs">
        {shown ? (
          <>
            <Alert color="yellow" p="xs">
              <Text size="xs">Copy the secret now: it is shown only this once.</Text>
            </Alert>
            {(
              [
                [
                  'URL',
                  new URL(shown.webhookUrl, window.location.origin).toString(),
                  'webhook-url',
                ],
                ['Secret', shown.secret, 'webhook-secret'],
              ] as const
            ).map(([label, value, testId]) => (
              <div key={label}>
                <Group justify="space-between">
                  <Text size="xs" fw={600}>
                    {label}
                  </Text>
                  <CopyButton value={value}>
                    {({ copied, copy }) => (
                      <Button size="compact-xs" variant="light" onClick={copy}>
                        {copied ? 'Copied' : 'Copy'}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
                <Code
                  block
                  style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
                  data-testid={testId}
                >
                  {value}
                </Code>
              </div>
            ))}
            <Text size="xs" c="dimmed">
              Senders sign each body: X-Pandora-Timestamp and X-Pandora-Signature, the HMAC-SHA256
              of the timestamp and raw body with the secret; 5 minutes of clock skew at most.
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {hasSecret
              ? 'A signing secret is set. Rotating it stops the old one at once.'
              : 'No signing secret yet: deliveries are refused until one is made.'}
          </Text>
        )}
        <Button
          variant="default"
          size="xs"
          loading={rotate.isPending}
          onClick={() => rotate.mutate()}
        >
          {hasSecret ? 'Rotate the secret' : 'Make a signing secret'}
        </Button>
      </Stack>
    </Card>
  );
}
