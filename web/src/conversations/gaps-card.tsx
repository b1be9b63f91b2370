import { Anchor, Badge, Card, Group, Skeleton, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatCount } from '../format';
import { GAP_SEVERITY_COLORS } from './gap-display';
import { useGapSummary } from './queries';

/** The overview's card: how many customer conversations lack a deal, by severity. */
export function GapsCard({ workspaceId }: { workspaceId: string }) {
  const summary = useGapSummary(workspaceId);
  const data = summary.data;

  return (
    <Card withBorder radius="md" padding="lg" data-testid="gaps-card">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Conversation gaps</Title>
        <Anchor component={Link} to={`/w/${workspaceId}/gaps`} size="sm">
          See the list
        </Anchor>
      </Group>
      {data ? (
        <>
          <Text size="sm">
            <Text span fw={700} size="lg" data-testid="gaps-open">
              {formatCount(data.open)}
            </Text>{' '}
            customer conversations without a deal
          </Text>
          <Group gap="xs" mt="xs">
            {(['high', 'medium', 'low'] as const).map((severity) => (
              <Badge
                key={severity}
                color={GAP_SEVERITY_COLORS[severity]}
                variant="light"
                data-testid={`gaps-${severity}`}
              >
                {formatCount(data.bySeverity[severity])} {severity}
              </Badge>
            ))}
          </Group>
          <Text size="xs" c="dimmed" mt="xs">
            This month: {formatCount(data.createdThisMonth)} deals created,{' '}
            {formatCount(data.dismissedThisMonth)} dismissed
          </Text>
        </>
      ) : summary.isError ? (
        <Text size="sm" c="red">
          Could not load: {summary.error.message}
        </Text>
      ) : (
        <Skeleton h={60} />
      )}
    </Card>
  );
}
