/** The flow shapes the console edits. */

export type StepCategory = 'basic' | 'advanced' | 'integration' | 'control';

export type DraftTrigger =
  | { type: 'manual' }
  | { type: 'schedule'; cron: string; timezone: string }
  | { type: 'event'; event: string; filter?: Record<string, string | number | boolean> }
  | { type: 'webhook' };

export interface DraftStep {
  key: string;
  type: string;
  config: Record<string, unknown>;
  name?: string;
  retry?: { attempts?: number; backoffMs?: number; maxDelayMs?: number };
  timeoutMs?: number;
}

export interface Definition {
  trigger: DraftTrigger;
  steps: DraftStep[];
}
