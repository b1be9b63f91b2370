import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { ConnectionsTable } from '../components/connections-table';
import { QueryError } from '../components/query-error';
import { StatCard, StatCardSkeleton } from '../components/stat-card';
import { TableSkeleton } from '../components/table-skeleton';
import { GapsCard } from '../conversations/gaps-card';
import { formatCount, formatCurrency } from '../format';
import { useOverview } from '../queries';
import { useWorkspaceContext } from '../workspace-context';

export function OverviewPage() {
  const { workspace } = useWorkspaceContext();
  useDocumentTitle(`Overview · ${workspace.name} · Pandora`);
  const overview = useOverview(workspace.id);
  const counts = overview.data?.counts;
  const connections = overview.data?.connections;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Overview</Title>
          <Text c="dimmed" size="sm">
            What Pandora holds for {workspace.name}
          </Text>
        </div>
        {workspace.isDemo && (
          <Badge variant="light" color="grape">
            Demo data
          </Badge>
        )}
      </Group>

      {!overview.data && overview.isError ? (
        <QueryError
          title="Could not load the overview"
          error={overview.error}
          onRetry={() => void overview.refetch()}
          retrying={overview.isFetching}
        />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            {counts ? (
              <>
                <StatCard label="Accounts" value={formatCount(counts.accounts)} />
                <StatCard label="Contacts" value={formatCount(counts.contacts)} />
                <StatCard
                  label="Deals"
                  value={formatCount(counts.deals)}
                  description={
                    <>
                      {formatCount(counts.openDeals)} open ·{' '}
                      <span data-testid="open-pipeline">
                        {formatCurrency(counts.openPipelineAmount)}
                      </span>{' '}
                      open pipeline
                    </>
                  }
                />
                <StatCard label="Meetings" value={formatCount(counts.meetings)} />
              </>
            ) : (
              Array.from({ length: 4 }, (_, index) => <StatCardSkeleton key={index} />)
            )}
          </SimpleGrid>

          <GapsCard workspaceId={workspace.id} />

          <Card withBorder radius="md" padding="lg">
            <Group justify="space-between" mb="md">
              <Title order={4}>CRM connections</Title>
              <Group gap="md">
                {connections && (
                  <Text size="sm" c="dimmed">
                    {connections.length} total
                  </Text>
                )}
                <Anchor
                  component={Link}
                  to={`/w/${workspace.id}/settings?tab=connections`}
                  size="sm"
                >
                  Manage connections
                </Anchor>
              </Group>
            </Group>
            {connections ? (
              <ConnectionsTable workspaceId={workspace.id} connections={connections} />
            ) : (
              <TableSkeleton rows={2} />
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}
