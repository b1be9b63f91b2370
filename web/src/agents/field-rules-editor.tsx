import {
  ActionIcon,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { fieldLabel, KNOWN_FIELDS } from './field-display';
import { setFieldRule, type FieldRule, type FieldRuleDraft } from './wizard-state';

const RULES: { value: FieldRule; label: string }[] = [
  { value: 'auto', label: 'Auto-apply when sure' },
  { value: 'ask', label: 'Always ask' },
  { value: 'never', label: 'Never touch' },
];

interface FieldRulesEditorProps {
  fields: readonly FieldRuleDraft[];
  onChange: (fields: FieldRuleDraft[]) => void;
  /** The CRM's writable deal properties, read live; absent while loading. */
  properties?: readonly { name: string; label: string }[];
  /** Each field's default property in this CRM. */
  defaults?: Record<string, string>;
}

/**
 * The per-field rule: auto-apply above a confidence, always ask, or never touch. Auto-apply
 * takes effect for a field only once shadow mode has measured it precise enough.
 */
export function FieldRulesEditor({
  fields,
  onChange,
  properties,
  defaults,
}: FieldRulesEditorProps) {
  const known = new Set(properties?.map((p) => p.name));
  const missing = KNOWN_FIELDS.filter((field) => !fields.some((rule) => rule.field === field));
  return (
    <>
      <Table verticalSpacing="xs" data-testid="field-rules">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Field</Table.Th>
            <Table.Th>CRM property</Table.Th>
            <Table.Th>Rule</Table.Th>
            <Table.Th w={150}>Auto-apply at</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((rule) => (
            <Table.Tr key={rule.field} data-testid={`field-rule-${rule.field}`}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {fieldLabel(rule.field)}
                </Text>
              </Table.Td>
              <Table.Td>
                <PropertySelect
                  rule={rule}
                  properties={properties}
                  known={known}
                  fallback={defaults?.[rule.field] ?? null}
                  onPick={(crmProperty) =>
                    onChange(setFieldRule(fields, rule.field, { crmProperty }))
                  }
                />
              </Table.Td>
              <Table.Td>
                <SegmentedControl
                  size="xs"
                  aria-label={`${fieldLabel(rule.field)} rule`}
                  data={RULES}
                  value={rule.rule}
                  onChange={(value) =>
                    onChange(setFieldRule(fields, rule.field, { rule: value as FieldRule }))
                  }
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  aria-label={`${fieldLabel(rule.field)} threshold`}
                  disabled={rule.rule !== 'auto'}
                  min={50}
                  max={100}
                  suffix="%"
                  value={Math.round(rule.threshold * 100)}
                  onChange={(value) =>
                    onChange(
                      setFieldRule(fields, rule.field, {
                        threshold: (typeof value === 'number' ? value : Number(value)) / 100,
                      }),
                    )
                  }
                />
              </Table.Td>
              <Table.Td>
                <Tooltip label="Remove the field">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove ${fieldLabel(rule.field)}`}
                    onClick={() => onChange(fields.filter((f) => f.field !== rule.field))}
                  >
                    ✕
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {missing.length > 0 && (
        <Group mt="sm">
          <Select
            size="xs"
            placeholder="Add a field"
            aria-label="Add a field"
            data={missing.map((field) => ({ value: field, label: fieldLabel(field) }))}
            value={null}
            onChange={(field) => field && onChange(setFieldRule(fields, field, {}))}
            searchable
          />
        </Group>
      )}
    </>
  );
}

/**
 * Which deal property a field writes: its default unless the admin picks another. A
 * default the CRM does not have is flagged here, since activation refuses it.
 */
function PropertySelect({
  rule,
  properties,
  known,
  fallback,
  onPick,
}: {
  rule: FieldRuleDraft;
  properties: FieldRulesEditorProps['properties'];
  known: Set<string>;
  fallback: string | null;
  onPick: (crmProperty: string | null) => void;
}) {
  const current = rule.crmProperty ?? fallback;
  const missing = properties !== undefined && current !== null && !known.has(current);
  return (
    <Select
      size="xs"
      w={200}
      aria-label={`${fieldLabel(rule.field)} CRM property`}
      placeholder={fallback ?? 'Choose a property'}
      data={(properties ?? []).map((p) => ({ value: p.name, label: `${p.label} (${p.name})` }))}
      value={rule.crmProperty ?? (fallback && known.has(fallback) ? fallback : null)}
      onChange={(value) => onPick(value === fallback ? null : value)}
      searchable
      disabled={rule.rule === 'never'}
      error={
        missing && rule.rule !== 'never'
          ? `The CRM has no "${current}": choose one, or never touch`
          : undefined
      }
    />
  );
}
