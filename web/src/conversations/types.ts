/**
 * The conversation API's data, named from the generated API types so a changed route
 * breaks the console's build.
 */
import type { QueryParams, RequestBody, ResponseBody } from '../../../src/client/index.js';

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
export type ConversationQuery = NonNullable<
  QueryParams<'/api/workspaces/{workspaceId}/conversations', 'get'>
>;
export type ConversationSummary = ResponseBody<
  '/api/workspaces/{workspaceId}/conversations',
  'get'
>['conversations'][number];
export type ConversationDetail = ResponseBody<
  '/api/workspaces/{workspaceId}/conversations/{conversationId}',
  'get'
>['conversation'];
export type LinkTarget = RequestBody<
  '/api/workspaces/{workspaceId}/conversations/{conversationId}/link',
  'put'
>;
export type Gap = ResponseBody<
  '/api/workspaces/{workspaceId}/conversations/without-deals',
  'get'
>['gaps'][number];
export type GapSummary = ResponseBody<
  '/api/workspaces/{workspaceId}/conversations/without-deals/summary',
  'get'
>['summary'];
export type CreateDealBody = NonNullable<
  RequestBody<
    '/api/workspaces/{workspaceId}/conversations/without-deals/{conversationId}/create-deal',
    'post'
  >
>;
export type CreatedDeal = ResponseBody<
  '/api/workspaces/{workspaceId}/conversations/without-deals/{conversationId}/create-deal',
  'post'
>['deal'];
export type InternalDomains = ResponseBody<
  '/api/workspaces/{workspaceId}/config/internal-domains',
  'get'
>;
export type InternalDomainSource = InternalDomains['resolved']['source'];
