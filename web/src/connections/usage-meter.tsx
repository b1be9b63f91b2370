import { Anchor, Group, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { formatCount, formatDateTime, formatRelative } from '../format';
import { useConnectionUsage } from '../queries';

function usageColor(percent: number): string {
  if (percent >= 90) return 'red';
  if (percent >= 70) return 'yellow';
  return 'teal';
}

/** Today's CRM API calls against the daily quota, and any pause the CRM imposed. */
export function UsageMeter({
  workspaceId,
  connectionId,
}: {
  workspaceId: string;
  connectionId: string;
}) {
  const usage = useConnectionUsage(workspaceId, connectionId);

  if (usage.isPending) return <Skeleton height={30} aria-label="Loading API usage" />;
  if (usage.isError) {
    return (
      <Text size="xs" c="red" role="alert">
        Could not load the API usage: {usage.error.message}{' '}
        <Anchor component="button" type="button" size="xs" onClick={() => void usage.refetch()}>
          Retry
        </Anchor>
      </Text>
    );
  }
  const data = usage.data;
  const testId = `usage-${connectionId}`;
  if (!data) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        API usage: no calls yet
      </Text>
    );
  }

  const percent = data.percent ?? 0;
  return (
    <Stack gap={4} data-testid={testId}>
      <Group justify="space-between" gap="xs">
        <Text size="sm">API calls today</Text>
        <Text size="sm" c="dimmed">
          {data.dailyLimit === null
            ? `${formatCount(data.usedToday)} · no daily limit`
            : `${formatCount(data.usedToday)} of ${formatCount(data.dailyLimit)} · ${percent}%`}
        </Text>
      </Group>
      {data.dailyLimit !== null && (
        <Progress
          value={Math.min(100, percent)}
          color={usageColor(percent)}
          size="sm"
          aria-label="API usage today"
        />
      )}
      {data.dailyExhaustedUntil && (
        <Text size="xs" c="red" data-testid={`usage-exhausted-${connectionId}`}>
          Daily quota used up: the CRM refuses calls until{' '}
          {formatDateTime(data.dailyExhaustedUntil)} ({formatRelative(data.dailyExhaustedUntil)}).
        </Text>
      )}
      {data.pausedUntil && (
        <Text size="xs" c="orange" data-testid={`usage-paused-${connectionId}`}>
          Paused after the CRM rate limited Pandora
          {data.last429Policy ? ` (${data.last429Policy})` : ''}; calls resume{' '}
          {formatRelative(data.pausedUntil)}.
        </Text>
      )}
      {!data.pausedUntil && data.last429At && (
        <Text size="xs" c="dimmed">
          Last rate limited {formatRelative(data.last429At)}
        </Text>
      )}
    </Stack>
  );
}
