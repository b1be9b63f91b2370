import { Center, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatDateTime } from '../format';
import { useFlowVersion, useFlowVersions } from './queries';
import type { Definition } from './types';
import { diffVersions } from './version-diff';
import { VersionDiffView } from './version-diff-view';

/** The published versions, newest first, and the diff between any two. */
export function FlowVersionsTab({ workspaceId, flowId }: { workspaceId: string; flowId: string }) {
  const versions = useFlowVersions(workspaceId, flowId);
  const list = versions.data ?? [];
  const [picked, setPicked] = useState<{ from: number | null; to: number | null }>({
    from: null,
    to: null,
  });
  // By default the latest against the one before it.
  const to = picked.to ?? list[0]?.version ?? null;
  const from = picked.from ?? list[1]?.version ?? null;
  const before = useFlowVersion(workspaceId, flowId, from);
  const after = useFlowVersion(workspaceId, flowId, to);

  if (versions.isPending) return <TableSkeleton />;
  if (versions.isError) {
    return (
      <QueryError
        title="Could not load the versions"
        error={versions.error}
        onRetry={() => void versions.refetch()}
      />
    );
  }
  if (list.length === 0) {
    return (
      <Center py="xl">
        <Text c="dimmed">Not published yet.</Text>
      </Center>
    );
  }
  const options = list.map((v) => ({ value: String(v.version), label: `v${v.version}` }));
  return (
    <Stack gap="md">
      <Table data-testid="flow-versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Published</Table.Th>
            <Table.Th>Trigger</Table.Th>
            <Table.Th>Steps</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((version) => (
            <Table.Tr key={version.version}>
              <Table.Td>v{version.version}</Table.Td>
              <Table.Td>{formatDateTime(version.publishedAt)}</Table.Td>
              <Table.Td>{version.triggerType}</Table.Td>
              <Table.Td>{version.stepCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.length > 1 && (
        <>
          <Group>
            <NativeSelect
              label="Compare"
              data={options}
              value={String(from ?? '')}
              onChange={(event) => setPicked({ to, from: Number(event.currentTarget.value) })}
            />
            <NativeSelect
              label="With"
              data={options}
              value={String(to ?? '')}
              onChange={(event) => setPicked({ from, to: Number(event.currentTarget.value) })}
            />
          </Group>
          {before.data && after.data ? (
            <VersionDiffView
              diff={diffVersions(
                before.data.definition as Definition,
                after.data.definition as Definition,
              )}
            />
          ) : (
            (before.isError || after.isError) && (
              <QueryError
                title="Could not load a version"
                error={before.error ?? after.error}
                onRetry={() => void (before.isError ? before.refetch() : after.refetch())}
              />
            )
          )}
        </>
      )}
    </Stack>
  );
}
