import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatRelative } from '../format';
import { useWorkspaceContext } from '../workspace-context';
import { useAgents } from './queries';

export const AGENT_STATUS_COLORS: Record<string, string> = {
  draft: 'gray',
  active: 'green',
  paused: 'yellow',
  error: 'red',
};

/** The workspace's meeting agents, and the way to a new one. */
export function AgentsPage() {
  useDocumentTitle('Agents · Pandora');
  const { workspace, isAdmin } = useWorkspaceContext();
  const agents = useAgents(workspace.id);
  const base = `/w/${workspace.id}`;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Meeting agents</Title>
        {isAdmin && (
          <Button component={Link} to={`${base}/agents/new`}>
            New agent
          </Button>
        )}
      </Group>
      {agents.isError ? (
        <QueryError
          title="Could not load the agents"
          error={agents.error}
          onRetry={() => void agents.refetch()}
          retrying={agents.isFetching}
        />
      ) : agents.isLoading ? (
        <TableSkeleton rows={3} />
      ) : agents.data?.length === 0 ? (
        <Card withBorder padding="xl">
          <Center>
            <Stack align="center" gap="xs">
              <Text fw={600}>No agent yet</Text>
              <Text size="sm" c="dimmed" maw={460} ta="center">
                An agent reads each customer call, proposes the CRM updates it implies with the
                quote behind each, and asks you about what it is unsure of.
              </Text>
            </Stack>
          </Center>
        </Card>
      ) : (
        <Table data-testid="agents-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Calls</Table.Th>
              <Table.Th>Fields</Table.Th>
              <Table.Th>Updated</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agents.data?.map((agent) => (
              <Table.Tr key={agent.id}>
                <Table.Td>
                  <Anchor component={Link} to={`${base}/agents/${agent.id}`}>
                    {agent.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={AGENT_STATUS_COLORS[agent.status]}>{agent.status}</Badge>
                    {agent.mode === 'shadow' && (
                      <Badge variant="outline" color="grape">
                        shadow
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {agent.callTypes.length ? agent.callTypes.join(', ') : 'every call'}
                </Table.Td>
                <Table.Td>{agent.fields.filter((f) => f.rule !== 'never').length}</Table.Td>
                <Table.Td>{formatRelative(agent.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
