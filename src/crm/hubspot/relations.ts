import { CrmError } from '../errors.js';
import type { Association, CrmObjectType, NoteInput, RecordResult } from '../port.js';
import {
  BATCH_SIZE,
  errorsBy,
  inChunks,
  isRecordId,
  missingResult,
  notFound,
  unkeyedErrors,
  type SdkBatchAnswer,
  type SdkRecord,
} from './batch.js';
import { sdkOptions, type HubspotClient } from './client.js';
import { NOTE_ASSOCIATION_TYPE_ID, OBJECT_TYPE, associationTypeId } from './field-map.js';

/** HubSpot's limit on a note body. */
export const NOTE_BODY_MAX = 65_536;
/** v4 batch reads take up to 1,000 ids. */
const ASSOCIATION_READ_BATCH = 1000;

const HUBSPOT_DEFINED = 'HUBSPOT_DEFINED' as never;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A note on records (`POST /crm/v3/objects/notes`, associations inline), dated
 * `timestamp` or now. A title becomes a bold first line: HubSpot notes have none.
 * Bodies over 65,536 characters are refused before any call.
 */
// (addNote is below addNotes.)

/** The note's HubSpot body, or why HubSpot would refuse it (checked before any call). */
function noteBody(note: NoteInput): string | CrmError {
  const body = note.title
    ? `<p><strong>${escapeHtml(note.title)}</strong></p>${note.body}`
    : note.body;
  if (body.length > NOTE_BODY_MAX) {
    return new CrmError(
      'validation',
      `The note is ${body.length} characters long; HubSpot takes at most ${NOTE_BODY_MAX}. Shorten it or split it into several notes.`,
      { crmCode: 'INVALID_LENGTH', field: 'hs_note_body' },
    );
  }
  if (note.timestamp !== undefined && Number.isNaN(Date.parse(note.timestamp))) {
    return new CrmError('validation', `The note's timestamp is not a date: ${note.timestamp}`, {
      crmCode: 'INVALID_DATE',
      field: 'hs_timestamp',
    });
  }
  const bad = note.attachTo.find((ref) => !isRecordId(ref.id));
  if (bad) return notFound(bad.objectType, bad.id);
  return body;
}

function noteAssociations(note: NoteInput) {
  return note.attachTo.map((ref) => ({
    to: { id: ref.id },
    types: [
      {
        associationCategory: HUBSPOT_DEFINED,
        associationTypeId: NOTE_ASSOCIATION_TYPE_ID[ref.objectType],
      },
    ],
  }));
}

/**
 * Notes in `notes/batch/create` calls of 100, associations inline, one result per
 * note in input order (matched by `objectWriteTraceId`). Creates are never retried
 * after an unclear failure: a retry could make two.
 */
export async function addNotes(
  client: HubspotClient,
  notes: NoteInput[],
): Promise<RecordResult<{ id: string }>[]> {
  const results: RecordResult<{ id: string }>[] = new Array(notes.length);
  const ready: { note: NoteInput; body: string; index: number }[] = [];
  notes.forEach((note, index) => {
    const body = noteBody(note);
    if (body instanceof CrmError) results[index] = { ok: false, id: null, error: body };
    else ready.push({ note, body, index });
  });
  const now = client.now().toISOString();
  await inChunks(
    ready,
    BATCH_SIZE,
    async (chunk) => {
      const answer = (await client.call('unsafe', (sdk) =>
        sdk.crm.objects.batchApi.create(
          'notes',
          {
            inputs: chunk.map(({ note, body, index }) => ({
              properties: {
                hs_timestamp: new Date(note.timestamp ?? now).toISOString(),
                hs_note_body: body,
              },
              objectWriteTraceId: String(index),
              associations: noteAssociations(note),
            })),
          },
          sdkOptions(),
        ),
      )) as unknown as SdkBatchAnswer<SdkRecord>;
      const pending = new Set(chunk.map(({ index }) => index));
      const unmatched: SdkRecord[] = [];
      for (const record of answer.results) {
        const index = Number(record.objectWriteTraceId);
        if (record.objectWriteTraceId !== undefined && pending.delete(index)) {
          results[index] = { ok: true, id: String(record.id), value: { id: String(record.id) } };
        } else unmatched.push(record);
      }
      for (const [trace, error] of errorsBy(answer.errors, 'objectWriteTraceId')) {
        const index = Number(trace);
        if (pending.delete(index)) results[index] = { ok: false, id: null, error };
      }
      const strays = unkeyedErrors(answer.errors, 'objectWriteTraceId');
      for (const index of [...pending]) {
        const record = unmatched.shift();
        results[index] = record
          ? { ok: true, id: String(record.id), value: { id: String(record.id) } }
          : { ok: false, id: null, error: strays.shift() ?? missingResult() };
      }
      return [];
    },
    ({ index }, error) => {
      results[index] = { ok: false, id: null, error };
      return null;
    },
  );
  return results;
}

/**
 * A note on records (`POST /crm/v3/objects/notes`, associations inline), dated
 * `timestamp` or now. A title becomes a bold first line: HubSpot notes have none.
 * Bodies over 65,536 characters are refused before any call.
 */
export async function addNote(client: HubspotClient, note: NoteInput): Promise<{ id: string }> {
  const body = noteBody(note);
  if (body instanceof CrmError) throw body;
  const timestamp = note.timestamp ?? client.now().toISOString();
  const created = await client.call('unsafe', (sdk) =>
    sdk.crm.objects.basicApi.create(
      'notes',
      {
        properties: { hs_timestamp: new Date(timestamp).toISOString(), hs_note_body: body },
        associations: noteAssociations(note),
      },
      sdkOptions(),
    ),
  );
  return { id: String(created.id) };
}

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
export async function listAssociations(
  client: HubspotClient,
  from: CrmObjectType,
  ids: string[],
  to: CrmObjectType,
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
        sdk.crm.associations.v4.batchApi.getPage(
          OBJECT_TYPE[from],
          OBJECT_TYPE[to],
          { inputs: chunk },
          sdkOptions(),
        ),
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
