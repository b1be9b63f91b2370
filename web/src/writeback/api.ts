import { request } from '../api';
import type {
  CrmPropertyChoice,
  FieldObjectType,
  FieldRegistry,
  Mapping,
  MappingInput,
  MappingPreview,
  WritebackLogPage,
  WritebackRun,
} from './types';

const base = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;
const mappingPath = (workspaceId: string, id: string) =>
  `${base(workspaceId)}/writeback/mappings/${encodeURIComponent(id)}`;

export interface LogFilter {
  mappingId?: string;
  status?: string;
  before?: number;
}

/** The write-back part of the REST API. */
export const writebackApi = {
  fields: (workspaceId: string) =>
    request<FieldRegistry>('GET', `${base(workspaceId)}/writeback/fields`),
  properties: (workspaceId: string, connectionId: string, objectType: FieldObjectType) =>
    request<{ properties: CrmPropertyChoice[] }>(
      'GET',
      `${base(workspaceId)}/connections/${encodeURIComponent(connectionId)}/properties?objectType=${objectType}`,
    ),
  mappings: (workspaceId: string) =>
    request<{ mappings: Mapping[] }>('GET', `${base(workspaceId)}/writeback/mappings`),
  createMapping: (workspaceId: string, input: MappingInput) =>
    request<{ mapping: Mapping; warnings: string[] }>(
      'POST',
      `${base(workspaceId)}/writeback/mappings`,
      input,
    ),
  updateMapping: (workspaceId: string, id: string, patch: Partial<MappingInput>) =>
    request<{ mapping: Mapping; warnings: string[] }>('PATCH', mappingPath(workspaceId, id), patch),
  deleteMapping: (workspaceId: string, id: string) =>
    request<void>('DELETE', mappingPath(workspaceId, id)),
  testMapping: (workspaceId: string, id: string) =>
    request<{ preview: MappingPreview }>('POST', `${mappingPath(workspaceId, id)}/test`, {}),
  startRun: (workspaceId: string, mappingIds?: string[]) =>
    request<{ run: WritebackRun }>(
      'POST',
      `${base(workspaceId)}/writeback/runs`,
      mappingIds ? { mappingIds } : {},
    ),
  runs: (workspaceId: string) =>
    request<{ runs: WritebackRun[] }>('GET', `${base(workspaceId)}/writeback/runs?limit=10`),
  run: (workspaceId: string, runId: string) =>
    request<{ run: WritebackRun }>(
      'GET',
      `${base(workspaceId)}/writeback/runs/${encodeURIComponent(runId)}`,
    ),
  log: (workspaceId: string, filter: LogFilter) => {
    const params = new URLSearchParams({ limit: '50' });
    for (const [key, value] of Object.entries(filter)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    return request<WritebackLogPage>('GET', `${base(workspaceId)}/writeback/log?${params}`);
  },
};
