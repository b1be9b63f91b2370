import { salesforceCampaigns } from './campaigns.js';
import type {
  Association,
  CreateInput,
  CrmConnector,
  CrmObjectType,
  CrmProperties,
  RecordResult,
} from '../port.js';
import { createOnce } from '../create-once.js';
import { CrmError } from '../errors.js';
import { SalesforceClient } from './client.js';
import { SOBJECT, salesforceField } from './field-map.js';
import {
  findManagerOf,
  findOwnerByEmail,
  invalidateSalesforceProperties,
  listOwners,
  listPipelines,
  listProperties,
  testConnection,
} from './metadata.js';
import { addNote, addNotes, findNotes } from './notes.js';
import {
  WRITE_BATCH,
  archiveRecords,
  createMany,
  listChanged,
  missingResult,
  readRecords,
  recordId,
  saveError,
  updateRecords,
} from './records.js';
import { associate, createTask, listAssociations } from './relations.js';
import { IDS_PER_QUERY, chunk, queryAll, soqlIdList } from './soql.js';
import type { SalesforceConnectorOptions, SalesforceCredentials, TaskInput } from './types.js';

/** The Salesforce connector: the port, plus what only Salesforce has. */
export interface SalesforceConnector extends CrmConnector {
  readonly crm: 'salesforce';
  /** An audit task on a record (`Task` with `WhatId`). */
  createTask(input: TaskInput): Promise<{ id: string }>;
  /** The credentials in use now, refreshed tokens included. */
  credentials(): SalesforceCredentials;
}

/** The External ID field a record Pandora creates keeps its marker in, when the org has it. */
export const MARKER_FIELD = 'Pandora_Key__c';

/** Lookups a new record can carry in its own body instead of a second call. */
const INLINE_LOOKUP: Partial<Record<CrmObjectType, CrmObjectType>> = {
  deal: 'account',
  contact: 'account',
};

/**
 * The `CrmConnector` for Salesforce over jsforce (DESIGN.md principle 1). Every call
 * goes through the gate and `callWithRetry`; every failure comes out as a
 * `CrmError`. Batches use sObject Collections, 200 records per call, chunked here.
 */
export function createSalesforceConnector(
  options: SalesforceConnectorOptions,
): SalesforceConnector {
  const client = new SalesforceClient(options);
  const cacheKey = options.cacheKey ?? options.credentials.instanceUrl;

  // A write naming a field Salesforce does not have may mean the cached describe is stale.
  const watchFields = <T>(objectType: CrmObjectType, results: RecordResult<T>[]) => {
    if (results.some((r) => !r.ok && r.error.crmCode === 'INVALID_FIELD')) {
      invalidateSalesforceProperties(cacheKey, objectType);
    }
    return results;
  };

  /**
   * The marker field of an object, when the org has it: a text External ID field
   * (unique) an admin adds as `Pandora_Key__c`. Salesforce offers no other place a
   * new record can carry a key that SOQL finds at once; without it a lost answer is
   * reported, never resent.
   */
  const markerField = async (objectType: CrmObjectType): Promise<string | null> => {
    try {
      const fields = await listProperties(client, cacheKey, objectType);
      const field = fields.find((f) => f.name.toLowerCase() === MARKER_FIELD.toLowerCase());
      return field && !field.readOnly ? field.name : null;
    } catch {
      return null;
    }
  };

  async function createRecords(
    objectType: CrmObjectType,
    inputs: CreateInput[],
  ): Promise<RecordResult[]> {
    const inline = INLINE_LOOKUP[objectType];
    const keyField = inputs.some((input) => input.marker) ? await markerField(objectType) : null;
    const followUps: Association[][] = [];
    const bodies = inputs.map((input, index) => {
      const body: CrmProperties = { ...input.properties };
      if (keyField && input.marker) body[keyField] = input.marker;
      const rest: Association[] = [];
      for (const ref of input.associations ?? []) {
        if (ref.objectType === inline && body.AccountId === undefined) body.AccountId = ref.id;
        else rest.push({ from: { objectType, id: '' }, to: ref });
      }
      followUps[index] = rest;
      return body;
    });
    const sobject = SOBJECT[objectType];
    const made = await createOnce(
      inputs.map((input, index) => ({ input, index })),
      {
        ...client.createRetry(),
        marker: ({ input }) => (keyField ? input.marker : undefined),
        mayExist: ({ input }) => input.mayExist === true,
        find: async (items) => {
          const found = new Map<string, string>();
          const markers = [...new Set(items.map(({ input }) => input.marker!))];
          for (const part of chunk(markers, IDS_PER_QUERY)) {
            const rows = await queryAll<Record<string, string>>(
              client,
              `SELECT Id, ${keyField} FROM ${sobject} WHERE ${keyField} IN ${soqlIdList(part)}`,
            );
            for (const row of rows) found.set(String(row[keyField!]), String(row.Id));
          }
          return items.map(({ input }) => {
            const id = found.get(input.marker!);
            return id ? { id } : null;
          });
        },
        send: async (items) => {
          const saved = await createMany(
            client,
            sobject,
            items.map(({ index }) => bodies[index]!),
          );
          return items.map((_, i): RecordResult<{ id: string }> => {
            const result = saved[i];
            if (result?.success) return { ok: true, id: result.id, value: { id: result.id } };
            return { ok: false, id: null, error: result ? saveError(result) : missingResult() };
          });
        },
      },
    );
    const at = new Date().toISOString();
    const results = made.map((result, index): RecordResult => {
      if (!result.ok) return result;
      return {
        ok: true,
        id: result.id,
        value: {
          id: result.id,
          objectType,
          properties: { ...bodies[index]! },
          updatedAt: at,
          createdAt: at,
        },
      };
    });
    // Associations Salesforce cannot take inline: a failure leaves the record made,
    // so the result names its id with the error.
    const pending = results.flatMap((result, index) =>
      result.ok
        ? followUps[index]!.map((a) => ({
            index,
            association: { ...a, from: { objectType, id: result.id } },
          }))
        : [],
    );
    if (pending.length > 0) {
      const linked = await associate(
        client,
        pending.map((p) => p.association),
      );
      pending.forEach(({ index, association }, i) => {
        const outcome = linked[i]!;
        if (outcome.ok || !results[index]!.ok) return;
        const id = results[index]!.id;
        results[index] = {
          ok: false,
          id,
          error: new CrmError(
            outcome.error.kind,
            `Created ${SOBJECT[objectType]} ${id} but could not associate it with ${association.to.objectType} ${association.to.id}: ${outcome.error.message}`,
            { crmCode: outcome.error.crmCode, field: outcome.error.field, cause: outcome.error },
          ),
        };
      });
    }
    return watchFields(objectType, results);
  }

  return {
    crm: 'salesforce',
    batchSize: WRITE_BATCH,
    // SystemModstamp is kept in whole seconds, and SOQL ignores a literal's milliseconds.
    changeResolutionMs: 1_000,
    crmField: salesforceField,
    credentials: () => client.currentCredentials(),
    testConnection: () => testConnection(client),
    readRecords: (objectType, ids, properties) => readRecords(client, objectType, ids, properties),
    listChanged: (objectType, listOptions) => listChanged(client, objectType, listOptions),
    updateRecords: async (objectType, inputs) =>
      watchFields(objectType, await updateRecords(client, objectType, inputs)),
    createRecords,
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
    findManagerOf: (email) => findManagerOf(client, email),
    campaigns: salesforceCampaigns(client),
    createTask: (input) => {
      if (!recordId('deal', input.whatId) && !recordId('account', input.whatId)) {
        return Promise.reject(
          new CrmError('not_found', `No Salesforce Opportunity or Account with id ${input.whatId}`),
        );
      }
      return createTask(client, input);
    },
  };
}
