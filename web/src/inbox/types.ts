/**
 * The inbox API's data, named from the generated API types so a changed route breaks the
 * console's build.
 */
import type { QueryParams, ResponseBody } from '../../../src/client/index.js';

export type InboxItem = ResponseBody<'/api/workspaces/{workspaceId}/inbox', 'get'>['items'][number];
export type InboxQuery = NonNullable<QueryParams<'/api/workspaces/{workspaceId}/inbox', 'get'>>;
