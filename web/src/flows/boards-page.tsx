import {
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Fragment, useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatDateTime, formatRelative } from '../format';
import { useMembers } from '../queries';
import { useWorkspaceContext } from '../workspace-context';
import { describeMove, moveActor } from './board-display';
import {
  useBoard,
  useBoardItems,
  useBoards,
  useRecordHistory,
  type Board,
  type BoardItem,
} from './board-queries';

/** Boards of records: each board's columns and how many records each holds. */
export function BoardsPage() {
  useDocumentTitle('Boards · Pandora');
  const { workspace } = useWorkspaceContext();
  const boards = useBoards(workspace.id);
  const base = `/w/${workspace.id}`;
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Boards</Title>
        <Text size="sm" c="dimmed">
          Records moved through columns, by people and by flows&apos; “Move to board” steps.
        </Text>
      </div>
      {boards.isPending ? (
        <TableSkeleton />
      ) : boards.isError ? (
        <QueryError
          title="Could not load the boards"
          error={boards.error}
          onRetry={() => void boards.refetch()}
        />
      ) : boards.data.length === 0 ? (
        <Center py="xl">
          <Text c="dimmed">No boards yet. A flow&apos;s “Move to board” step names one.</Text>
        </Center>
      ) : (
        <Table highlightOnHover data-testid="boards">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Records</Table.Th>
              <Table.Th>Columns</Table.Th>
              <Table.Th>Items</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {boards.data.map((board) => (
              <Table.Tr key={board.id}>
                <Table.Td>
                  <Anchor component={Link} to={`${base}/boards/${board.id}`}>
                    {board.name}
                  </Anchor>
                  {board.description && (
                    <Text size="xs" c="dimmed">
                      {board.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{board.recordType}s</Table.Td>
                <Table.Td>
                  <ColumnCounts board={board} />
                </Table.Td>
                <Table.Td>{board.itemCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function ColumnCounts({ board }: { board: Board }) {
  return (
    <Group gap={4}>
      {board.columns.map((column) => (
        <Badge key={column.key} variant="light" color="gray">
          {column.name}: {board.counts[column.key] ?? 0}
        </Badge>
      ))}
    </Group>
  );
}

/** One board: its records by last move, each with its history of moves when opened. */
export function BoardPage() {
  const { workspace } = useWorkspaceContext();
  const { boardId = '' } = useParams();
  const board = useBoard(workspace.id, boardId);
  const items = useBoardItems(workspace.id, boardId);
  const [open, setOpen] = useState<string | null>(null);
  useDocumentTitle(`${board.data?.name ?? 'Board'} · Pandora`);
  const base = `/w/${workspace.id}`;

  if (board.isPending) return <TableSkeleton rows={6} />;
  if (board.isError) {
    return (
      <QueryError
        title="Could not load the board"
        error={board.error}
        onRetry={() => void board.refetch()}
      />
    );
  }
  const rows = items.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md" data-testid="board-page">
      <Anchor component={Link} to={`${base}/boards`} size="sm">
        ← Boards
      </Anchor>
      <div>
        <Title order={2}>{board.data.name}</Title>
        {board.data.description && (
          <Text size="sm" c="dimmed">
            {board.data.description}
          </Text>
        )}
      </div>
      <ColumnCounts board={board.data} />
      {items.isPending ? (
        <TableSkeleton />
      ) : items.isError ? (
        <QueryError
          title="Could not load the board's records"
          error={items.error}
          onRetry={() => void items.refetch()}
        />
      ) : rows.length === 0 ? (
        <Center py="xl">
          <Text c="dimmed">Nothing on this board yet.</Text>
        </Center>
      ) : (
        <Table data-testid="board-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Record</Table.Th>
              <Table.Th>Column</Table.Th>
              <Table.Th>Moved</Table.Th>
              <Table.Th>On the board since</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((item) => (
              <Fragment key={item.id}>
                <Table.Tr>
                  <Table.Td>
                    <UnstyledButton
                      aria-expanded={open === item.recordId}
                      onClick={() => setOpen(open === item.recordId ? null : item.recordId)}
                    >
                      <Text fw={500} c="blue">
                        {open === item.recordId ? '▾' : '▸'} {recordLabel(item)}
                      </Text>
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>
                    {board.data.columns.find((c) => c.key === item.column)?.name ?? item.column}
                  </Table.Td>
                  <Table.Td>{formatRelative(item.movedAt)}</Table.Td>
                  <Table.Td>{formatDateTime(item.addedAt)}</Table.Td>
                </Table.Tr>
                {open === item.recordId && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <RecordHistory board={board.data} item={item} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {items.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={items.isFetchingNextPage}
            onClick={() => void items.fetchNextPage()}
          >
            More
          </Button>
        </Group>
      )}
    </Stack>
  );
}

const recordLabel = (item: BoardItem) => item.recordName ?? `${item.recordType} ${item.recordId}`;

function RecordHistory({ board, item }: { board: Board; item: BoardItem }) {
  const { workspace } = useWorkspaceContext();
  const history = useRecordHistory(workspace.id, board.id, item.recordId, true);
  const members = useMembers(workspace.id);
  const base = `/w/${workspace.id}`;
  if (history.isPending) return <Loader size="sm" />;
  if (history.isError) {
    return (
      <QueryError
        title="Could not load the moves"
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    );
  }
  return (
    <Timeline bulletSize={12} lineWidth={2} data-testid="record-history">
      {history.data.map((entry) => {
        const actor = moveActor(entry, members.data ?? []);
        return (
          <Timeline.Item key={entry.id} title={describeMove(entry, board.columns)}>
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.createdAt)} ·{' '}
              {actor.kind === 'flow' ? (
                <>
                  by a flow run,{' '}
                  <Anchor component={Link} to={`${base}/flow-runs/${actor.runId}`} size="xs">
                    {actor.runId.slice(0, 8)}
                  </Anchor>
                  {actor.stepKey ? ` (step ${actor.stepKey})` : ''}
                </>
              ) : actor.kind === 'person' ? (
                `by ${actor.name}`
              ) : (
                'by an API key'
              )}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
