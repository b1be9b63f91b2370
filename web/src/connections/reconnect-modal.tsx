import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call, client, connectionMetadata, fieldErrors, type Connection } from '../api';
import { notifySuccess } from '../notify';
import { connectionChanged, connectionPath } from '../queries';
import { crmName } from './crm-display';
import {
  CredentialFields,
  EMPTY_CREDENTIALS,
  credentialsBody,
  validateCredentials,
  type CredentialForm,
} from './credential-fields';

interface ReconnectModalProps {
  workspaceId: string;
  connection: Connection;
  opened: boolean;
  onClose: () => void;
  /** The new credentials work, and the server queued a sync with them. */
  onReconnected: () => void;
}

/** New credentials for an existing connection; the server tests them at once. */
export function ReconnectModal({
  workspaceId,
  connection,
  opened,
  onClose,
  onReconnected,
}: ReconnectModalProps) {
  const queryClient = useQueryClient();
  const initial: CredentialForm = {
    ...EMPTY_CREDENTIALS,
    tier: connectionMetadata(connection).tier ?? EMPTY_CREDENTIALS.tier,
  };
  const [form, setForm] = useState<CredentialForm>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<string | null>(null);

  const reconnect = useMutation({
    mutationFn: () =>
      call(
        client.PUT('/api/workspaces/{workspaceId}/connections/{connectionId}/credentials', {
          ...connectionPath(workspaceId, connection.id),
          body: credentialsBody(connection.crmType, form),
        }),
      ),
    onSuccess: async ({ connection: updated }) => {
      await connectionChanged(queryClient, workspaceId, updated);
      if (updated.status === 'error') {
        setRefused(updated.statusMessage ?? 'The connection test failed.');
        return;
      }
      notifySuccess(`Reconnected “${updated.name}”; a sync is queued`);
      onReconnected();
      onClose();
    },
    onError: (error) => {
      const fields = fieldErrors(error);
      setErrors(fields);
      setRefused(
        Object.keys(fields).length > 0 ? null : error instanceof Error ? error.message : null,
      );
    },
  });

  const reset = () => {
    setForm(initial);
    setErrors({});
    setRefused(null);
    reconnect.reset();
  };

  const set = <K extends keyof CredentialForm>(key: K, value: CredentialForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = validateCredentials(connection.crmType, form);
    setErrors(next);
    setRefused(null);
    if (Object.keys(next).length === 0) reconnect.mutate();
  };

  return (
    <Modal
      opened={opened}
      onClose={reconnect.isPending ? () => undefined : onClose}
      onExitTransitionEnd={reset}
      title={`Reconnect ${connection.name}`}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            New {crmName(connection.crmType)} credentials replace the stored ones (which are never
            shown). Pandora tests them before saving the outcome.
          </Text>
          <CredentialFields
            crmType={connection.crmType}
            form={form}
            errors={errors}
            onChange={set}
            disabled={reconnect.isPending}
          />
          {refused && (
            <Alert color="red" variant="light" role="alert" data-testid="reconnect-error">
              {refused}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={reconnect.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={reconnect.isPending}>
              Reconnect
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
