/** The notification API's types, named from the generated client's types. */
import type { QueryParams, RequestBody, ResponseBody } from '../../../src/client/index.js';

export type NotificationPage = ResponseBody<'/api/workspaces/{workspaceId}/notifications', 'get'>;
export type Notification = NotificationPage['notifications'][number];
export type NotificationQuery = QueryParams<'/api/workspaces/{workspaceId}/notifications', 'get'>;

export type Preferences = ResponseBody<
  '/api/workspaces/{workspaceId}/notification-preferences',
  'get'
>;
export type PreferenceCell = Preferences['preferences'][number];
export type NotificationSettings = Preferences['settings'];
export type PreferencesUpdate = RequestBody<
  '/api/workspaces/{workspaceId}/notification-preferences',
  'put'
>;
