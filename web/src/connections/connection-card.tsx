import {
  Alert,
  Badge,
  Card,
  Divider,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { connectionMetadata, type Connection, type SyncRun } from '../api';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { formatCount, formatDateTime, formatRelative } from '../format';
import { queryKeys, useSyncRuns } from '../queries';
import { ConnectionActions } from './connection-actions';
import { ConnectionStatusBadge, CrmBadge, crmName } from './crm-display';
import { SyncRunsTable } from './sync-runs-table';
import { startSyncWatch, watchedRunFinished, type SyncWatch } from './sync-watch';
import { UsageMeter } from './usage-meter';

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function accountLabel(connection: Connection): string {
  const { account } = connectionMetadata(connection);
  if (!account) return connection.status === 'connected' ? 'Connected' : 'Not reached yet';
  return account.user ? `${account.user} · ${account.id}` : account.id;
}

function notifyRunFinished(connection: Connection, run: SyncRun) {
  const deals = run.counts.deals?.fetched ?? 0;
  const color = run.status === 'succeeded' ? 'green' : run.status === 'partial' ? 'orange' : 'red';
  notifications.show({
    color,
    title: `Sync of “${connection.name}” ${run.status}`,
    message:
      run.errors.length > 0
        ? run.errors[0]!.message
        : `${formatCount(deals)} deals fetched in ${formatCount(run.crmCalls)} CRM calls`,
    autoClose: run.status === 'succeeded' ? 4000 : 8000,
  });
}

interface ConnectionCardProps {
  workspaceId: string;
  connection: Connection;
  isAdmin: boolean;
}

/** One CRM connection: its state, API usage, actions and recent sync runs. */
export function ConnectionCard({ workspaceId, connection, isAdmin }: ConnectionCardProps) {
  const queryClient = useQueryClient();
  // Keeps the runs polling until a queued run has finished: the first sync the server
  // queues on connecting, or the one a "Sync now" or a reconnect queued.
  const [watch, setWatch] = useState<SyncWatch | null>(null);
  const runs = useSyncRuns(workspaceId, connection.id, watch);

  // A connected connection that never finished a sync has its first one queued.
  const firstLoad = useRef(true);
  const awaitingFirstSync = connection.status === 'connected' && !connection.lastSyncAt;
  useEffect(() => {
    if (!runs.data || !firstLoad.current) return;
    firstLoad.current = false;
    if (awaitingFirstSync && !runs.data.some((run) => run.status !== 'running')) {
      setWatch((current) => current ?? startSyncWatch(runs.data, Date.now()));
    }
  }, [runs.data, awaitingFirstSync]);

  useEffect(() => {
    if (!watch) return;
    const finished = watchedRunFinished(runs.data, watch);
    if (finished) {
      setWatch(null);
      notifyRunFinished(connection, finished);
    }
  }, [runs.data, watch, connection]);

  // A finished run changes the last sync time, the API usage and the overview's counts.
  const newestFinished = runs.data?.find((run) => run.status !== 'running')?.id ?? '';
  const seenFinished = useRef<string | null>(null);
  useEffect(() => {
    if (!runs.data) return;
    if (seenFinished.current !== null && seenFinished.current !== newestFinished) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.connections(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.overview(workspaceId) });
      void queryClient.invalidateQueries({
        queryKey: queryKeys.connectionUsage(workspaceId, connection.id),
      });
    }
    seenFinished.current = newestFinished;
  }, [runs.data, newestFinished, queryClient, workspaceId, connection.id]);

  const { statusMessage, status } = connection;
  const metadata = connectionMetadata(connection);
  const running = runs.data?.some((run) => run.status === 'running') ?? false;

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-label={`${connection.name} connection`}
      data-testid={`connection-card-${connection.id}`}
      data-status={status}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="md">
          <Group gap="sm" wrap="nowrap">
            <CrmBadge crmType={connection.crmType} />
            <div>
              <Group gap="xs">
                <Title order={4}>{connection.name}</Title>
                <ConnectionStatusBadge connection={connection} withTooltip={false} />
                {metadata.sandbox === true && (
                  <Badge color="grape" variant="outline" size="sm">
                    Sandbox
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {crmName(connection.crmType)}
                {metadata.tier ? ` · ${metadata.tier} plan` : ''}
                {connection.hasCredentials ? '' : ' · no credentials stored'}
              </Text>
            </div>
          </Group>
          {isAdmin && (
            <ConnectionActions
              workspaceId={workspaceId}
              connection={connection}
              onWatchRuns={() => setWatch(startSyncWatch(runs.data, Date.now()))}
              onSyncQueued={() =>
                void queryClient.invalidateQueries({
                  queryKey: queryKeys.syncRuns(workspaceId, connection.id),
                })
              }
              onSyncFailed={() => setWatch(null)}
            />
          )}
        </Group>

        {statusMessage && (
          <Alert
            color={status === 'error' ? 'red' : 'yellow'}
            variant="light"
            data-testid={`connection-message-${connection.id}`}
          >
            {statusMessage}
          </Alert>
        )}
        {status === 'disconnected' && !statusMessage && (
          <Text size="sm" c="dimmed">
            Disconnected: credentials wiped. Reconnect to sync again; history is kept.
          </Text>
        )}

        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Detail label="Account">
            <span data-testid={`connection-account-${connection.id}`}>
              {accountLabel(connection)}
            </span>
            {metadata.checkedAt && (
              <Text size="xs" c="dimmed">
                checked {formatRelative(metadata.checkedAt)}
              </Text>
            )}
          </Detail>
          <Detail label="Last sync">
            {connection.lastSyncAt ? (
              <Tooltip label={formatDateTime(connection.lastSyncAt)} withArrow>
                <span data-testid={`connection-last-sync-${connection.id}`}>
                  {formatRelative(connection.lastSyncAt)}
                </span>
              </Tooltip>
            ) : (
              <span data-testid={`connection-last-sync-${connection.id}`}>
                {running ? 'first sync running…' : watch ? 'first sync queued…' : 'never'}
              </span>
            )}
            <Text size="xs" c="dimmed">
              every {connection.syncIntervalHours} h
            </Text>
          </Detail>
          <UsageMeter workspaceId={workspaceId} connectionId={connection.id} />
        </SimpleGrid>

        <Divider />
        <Stack gap="xs">
          <Title order={5}>Sync runs</Title>
          {runs.data ? (
            <SyncRunsTable runs={runs.data} />
          ) : runs.isError ? (
            <QueryError
              title="Could not load the sync runs"
              error={runs.error}
              onRetry={() => void runs.refetch()}
              retrying={runs.isFetching}
            />
          ) : (
            <TableSkeleton rows={2} />
          )}
        </Stack>
      </Stack>
    </Card>
  );
}
