/**
 * Actions, batches, policies and skills: the console's calls, each through
 * the generated typed client, and their types named from the generated API types, so a
 * route whose answer changes breaks the console's typecheck where the field is read.
 */
import type { QueryParams, RequestBody, ResponseBody } from '../../../src/client/index.js';
import { call, client } from '../api';

type ListAnswer = ResponseBody<'/api/workspaces/{workspaceId}/action-items', 'get'>;
type ActionAnswer = ListAnswer['actions'][number];
type ListQuery = QueryParams<'/api/workspaces/{workspaceId}/action-items', 'get'>;

export type Severity = ActionAnswer['severity'];
export type ActionStatus = ActionAnswer['status'];

/**
 * A list naming every member of the union `T`, in the order the console shows them: a
 * value the API adds or drops is a type error here.
 */
const everyOf =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)): L =>
    list;

export const SEVERITIES = everyOf<Severity>()(['critical', 'warning', 'info']);
export const ACTION_STATUSES = everyOf<ActionStatus>()([
  'open',
  'awaiting_approval',
  'in_progress',
  'executed',
  'failed',
  'dismissed',
  'undone',
]);

/** What executing an action will do: the create route's shape for it. */
export type ExecutionPayload = NonNullable<
  RequestBody<'/api/workspaces/{workspaceId}/action-items', 'post'>['executionPayload']
>;

export type Action = ActionAnswer;
/** One operation of the last execution, as the action stores its result. */
export type OperationResult = NonNullable<
  NonNullable<Action['executionResult']>['operations']
>[number];

export type AuditEntry = ResponseBody<
  '/api/workspaces/{workspaceId}/action-items/{actionId}/audit',
  'get'
>['entries'][number];

export type Preview = ResponseBody<
  '/api/workspaces/{workspaceId}/action-items/{actionId}/preview',
  'post'
>['preview'];
export type Execution = ResponseBody<
  '/api/workspaces/{workspaceId}/action-items/{actionId}/execute',
  'post'
>['execution'];
export type UndoResult = ResponseBody<
  '/api/workspaces/{workspaceId}/action-items/{actionId}/undo',
  'post'
>['undo'];
export type ActionBatch = ResponseBody<
  '/api/workspaces/{workspaceId}/action-batches/{batchId}',
  'get'
>['batch'];

export type Policy = ResponseBody<
  '/api/workspaces/{workspaceId}/action-policies',
  'get'
>['policies'][number];
export type PolicyMatch = Policy['match'];
export type PolicyEffect = Policy['effect'];
export const POLICY_EFFECTS = everyOf<PolicyEffect>()([
  'auto_execute',
  'require_approval',
  'block',
]);
export type PolicySourceType = NonNullable<PolicyMatch['sourceTypes']>[number];
export const POLICY_SOURCE_TYPES = everyOf<PolicySourceType>()([
  'skill',
  'person',
  'api',
  'flow',
  'agent',
]);
export type PolicyInput = RequestBody<'/api/workspaces/{workspaceId}/action-policies', 'post'>;
export type PolicyPatch = RequestBody<
  '/api/workspaces/{workspaceId}/action-policies/{policyId}',
  'patch'
>;

export type DryRun = ResponseBody<
  '/api/workspaces/{workspaceId}/action-policies/{policyId}/dry-run',
  'post'
>;
/** `none` when no policy applies: the action runs as it is asked to. */
export type DryRunEffect = DryRun['actions'][number]['policyEffect'];

/** The list's filters as the page's URL holds them (the server checks the values). */
export interface ActionFilter {
  status?: string;
  severity?: string;
  actionType?: string;
}

const ws = (workspaceId: string) => ({ params: { path: { workspaceId } } });
const item = (workspaceId: string, actionId: string) => ({
  params: { path: { workspaceId, actionId } },
});
const ITEM = '/api/workspaces/{workspaceId}/action-items/{actionId}' as const;

export const actionsApi = {
  list: async (workspaceId: string, filter: ActionFilter, after?: string) => {
    const query: ListQuery = {
      order: 'impact',
      limit: 30,
      ...(filter.status ? { status: [filter.status as ActionStatus] } : {}),
      ...(filter.severity ? { severity: [filter.severity as Severity] } : {}),
      ...(filter.actionType ? { actionType: filter.actionType } : {}),
      ...(after ? { after } : {}),
    };
    const page = await call(
      client.GET('/api/workspaces/{workspaceId}/action-items', {
        params: { path: { workspaceId }, query },
      }),
    );
    return page;
  },
  get: (workspaceId: string, id: string) => call(client.GET(ITEM, item(workspaceId, id))),
  audit: (workspaceId: string, id: string) =>
    call(client.GET(`${ITEM}/audit`, item(workspaceId, id))),
  preview: (workspaceId: string, id: string) =>
    call(client.POST(`${ITEM}/preview`, item(workspaceId, id))),
  execute: (workspaceId: string, id: string, idempotencyKey: string) =>
    call(
      client.POST(`${ITEM}/execute`, {
        params: {
          path: { workspaceId, actionId: id },
          header: { 'idempotency-key': idempotencyKey },
        },
      }),
    ),
  undo: (workspaceId: string, id: string, force: boolean) =>
    call(client.POST(`${ITEM}/undo`, { ...item(workspaceId, id), body: { force } })),
  dismiss: (workspaceId: string, id: string) =>
    call(client.POST(`${ITEM}/dismiss`, { ...item(workspaceId, id), body: {} })),
  approve: (workspaceId: string, id: string) =>
    call(client.POST(`${ITEM}/approve`, item(workspaceId, id))),
  batchExecute: (workspaceId: string, actionIds: string[]) =>
    call(
      client.POST('/api/workspaces/{workspaceId}/action-items/batch-execute', {
        ...ws(workspaceId),
        body: { actionIds },
      }),
    ),
  batch: (workspaceId: string, batchId: string) =>
    call(
      client.GET('/api/workspaces/{workspaceId}/action-batches/{batchId}', {
        params: { path: { workspaceId, batchId } },
      }),
    ),
  runSkill: (workspaceId: string, skill: string) =>
    call(
      client.POST('/api/workspaces/{workspaceId}/skills/{skill}/run', {
        params: { path: { workspaceId, skill } },
        body: {},
      }),
    ),
  policies: (workspaceId: string) =>
    call(client.GET('/api/workspaces/{workspaceId}/action-policies', ws(workspaceId))),
  createPolicy: (workspaceId: string, input: PolicyInput) =>
    call(
      client.POST('/api/workspaces/{workspaceId}/action-policies', {
        ...ws(workspaceId),
        body: input,
      }),
    ),
  updatePolicy: (workspaceId: string, id: string, input: PolicyPatch) =>
    call(
      client.PATCH('/api/workspaces/{workspaceId}/action-policies/{policyId}', {
        params: { path: { workspaceId, policyId: id } },
        body: input,
      }),
    ),
  deletePolicy: (workspaceId: string, id: string) =>
    call(
      client.DELETE('/api/workspaces/{workspaceId}/action-policies/{policyId}', {
        params: { path: { workspaceId, policyId: id } },
      }),
    ),
  dryRun: (workspaceId: string, id: string, last: number) =>
    call(
      client.POST('/api/workspaces/{workspaceId}/action-policies/{policyId}/dry-run', {
        params: { path: { workspaceId, policyId: id } },
        body: { last },
      }),
    ),
};

export const SKILLS = ['data-quality-audit', 'pipeline-coverage', 'stale-deals'] as const;
