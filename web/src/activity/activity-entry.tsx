import { Anchor, Badge, Card, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import {
  confidenceColor,
  fieldLabel,
  formatConfidence,
  formatFieldValue,
} from '../agents/field-display';
import { formatDateTime, formatRelative } from '../format';

/** One agent run as the timeline shows it (GET .../activity items). */
export interface ActivityView {
  id: string;
  agent: { id: string; name: string } | null;
  conversation: { id: string; title: string; startedAt: string } | null;
  owner: { id: string; name: string; email: string | null } | null;
  trigger: string;
  deal: { id: string; name: string } | null;
  crmRecordId: string | null;
  fieldsUpdated: Record<string, unknown>;
  matchConfidence: number | null;
  overallConfidence: number | null;
  status: string;
  shadow: boolean;
  warnings: unknown[];
  errorMessage: string | null;
  createdAt: string;
}

export const ACTIVITY_STATUS_COLORS: Record<string, string> = {
  pending: 'yellow',
  success: 'green',
  failed: 'red',
  rejected: 'gray',
};

interface FieldEntry {
  field: string;
  before: unknown;
  after: unknown;
  confidence: number | null;
  decision: string | null;
  status: string | null;
  quote: string | null;
}

/** `fields_updated` as rows, whatever extra keys a run stored. */
export function fieldEntries(fieldsUpdated: Record<string, unknown>): FieldEntry[] {
  return Object.entries(fieldsUpdated).map(([field, raw]) => {
    const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    const confidence = Number(entry.confidence);
    return {
      field,
      before: entry.before,
      after: entry.after,
      confidence:
        entry.confidence === undefined || !Number.isFinite(confidence) ? null : confidence,
      decision: text(entry.decision),
      status: text(entry.status),
      quote: text(entry.quote),
    };
  });
}

/** A warning the run stored (a string, or an object with a message). */
export function warningText(warning: unknown): string {
  if (typeof warning === 'string') return warning;
  if (typeof warning === 'object' && warning !== null) {
    const { message } = warning as { message?: unknown };
    if (typeof message === 'string') return message;
  }
  return JSON.stringify(warning);
}

const FIELD_STATUS_LABELS: Record<string, string> = {
  applied: 'applied',
  pending: 'in the inbox',
  awaiting_approval: 'in the inbox',
  shadow: 'shadow: not written',
  failed: 'failed',
  unmapped: 'no CRM property',
};

/** What one run did and why: the record, each field before and after, what it left undecided. */
export function ActivityEntry({ workspaceId, log }: { workspaceId: string; log: ActivityView }) {
  const fields = fieldEntries(log.fieldsUpdated);
  const base = `/w/${workspaceId}`;
  return (
    <Card withBorder padding="sm" radius="md" data-testid={`activity-${log.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Badge
              color={ACTIVITY_STATUS_COLORS[log.status] ?? 'gray'}
              data-testid="activity-status"
            >
              {log.status}
            </Badge>
            {log.shadow && (
              <Badge variant="outline" color="grape">
                shadow
              </Badge>
            )}
            <Text size="sm" fw={600}>
              {log.agent ? (
                <Anchor component={Link} to={`${base}/agents/${log.agent.id}`} inherit>
                  {log.agent.name}
                </Anchor>
              ) : (
                'A deleted agent'
              )}
            </Text>
            <Text size="sm" c="dimmed">
              on{' '}
              {log.conversation ? (
                <Anchor component={Link} to={`${base}/meetings/${log.conversation.id}`} inherit>
                  {log.conversation.title}
                </Anchor>
              ) : (
                'a deleted meeting'
              )}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {log.deal ? (
              <>
                Deal{' '}
                <Anchor component={Link} to={`${base}/deals/${log.deal.id}`} inherit>
                  {log.deal.name}
                </Anchor>{' '}
                (match {formatConfidence(log.matchConfidence)})
              </>
            ) : (
              'No record matched'
            )}
            {log.owner ? ` · ${log.owner.name}` : ''} · {log.trigger}
          </Text>
        </Stack>
        <Stack gap={0} align="flex-end">
          <Badge variant="light" color={confidenceColor(log.overallConfidence)}>
            {formatConfidence(log.overallConfidence)}
          </Badge>
          <Text size="xs" c="dimmed" title={formatDateTime(log.createdAt)}>
            {formatRelative(log.createdAt)}
          </Text>
        </Stack>
      </Group>
      {fields.length > 0 && (
        <List size="sm" mt="xs" spacing={2} data-testid="activity-fields">
          {fields.map((entry) => (
            <List.Item key={entry.field}>
              <Text span size="sm" fw={500}>
                {fieldLabel(entry.field)}
              </Text>
              :{' '}
              <Text span size="sm" c="dimmed">
                {formatFieldValue(entry.field, entry.before)}
              </Text>{' '}
              →{' '}
              <Text span size="sm">
                {formatFieldValue(entry.field, entry.after)}
              </Text>{' '}
              <Text span size="xs" c="dimmed">
                ({formatConfidence(entry.confidence)}
                {entry.status ? `, ${FIELD_STATUS_LABELS[entry.status] ?? entry.status}` : ''})
              </Text>
              {entry.quote && (
                <Text size="xs" c="dimmed" fs="italic">
                  “{entry.quote}”
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {log.warnings.length > 0 && (
        <Stack gap={0} mt="xs" data-testid="activity-warnings">
          <Text size="xs" fw={600} c="orange">
            Could not decide
          </Text>
          {log.warnings.map((warning, index) => (
            <Text key={index} size="xs" c="dimmed">
              {warningText(warning)}
            </Text>
          ))}
        </Stack>
      )}
      {log.errorMessage && (
        <Text size="xs" c="red" mt="xs">
          {log.errorMessage}
        </Text>
      )}
    </Card>
  );
}
