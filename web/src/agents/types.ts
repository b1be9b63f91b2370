/**
 * The agent API's data, named from the generated API types so a changed route breaks the
 * console's build.
 */
import type { RequestBody, ResponseBody } from '../../../src/client/index.js';

export type Agent = ResponseBody<'/api/workspaces/{workspaceId}/agents', 'get'>['agents'][number];
export type AgentCreate = RequestBody<'/api/workspaces/{workspaceId}/agents', 'post'>;
export type AgentPatch = RequestBody<'/api/workspaces/{workspaceId}/agents/{agentId}', 'patch'>;
export type AgentTemplates = ResponseBody<'/api/workspaces/{workspaceId}/agent-templates', 'get'>;
export type AgentTemplate = AgentTemplates['templates'][number];
export type AgentPreview = ResponseBody<
  '/api/workspaces/{workspaceId}/agents/{agentId}/preview',
  'post'
>['preview'];
