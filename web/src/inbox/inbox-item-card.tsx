import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { confidenceColor, editText, formatConfidence, parseEdit } from '../agents/field-display';
import { formatDateTime, formatRelative } from '../format';
import { BeforeAfter } from './before-after';
import { readContext } from './context';

/** An inbox item as the card reads it (GET .../inbox items); `context` is read by readContext. */
export interface InboxItemView {
  id: string;
  itemType: 'approval' | 'question' | 'alert';
  source: 'agent' | 'policy' | 'anomaly' | 'flow';
  /** The flow run waiting for this approval (source 'flow'), where the API names it. */
  flowRunId?: string | null;
  title: string;
  description: string | null;
  context: Record<string, unknown>;
  confidence: number | null;
  status: 'pending' | 'approved' | 'rejected' | 'expired';
  actionId: string | null;
  anomalyId: string | null;
  error: { message: string; retryable: boolean } | null;
  expiresAt: string | null;
  resolvedBy: string | null;
  createdAt: string;
}

export interface ApproveRequest {
  edits?: Record<string, unknown>;
  dealId?: string;
}

interface InboxItemCardProps {
  workspaceId: string;
  item: InboxItemView;
  selected: boolean;
  /** Without it (one item on its own page) there is nothing to select it for. */
  onSelect?: (selected: boolean) => void;
  onApprove: (request: ApproveRequest) => void;
  onReject: (reason: string) => void;
  busy: boolean;
}

const TYPE_COLORS = { approval: 'blue', question: 'violet', alert: 'orange' } as const;
const STATUS_COLORS = { pending: 'yellow', approved: 'green', rejected: 'gray', expired: 'gray' };

/**
 * One item: what it is about, before/after per field with the quote, and the decision:
 * approve (editing values first if need be), pick the deal a question asks for, or reject
 * with a reason.
 */
export function InboxItemCard({
  workspaceId,
  item,
  selected,
  onSelect,
  onApprove,
  onReject,
  busy,
}: InboxItemCardProps) {
  const [edits, setEdits] = useState<Record<string, string> | null>(null);
  const [editErrors, setEditErrors] = useState<Record<string, string>>({});
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [dealId, setDealId] = useState<string | null>(null);
  const base = `/w/${workspaceId}`;
  const context = readContext(item.context);
  const fields = context.fields;
  const pending = item.status === 'pending';
  const question = item.itemType === 'question';

  function startEditing() {
    setEdits(Object.fromEntries(fields.map((f) => [f.field, editText(f.field, f.after)])));
    setEditErrors({});
  }

  function approve() {
    if (question) {
      if (dealId) onApprove({ dealId });
      return;
    }
    if (!edits) {
      onApprove({});
      return;
    }
    // Only what the person changed is sent: an untouched value stays the agent's.
    const changed: Record<string, unknown> = {};
    const errors: Record<string, string> = {};
    for (const change of fields) {
      const text = edits[change.field] ?? '';
      if (text === editText(change.field, change.after)) continue;
      const parsed = parseEdit(change.field, text);
      if (parsed.ok) changed[change.field] = parsed.value;
      else errors[change.field] = parsed.error;
    }
    setEditErrors(errors);
    if (Object.keys(errors).length === 0) {
      onApprove(Object.keys(changed).length ? { edits: changed } : {});
    }
  }

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      data-testid={`inbox-item-${item.id}`}
      data-status={item.status}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="sm" align="flex-start" wrap="nowrap">
          {pending && item.itemType === 'approval' && onSelect && (
            <Checkbox
              mt={4}
              aria-label={`Select ${item.title}`}
              checked={selected}
              onChange={(event) => onSelect(event.currentTarget.checked)}
            />
          )}
          <Stack gap={2}>
            <Group gap="xs">
              <Badge color={TYPE_COLORS[item.itemType]}>{item.itemType}</Badge>
              <Badge variant="light" color={STATUS_COLORS[item.status]}>
                {item.status}
              </Badge>
              <Text fw={600}>{item.title}</Text>
            </Group>
            <Text size="xs" c="dimmed">
              {context.meeting && (
                <>
                  From{' '}
                  <Anchor component={Link} to={`${base}/meetings/${context.meeting.id}`} inherit>
                    {context.meeting.title ?? 'a meeting'}
                  </Anchor>
                  {' · '}
                </>
              )}
              {context.record?.type === 'deal' && (
                <>
                  Deal{' '}
                  <Anchor component={Link} to={`${base}/deals/${context.record.id}`} inherit>
                    {context.record.name ?? context.record.id}
                  </Anchor>
                  {' · '}
                </>
              )}
              {item.source === 'policy' && item.actionId && (
                <>
                  <Anchor component={Link} to={`${base}/actions/${item.actionId}`} inherit>
                    The held action
                  </Anchor>
                  {' · '}
                </>
              )}
              {item.source === 'anomaly' && item.anomalyId && (
                <>
                  <Anchor component={Link} to={`${base}/anomalies/${item.anomalyId}`} inherit>
                    The anomaly
                  </Anchor>
                  {' · '}
                </>
              )}
              {item.source === 'flow' && item.flowRunId && (
                <>
                  <Anchor component={Link} to={`${base}/flow-runs/${item.flowRunId}`} inherit>
                    The waiting flow run
                  </Anchor>
                  {' · '}
                </>
              )}
              <span title={formatDateTime(item.createdAt)}>{formatRelative(item.createdAt)}</span>
              {pending && item.expiresAt && ` · expires ${formatRelative(item.expiresAt)}`}
              {!pending && item.resolvedBy && ` · by ${item.resolvedBy}`}
            </Text>
          </Stack>
        </Group>
        {item.confidence !== null && (
          <Badge variant="light" color={confidenceColor(item.confidence)}>
            {formatConfidence(item.confidence)}
          </Badge>
        )}
      </Group>

      {item.description && (
        <Text size="sm" mt="xs">
          {item.description}
        </Text>
      )}
      {item.error && pending && (
        <Alert color="red" mt="sm" title="The CRM write failed" data-testid="inbox-item-error">
          {item.error.message}
          {item.error.retryable && ' Approving again retries it; nothing was written twice.'}
        </Alert>
      )}
      {fields.length > 0 && (
        <BeforeAfter
          fields={fields}
          edits={edits ?? undefined}
          editErrors={editErrors}
          onEdit={(field, text) => setEdits((current) => ({ ...current, [field]: text }))}
          testId="inbox-changes"
        />
      )}
      {question && (
        <Stack gap="xs" mt="sm">
          <Text size="sm">{context.question ?? 'Which deal was this call about?'}</Text>
          <Radio.Group value={dealId} onChange={setDealId}>
            <Stack gap={4}>
              {context.candidates.map((candidate) => (
                <Radio
                  key={candidate.dealId}
                  value={candidate.dealId}
                  disabled={!pending}
                  label={`${candidate.name}${
                    candidate.score !== null && candidate.score !== undefined
                      ? ` (${formatConfidence(candidate.score)})`
                      : ''
                  }`}
                />
              ))}
            </Stack>
          </Radio.Group>
        </Stack>
      )}

      {pending && rejecting && (
        <Textarea
          mt="sm"
          label="Why is it wrong?"
          description="The agent's precision in shadow learns from it."
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          autosize
          minRows={2}
        />
      )}
      {pending && (
        <Group mt="sm" gap="xs">
          {rejecting ? (
            <>
              <Button
                color="red"
                size="xs"
                disabled={!reason.trim()}
                loading={busy}
                onClick={() => onReject(reason.trim())}
              >
                Reject
              </Button>
              <Button size="xs" variant="default" onClick={() => setRejecting(false)}>
                Cancel
              </Button>
            </>
          ) : (
            <>
              <Button size="xs" loading={busy} disabled={question && !dealId} onClick={approve}>
                {edits ? 'Approve with edits' : item.error ? 'Retry' : 'Approve'}
              </Button>
              {!question && item.actionId && fields.length > 0 && !edits && (
                <Button size="xs" variant="default" onClick={startEditing}>
                  Edit values
                </Button>
              )}
              {edits && (
                <Button size="xs" variant="default" onClick={() => setEdits(null)}>
                  Discard edits
                </Button>
              )}
              <Button size="xs" variant="subtle" color="red" onClick={() => setRejecting(true)}>
                Reject…
              </Button>
            </>
          )}
        </Group>
      )}
    </Card>
  );
}
