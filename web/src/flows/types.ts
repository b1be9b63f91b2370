/** The flow shapes the console edits, as the API defines them. */
import type { ResponseBody } from '../api';

type Draft = ResponseBody<'/api/workspaces/{workspaceId}/flows/{flowId}', 'get'>['flow']['draft'];

export type Definition = Draft;
export type DraftTrigger = Draft['trigger'];
export type DraftStep = Draft['steps'][number];
export type StepTypeId = DraftStep['type'];
export type EventType = Extract<DraftTrigger, { type: 'event' }>['event'];
export type StepCategory = ResponseBody<
  '/api/workspaces/{workspaceId}/flow-step-types',
  'get'
>['stepTypes'][number]['category'];
