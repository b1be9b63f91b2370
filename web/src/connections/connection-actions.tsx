import { Button, Group, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, client, type Connection, type SyncMode } from '../api';
import { ConfirmModal } from '../components/confirm-modal';
import { notifyError, notifySuccess } from '../notify';
import { connectionChanged, connectionPath } from '../queries';
import { ConnectionSettingsModal } from './connection-settings-modal';
import { crmName } from './crm-display';
import { ReconnectModal } from './reconnect-modal';

interface ConnectionActionsProps {
  workspaceId: string;
  connection: Connection;
  /**
   * A sync is about to be queued (Sync now, before its request) or was (a reconnect
   * that worked): the runs list should wait for the new run.
   */
  onWatchRuns: () => void;
  onSyncQueued: () => void;
  onSyncFailed: () => void;
}

type Confirming = 'disconnect' | 'delete' | null;

/** The admin's buttons on a connection card, with their modals. */
export function ConnectionActions({
  workspaceId,
  connection,
  onWatchRuns,
  onSyncQueued,
  onSyncFailed,
}: ConnectionActionsProps) {
  const queryClient = useQueryClient();
  const { name } = connection;
  const [reconnectOpened, reconnectModal] = useDisclosure(false);
  const [settingsOpened, settingsModal] = useDisclosure(false);
  // A fresh settings form per opening, so it starts from the saved values.
  const [settingsKey, setSettingsKey] = useState(0);
  const [confirming, setConfirming] = useState<Confirming>(null);
  // Kept apart from `confirming` so the modal's text stays during its closing animation.
  const [confirmOpened, confirmModal] = useDisclosure(false);

  const test = useMutation({
    mutationFn: () =>
      call(
        client.POST(
          '/api/workspaces/{workspaceId}/connections/{connectionId}/test',
          connectionPath(workspaceId, connection.id),
        ),
      ),
    onSuccess: async ({ connection: tested }) => {
      await connectionChanged(queryClient, workspaceId, tested);
      if (tested.status === 'connected') notifySuccess(`“${tested.name}” reached the CRM`);
      else
        notifyError(
          `“${tested.name}” could not reach the CRM`,
          new Error(tested.statusMessage ?? tested.status),
        );
    },
    onError: (error) => notifyError('Could not test the connection', error),
  });

  const sync = useMutation({
    mutationFn: (mode: SyncMode) =>
      call(
        client.POST('/api/workspaces/{workspaceId}/connections/{connectionId}/sync', {
          ...connectionPath(workspaceId, connection.id),
          body: { mode },
        }),
      ),
    onMutate: () => onWatchRuns(),
    onSuccess: (_, mode) => {
      notifySuccess(`${mode === 'full' ? 'Full' : 'Incremental'} sync of “${name}” queued`);
      onSyncQueued();
    },
    onError: (error) => {
      onSyncFailed();
      notifyError('Could not start the sync', error);
    },
  });

  const disconnect = useMutation({
    mutationFn: () =>
      call(
        client.POST(
          '/api/workspaces/{workspaceId}/connections/{connectionId}/disconnect',
          connectionPath(workspaceId, connection.id),
        ),
      ),
    onSuccess: async ({ connection: updated }) => {
      confirmModal.close();
      notifySuccess(`Disconnected “${updated.name}”; its credentials are wiped`);
      await connectionChanged(queryClient, workspaceId, updated);
    },
    onError: (error) => {
      confirmModal.close();
      notifyError('Could not disconnect', error);
    },
  });

  const remove = useMutation({
    mutationFn: () =>
      call(
        client.DELETE(
          '/api/workspaces/{workspaceId}/connections/{connectionId}',
          connectionPath(workspaceId, connection.id),
        ),
      ),
    onSuccess: async () => {
      confirmModal.close();
      notifySuccess(`Deleted “${name}”`);
      await connectionChanged(queryClient, workspaceId, { id: connection.id, deleted: true });
    },
    onError: (error) => {
      confirmModal.close();
      notifyError('Could not delete the connection', error);
    },
  });

  const askTo = (action: Exclude<Confirming, null>) => {
    setConfirming(action);
    confirmModal.open();
  };
  const canCall = connection.hasCredentials && connection.status !== 'disconnected';

  return (
    <>
      <Group gap="xs" justify="flex-end" data-testid={`connection-actions-${connection.id}`}>
        <Button
          size="xs"
          variant="default"
          aria-label={`Test ${name}`}
          loading={test.isPending}
          disabled={!canCall}
          onClick={() => test.mutate()}
        >
          Test
        </Button>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              size="xs"
              aria-label={`Sync ${name} now`}
              loading={sync.isPending}
              disabled={!canCall}
            >
              Sync now
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Sync {name}</Menu.Label>
            <Menu.Item onClick={() => sync.mutate('incremental')}>
              Incremental: what changed since the last sync
            </Menu.Item>
            <Menu.Item onClick={() => sync.mutate('full')}>Full: every record again</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Button
          size="xs"
          variant={connection.status === 'connected' ? 'default' : 'light'}
          color={connection.status === 'connected' ? undefined : 'orange'}
          aria-label={`Reconnect ${name}`}
          onClick={reconnectModal.open}
        >
          Reconnect
        </Button>
        <Button
          size="xs"
          variant="default"
          aria-label={`Settings of ${name}`}
          onClick={() => {
            setSettingsKey((key) => key + 1);
            settingsModal.open();
          }}
        >
          Settings
        </Button>
        {connection.status !== 'disconnected' && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            aria-label={`Disconnect ${name}`}
            onClick={() => askTo('disconnect')}
          >
            Disconnect
          </Button>
        )}
        <Button
          size="xs"
          variant="subtle"
          color="red"
          aria-label={`Delete ${name}`}
          onClick={() => askTo('delete')}
        >
          Delete
        </Button>
      </Group>

      <ReconnectModal
        workspaceId={workspaceId}
        connection={connection}
        opened={reconnectOpened}
        onClose={reconnectModal.close}
        onReconnected={onWatchRuns}
      />
      <ConnectionSettingsModal
        key={settingsKey}
        workspaceId={workspaceId}
        connection={connection}
        opened={settingsOpened}
        onClose={settingsModal.close}
      />
      <ConfirmModal
        opened={confirmOpened}
        title={confirming === 'delete' ? 'Delete connection' : 'Disconnect'}
        confirmLabel={confirming === 'delete' ? 'Delete connection' : 'Disconnect'}
        pending={disconnect.isPending || remove.isPending}
        onClose={confirmModal.close}
        onConfirm={() => (confirming === 'delete' ? remove.mutate() : disconnect.mutate())}
      >
        {confirming === 'delete' ? (
          <>
            Delete <b>{name}</b>? Its credentials, settings and sync history go; records already
            synced into Pandora and the write log stay. To connect this{' '}
            {crmName(connection.crmType)} again later you start from scratch. This cannot be undone.
          </>
        ) : (
          <>
            Disconnect <b>{name}</b>? Its stored credentials are wiped, so Pandora stops syncing and
            writing to {crmName(connection.crmType)}. Sync history, synced records and the write log
            stay; Reconnect with new credentials to resume.
          </>
        )}
      </ConfirmModal>
    </>
  );
}
