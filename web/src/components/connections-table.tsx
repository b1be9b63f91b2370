import { Badge, Stack, Table, Text, ThemeIcon, Tooltip } from '@mantine/core';
import type { Connection, ConnectionStatus, CrmType } from '../api';
import { formatDate } from '../format';

const CRM_NAMES: Record<CrmType, string> = { hubspot: 'HubSpot', salesforce: 'Salesforce' };

const STATUS_COLORS: Record<ConnectionStatus, string> = {
  connected: 'green',
  pending: 'yellow',
  error: 'red',
  disconnected: 'gray',
};

function StatusBadge({ connection }: { connection: Connection }) {
  const badge = (
    <Badge color={STATUS_COLORS[connection.status]} variant="light">
      {connection.status}
    </Badge>
  );
  if (!connection.statusMessage) return badge;
  return (
    <Tooltip label={connection.statusMessage} multiline maw={320} withArrow>
      {badge}
    </Tooltip>
  );
}

export function ConnectionsTable({ connections }: { connections: Connection[] }) {
  if (connections.length === 0) {
    return (
      <Stack align="center" gap={6} py="xl" data-testid="connections-empty">
        <ThemeIcon variant="light" size="xl" radius="xl" aria-hidden>
          ⇄
        </ThemeIcon>
        <Text fw={600}>No CRM connected yet</Text>
        <Text size="sm" c="dimmed" ta="center" maw={420}>
          Connect HubSpot or Salesforce through the API (POST
          /api/workspaces/:workspaceId/connections) to start proposing changes.
        </Text>
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
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {connections.map((connection) => (
            <Table.Tr key={connection.id}>
              <Table.Td fw={500}>{connection.name}</Table.Td>
              <Table.Td>{CRM_NAMES[connection.crmType] ?? connection.crmType}</Table.Td>
              <Table.Td>
                <StatusBadge connection={connection} />
              </Table.Td>
              <Table.Td>{formatDate(connection.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
