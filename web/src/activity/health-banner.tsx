import { Alert, Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';

export interface BannerAnomaly {
  id: string;
  title: string;
  severity: string;
  status: string;
}

interface HealthBannerProps {
  workspaceId: string;
  /** The workspace's open anomalies (active or acknowledged). */
  anomalies: readonly BannerAnomaly[];
}

/**
 * The dashboard's first line: healthy, or what the anomaly rules found, worst first. An
 * acknowledged anomaly still shows (someone is on it) but no longer turns the banner red.
 */
export function HealthBanner({ workspaceId, anomalies }: HealthBannerProps) {
  const open = anomalies.filter((a) => a.status === 'active' || a.status === 'acknowledged');
  if (open.length === 0) {
    return (
      <Alert
        color="green"
        title="The agents are healthy"
        data-testid="health-banner"
        data-health="ok"
      >
        No anomaly is active.
      </Alert>
    );
  }
  const active = open.filter((a) => a.status === 'active');
  const color = active.some((a) => a.severity === 'error')
    ? 'red'
    : active.length > 0
      ? 'orange'
      : 'yellow';
  const rank = (a: BannerAnomaly) =>
    (a.status === 'active' ? 0 : 3) +
    (a.severity === 'error' ? 0 : a.severity === 'warning' ? 1 : 2);
  const sorted = [...open].sort((a, b) => rank(a) - rank(b));
  return (
    <Alert
      color={color}
      title={
        active.length > 0
          ? `${active.length} ${active.length === 1 ? 'anomaly needs' : 'anomalies need'} attention`
          : 'Anomalies acknowledged, not yet resolved'
      }
      data-testid="health-banner"
      data-health={active.length > 0 ? 'alert' : 'acknowledged'}
    >
      <List size="sm" spacing={2}>
        {sorted.slice(0, 5).map((a) => (
          <List.Item key={a.id}>
            <Anchor component={Link} to={`/w/${workspaceId}/anomalies/${a.id}`} size="sm">
              {a.title}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              {a.severity}
              {a.status === 'acknowledged' ? ', acknowledged' : ''}
            </Text>
          </List.Item>
        ))}
      </List>
      {sorted.length > 5 && (
        <Anchor component={Link} to={`/w/${workspaceId}/anomalies`} size="sm">
          All {sorted.length} anomalies
        </Anchor>
      )}
    </Alert>
  );
}
