import { hubspotCampaigns } from './lists.js';
import { createHash } from 'node:crypto';
import type { CrmConnector, CrmObjectType, CrmProperty, RecordResult } from '../port.js';
import { CrmError } from '../errors.js';
import { BATCH_SIZE } from './batch.js';
import { listChanged } from './changes.js';
import { HubspotClient } from './client.js';
import { hubspotField } from './field-map.js';
import {
  createProperty,
  findOwnerByEmail,
  invalidateHubspotProperties,
  listOwners,
  listPipelines,
  listProperties,
  testConnection,
  type HubspotPropertyInput,
} from './metadata.js';
import { addNote, addNotes, findNotes } from './notes.js';
import {
  MARKER_PROPERTY,
  archiveRecords,
  createRecords,
  readRecords,
  updateRecords,
} from './records.js';
import { associate, listAssociations } from './relations.js';
import type { HubspotConnectorOptions, HubspotCredentials } from './types.js';

/** The HubSpot connector: the port, plus what only HubSpot has. */
export interface HubspotConnector extends CrmConnector {
  readonly crm: 'hubspot';
  /** The credentials in use now, refreshed tokens included. */
  credentials(): HubspotCredentials;
  /** Forgets this connection's cached property definitions (one object type, or all). */
  invalidateProperties(objectType?: CrmObjectType): void;
  /** Creates a custom property (computed fields written back to HubSpot). */
  createProperty(objectType: CrmObjectType, input: HubspotPropertyInput): Promise<CrmProperty>;
}

function defaultCacheKey(options: HubspotConnectorOptions, basePath: string): string {
  const who =
    options.credentials.kind === 'oauth'
      ? `${options.credentials.clientId}:${options.credentials.refreshToken}`
      : options.credentials.accessToken;
  return `${basePath}#${createHash('sha256').update(who).digest('hex').slice(0, 16)}`;
}

/**
 * The `CrmConnector` for HubSpot over `@hubspot/api-client` (DESIGN.md principle
 * 1). Every call goes through the gate and `callWithRetry`; every failure comes out
 * as a `CrmError`. Batches go 100 records per call, chunked here.
 */
export function createHubspotConnector(options: HubspotConnectorOptions): HubspotConnector {
  const client = new HubspotClient(options);
  const cacheKey = options.cacheKey ?? defaultCacheKey(options, client.basePath);

  // A write naming a property HubSpot does not have may mean the cached list is stale.
  const watchProperties = <T>(objectType: CrmObjectType, results: RecordResult<T>[]) => {
    if (results.some((r) => !r.ok && r.error.crmCode === 'PROPERTY_DOESNT_EXIST')) {
      invalidateHubspotProperties(cacheKey, objectType);
    }
    return results;
  };

  /**
   * The marker property of an object type, created once when the account lacks it
   * (with unique values, so records can be read by it). Null when it cannot be had
   * (the app may not manage properties): creates then go unmarked, and a lost
   * answer is reported instead of looked up.
   */
  const markerProperty = async (objectType: CrmObjectType): Promise<string | null> => {
    try {
      const known = await listProperties(client, cacheKey, objectType);
      if (known.some((property) => property.name === MARKER_PROPERTY)) return MARKER_PROPERTY;
      await createProperty(client, objectType, {
        name: MARKER_PROPERTY,
        label: 'Pandora create key',
        type: 'string',
        fieldType: 'text',
        description: 'Set by Pandora on records it creates, so a retried create never makes two.',
        hasUniqueValue: true,
      });
    } catch (error) {
      if (!(error instanceof CrmError) || error.kind !== 'conflict') return null;
    }
    invalidateHubspotProperties(cacheKey, objectType);
    return MARKER_PROPERTY;
  };

  return {
    crm: 'hubspot',
    batchSize: BATCH_SIZE,
    changeResolutionMs: 1,
    crmField: hubspotField,
    credentials: () => client.currentCredentials(),
    invalidateProperties: (objectType) => invalidateHubspotProperties(cacheKey, objectType),
    testConnection: () => testConnection(client),
    readRecords: (objectType, ids, properties) => readRecords(client, objectType, ids, properties),
    listChanged: (objectType, listOptions) => listChanged(client, objectType, listOptions),
    updateRecords: async (objectType, inputs) =>
      watchProperties(objectType, await updateRecords(client, objectType, inputs)),
    createRecords: async (objectType, inputs) => {
      const marker = inputs.some((input) => input.marker) ? await markerProperty(objectType) : null;
      return watchProperties(objectType, await createRecords(client, objectType, inputs, marker));
    },
    archiveRecords: (objectType, ids) => archiveRecords(client, objectType, ids),
    addNote: (note) => addNote(client, note),
    addNotes: (notes) => addNotes(client, notes),
    findNotes: (queries) => findNotes(client, queries),
    associate: (associations) => associate(client, associations),
    listAssociations: (from, ids, to) => listAssociations(client, from, ids, to),
    listProperties: (objectType) => listProperties(client, cacheKey, objectType),
    listPipelines: () => listPipelines(client),
    listOwners: () => listOwners(client),
    findOwnerByEmail: (email) => findOwnerByEmail(client, email),
    campaigns: hubspotCampaigns(client),
    createProperty: async (objectType, input) => {
      const property = await createProperty(client, objectType, input);
      invalidateHubspotProperties(cacheKey, objectType);
      return property;
    },
  };
}
