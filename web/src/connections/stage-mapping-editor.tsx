import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { PANDORA_STAGES, type PandoraStage } from '../api';
import { STAGE_LABELS } from './crm-display';

export interface StageMappingRow {
  /** Stable React key; rows have no id of their own. */
  key: number;
  crmStage: string;
  stage: PandoraStage;
}

const STAGE_OPTIONS = PANDORA_STAGES.map((value) => ({ value, label: STAGE_LABELS[value] }));

function isStage(value: string | null): value is PandoraStage {
  return PANDORA_STAGES.some((stage) => stage === value);
}

let nextKey = 0;

/** Rows for a saved mapping; the API types its values as strings, so only stages it knows are kept. */
export function mappingRows(mapping: Record<string, string>): StageMappingRow[] {
  return Object.entries(mapping).flatMap(([crmStage, stage]) =>
    isStage(stage) ? [{ key: (nextKey += 1), crmStage, stage }] : [],
  );
}

/** The mapping the server takes, or the problem with the rows (blank or repeated CRM stages). */
export function mappingFromRows(
  rows: StageMappingRow[],
): { mapping: Record<string, PandoraStage> } | { error: string } {
  const mapping: Record<string, PandoraStage> = {};
  for (const row of rows) {
    const crmStage = row.crmStage.trim();
    if (!crmStage) return { error: 'Every row needs the CRM stage id or label; remove empty rows' };
    if (crmStage in mapping) return { error: `“${crmStage}” is mapped twice; keep one row` };
    mapping[crmStage] = row.stage;
  }
  return { mapping };
}

interface StageMappingEditorProps {
  rows: StageMappingRow[];
  onChange: (rows: StageMappingRow[]) => void;
  error?: string;
  disabled?: boolean;
}

/** CRM stage → Pandora stage rows; stages not listed are mapped automatically. */
export function StageMappingEditor({ rows, onChange, error, disabled }: StageMappingEditorProps) {
  const update = (key: number, change: Partial<StageMappingRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  return (
    <Stack gap="xs" data-testid="stage-mapping-editor">
      <div>
        <Text size="sm" fw={500}>
          Stage mapping
        </Text>
        <Text size="xs" c="dimmed">
          Pandora maps the CRMs&apos; default stages and most custom ones by name. Add a row for a
          stage it maps wrongly: the CRM&apos;s stage id (HubSpot) or label (Salesforce), and the
          Pandora stage it means. It applies from the next sync.
        </Text>
      </div>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed" fs="italic">
          No overrides: every stage is mapped automatically.
        </Text>
      )}
      {rows.map((row, index) => (
        <Group key={row.key} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={`CRM stage ${index + 1}`}
            placeholder="e.g. contractsent or Legal review"
            style={{ flex: 1 }}
            value={row.crmStage}
            disabled={disabled}
            onChange={(event) => update(row.key, { crmStage: event.currentTarget.value })}
          />
          <Text c="dimmed" pt={6} aria-hidden>
            →
          </Text>
          <Select
            aria-label={`Pandora stage ${index + 1}`}
            w={170}
            data={STAGE_OPTIONS}
            allowDeselect={false}
            value={row.stage}
            disabled={disabled}
            onChange={(value) => {
              if (isStage(value)) update(row.key, { stage: value });
            }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`Remove stage mapping ${index + 1}`}
            disabled={disabled}
            onClick={() => onChange(rows.filter((item) => item.key !== row.key))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          disabled={disabled}
          onClick={() =>
            onChange([...rows, { key: (nextKey += 1), crmStage: '', stage: 'prospecting' }])
          }
        >
          Add stage mapping
        </Button>
      </Group>
    </Stack>
  );
}
