import { Badge, Blockquote, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import {
  confidenceColor,
  fieldLabel,
  formatConfidence,
  formatFieldValue,
  STAGE_CHOICES,
  stageLabel,
} from '../agents/field-display';

/** One field the agent proposes to change: what the CRM holds, what it would hold, and why. */
export interface FieldChange {
  field: string;
  crmProperty?: string | null;
  before: unknown;
  after: unknown;
  confidence?: number | string | null;
  /** Verbatim from the transcript. */
  quote?: string | null;
  startSeconds?: number | null;
  decision?: string | null;
  status?: string | null;
}

interface BeforeAfterProps {
  fields: readonly FieldChange[];
  /** The edit boxes' text by field, when the values may be edited. */
  edits?: Record<string, string>;
  editErrors?: Record<string, string>;
  onEdit?: (field: string, text: string) => void;
  testId?: string;
}

function timestamp(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return null;
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Before and after per field, with the quote each new value rests on. */
export function BeforeAfter({ fields, edits, editErrors, onEdit, testId }: BeforeAfterProps) {
  if (fields.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No field changes.
      </Text>
    );
  }
  return (
    <Table verticalSpacing="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="18%">Field</Table.Th>
          <Table.Th w="20%">Before</Table.Th>
          <Table.Th>After, and what was said</Table.Th>
          <Table.Th w={90}>Confidence</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((change) => {
          const editing = onEdit && edits && change.field in edits;
          const at = timestamp(change.startSeconds);
          return (
            <Table.Tr key={change.field} data-testid={`change-${change.field}`}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {fieldLabel(change.field)}
                </Text>
                {change.crmProperty && (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {change.crmProperty}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" td="line-through" data-testid="before">
                  {formatFieldValue(change.field, change.before)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={6}>
                  {editing ? (
                    change.field === 'stage' ? (
                      <Select
                        size="xs"
                        aria-label={`New ${fieldLabel(change.field)}`}
                        data={STAGE_CHOICES.map((stage) => ({
                          value: stage,
                          label: stageLabel(stage),
                        }))}
                        value={edits[change.field] || null}
                        onChange={(value) => onEdit(change.field, value ?? '')}
                        error={editErrors?.[change.field]}
                      />
                    ) : (
                      <TextInput
                        size="xs"
                        aria-label={`New ${fieldLabel(change.field)}`}
                        placeholder={change.field === 'close_date' ? 'YYYY-MM-DD' : undefined}
                        value={edits[change.field] ?? ''}
                        onChange={(event) => onEdit(change.field, event.currentTarget.value)}
                        error={editErrors?.[change.field]}
                      />
                    )
                  ) : (
                    <Text size="sm" fw={600} data-testid="after">
                      {formatFieldValue(change.field, change.after)}
                    </Text>
                  )}
                  {change.quote && (
                    <Blockquote p={6} pl="sm" fz="sm" color="gray" data-testid="quote">
                      “{change.quote}”
                      {at && (
                        <Text span size="xs" c="dimmed" ml={6}>
                          at {at}
                        </Text>
                      )}
                    </Blockquote>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={confidenceColor(change.confidence)}>
                  {formatConfidence(change.confidence)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
