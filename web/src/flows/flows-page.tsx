import {
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatRelative } from '../format';
import { useWorkspaceContext } from '../workspace-context';
import { FlowPerformance } from './flow-performance';
import { useFlows } from './queries';
import { SecretsPanel } from './secrets-panel';

/** The workspace's flows, and the performance of all their runs. */
export function FlowsPage() {
  useDocumentTitle('Flows · Pandora');
  const { workspace, isAdmin } = useWorkspaceContext();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<'active' | 'archived'>('active');
  const flows = useFlows(workspace.id, status);
  const base = `/w/${workspace.id}`;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Flows</Title>
        <Group gap="xs">
          <Button component={Link} to={`${base}/automations`} variant="default">
            My automations
          </Button>
          {isAdmin && (
            <Button component={Link} to={`${base}/flows/new`}>
              New flow
            </Button>
          )}
        </Group>
      </Group>
      <Tabs
        value={params.get('tab') ?? 'flows'}
        onChange={(tab) => setParams(tab && tab !== 'flows' ? { tab } : {}, { replace: true })}
      >
        <Tabs.List>
          <Tabs.Tab value="flows">Flows</Tabs.Tab>
          <Tabs.Tab value="performance">Performance</Tabs.Tab>
          {isAdmin && <Tabs.Tab value="secrets">Secrets</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="flows" pt="md">
          <Stack gap="sm">
            <SegmentedControl
              w="fit-content"
              value={status}
              onChange={(value) => setStatus(value as 'active' | 'archived')}
              data={[
                { value: 'active', label: 'Active' },
                { value: 'archived', label: 'Archived' },
              ]}
            />
            {flows.isPending ? (
              <TableSkeleton />
            ) : flows.isError ? (
              <QueryError
                title="Could not load the flows"
                error={flows.error}
                onRetry={() => void flows.refetch()}
              />
            ) : flows.data.length === 0 ? (
              <Center py="xl">
                <Text c="dimmed">
                  {status === 'active' ? 'No flows yet.' : 'No archived flows.'}
                </Text>
              </Center>
            ) : (
              <Table highlightOnHover data-testid="flows">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Trigger</Table.Th>
                    <Table.Th>Steps</Table.Th>
                    <Table.Th>Published</Table.Th>
                    <Table.Th>Changed</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {flows.data.map((flow) => (
                    <Table.Tr key={flow.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`${base}/flows/${flow.id}`}>
                          {flow.name}
                        </Anchor>
                        {flow.description && (
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {flow.description}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{flow.draft.trigger.type}</Table.Td>
                      <Table.Td>{flow.draft.steps.length}</Table.Td>
                      <Table.Td>
                        {flow.latestVersion === null ? (
                          <Badge color="gray" variant="light">
                            draft
                          </Badge>
                        ) : (
                          <Group gap={4}>
                            <Badge variant="light">v{flow.latestVersion}</Badge>
                            {flow.hasUnpublishedChanges && (
                              <Badge color="yellow" variant="light">
                                changed
                              </Badge>
                            )}
                          </Group>
                        )}
                      </Table.Td>
                      <Table.Td>{formatRelative(flow.updatedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="performance" pt="md">
          {params.get('tab') === 'performance' && <FlowPerformance workspaceId={workspace.id} />}
        </Tabs.Panel>
        {isAdmin && (
          <Tabs.Panel value="secrets" pt="md">
            {params.get('tab') === 'secrets' && <SecretsPanel workspaceId={workspace.id} />}
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
