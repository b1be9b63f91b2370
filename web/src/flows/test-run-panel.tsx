import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDuration } from '../format';
import { parseValueText } from './schema-form';
import { StatusBadge, StepError } from './run-steps';
import type { FlowRun } from './run-queries';

/** The sample input as an object, or why it is not one. */
export function readSample(text: string): { input: Record<string, unknown> } | { error: string } {
  const value = parseValueText(text);
  if (value === undefined) return { input: {} };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: 'The sample input is a JSON object: {"dealId": "..."}' };
  }
  return { input: value as Record<string, unknown> };
}

/**
 * A test run from the builder: a sample input (what `{{trigger.x}}` reads), the run of the
 * latest published version, and each step's output as it finishes.
 */
export function TestRunPanel({
  sample,
  onSampleChange,
  onRun,
  running,
  run,
  version,
  stale,
  runLink,
}: {
  sample: string;
  onSampleChange: (text: string) => void;
  onRun: (input: Record<string, unknown>) => void;
  running: boolean;
  run: FlowRun | undefined;
  /** The version a run starts on; null before the first publish. */
  version: number | null;
  /** The builder holds changes the published version lacks. */
  stale: boolean;
  runLink?: string;
}) {
  const parsed = readSample(sample);
  return (
    <Card withBorder padding="sm" radius="md" data-testid="test-run">
      <Title order={5} mb="xs">
        Test run
      </Title>
      <Stack gap="xs">
        <Textarea
          label="Sample input"
          description="JSON the run reads as {{trigger.x}}"
          autosize
          minRows={3}
          value={sample}
          onChange={(event) => onSampleChange(event.currentTarget.value)}
          error={'error' in parsed ? parsed.error : undefined}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          spellCheck={false}
        />
        {version === null ? (
          <Text size="sm" c="dimmed">
            Publish the flow to run it.
          </Text>
        ) : (
          stale && (
            <Alert color="yellow" p="xs">
              <Text size="xs">Runs version {version}: publish to test your latest changes.</Text>
            </Alert>
          )
        )}
        <Button
          onClick={() => 'input' in parsed && onRun(parsed.input)}
          loading={running}
          disabled={version === null || 'error' in parsed}
        >
          Run test
        </Button>
        {run && (
          <Stack gap={6} data-testid="test-run-result">
            <Group justify="space-between">
              <Group gap="xs">
                <StatusBadge status={run.status} />
                <Text size="xs" c="dimmed">
                  v{run.version} · {formatDuration(run.durationMs)}
                </Text>
              </Group>
              {runLink && (
                <Anchor component={Link} to={runLink} size="xs">
                  Open run
                </Anchor>
              )}
            </Group>
            {run.steps.map((step) => (
              <Card
                key={step.key}
                withBorder
                padding={6}
                radius="sm"
                data-testid="test-step"
                data-step={step.key}
              >
                <Group justify="space-between" gap="xs">
                  <Text size="xs" ff="monospace" fw={600}>
                    {step.key}
                  </Text>
                  <Group gap={4}>
                    <Text size="xs" c="dimmed">
                      {formatDuration(step.durationMs)}
                    </Text>
                    <StatusBadge status={step.status} />
                  </Group>
                </Group>
                {step.error ? (
                  <StepError error={step.error} />
                ) : (
                  <Text
                    size="xs"
                    ff="monospace"
                    component="pre"
                    m={0}
                    style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
                    data-testid="test-step-output"
                  >
                    {JSON.stringify(step.output, null, 1) ?? '—'}
                  </Text>
                )}
              </Card>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
