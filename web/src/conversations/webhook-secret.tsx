import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import type { CreatedWebhookSource } from './types';

function Copyable({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code
          block
          style={{ flex: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
          data-testid={testId}
        >
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy} aria-label={`Copy the ${label}`}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </div>
  );
}

/**
 * What the sender needs, shown once: the server keeps the secret encrypted and never
 * answers it again (rotating makes a new one).
 */
export function WebhookSecret({ created }: { created: CreatedWebhookSource }) {
  // Without a configured public URL the server answers a path: the console's origin is it.
  const webhookUrl = new URL(created.webhookUrl, window.location.origin).toString();
  return (
    <Stack gap="sm" data-testid="webhook-secret">
      <Alert color="yellow" variant="light" title="Copy the signing secret now">
        It is shown only this once. If it is lost, rotate it to get a new one.
      </Alert>
      <Copyable label="Webhook URL" value={webhookUrl} testId="webhook-url" />
      <Copyable
        label="Signing secret"
        value={created.signingSecret}
        testId="webhook-signing-secret"
      />
      <Text size="sm">
        The sender posts each meeting as JSON with two headers: <Code>X-Pandora-Timestamp</Code>{' '}
        (Unix seconds) and <Code>X-Pandora-Signature</Code> (<Code>sha256=</Code> and the hex
        HMAC-SHA256 of <Code>{'<timestamp>.<raw body>'}</Code> keyed with the secret). Deliveries
        more than 5 minutes off the server&apos;s clock are refused; the same meeting id twice is
        stored once.
      </Text>
    </Stack>
  );
}
