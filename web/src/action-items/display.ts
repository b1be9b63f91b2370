import type { ActionStatus, Severity } from './api';

export const SEVERITY_COLORS: Record<Severity, string> = {
  critical: 'red',
  warning: 'orange',
  info: 'blue',
};

export const STATUS_COLORS: Record<ActionStatus, string> = {
  open: 'blue',
  in_progress: 'cyan',
  awaiting_approval: 'yellow',
  executed: 'green',
  failed: 'red',
  dismissed: 'gray',
  undone: 'grape',
};

export const statusLabel = (status: string) => status.replace(/_/g, ' ');
