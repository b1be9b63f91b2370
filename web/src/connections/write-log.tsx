import { Badge, Button, Code, Group, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import {
  CRM_OBJECT_TYPES,
  WRITE_STATUSES,
  type CrmObjectType,
  type CrmWriteValue,
  writeValueText,
  type CrmWrite,
  type WriteStatus,
} from '../api';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatDateTime, formatRelative } from '../format';
import { useCrmWrites } from '../queries';
import { crmName, WRITE_STATUS_COLORS } from './crm-display';

const STATUS_OPTIONS = WRITE_STATUSES.map((value) => ({ value, label: value }));
const OBJECT_OPTIONS = CRM_OBJECT_TYPES.map((value) => ({ value, label: value }));

function isWriteStatus(value: string | null): value is WriteStatus {
  return WRITE_STATUSES.some((status) => status === value);
}

function isObjectType(value: string | null): value is CrmObjectType {
  return CRM_OBJECT_TYPES.some((type) => type === value);
}

function Value({ value }: { value: CrmWriteValue }) {
  if (value === null || value === '') {
    return (
      <Text span size="sm" c="dimmed" fs="italic">
        empty
      </Text>
    );
  }
  return <Code>{writeValueText(value)}</Code>;
}

/** One ledger entry as a table row; the deal page lists a deal's writes with it too. */
export function WriteRow({ write }: { write: CrmWrite }) {
  return (
    <Table.Tr data-testid={`crm-write-${write.id}`}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Tooltip label={formatDateTime(write.createdAt)} withArrow>
          <span>{formatRelative(write.createdAt)}</span>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {crmName(write.crmType)} {write.objectType}
        </Text>
        <Text size="xs" c="dimmed">
          {write.recordId}
        </Text>
      </Table.Td>
      <Table.Td>
        <Code>{write.field}</Code>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Value value={write.valueBefore} />
          <Text span c="dimmed" aria-label="to">
            →
          </Text>
          <Value value={write.valueToWrite} />
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{write.originType}</Text>
        {write.originId && (
          <Text size="xs" c="dimmed">
            {write.originId}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{write.actor ?? '—'}</Table.Td>
      <Table.Td miw={110}>
        <Badge color={WRITE_STATUS_COLORS[write.status] ?? 'gray'} variant="light">
          {write.status}
        </Badge>
        {write.attempts > 1 && (
          <Text size="xs" c="dimmed">
            {write.attempts} attempts
          </Text>
        )}
      </Table.Td>
      <Table.Td maw={280}>
        {write.error ? (
          <Text size="xs" c="red">
            {write.error.message}
            {write.error.crmCode ? ` (${write.error.crmCode})` : ''}
          </Text>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The write ledger: every field Pandora wrote (or tried to write) to a CRM, newest first. */
export function WriteLog({ workspaceId }: { workspaceId: string }) {
  const [status, setStatus] = useState<WriteStatus | undefined>();
  const [objectType, setObjectType] = useState<CrmObjectType | undefined>();
  const writes = useCrmWrites(workspaceId, { status, objectType });
  const entries = writes.data?.pages.flatMap((page) => page.writes);

  let content;
  if (!entries) {
    content = writes.isError ? (
      <QueryError
        title="Could not load the write log"
        error={writes.error}
        onRetry={() => void writes.refetch()}
        retrying={writes.isFetching}
      />
    ) : (
      <TableSkeleton rows={3} />
    );
  } else if (entries.length === 0) {
    content = (
      <Text size="sm" c="dimmed" py="md" ta="center" data-testid="crm-writes-empty">
        {status || objectType
          ? 'No writes match these filters.'
          : 'Nothing written to a CRM yet. Every field Pandora changes will be listed here.'}
      </Text>
    );
  } else {
    content = (
      <>
        <Table.ScrollContainer minWidth={980}>
          <Table verticalSpacing="xs" fz="sm" highlightOnHover data-testid="crm-writes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Record</Table.Th>
                <Table.Th>Field</Table.Th>
                <Table.Th>Before → after</Table.Th>
                <Table.Th>Origin</Table.Th>
                <Table.Th>Actor</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Error</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((write) => (
                <WriteRow key={write.id} write={write} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {writes.hasNextPage && (
          <Group justify="center" mt="sm">
            <Button
              variant="default"
              size="xs"
              loading={writes.isFetchingNextPage}
              onClick={() => void writes.fetchNextPage()}
            >
              Load more
            </Button>
          </Group>
        )}
        {writes.isFetchNextPageError && (
          <Text size="xs" c="red" ta="center" role="alert">
            Could not load more: {writes.error?.message}
          </Text>
        )}
      </>
    );
  }

  return (
    <Stack gap="sm" data-testid="write-log">
      <Group justify="space-between" align="flex-end">
        <div>
          <Text fw={600}>Write log</Text>
          <Text size="sm" c="dimmed">
            Every CRM field Pandora wrote or tried to write, with the value it replaced
          </Text>
        </div>
        <Group gap="xs">
          <Select
            label="Status"
            size="xs"
            w={140}
            placeholder="Any status"
            clearable
            data={STATUS_OPTIONS}
            value={status ?? null}
            onChange={(value) => setStatus(isWriteStatus(value) ? value : undefined)}
          />
          <Select
            label="Object type"
            size="xs"
            w={140}
            placeholder="Any object"
            clearable
            data={OBJECT_OPTIONS}
            value={objectType ?? null}
            onChange={(value) => setObjectType(isObjectType(value) ? value : undefined)}
          />
        </Group>
      </Group>
      {content}
    </Stack>
  );
}
