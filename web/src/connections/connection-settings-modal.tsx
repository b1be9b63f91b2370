import { Button, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call, client, fieldErrors, type Connection, type ConnectionSettings } from '../api';
import { notifyError, notifySuccess } from '../notify';
import { connectionChanged, connectionPath } from '../queries';
import {
  StageMappingEditor,
  mappingFromRows,
  mappingRows,
  type StageMappingRow,
} from './stage-mapping-editor';

// The server's bounds: at least hourly, at most every 30 days.
const MIN_INTERVAL_HOURS = 1;
const MAX_INTERVAL_HOURS = 720;

const FIELDS = ['name', 'syncIntervalHours', 'stageMapping'];

interface ConnectionSettingsModalProps {
  workspaceId: string;
  connection: Connection;
  opened: boolean;
  onClose: () => void;
}

/** Name, sync schedule and stage mapping of a connection. Mount it per opening. */
export function ConnectionSettingsModal({
  workspaceId,
  connection,
  opened,
  onClose,
}: ConnectionSettingsModalProps) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(connection.name);
  const [intervalHours, setIntervalHours] = useState<number | string>(connection.syncIntervalHours);
  const [rows, setRows] = useState<StageMappingRow[]>(() => mappingRows(connection.stageMapping));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: (settings: ConnectionSettings) =>
      call(
        client.PATCH('/api/workspaces/{workspaceId}/connections/{connectionId}', {
          ...connectionPath(workspaceId, connection.id),
          body: settings,
        }),
      ),
    onSuccess: async ({ connection: updated }) => {
      await connectionChanged(queryClient, workspaceId, updated);
      notifySuccess(`Saved the settings of “${updated.name}”`);
      onClose();
    },
    onError: (error) => {
      const fields = fieldErrors(error);
      setErrors(fields);
      // A validation issue inside the mapping names the stage, not a field of this form.
      if (!FIELDS.some((field) => field in fields))
        notifyError('Could not save the settings', error);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const trimmed = name.trim();
    if (!trimmed) next.name = 'Give the connection a name';
    const hours = typeof intervalHours === 'number' ? intervalHours : Number.NaN;
    if (!Number.isInteger(hours) || hours < MIN_INTERVAL_HOURS || hours > MAX_INTERVAL_HOURS) {
      next.syncIntervalHours = `Enter whole hours from ${MIN_INTERVAL_HOURS} to ${MAX_INTERVAL_HOURS}`;
    }
    const mapped = mappingFromRows(rows);
    if ('error' in mapped) next.stageMapping = mapped.error;
    setErrors(next);
    if (Object.keys(next).length > 0 || 'error' in mapped) return;
    save.mutate({ name: trimmed, syncIntervalHours: hours, stageMapping: mapped.mapping });
  };

  return (
    <Modal
      opened={opened}
      onClose={save.isPending ? () => undefined : onClose}
      title={`Settings of ${connection.name}`}
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Connection name"
            maxLength={200}
            value={name}
            disabled={save.isPending}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setErrors(({ name: _cleared, ...rest }) => rest);
            }}
            error={errors.name}
          />
          <NumberInput
            label="Sync every (hours)"
            description="Scheduled incremental syncs; Sync now runs one at any time"
            min={MIN_INTERVAL_HOURS}
            max={MAX_INTERVAL_HOURS}
            allowDecimal={false}
            allowNegative={false}
            value={intervalHours}
            disabled={save.isPending}
            onChange={(value) => {
              setIntervalHours(value);
              setErrors(({ syncIntervalHours: _cleared, ...rest }) => rest);
            }}
            error={errors.syncIntervalHours}
          />
          <StageMappingEditor
            rows={rows}
            onChange={(next) => {
              setRows(next);
              setErrors(({ stageMapping: _cleared, ...rest }) => rest);
            }}
            error={errors.stageMapping}
            disabled={save.isPending}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={save.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
