/**
 * The conversation API's data, named from the generated API types so a changed route
 * breaks the console's build.
 */
import type { ResponseBody } from '../../../src/client/index.js';

export type ConversationSource = ResponseBody<
  '/api/workspaces/{workspaceId}/conversation-sources',
  'get'
>['sources'][number];
export type SourceType = ConversationSource['sourceType'];
/** A new webhook source, with its signing secret shown this once. */
export type CreatedWebhookSource = ResponseBody<
  '/api/workspaces/{workspaceId}/conversation-sources/webhook',
  'post'
>;
export type PipelineStage = ResponseBody<
  '/api/workspaces/{workspaceId}/pipeline-stages',
  'get'
>['stages'][number];
