import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { ResponseBody } from '../../../src/client/index.js';
import { SEVERITY_COLORS, STATUS_COLORS, statusLabel } from '../action-items/display';
import { QueryError } from '../components/query-error';
import { TableSkeleton } from '../components/table-skeleton';
import { WriteRow } from '../connections/write-log';
import { LinkMethodBadge } from '../conversations/link-method';
import { usePipelineStages } from '../conversations/queries';
import { formatCurrency, formatDate, formatDateTime } from '../format';
import { useCrmWrites } from '../queries';
import { useWorkspaceContext } from '../workspace-context';
import { useDeal, useDealActions, useDealActivity } from './deal-queries';

type Deal = ResponseBody<'/api/workspaces/{workspaceId}/deals/{dealId}', 'get'>['deal'];
type Activity = ResponseBody<'/api/workspaces/{workspaceId}/deals/{dealId}/activity', 'get'>;

interface Factor {
  factor: string;
  points: number;
  max?: number;
  detail?: string;
}

/** The API declares a score's factors open; skills store `{ factor, points, max?, detail }`. */
function factorsOf(value: unknown): Factor[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is Factor =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as Factor).factor === 'string' &&
      typeof (item as Factor).points === 'number',
  );
}

function scoreValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children ?? '—'}</Text>
    </div>
  );
}

/** A CRM stage id by its label in the synced pipelines; the id itself when unknown. */
type StageLabel = (stageId: string) => string;

function DealFields({ deal, stageLabel }: { deal: Deal; stageLabel: StageLabel }) {
  return (
    <Card withBorder radius="md" padding="lg" data-testid="deal-fields">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <Field label="Amount">{deal.amount === null ? '—' : formatCurrency(deal.amount)}</Field>
        <Field label="Stage">
          {deal.stage ? stageLabel(deal.stage) : '—'}
          {deal.stageNormalized && deal.stageNormalized !== deal.stage && (
            <Text span c="dimmed" size="xs">
              {' '}
              ({statusLabel(deal.stageNormalized)})
            </Text>
          )}
        </Field>
        <Field label="Close date">{formatDate(deal.closeDate)}</Field>
        <Field label="Owner">{deal.ownerEmail ?? '—'}</Field>
        <Field label="Account">{deal.accountName ?? '—'}</Field>
        <Field label="Pipeline">{deal.pipeline ?? '—'}</Field>
        <Field label="Last activity">{formatDateTime(deal.lastActivityAt)}</Field>
        <Field label="CRM">
          {deal.source} · {deal.sourceId}
        </Field>
      </SimpleGrid>
      {deal.nextStep && (
        <Text size="sm" mt="md">
          <Text span fw={600}>
            Next step:
          </Text>{' '}
          {deal.nextStep}
        </Text>
      )}
    </Card>
  );
}

function StageHistory({
  history,
  stageLabel,
}: {
  history: Activity['stageHistory'];
  stageLabel: StageLabel;
}) {
  if (history.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No stage change synced yet.
      </Text>
    );
  return (
    <Timeline bulletSize={14} lineWidth={2} active={history.length - 1}>
      {history.map((change) => (
        <Timeline.Item
          key={`${change.changedAt}-${change.toStage}`}
          title={stageLabel(change.toStage)}
          data-testid="stage-change"
        >
          <Text size="xs" c="dimmed">
            {change.fromStage ? `from ${stageLabel(change.fromStage)} · ` : ''}
            {formatDateTime(change.changedAt)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function Scores({ scores }: { scores: Activity['scores'] }) {
  if (scores.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No field computed for this deal yet.
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {scores.map((score) => (
        <div key={score.field} data-testid={`score-${score.field}`}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {score.field}
            </Text>
            <Badge variant="light">{scoreValue(score.value)}</Badge>
            <Text size="xs" c="dimmed">
              computed {formatDateTime(score.computedAt)}
            </Text>
          </Group>
          {factorsOf(score.factors).map((factor) => (
            <Text key={factor.factor} size="xs" c="dimmed" ml="sm">
              {factor.factor}: {factor.points}
              {factor.max === undefined ? '' : ` / ${factor.max}`}
              {factor.detail ? ` — ${factor.detail}` : ''}
            </Text>
          ))}
        </div>
      ))}
    </Stack>
  );
}

function Meetings({
  workspaceId,
  meetings,
}: {
  workspaceId: string;
  meetings: Activity['meetings'];
}) {
  if (meetings.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No meeting linked to this deal.
      </Text>
    );
  return (
    <Table verticalSpacing="xs" fz="sm" data-testid="deal-meetings">
      <Table.Tbody>
        {meetings.map((meeting) => (
          <Table.Tr key={meeting.id}>
            <Table.Td>
              <Anchor component={Link} to={`/w/${workspaceId}/meetings/${meeting.id}`} size="sm">
                {meeting.title}
              </Anchor>
            </Table.Td>
            <Table.Td>{formatDateTime(meeting.startedAt)}</Table.Td>
            <Table.Td>{Math.round(meeting.durationSeconds / 60)} min</Table.Td>
            <Table.Td>
              <LinkMethodBadge method={meeting.linkMethod} confidence={meeting.linkConfidence} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Actions({
  workspaceId,
  dealId,
  sourceId,
}: {
  workspaceId: string;
  dealId: string;
  sourceId: string;
}) {
  const actions = useDealActions(workspaceId, dealId, sourceId);
  if (!actions.data) {
    return actions.isError ? (
      <QueryError
        title="Could not load the actions"
        error={actions.error}
        onRetry={() => void actions.refetch()}
      />
    ) : (
      <TableSkeleton rows={2} />
    );
  }
  if (actions.data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No action on this deal.
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="deal-actions">
      {actions.data.map((action) => (
        <Group key={action.id} justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={`/w/${workspaceId}/actions/${action.id}`} size="sm">
            {action.title}
          </Anchor>
          <Group gap={6} wrap="nowrap">
            <Badge size="sm" variant="light" color={SEVERITY_COLORS[action.severity]}>
              {action.severity}
            </Badge>
            <Badge size="sm" variant="light" color={STATUS_COLORS[action.status]}>
              {statusLabel(action.status)}
            </Badge>
          </Group>
        </Group>
      ))}
    </Stack>
  );
}

function Writes({ workspaceId, sourceId }: { workspaceId: string; sourceId: string }) {
  const writes = useCrmWrites(workspaceId, { objectType: 'deal', recordId: sourceId });
  const entries = writes.data?.pages.flatMap((page) => page.writes);
  if (!entries) {
    return writes.isError ? (
      <QueryError
        title="Could not load the writes"
        error={writes.error}
        onRetry={() => void writes.refetch()}
      />
    ) : (
      <TableSkeleton rows={2} />
    );
  }
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Pandora has written nothing to this deal.
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={980}>
        <Table verticalSpacing="xs" fz="sm" data-testid="deal-writes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Record</Table.Th>
              <Table.Th>Field</Table.Th>
              <Table.Th>Before → after</Table.Th>
              <Table.Th>Origin</Table.Th>
              <Table.Th>Actor</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Error</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((write) => (
              <WriteRow key={write.id} write={write} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {writes.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            size="xs"
            loading={writes.isFetchingNextPage}
            onClick={() => void writes.fetchNextPage()}
          >
            Load more
          </Button>
        </Group>
      )}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={4} mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** `/w/:workspaceId/deals/:dealId`: everything Pandora holds about one deal. */
export function DealPage() {
  const { workspace } = useWorkspaceContext();
  const { dealId = '' } = useParams();
  const deal = useDeal(workspace.id, dealId);
  const activity = useDealActivity(workspace.id, dealId);
  const stages = usePipelineStages(workspace.id, deal.data?.source, deal.data !== undefined);
  const stageLabel: StageLabel = (stageId) =>
    stages.data?.find(
      (stage) =>
        stage.stageId === stageId &&
        (!deal.data?.pipeline || stage.pipelineId === deal.data.pipeline),
    )?.stageLabel ??
    stages.data?.find((stage) => stage.stageId === stageId)?.stageLabel ??
    stageId;
  useDocumentTitle(`${deal.data?.name ?? 'Deal'} · ${workspace.name} · Pandora`);

  if (!deal.data) {
    return deal.isError ? (
      <QueryError
        title="Could not load the deal"
        error={deal.error}
        onRetry={() => void deal.refetch()}
        retrying={deal.isFetching}
      />
    ) : (
      <TableSkeleton rows={4} />
    );
  }

  return (
    <Stack gap="lg" data-testid="deal-page">
      <div>
        <Title order={2}>{deal.data.name}</Title>
        <Text c="dimmed" size="sm">
          {deal.data.accountName ?? 'No account'} · what Pandora knows of this deal
        </Text>
      </div>
      <DealFields deal={deal.data} stageLabel={stageLabel} />
      {activity.isError && (
        <QueryError
          title="Could not load the deal's history"
          error={activity.error}
          onRetry={() => void activity.refetch()}
        />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title="Stage history">
          {activity.data ? (
            <StageHistory history={activity.data.stageHistory} stageLabel={stageLabel} />
          ) : (
            <TableSkeleton rows={2} />
          )}
        </Section>
        <Section title="Scores">
          {activity.data ? <Scores scores={activity.data.scores} /> : <TableSkeleton rows={2} />}
        </Section>
      </SimpleGrid>
      <Section title="Meetings">
        {activity.data ? (
          <Meetings workspaceId={workspace.id} meetings={activity.data.meetings} />
        ) : (
          <TableSkeleton rows={2} />
        )}
      </Section>
      <Section title="Actions">
        <Actions workspaceId={workspace.id} dealId={deal.data.id} sourceId={deal.data.sourceId} />
      </Section>
      <Section title="Writes to the CRM">
        <Writes workspaceId={workspace.id} sourceId={deal.data.sourceId} />
      </Section>
    </Stack>
  );
}
