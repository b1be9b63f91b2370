import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import { BeforeAfter } from '../inbox/before-after';
import { fieldLabel, formatConfidence } from './field-display';

/** What a run would do on one meeting (POST .../agents/:agentId/preview). */
export interface PreviewView {
  matchedRecord: { type: string; id: string; crmId: string; name: string } | null;
  matchConfidence: number;
  match: {
    method: string;
    reason: string;
    candidates: { dealId: string; name: string; score: number }[];
    question?: string;
  };
  fields: {
    field: string;
    crmProperty: string | null;
    currentValue: unknown;
    newValue: unknown;
    confidence: number;
    quote: string;
    startSeconds: number;
    decision: string;
    route: string;
  }[];
  mode: string;
  warnings: string[];
}

const ROUTE_LABELS: Record<string, string> = {
  auto: 'would be written',
  inbox: 'would wait in the inbox',
  shadow: 'shadow: recorded, not written',
  unmapped: 'no CRM property: nothing',
};

/** The preview: the record matched and why, each field before/after with its quote, warnings. */
export function PreviewResult({ preview }: { preview: PreviewView }) {
  return (
    <Stack gap="sm" data-testid="preview-result">
      {preview.matchedRecord ? (
        <Text size="sm">
          Matched deal{' '}
          <Text span fw={600} data-testid="preview-deal">
            {preview.matchedRecord.name}
          </Text>{' '}
          ({formatConfidence(preview.matchConfidence)}): {preview.match.reason}
        </Text>
      ) : (
        <Alert color="yellow" title="No deal matched">
          {preview.match.question ?? preview.match.reason}
          {preview.match.candidates.length > 0 && (
            <List size="sm" mt={4}>
              {preview.match.candidates.map((c) => (
                <List.Item key={c.dealId}>
                  {c.name} ({formatConfidence(c.score)})
                </List.Item>
              ))}
            </List>
          )}
          <Text size="xs" mt={4}>
            A run would ask this in the inbox rather than guess.
          </Text>
        </Alert>
      )}
      {preview.matchedRecord && (
        <>
          <BeforeAfter
            fields={preview.fields.map((f) => ({
              field: f.field,
              crmProperty: f.crmProperty,
              before: f.currentValue,
              after: f.newValue,
              confidence: f.confidence,
              quote: f.quote,
              startSeconds: f.startSeconds,
            }))}
            testId="preview-changes"
          />
          {preview.fields.length > 0 && (
            <Group gap="xs">
              {preview.fields.map((f) => (
                <Badge
                  key={f.field}
                  variant="light"
                  tt="none"
                  color={f.route === 'auto' ? 'green' : 'gray'}
                >
                  {fieldLabel(f.field)}: {ROUTE_LABELS[f.route] ?? f.route}
                </Badge>
              ))}
            </Group>
          )}
        </>
      )}
      {preview.warnings.length > 0 && (
        <Alert color="orange" title="Could not decide" data-testid="preview-warnings">
          <List size="sm">
            {preview.warnings.map((warning, index) => (
              <List.Item key={index}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        A preview writes nothing.
      </Text>
    </Stack>
  );
}
