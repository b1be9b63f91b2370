import { Anchor, Button, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { Link } from 'react-router';
import type { Connection } from '../api';
import { ConnectionStatusBadge, CrmBadge, crmName } from '../connections/crm-display';
import { formatDate, formatRelative } from '../format';

interface ConnectionsTableProps {
  workspaceId: string;
  connections: Connection[];
}

/** The overview's summary of CRM connections; each links to its card in Settings. */
export function ConnectionsTable({ workspaceId, connections }: ConnectionsTableProps) {
  const settingsUrl = `/w/${workspaceId}/settings?tab=connections`;
  if (connections.length === 0) {
    return (
      <Stack align="center" gap={6} py="xl" data-testid="connections-empty">
        <ThemeIcon variant="light" size="xl" radius="xl" aria-hidden>
          ⇄
        </ThemeIcon>
        <Text fw={600}>No CRM connected yet</Text>
        <Text size="sm" c="dimmed" ta="center" maw={420}>
          Connect HubSpot or Salesforce, or try the sandbox CRM, to start proposing changes.
        </Text>
        <Button component={Link} to={settingsUrl} variant="light" mt="xs">
          Connect a CRM
        </Button>
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="connections-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>CRM</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last sync</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {connections.map((connection) => (
            <Table.Tr key={connection.id}>
              <Table.Td fw={500}>
                <Anchor component={Link} to={settingsUrl} size="sm" fw={500}>
                  {connection.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <CrmBadge crmType={connection.crmType} size="sm" />
                <Text span size="sm" ml="xs">
                  {crmName(connection.crmType)}
                </Text>
              </Table.Td>
              <Table.Td>
                <ConnectionStatusBadge connection={connection} />
              </Table.Td>
              <Table.Td>
                {connection.lastSyncAt ? formatRelative(connection.lastSyncAt) : 'never'}
              </Table.Td>
              <Table.Td>{formatDate(connection.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
