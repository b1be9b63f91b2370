import { Anchor, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { call, client } from '../api';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { notifyError } from '../notify';
import { useWorkspaceContext } from '../workspace-context';
import { InboxItemCard } from './inbox-item-card';
import { inboxKeys, useInboxDecisions } from './queries';

/**
 * `/w/:workspaceId/inbox/:itemId`: one item, where every notification about it leads
 * (the bell, an email's signed link, Slack's View button), decided or still pending.
 */
export function InboxItemPage() {
  useDocumentTitle('Inbox item · Pandora');
  const { workspace } = useWorkspaceContext();
  const { itemId = '' } = useParams();
  const item = useQuery({
    queryKey: [...inboxKeys.all(workspace.id), 'item', itemId],
    queryFn: () =>
      call(
        client.GET('/api/workspaces/{workspaceId}/inbox/{itemId}', {
          params: { path: { workspaceId: workspace.id, itemId } },
        }),
      ),
  });
  const { approve, reject } = useInboxDecisions(workspace.id);
  const [busy, setBusy] = useState(false);

  async function decide(run: () => Promise<unknown>, failure: string) {
    setBusy(true);
    try {
      await run();
    } catch (error) {
      notifyError(failure, error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack data-testid="inbox-item-page">
      <Anchor component={Link} to={`/w/${workspace.id}/inbox`} size="sm">
        ← Inbox
      </Anchor>
      <Title order={2}>Inbox item</Title>
      {item.isError ? (
        <QueryError
          title="Could not load this item"
          error={item.error}
          onRetry={() => void item.refetch()}
          retrying={item.isFetching}
        />
      ) : !item.data ? (
        <TableSkeleton rows={3} />
      ) : (
        <InboxItemCard
          workspaceId={workspace.id}
          item={item.data.item}
          selected={false}
          busy={busy}
          onApprove={(request) =>
            void decide(() => approve.mutateAsync({ itemId, request }), 'Could not approve')
          }
          onReject={(reason) =>
            void decide(() => reject.mutateAsync({ itemId, reason }), 'Could not reject')
          }
        />
      )}
    </Stack>
  );
}
