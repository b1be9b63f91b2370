import type { QueryParams } from '../../../src/client/index.js';
import { call, client } from '../api';
import type { FieldObjectType, MappingInput, MappingPatch } from './types';

type LogQuery = QueryParams<'/api/workspaces/{workspaceId}/writeback/log', 'get'>;

/** The log's filters as the page holds them (the server checks the values); `before` pages. */
export interface LogFilter {
  mappingId?: string;
  status?: string;
  before?: number;
}

const ws = (workspaceId: string) => ({ params: { path: { workspaceId } } });
const mapping = (workspaceId: string, mappingId: string) => ({
  params: { path: { workspaceId, mappingId } },
});
const MAPPING = '/api/workspaces/{workspaceId}/writeback/mappings/{mappingId}' as const;

/**
 * The write-back part of the REST API, through the generated typed client: paths,
 * parameters, bodies and answers are checked against the API.
 */
export const writebackApi = {
  fields: (workspaceId: string) =>
    call(client.GET('/api/workspaces/{workspaceId}/writeback/fields', ws(workspaceId))),
  properties: (workspaceId: string, connectionId: string, objectType: FieldObjectType) =>
    call(
      client.GET('/api/workspaces/{workspaceId}/connections/{connectionId}/properties', {
        params: { path: { workspaceId, connectionId }, query: { objectType } },
      }),
    ),
  mappings: (workspaceId: string) =>
    call(client.GET('/api/workspaces/{workspaceId}/writeback/mappings', ws(workspaceId))),
  createMapping: (workspaceId: string, input: MappingInput) =>
    call(
      client.POST('/api/workspaces/{workspaceId}/writeback/mappings', {
        ...ws(workspaceId),
        body: input,
      }),
    ),
  updateMapping: (workspaceId: string, id: string, patch: MappingPatch) =>
    call(client.PATCH(MAPPING, { ...mapping(workspaceId, id), body: patch })),
  deleteMapping: (workspaceId: string, id: string) =>
    call(client.DELETE(MAPPING, mapping(workspaceId, id))),
  testMapping: (workspaceId: string, id: string) =>
    call(client.POST(`${MAPPING}/test`, { ...mapping(workspaceId, id), body: {} })),
  startRun: (workspaceId: string, mappingIds?: string[]) =>
    call(
      client.POST('/api/workspaces/{workspaceId}/writeback/runs', {
        ...ws(workspaceId),
        body: mappingIds ? { mappingIds } : {},
      }),
    ),
  runs: (workspaceId: string) =>
    call(
      client.GET('/api/workspaces/{workspaceId}/writeback/runs', {
        params: { path: { workspaceId }, query: { limit: 10 } },
      }),
    ),
  run: (workspaceId: string, runId: string) =>
    call(
      client.GET('/api/workspaces/{workspaceId}/writeback/runs/{writebackRunId}', {
        params: { path: { workspaceId, writebackRunId: runId } },
      }),
    ),
  log: (workspaceId: string, filter: LogFilter) => {
    const query: LogQuery = {
      ...(filter.mappingId ? { mappingId: filter.mappingId } : {}),
      ...(filter.status ? { status: filter.status as LogQuery['status'] } : {}),
      ...(filter.before !== undefined ? { before: filter.before } : {}),
    };
    return call(
      client.GET('/api/workspaces/{workspaceId}/writeback/log', {
        params: { path: { workspaceId }, query },
      }),
    );
  },
};
