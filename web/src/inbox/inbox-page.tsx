import { Button, Center, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { notifyError } from '../notify';
import { useWorkspaceContext } from '../workspace-context';
import { InboxItemCard } from './inbox-item-card';
import { useInboxDecisions, useInboxItems, type InboxFilter } from './queries';
import type { InboxItem, InboxQuery } from './types';

const STATUSES = ['pending', 'approved', 'rejected', 'expired'] as const;
const TYPES = [
  { value: 'approval', label: 'Approvals' },
  { value: 'question', label: 'Questions' },
  { value: 'alert', label: 'Alerts' },
];

function readFilter(params: URLSearchParams, isAdmin: boolean): InboxFilter {
  const status = params.get('status');
  const type = params.get('type');
  return {
    status: [
      (STATUSES as readonly string[]).includes(status ?? '') ? status : 'pending',
    ] as InboxQuery['status'],
    ...(type && TYPES.some((t) => t.value === type) ? { type: [type] as InboxQuery['type'] } : {}),
    ...(isAdmin ? { assignee: params.get('assignee') === 'me' ? 'me' : 'all' } : {}),
  };
}

/**
 * Everything that waits for a person: an agent's proposals (before/after with the quote),
 * its questions, alerts, and actions a policy holds. Approve (after editing if need be),
 * reject with a reason, or approve a selection at once.
 */
export function InboxPage() {
  useDocumentTitle('Inbox · Pandora');
  const { workspace, isAdmin } = useWorkspaceContext();
  const workspaceId = workspace.id;
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params, isAdmin);
  const items = useInboxItems(workspaceId, filter);
  const { approve, reject, batchApprove } = useInboxDecisions(workspaceId);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busyId, setBusyId] = useState<string | null>(null);
  const list: InboxItem[] = (items.data?.pages ?? []).flatMap((page) => page.items);
  const chosen = list.filter((item) => selected.has(item.id) && item.status === 'pending');

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setSelected(new Set());
  };

  async function decide(itemId: string, run: () => Promise<unknown>, failure: string) {
    setBusyId(itemId);
    try {
      await run();
    } catch (error) {
      notifyError(failure, error);
    } finally {
      setBusyId(null);
    }
  }

  async function approveSelected() {
    try {
      const result = await batchApprove.mutateAsync(chosen.map((item) => item.id));
      setSelected(new Set());
      notifications.show({
        color: result.results.some((r) => r.error) ? 'orange' : 'green',
        message: batchMessage(result),
      });
    } catch (error) {
      notifyError('Could not approve the selection', error);
    }
  }

  return (
    <Stack data-testid="inbox-page">
      <Group justify="space-between">
        <Title order={2}>Inbox</Title>
        {chosen.length > 0 && (
          <Button onClick={() => void approveSelected()} loading={batchApprove.isPending}>
            Approve {chosen.length} selected
          </Button>
        )}
      </Group>
      <Group>
        <SegmentedControl
          aria-label="Status"
          data={STATUSES.map((s) => ({ value: s, label: s }))}
          value={filter.status?.[0] ?? 'pending'}
          onChange={(value) => setParam('status', value === 'pending' ? null : value)}
        />
        <Select
          aria-label="Type"
          placeholder="Every type"
          data={TYPES}
          value={filter.type?.[0] ?? null}
          onChange={(value) => setParam('type', value)}
          clearable
          w={160}
        />
        {isAdmin && (
          <SegmentedControl
            aria-label="Whose"
            data={[
              { value: 'all', label: 'Everyone’s' },
              { value: 'me', label: 'Mine' },
            ]}
            value={filter.assignee ?? 'all'}
            onChange={(value) => setParam('assignee', value === 'me' ? 'me' : null)}
          />
        )}
      </Group>
      {items.isError ? (
        <QueryError
          title="Could not load the inbox"
          error={items.error}
          onRetry={() => void items.refetch()}
          retrying={items.isFetching}
        />
      ) : items.isLoading ? (
        <TableSkeleton rows={4} />
      ) : list.length === 0 ? (
        <Center py="xl" data-testid="inbox-empty">
          <Text c="dimmed">Nothing {filter.status?.[0] ?? 'pending'} here.</Text>
        </Center>
      ) : (
        <Stack gap="sm">
          {list.map((item) => (
            <InboxItemCard
              key={item.id}
              workspaceId={workspaceId}
              item={item}
              selected={selected.has(item.id)}
              onSelect={(on) =>
                setSelected((current) => {
                  const next = new Set(current);
                  if (on) next.add(item.id);
                  else next.delete(item.id);
                  return next;
                })
              }
              busy={busyId === item.id}
              onApprove={(request) =>
                void decide(
                  item.id,
                  () => approve.mutateAsync({ itemId: item.id, request }),
                  'Could not approve',
                )
              }
              onReject={(reason) =>
                void decide(
                  item.id,
                  () => reject.mutateAsync({ itemId: item.id, reason }),
                  'Could not reject',
                )
              }
            />
          ))}
          {items.hasNextPage && (
            <Center>
              <Button
                variant="default"
                onClick={() => void items.fetchNextPage()}
                loading={items.isFetchingNextPage}
              >
                Load more
              </Button>
            </Center>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** "3 approved", or how many of them failed and why the first did. */
function batchMessage(result: { results: { error: { message: string } | null }[] }): string {
  const failed = result.results.filter((r) => r.error);
  const approved = result.results.length - failed.length;
  return failed.length
    ? `${approved} approved, ${failed.length} failed: ${failed[0]!.error!.message}`
    : `${approved} approved`;
}
