import type { QueryParams } from '../../../src/client/index.js';
import { call, client } from '../api';
import type {
  CrmPropertyChoice,
  FieldObjectType,
  FieldRegistry,
  Mapping,
  MappingInput,
  MappingPatch,
  MappingPreview,
  WritebackLogPage,
  WritebackRun,
} from './types';

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
 * The write-back part of the REST API, through the generated typed client. The routes
 * declare their answers `unknown` (see ./types), so each answer is named here; the
 * paths, parameters and bodies are checked against the API.
 */
export const writebackApi = {
  fields: async (workspaceId: string) =>
    (await call(
      client.GET('/api/workspaces/{workspaceId}/writeback/fields', ws(workspaceId)),
    )) as FieldRegistry,
  properties: async (workspaceId: string, connectionId: string, objectType: FieldObjectType) =>
    (await call(
      client.GET('/api/workspaces/{workspaceId}/connections/{connectionId}/properties', {
        params: { path: { workspaceId, connectionId }, query: { objectType } },
      }),
    )) as { properties: CrmPropertyChoice[] },
  mappings: async (workspaceId: string) =>
    (await call(
      client.GET('/api/workspaces/{workspaceId}/writeback/mappings', ws(workspaceId)),
    )) as { mappings: Mapping[] },
  createMapping: async (workspaceId: string, input: MappingInput) =>
    (await call(
      client.POST('/api/workspaces/{workspaceId}/writeback/mappings', {
        ...ws(workspaceId),
        body: input,
      }),
    )) as { mapping: Mapping; warnings: string[] },
  updateMapping: async (workspaceId: string, id: string, patch: MappingPatch) =>
    (await call(client.PATCH(MAPPING, { ...mapping(workspaceId, id), body: patch }))) as {
      mapping: Mapping;
      warnings: string[];
    },
  deleteMapping: (workspaceId: string, id: string) =>
    call(client.DELETE(MAPPING, mapping(workspaceId, id))),
  testMapping: async (workspaceId: string, id: string) =>
    (await call(client.POST(`${MAPPING}/test`, { ...mapping(workspaceId, id), body: {} }))) as {
      preview: MappingPreview;
    },
  startRun: async (workspaceId: string, mappingIds?: string[]) =>
    (await call(
      client.POST('/api/workspaces/{workspaceId}/writeback/runs', {
        ...ws(workspaceId),
        body: mappingIds ? { mappingIds } : {},
      }),
    )) as { run: WritebackRun },
  runs: async (workspaceId: string) =>
    (await call(
      client.GET('/api/workspaces/{workspaceId}/writeback/runs', {
        params: { path: { workspaceId }, query: { limit: 10 } },
      }),
    )) as { runs: WritebackRun[] },
  run: async (workspaceId: string, runId: string) =>
    (await call(
      client.GET('/api/workspaces/{workspaceId}/writeback/runs/{writebackRunId}', {
        params: { path: { workspaceId, writebackRunId: runId } },
      }),
    )) as { run: WritebackRun },
  log: async (workspaceId: string, filter: LogFilter) => {
    const query: LogQuery = {
      limit: 50,
      ...(filter.mappingId ? { mappingId: filter.mappingId } : {}),
      ...(filter.status ? { status: filter.status as LogQuery['status'] } : {}),
      ...(filter.before !== undefined ? { before: filter.before } : {}),
    };
    return (await call(
      client.GET('/api/workspaces/{workspaceId}/writeback/log', {
        params: { path: { workspaceId }, query },
      }),
    )) as WritebackLogPage;
  },
};
