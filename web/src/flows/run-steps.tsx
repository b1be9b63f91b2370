import { Badge, Box, Code, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { Fragment, useState } from 'react';
import { formatDuration } from '../format';
import { prettyJson, RUN_STATUS_COLORS, timingBars } from './run-display';

export interface StepRunView {
  key: string;
  type: string;
  status: string;
  input: unknown;
  output: unknown;
  error: {
    category: string;
    severity: string;
    message: string;
    suggestion: string;
    retryable: boolean;
    status?: number;
  } | null;
  attempts: number;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge color={RUN_STATUS_COLORS[status] ?? 'gray'} variant="light" data-testid="status">
      {status}
    </Badge>
  );
}

/** A failed step's error: its category and severity, what happened, and what to do. */
export function StepError({ error }: { error: NonNullable<StepRunView['error']> }) {
  return (
    <Stack gap={2} data-testid="step-error">
      <Group gap="xs">
        <Badge size="xs" color="red">
          {error.category}
        </Badge>
        <Badge size="xs" variant="outline" color="red">
          {error.severity}
        </Badge>
        {error.retryable && (
          <Badge size="xs" variant="outline" color="gray">
            retryable
          </Badge>
        )}
        {error.status !== undefined && <Text size="xs">HTTP {error.status}</Text>}
      </Group>
      <Text size="sm" c="red">
        {error.message}
      </Text>
      {error.suggestion && (
        <Text size="sm" c="dimmed">
          {error.suggestion}
        </Text>
      )}
    </Stack>
  );
}

/**
 * A run's steps in order: status, attempts, duration on a shared time axis, and on a
 * click each step's resolved input and output (secrets were redacted by the server).
 */
export function RunSteps({ steps }: { steps: readonly StepRunView[] }) {
  const [open, setOpen] = useState<string | null>(null);
  const bars = timingBars(steps);
  if (steps.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No step has started yet.
      </Text>
    );
  }
  return (
    <Table data-testid="run-steps" verticalSpacing="xs" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Step</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Tries</Table.Th>
          <Table.Th>Duration</Table.Th>
          <Table.Th w="35%">Timeline</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {steps.map((step, index) => {
          const expanded = open === step.key || step.error !== null;
          return (
            <Fragment key={step.key}>
              <Table.Tr
                data-testid="run-step"
                data-step={step.key}
                style={{ cursor: 'pointer' }}
                onClick={() => setOpen(open === step.key ? null : step.key)}
              >
                <Table.Td>
                  <Text size="sm" ff="monospace" fw={600}>
                    {step.key}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {step.type}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={step.status} />
                </Table.Td>
                <Table.Td>{step.attempts}</Table.Td>
                <Table.Td data-testid="step-duration">{formatDuration(step.durationMs)}</Table.Td>
                <Table.Td>
                  <Tooltip
                    label={`${formatDuration(step.durationMs)} from ${new Date(step.startedAt).toLocaleTimeString()}`}
                  >
                    <Box h={10} bg="gray.1" style={{ position: 'relative', borderRadius: 4 }}>
                      <Box
                        h={10}
                        bg={`${RUN_STATUS_COLORS[step.status] ?? 'gray'}.5`}
                        style={{
                          position: 'absolute',
                          left: `${bars[index]!.offset * 100}%`,
                          width: `${Math.min(bars[index]!.width, 1 - bars[index]!.offset) * 100}%`,
                          borderRadius: 4,
                        }}
                      />
                    </Box>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
              {expanded && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Stack gap="xs">
                      {step.error && <StepError error={step.error} />}
                      <Group align="flex-start" grow>
                        <Box>
                          <Text size="xs" fw={700} c="dimmed">
                            Input
                          </Text>
                          <Code block data-testid="step-input">
                            {prettyJson(step.input) || '—'}
                          </Code>
                        </Box>
                        <Box>
                          <Text size="xs" fw={700} c="dimmed">
                            Output
                          </Text>
                          <Code block data-testid="step-output">
                            {prettyJson(step.output) || '—'}
                          </Code>
                        </Box>
                      </Group>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
