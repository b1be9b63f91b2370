import { Badge, Progress, Switch, Table, Text, Tooltip } from '@mantine/core';
import { formatRate } from '../activity/chart-data';
import { fieldLabel } from './field-display';

/** A field's trust as shadow mode measured it (GET .../agents/:agentId/fields). */
export interface FieldTrustView {
  field: string;
  rule: 'auto' | 'ask' | 'never';
  autoApplyEnabled: boolean;
  samples: number;
  precision: number | null;
  threshold: number;
  minSamples: number;
  autoApplyAllowed: boolean;
}

const RULE_LABELS = { auto: 'Auto when sure', ask: 'Always ask', never: 'Never touch' };

/** Why the switch is off limits, in the admin's terms. */
export function trustBlocker(trust: FieldTrustView): string | null {
  if (trust.rule !== 'auto') return `The rule is "${RULE_LABELS[trust.rule]}"`;
  if (trust.autoApplyAllowed) return null;
  if (trust.samples < trust.minSamples) {
    return `${trust.samples} of ${trust.minSamples} samples measured in shadow`;
  }
  return `Precision ${formatRate(trust.precision)} is below the ${formatRate(trust.threshold)} required`;
}

interface TrustPanelProps {
  fields: readonly FieldTrustView[];
  /** Admins only; absent: read only. */
  onToggle?: (field: string, enabled: boolean) => void;
  pendingField?: string | null;
}

/**
 * Trust per field: precision over its sample against the threshold, and the switch to
 * auto-apply, disabled until the field has earned it (the server refuses it too).
 */
export function TrustPanel({ fields, onToggle, pendingField }: TrustPanelProps) {
  return (
    <Table verticalSpacing="sm" data-testid="trust-panel">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Field</Table.Th>
          <Table.Th>Rule</Table.Th>
          <Table.Th w="35%">Shadow precision</Table.Th>
          <Table.Th>Auto-apply</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((trust) => {
          const blocker = trustBlocker(trust);
          // Switching off is always allowed: only turning on must be earned.
          const locked = !trust.autoApplyEnabled && blocker !== null;
          const sampled = Math.min(1, trust.samples / Math.max(1, trust.minSamples));
          return (
            <Table.Tr key={trust.field} data-testid={`trust-${trust.field}`}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {fieldLabel(trust.field)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={trust.rule === 'never' ? 'gray' : 'blue'}>
                  {RULE_LABELS[trust.rule]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {formatRate(trust.precision)}{' '}
                  <Text span size="xs" c="dimmed">
                    over {trust.samples} (needs {formatRate(trust.threshold)} over{' '}
                    {trust.minSamples})
                  </Text>
                </Text>
                <Progress
                  mt={4}
                  size="sm"
                  value={sampled * 100}
                  color={trust.autoApplyAllowed ? 'green' : 'gray'}
                  aria-label={`${fieldLabel(trust.field)} samples`}
                />
              </Table.Td>
              <Table.Td>
                <Tooltip label={blocker ?? 'Earned: may be applied without a person'}>
                  <div>
                    <Switch
                      aria-label={`Auto-apply ${fieldLabel(trust.field)}`}
                      checked={trust.autoApplyEnabled}
                      disabled={!onToggle || locked || pendingField === trust.field}
                      onChange={(event) => onToggle?.(trust.field, event.currentTarget.checked)}
                    />
                  </div>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
