import { Avatar, Badge, Tooltip } from '@mantine/core';
import type {
  Connection,
  ConnectionStatus,
  CrmType,
  PandoraStage,
  SyncRunStatus,
  WriteStatus,
} from '../api';

export const CRM_NAMES: Record<CrmType, string> = { hubspot: 'HubSpot', salesforce: 'Salesforce' };

// The CRMs' brand colours, so a card is recognisable at a glance.
const CRM_COLORS: Record<CrmType, string> = { hubspot: '#ff7a59', salesforce: '#00a1e0' };
const CRM_INITIALS: Record<CrmType, string> = { hubspot: 'HS', salesforce: 'SF' };

export const CONNECTION_STATUS_COLORS: Record<ConnectionStatus, string> = {
  connected: 'green',
  pending: 'yellow',
  error: 'red',
  disconnected: 'gray',
};

const CONNECTION_STATUS_LABELS: Record<ConnectionStatus, string> = {
  connected: 'Connected',
  pending: 'Pending',
  error: 'Error',
  disconnected: 'Disconnected',
};

export const SYNC_STATUS_COLORS: Record<SyncRunStatus, string> = {
  running: 'blue',
  succeeded: 'green',
  partial: 'orange',
  failed: 'red',
};

export const WRITE_STATUS_COLORS: Record<WriteStatus, string> = {
  pending: 'yellow',
  written: 'green',
  unchanged: 'gray',
  failed: 'red',
};

export const STAGE_LABELS: Record<PandoraStage, string> = {
  prospecting: 'Prospecting',
  qualification: 'Qualification',
  discovery: 'Discovery',
  evaluation: 'Evaluation',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
  closed_won: 'Closed won',
  closed_lost: 'Closed lost',
};

export function crmName(crmType: CrmType): string {
  return CRM_NAMES[crmType] ?? crmType;
}

/** The CRM's initials on its brand colour, standing in for its logo. */
export function CrmBadge({ crmType, size = 'md' }: { crmType: CrmType; size?: 'sm' | 'md' }) {
  return (
    <Avatar
      size={size === 'sm' ? 28 : 40}
      radius="md"
      variant="filled"
      color={CRM_COLORS[crmType] ?? 'gray'}
      aria-label={crmName(crmType)}
      role="img"
    >
      {CRM_INITIALS[crmType] ?? '?'}
    </Avatar>
  );
}

/** The connection's status; its message, if any, in a tooltip unless `withTooltip` is off. */
export function ConnectionStatusBadge({
  connection,
  withTooltip = true,
}: {
  connection: Connection;
  withTooltip?: boolean;
}) {
  const badge = (
    <Badge
      color={CONNECTION_STATUS_COLORS[connection.status] ?? 'gray'}
      variant="light"
      data-testid={`connection-status-${connection.id}`}
    >
      {CONNECTION_STATUS_LABELS[connection.status] ?? connection.status}
    </Badge>
  );
  if (!withTooltip || !connection.statusMessage) return badge;
  return (
    <Tooltip label={connection.statusMessage} multiline maw={320} withArrow>
      {badge}
    </Tooltip>
  );
}
