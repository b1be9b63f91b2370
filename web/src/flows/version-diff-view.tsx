import { Badge, Box, Card, Group, Stack, Text } from '@mantine/core';
import type { DiffLine, VersionDiff } from './version-diff';

const LINE_STYLE: Record<DiffLine['kind'], { bg?: string; sign: string }> = {
  same: { sign: ' ' },
  added: { bg: 'var(--mantine-color-green-light)', sign: '+' },
  removed: { bg: 'var(--mantine-color-red-light)', sign: '-' },
};

function Lines({ lines }: { lines: readonly DiffLine[] }) {
  return (
    <Box component="pre" m={0} fz="xs" ff="monospace" style={{ overflowX: 'auto' }}>
      {lines.map((line, index) => (
        <div key={index} style={{ background: LINE_STYLE[line.kind].bg }} data-kind={line.kind}>
          {LINE_STYLE[line.kind].sign} {line.text}
        </div>
      ))}
    </Box>
  );
}

const KIND_COLOR = { added: 'green', removed: 'red', changed: 'blue', moved: 'gray' } as const;

/** What changed from one version to another, the trigger first, then each step by key. */
export function VersionDiffView({ diff }: { diff: VersionDiff }) {
  if (diff.same) {
    return (
      <Text c="dimmed" data-testid="version-diff">
        These versions are the same.
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="version-diff">
      {diff.trigger && (
        <Card withBorder padding="sm">
          <Group gap="xs" mb={4}>
            <Badge color="blue">changed</Badge>
            <Text fw={600}>Trigger</Text>
          </Group>
          <Lines lines={diff.trigger} />
        </Card>
      )}
      {diff.steps.map((change) => (
        <Card withBorder padding="sm" key={`${change.kind}-${change.key}`} data-testid="diff-step">
          <Group gap="xs" mb={4}>
            <Badge color={KIND_COLOR[change.kind]}>{change.kind}</Badge>
            <Text fw={600} ff="monospace">
              {change.key}
            </Text>
            <Text size="sm" c="dimmed">
              {change.type}
            </Text>
            {change.kind === 'changed' && change.moved && (
              <Badge variant="outline" color="gray">
                moved
              </Badge>
            )}
            {change.kind === 'moved' && (
              <Text size="sm" c="dimmed">
                from position {change.from + 1} to {change.to + 1}
              </Text>
            )}
          </Group>
          {change.kind !== 'moved' && <Lines lines={change.lines} />}
        </Card>
      ))}
    </Stack>
  );
}
