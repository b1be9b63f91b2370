import type { Gap } from './types';

export const GAP_SEVERITY_COLORS: Record<Gap['severity'], string> = {
  high: 'red',
  medium: 'orange',
  low: 'gray',
};

export const GAP_CAUSE_LABELS: Record<Gap['cause'], string> = {
  deal_not_created: 'Deal not created',
  early_stage: 'Early stage',
  disqualified_not_logged: 'Disqualified, not logged',
};
