import {
  Alert,
  Badge,
  Button,
  Code,
  Drawer,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError, type Connection } from '../api';
import { notifyError, notifySuccess } from '../notify';
import { appendPreview, separatorFromInput, separatorToInput } from './append-preview';
import { writebackApi } from './api';
import { useCrmProperties, useFieldRegistry, writebackKeys } from './queries';
import {
  FIELD_OBJECT_TYPES,
  TRIGGER_LABELS,
  type FieldObjectType,
  type Mapping,
  type MappingInput,
  type MappingTrigger,
  type TimestampFormat,
  type WriteMode,
} from './types';

interface MappingPanelProps {
  workspaceId: string;
  connections: Connection[];
  /** The mapping being edited; none to add one. */
  mapping: Mapping | null;
  opened: boolean;
  onClose: () => void;
}

interface FormState {
  connectionId: string | null;
  objectType: FieldObjectType;
  pandoraField: string | null;
  crmProperty: string | null;
  writeMode: WriteMode;
  separator: string;
  timestampFormat: TimestampFormat;
  maxEntries: number | null;
  writeCondition: string;
  valueTransform: string;
  trigger: MappingTrigger;
}

function initialState(mapping: Mapping | null, connections: Connection[]): FormState {
  return {
    connectionId: mapping?.connectionId ?? connections[0]?.id ?? null,
    objectType: mapping?.objectType ?? 'deal',
    pandoraField: mapping?.pandoraField ?? null,
    crmProperty: mapping?.crmProperty ?? null,
    writeMode: mapping?.writeMode ?? 'overwrite',
    separator: separatorToInput(mapping?.appendSeparator ?? '\n---\n'),
    timestampFormat: mapping?.timestampFormat ?? 'prefix',
    maxEntries: mapping?.maxEntries ?? null,
    writeCondition: mapping?.writeCondition ?? '',
    valueTransform: mapping?.valueTransform ?? 'raw',
    trigger: mapping?.trigger ?? 'after_compute',
  };
}

/** Add or edit a mapping: field, live CRM property, write mode, condition and transform. */
export function MappingPanel({
  workspaceId,
  connections,
  mapping,
  opened,
  onClose,
}: MappingPanelProps) {
  // A fresh form each time the panel opens for another mapping.
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        mapping
          ? `Edit the ${mapping.pandoraField} mapping`
          : 'Map a Pandora field to a CRM property'
      }
    >
      {opened && (
        <MappingForm
          key={mapping?.id ?? 'new'}
          workspaceId={workspaceId}
          connections={connections}
          mapping={mapping}
          onDone={onClose}
        />
      )}
    </Drawer>
  );
}

function MappingForm({
  workspaceId,
  connections,
  mapping,
  onDone,
}: {
  workspaceId: string;
  connections: Connection[];
  mapping: Mapping | null;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(() => initialState(mapping, connections));
  const [sampleText, setSampleText] = useState('Earlier note from the rep');
  const registry = useFieldRegistry(workspaceId);
  const properties = useCrmProperties(workspaceId, form.connectionId, form.objectType);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const fields = (registry.data?.fields ?? []).filter((field) =>
    field.objectTypes.includes(form.objectType),
  );
  const field = fields.find((candidate) => candidate.name === form.pandoraField);
  const property = properties.data?.find((candidate) => candidate.name === form.crmProperty);
  const appending = form.writeMode === 'append' || form.writeMode === 'append_if_changed';

  const mismatch = useMemo(() => {
    if (!field || !property) return null;
    if (property.readOnly)
      return { color: 'red', text: `${property.name} is read-only in the CRM` };
    if (property.fitsWithLoss.includes(field.name))
      return {
        color: 'yellow',
        text: `${field.label} is a ${field.kind}; ${property.name} is a ${property.type} property, so it is stored as text`,
      };
    if (!property.fits.includes(field.name) && form.valueTransform === 'raw' && !appending)
      return {
        color: 'red',
        text: `${field.label} (${field.kind}) does not fit ${property.name}, a ${property.type} property`,
      };
    return null;
  }, [field, property, form.valueTransform, appending]);

  const save = useMutation({
    mutationFn: () => {
      const input: MappingInput = {
        connectionId: form.connectionId!,
        pandoraField: form.pandoraField!,
        objectType: form.objectType,
        crmProperty: form.crmProperty!,
        writeMode: form.writeMode,
        appendSeparator: separatorFromInput(form.separator),
        timestampFormat: form.timestampFormat,
        maxEntries: form.maxEntries,
        writeCondition: form.writeCondition.trim() || null,
        valueTransform: form.valueTransform.trim() || 'raw',
        trigger: form.trigger,
      };
      if (!mapping) return writebackApi.createMapping(workspaceId, input);
      const { pandoraField: _field, objectType: _type, ...patch } = input;
      return writebackApi.updateMapping(workspaceId, mapping.id, patch);
    },
    onSuccess: async ({ warnings }) => {
      notifySuccess(mapping ? 'Mapping saved' : 'Mapping added');
      if (warnings.length > 0) notifyError('Saved, with a warning', new Error(warnings.join('; ')));
      await queryClient.invalidateQueries({ queryKey: writebackKeys.mappings(workspaceId) });
      onDone();
    },
  });
  const serverError = save.error instanceof ApiError ? save.error : null;
  const modes = registry.data?.writeModes ?? [];

  return (
    <Stack gap="md">
      <Select
        label="CRM connection"
        data={connections.map((c) => ({ value: c.id, label: `${c.name} (${c.crmType})` }))}
        value={form.connectionId}
        onChange={(value) => setForm((f) => ({ ...f, connectionId: value, crmProperty: null }))}
        allowDeselect={false}
      />
      <SegmentedControl
        aria-label="Object type"
        data={FIELD_OBJECT_TYPES.map((type) => ({
          value: type,
          label: type === 'deal' ? 'Deals' : 'Accounts',
        }))}
        value={form.objectType}
        disabled={Boolean(mapping)}
        onChange={(value) =>
          setForm((f) => ({
            ...f,
            objectType: value as FieldObjectType,
            pandoraField: null,
            crmProperty: null,
          }))
        }
      />
      <Select
        label="Pandora field"
        placeholder="Pick a field"
        data={fields.map((f) => ({ value: f.name, label: f.label }))}
        value={form.pandoraField}
        disabled={Boolean(mapping)}
        onChange={(value) => set('pandoraField', value)}
        description={field ? `${field.description} Example: ${field.example}` : undefined}
      />
      <Select
        label="CRM property"
        placeholder={properties.isLoading ? 'Reading the CRM’s properties…' : 'Pick a property'}
        searchable
        data={(properties.data ?? [])
          .filter((p) => !p.readOnly)
          .map((p) => ({
            value: p.name,
            label: `${p.label} · ${p.name} (${p.type})${field && p.fits.includes(field.name) ? ' ✓' : ''}`,
          }))}
        value={form.crmProperty}
        onChange={(value) => set('crmProperty', value)}
        error={properties.error instanceof Error ? properties.error.message : undefined}
        nothingFoundMessage="No writable property by that name"
      />
      {mismatch && (
        <Alert color={mismatch.color} variant="light" data-testid="mapping-mismatch">
          {mismatch.text}
        </Alert>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Write mode
        </Text>
        <SegmentedControl
          aria-label="Write mode"
          data={modes.map((m) => ({ value: m.mode, label: m.mode.replace(/_/g, ' ') }))}
          value={form.writeMode}
          onChange={(value) => set('writeMode', value as WriteMode)}
        />
        <Text size="sm" c="dimmed" data-testid="write-mode-sentence">
          {modes.find((m) => m.mode === form.writeMode)?.description}
        </Text>
      </Stack>
      {appending && (
        <Stack gap="xs">
          <Group grow>
            <TextInput
              label="Separator"
              description="\n is a line break"
              value={form.separator}
              onChange={(event) => set('separator', event.currentTarget.value)}
            />
            <Select
              label="Date"
              data={[
                { value: 'prefix', label: '[Feb 21, 2026] value' },
                { value: 'suffix', label: 'value (Feb 21, 2026)' },
                { value: 'none', label: 'No date' },
              ]}
              value={form.timestampFormat}
              onChange={(value) => set('timestampFormat', (value ?? 'none') as TimestampFormat)}
              allowDeselect={false}
            />
            <NumberInput
              label="Keep at most"
              placeholder="All entries"
              min={1}
              max={1000}
              value={form.maxEntries ?? ''}
              onChange={(value) => set('maxEntries', typeof value === 'number' ? value : null)}
            />
          </Group>
          <Textarea
            label="What the property holds now (a sample)"
            autosize
            minRows={2}
            value={sampleText}
            onChange={(event) => setSampleText(event.currentTarget.value)}
          />
          <Text size="sm" fw={500}>
            After the next write
          </Text>
          <Code block data-testid="append-preview">
            {appendPreview(sampleText, field?.example ?? 'value', {
              separator: separatorFromInput(form.separator),
              format: form.timestampFormat,
              maxEntries: form.maxEntries,
              at: new Date(),
            })}
          </Code>
        </Stack>
      )}
      <Group grow>
        <TextInput
          label="Condition"
          placeholder="Always"
          description="score_above:n, score_below:n, score_changed_by:n, field_is_blank"
          value={form.writeCondition}
          onChange={(event) => set('writeCondition', event.currentTarget.value)}
        />
        <TextInput
          label="Transform"
          description="raw, truncate:n, round:n, date_only, uppercase, score_label"
          value={form.valueTransform}
          onChange={(event) => set('valueTransform', event.currentTarget.value)}
        />
      </Group>
      <Select
        label="When it writes"
        data={Object.entries(TRIGGER_LABELS).map(([value, label]) => ({ value, label }))}
        value={form.trigger}
        onChange={(value) => set('trigger', (value ?? 'after_compute') as MappingTrigger)}
        allowDeselect={false}
      />
      {serverError && (
        <Alert color="red" variant="light" data-testid="mapping-error">
          <Group gap="xs">
            <Badge color="red" variant="outline">
              {serverError.code}
            </Badge>
            <Text size="sm">{serverError.message}</Text>
          </Group>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={!form.connectionId || !form.pandoraField || !form.crmProperty}
        >
          {mapping ? 'Save' : 'Add mapping'}
        </Button>
      </Group>
    </Stack>
  );
}
