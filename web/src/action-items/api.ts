/** Actions, batches, notifications, policies and skills: types and calls (REST). */
import { request, type CrmValue } from '../api';

export type Severity = 'critical' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info'];
export type ActionStatus =
  'open' | 'in_progress' | 'awaiting_approval' | 'executed' | 'failed' | 'dismissed' | 'undone';
export const ACTION_STATUSES: readonly ActionStatus[] = [
  'open',
  'awaiting_approval',
  'in_progress',
  'executed',
  'failed',
  'dismissed',
  'undone',
];

export interface Action {
  id: string;
  actionType: string;
  severity: Severity;
  title: string;
  summary: string;
  impactAmount: number | null;
  urgencyLabel: string | null;
  recommendedSteps: string[];
  connectionId: string | null;
  targetType: 'deal' | 'contact' | 'account';
  targetSourceId: string;
  targetName: string | null;
  ownerEmail: string | null;
  executionPayload: { crm_updates?: { field: string; proposed_value: CrmValue }[]; note?: string };
  status: ActionStatus;
  executionResult: {
    operations?: OperationResult[];
    errors?: { field?: string; code: string; message: string }[];
  } | null;
  sourceType: string;
  sourceName: string | null;
  approvedBy: string | null;
  executedAt: string | null;
  undoneAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OperationResult {
  kind: 'field_update' | 'note' | 'notification';
  field?: string;
  crmField?: string;
  before?: CrmValue;
  after?: CrmValue;
  status: string;
  error?: { message: string };
}

export interface Preview {
  executable: boolean;
  errors: { field?: string; code: string; message: string }[];
  changes: {
    field: string;
    crmField: string;
    label: string;
    before: CrmValue;
    after: CrmValue;
    changes: boolean;
  }[];
  note: string | null;
  notifications: { audience: 'rep' | 'manager' }[];
}

export interface Execution {
  outcome: string;
  status: ActionStatus | null;
  operations: OperationResult[];
  errors: { field?: string; message: string }[];
  replayed?: boolean;
}

export interface UndoResult {
  status: ActionStatus;
  fields: {
    field: string;
    before: CrmValue;
    written: CrmValue;
    current: CrmValue;
    status: 'restored' | 'already_restored' | 'conflict' | 'failed';
    message?: string;
  }[];
}

export interface AuditEntry {
  id: number;
  event: string;
  fromStatus: string | null;
  toStatus: string | null;
  actor: string | null;
  createdAt: string;
}

export interface ActionBatch {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';
  total: number;
  done: number;
  results: Record<string, { outcome: string; status: string | null; error?: string }>;
  crmCalls: number;
  finishedAt: string | null;
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  actionId: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface PolicyMatch {
  actionTypes?: string[];
  severities?: Severity[];
  impactMin?: number;
  impactMax?: number;
  fields?: string[];
  fieldsOnly?: boolean;
  sourceTypes?: string[];
  sourceNames?: string[];
}

export type PolicyEffect = 'auto_execute' | 'require_approval' | 'block';
export const POLICY_EFFECTS: readonly PolicyEffect[] = [
  'auto_execute',
  'require_approval',
  'block',
];

export interface Policy {
  id: string;
  name: string;
  enabled: boolean;
  priority: number;
  match: PolicyMatch;
  effect: PolicyEffect;
  createdBy: string | null;
  createdAt: string;
}

export type PolicyInput = Pick<Policy, 'name' | 'effect'> &
  Partial<Pick<Policy, 'enabled' | 'priority' | 'match'>>;

/** `none` when no policy applies: the action runs as it is asked to. */
export type DryRunEffect = PolicyEffect | 'none';

export interface DryRun {
  considered: number;
  actions: {
    id: string;
    title: string;
    actionType: string;
    status: ActionStatus;
    createdAt: string;
    policyEffect: DryRunEffect;
    currentEffect: DryRunEffect;
    resultingEffect: DryRunEffect;
    changed: boolean;
  }[];
  totals: { changed: number; resulting: Record<string, number> };
}

export interface ActionFilter {
  status?: string;
  severity?: string;
  actionType?: string;
}

const ws = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;
const item = (workspaceId: string, id: string) =>
  `${ws(workspaceId)}/action-items/${encodeURIComponent(id)}`;

export const actionsApi = {
  list: (workspaceId: string, filter: ActionFilter, after?: string) => {
    const params = new URLSearchParams({ order: 'impact', limit: '30' });
    for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
    if (after) params.set('after', after);
    return request<{ actions: Action[]; nextCursor: string | null }>(
      'GET',
      `${ws(workspaceId)}/action-items?${params}`,
    );
  },
  get: (workspaceId: string, id: string) =>
    request<{ action: Action }>('GET', item(workspaceId, id)),
  audit: (workspaceId: string, id: string) =>
    request<{ entries: AuditEntry[] }>('GET', `${item(workspaceId, id)}/audit`),
  preview: (workspaceId: string, id: string) =>
    request<{ preview: Preview }>('POST', `${item(workspaceId, id)}/preview`),
  execute: (workspaceId: string, id: string, idempotencyKey: string) =>
    request<{ execution: Execution }>('POST', `${item(workspaceId, id)}/execute`, undefined, {
      'idempotency-key': idempotencyKey,
    }),
  undo: (workspaceId: string, id: string, force: boolean) =>
    request<{ undo: UndoResult }>('POST', `${item(workspaceId, id)}/undo`, { force }),
  dismiss: (workspaceId: string, id: string) =>
    request<{ action: Action }>('POST', `${item(workspaceId, id)}/dismiss`, {}),
  approve: (workspaceId: string, id: string) =>
    request<{ action: Action }>('POST', `${item(workspaceId, id)}/approve`),
  batchExecute: (workspaceId: string, actionIds: string[]) =>
    request<{ batch: ActionBatch }>('POST', `${ws(workspaceId)}/action-items/batch-execute`, {
      actionIds,
    }),
  batch: (workspaceId: string, batchId: string) =>
    request<{ batch: ActionBatch }>(
      'GET',
      `${ws(workspaceId)}/action-batches/${encodeURIComponent(batchId)}`,
    ),
  runSkill: (workspaceId: string, skill: string) =>
    request<{ proposed: number; created: number }>(
      'POST',
      `${ws(workspaceId)}/skills/${encodeURIComponent(skill)}/run`,
      {},
    ),
  notifications: (workspaceId: string) =>
    request<{ notifications: Notification[] }>('GET', `${ws(workspaceId)}/notifications?limit=20`),
  markRead: (workspaceId: string) =>
    request<{ marked: number }>('POST', `${ws(workspaceId)}/notifications/read`, {}),
  policies: (workspaceId: string) =>
    request<{ policies: Policy[] }>('GET', `${ws(workspaceId)}/action-policies`),
  createPolicy: (workspaceId: string, input: PolicyInput) =>
    request<{ policy: Policy }>('POST', `${ws(workspaceId)}/action-policies`, input),
  updatePolicy: (workspaceId: string, id: string, input: Partial<PolicyInput>) =>
    request<{ policy: Policy }>(
      'PATCH',
      `${ws(workspaceId)}/action-policies/${encodeURIComponent(id)}`,
      input,
    ),
  deletePolicy: (workspaceId: string, id: string) =>
    request<void>('DELETE', `${ws(workspaceId)}/action-policies/${encodeURIComponent(id)}`),
  dryRun: (workspaceId: string, id: string, last: number) =>
    request<DryRun>(
      'POST',
      `${ws(workspaceId)}/action-policies/${encodeURIComponent(id)}/dry-run`,
      { last },
    ),
};

export const SKILLS = ['data-quality-audit', 'pipeline-coverage', 'stale-deals'] as const;
