/**
 * The activity API's data, named from the generated API types so a changed route breaks
 * the console's build.
 */
import type { QueryParams, ResponseBody } from '../../../src/client/index.js';

export type ActivityLog = ResponseBody<
  '/api/workspaces/{workspaceId}/activity',
  'get'
>['items'][number];
export type ActivityQuery = NonNullable<
  QueryParams<'/api/workspaces/{workspaceId}/activity', 'get'>
>;
export type StatsQuery = NonNullable<
  QueryParams<'/api/workspaces/{workspaceId}/activity/stats', 'get'>
>;
export type ActivityStats = ResponseBody<'/api/workspaces/{workspaceId}/activity/stats', 'get'>;
