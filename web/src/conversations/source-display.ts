import type { SourceType } from './types';

export const SOURCE_NAMES: Record<SourceType, string> = {
  gong: 'Gong',
  fireflies: 'Fireflies',
  webhook: 'Webhook',
};

export const SOURCE_STATUS_COLORS: Record<string, string> = {
  connected: 'green',
  pending: 'yellow',
  error: 'red',
  disconnected: 'gray',
};

export const SOURCE_STATUS_LABELS: Record<string, string> = {
  connected: 'Connected',
  pending: 'Pick reps to track',
  error: 'Error',
  disconnected: 'Disconnected',
};
