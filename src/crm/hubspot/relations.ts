import { CrmError } from '../errors.js';
import type { Association, CrmObjectType, CrmRecord, RecordResult } from '../port.js';
import { BATCH_SIZE, errorsBy, inChunks, isRecordId, missingResult, notFound } from './batch.js';
import { sdkOptions, type HubspotClient } from './client.js';
import { HUBSPOT_DEFINED, OBJECT_TYPE, associationTypeId } from './field-map.js';

/** v4 batch reads take up to 1,000 ids. */
const ASSOCIATION_READ_BATCH = 1000;

interface PairedInput {
  index: number;
  association: Association;
  typeId: number;
}

/**
 * Associations through v4 `batch/create`, grouped by object pair, 100 per call:
 * deal->contact 3, deal->company 5 (primary; 341 when `primary` is false),
 * contact->company 1 (279), and their inverses. Results are per input, in order.
 */
export async function associate(
  client: HubspotClient,
  associations: Association[],
): Promise<RecordResult<null>[]> {
  const results: RecordResult<null>[] = new Array(associations.length);
  const groups = new Map<string, PairedInput[]>();
  associations.forEach((association, index) => {
    const { from, to } = association;
    const typeId = associationTypeId(from.objectType, to.objectType, association.primary ?? true);
    if (typeId === undefined) {
      results[index] = {
        ok: false,
        id: from.id,
        error: new CrmError(
          'validation',
          `HubSpot has no association from a ${from.objectType} to a ${to.objectType}`,
          { crmCode: 'INVALID_ASSOCIATION' },
        ),
      };
      return;
    }
    if (!isRecordId(from.id) || !isRecordId(to.id)) {
      const missing = isRecordId(from.id) ? to : from;
      results[index] = { ok: false, id: from.id, error: notFound(missing.objectType, missing.id) };
      return;
    }
    const key = `${from.objectType}>${to.objectType}`;
    groups.set(key, [...(groups.get(key) ?? []), { index, association, typeId }]);
  });

  for (const group of groups.values()) {
    const fromType = OBJECT_TYPE[group[0]!.association.from.objectType];
    const toType = OBJECT_TYPE[group[0]!.association.to.objectType];
    await inChunks(
      group,
      BATCH_SIZE,
      async (chunk) => {
        const answer = (await client.call('unsafe', (sdk) =>
          sdk.crm.associations.v4.batchApi.create(
            fromType,
            toType,
            {
              inputs: chunk.map(({ association, typeId }) => ({
                _from: { id: association.from.id },
                to: { id: association.to.id },
                types: [{ associationCategory: HUBSPOT_DEFINED, associationTypeId: typeId }],
              })),
            },
            sdkOptions(),
          ),
        )) as {
          results: { fromObjectId: unknown; toObjectId: unknown }[];
          errors?: Parameters<typeof errorsBy>[0];
        };
        const done = new Set(
          answer.results.map((r) => `${String(r.fromObjectId)}>${String(r.toObjectId)}`),
        );
        const byFrom = errorsBy(answer.errors, 'fromObjectId');
        const byTo = errorsBy(answer.errors, 'toObjectId');
        for (const { index, association } of chunk) {
          const { from, to } = association;
          const error = byFrom.get(from.id) ?? byTo.get(to.id);
          results[index] = done.has(`${from.id}>${to.id}`)
            ? { ok: true, id: from.id, value: null }
            : { ok: false, id: from.id, error: error ?? missingResult() };
        }
        return [];
      },
      ({ index, association }, error) => {
        results[index] = { ok: false, id: association.from.id, error };
        return null;
      },
    );
  }
  return results;
}

/**
 * The ids of `to` records associated with each `from` record, through v4 batch
 * reads (1,000 ids per call), following HubSpot's per-record paging. Records with
 * none (HubSpot reports them as errors) map to an empty list.
 */
export function listAssociations(
  client: HubspotClient,
  from: CrmObjectType,
  ids: string[],
  to: CrmObjectType,
): Promise<Map<string, string[]>> {
  return associatedIds(client, OBJECT_TYPE[from], ids, OBJECT_TYPE[to]);
}

/** `listAssociations` by HubSpot object type names, notes included. */
export async function associatedIds(
  client: HubspotClient,
  fromType: string,
  ids: string[],
  toType: string,
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(ids.map((id) => [id, []]));
  let inputs: { id: string; after?: string }[] = [...new Set(ids.filter(isRecordId))].map((id) => ({
    id,
  }));
  while (inputs.length > 0) {
    const more: { id: string; after?: string }[] = [];
    for (let offset = 0; offset < inputs.length; offset += ASSOCIATION_READ_BATCH) {
      const chunk = inputs.slice(offset, offset + ASSOCIATION_READ_BATCH);
      const answer = await client.call('idempotent', (sdk) =>
        sdk.crm.associations.v4.batchApi.getPage(fromType, toType, { inputs: chunk }, sdkOptions()),
      );
      for (const entry of answer.results) {
        const id = String(entry._from.id);
        const list = result.get(id) ?? [];
        for (const target of entry.to) list.push(String(target.toObjectId));
        result.set(id, list);
        const after = entry.paging?.next?.after;
        if (after) more.push({ id, after });
      }
    }
    inputs = more;
  }
  for (const [id, list] of result) result.set(id, [...new Set(list)]);
  return result;
}

/** A record's associations as a v3 list page carries them: the first 100 per type, then paging. */
export type InlineAssociations = Record<
  string,
  { results?: { id: string | number }[]; paging?: { next?: { after?: string } } } | undefined
>;

/**
 * Sets `associations` on a list page's records from what the page carried inline
 * (`?associations=`): one entry per association type, so an id comes once per label,
 * kept once here in order. A record whose list was cut at HubSpot's 100 has the
 * whole list read through the associations API; HubSpot leaves the key out when a
 * record has none.
 */
export async function withInlineAssociations(
  client: HubspotClient,
  objectType: CrmObjectType,
  records: CrmRecord[],
  raw: { id: string; associations?: InlineAssociations }[],
  types: CrmObjectType[],
): Promise<void> {
  const truncated = new Map<CrmObjectType, string[]>();
  records.forEach((record, index) => {
    const inline = raw[index]?.associations ?? {};
    record.associations = {};
    for (const type of types) {
      const entry = inline[OBJECT_TYPE[type]];
      record.associations[type] = [...new Set((entry?.results ?? []).map((r) => String(r.id)))];
      if (entry?.paging?.next?.after) {
        truncated.set(type, [...(truncated.get(type) ?? []), record.id]);
      }
    }
  });
  for (const [type, ids] of truncated) {
    const complete = await associatedIds(client, OBJECT_TYPE[objectType], ids, OBJECT_TYPE[type]);
    for (const record of records) {
      const list = complete.get(record.id);
      if (list) record.associations![type] = list;
    }
  }
}
