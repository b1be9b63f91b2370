import { Anchor, Button, Center, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatRelative } from '../format';
import { notifyError } from '../notify';
import { useWorkspaceContext } from '../workspace-context';
import { useAutomations, useSetAutomationActive } from './automation-queries';

/**
 * "My automations": a member's own trigger → steps automations, which run only on the
 * records they own; an admin sees everyone's, with whose they are.
 */
export function AutomationsPage() {
  useDocumentTitle('My automations · Pandora');
  const { workspace, isAdmin } = useWorkspaceContext();
  const automations = useAutomations(workspace.id);
  const setActive = useSetAutomationActive(workspace.id);
  const base = `/w/${workspace.id}`;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={2}>{isAdmin ? 'Automations' : 'My automations'}</Title>
          <Text size="sm" c="dimmed">
            Each runs only on the records its owner owns.
          </Text>
        </div>
        <Button component={Link} to={`${base}/automations/new`}>
          New automation
        </Button>
      </Group>
      {automations.isPending ? (
        <TableSkeleton />
      ) : automations.isError ? (
        <QueryError
          title="Could not load the automations"
          error={automations.error}
          onRetry={() => void automations.refetch()}
        />
      ) : automations.data.length === 0 ? (
        <Center py="xl">
          <Text c="dimmed">No automations yet.</Text>
        </Center>
      ) : (
        <Table highlightOnHover data-testid="automations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              {isAdmin && <Table.Th>Owner</Table.Th>}
              <Table.Th>Trigger</Table.Th>
              <Table.Th>Steps</Table.Th>
              <Table.Th>Version</Table.Th>
              <Table.Th>Changed</Table.Th>
              <Table.Th>Active</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {automations.data.map((automation) => (
              <Table.Tr key={automation.id}>
                <Table.Td>
                  <Anchor component={Link} to={`${base}/automations/${automation.id}`}>
                    {automation.name}
                  </Anchor>
                </Table.Td>
                {isAdmin && <Table.Td>{automation.user.name || automation.user.email}</Table.Td>}
                <Table.Td>{automation.trigger.type}</Table.Td>
                <Table.Td>{automation.steps.length}</Table.Td>
                <Table.Td>v{automation.version}</Table.Td>
                <Table.Td>{formatRelative(automation.updatedAt)}</Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={`${automation.name} active`}
                    checked={automation.isActive}
                    onChange={(event) =>
                      setActive.mutate(
                        { id: automation.id, active: event.currentTarget.checked },
                        {
                          onError: (error) => notifyError('Could not change the automation', error),
                        },
                      )
                    }
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
