import { createOnce, titleWithMarker } from '../create-once.js';
import { CrmError } from '../errors.js';
import type { NoteInput, NoteQuery, RecordResult } from '../port.js';
import {
  BATCH_SIZE,
  errorsBy,
  inChunks,
  isolateRefusals,
  isRecordId,
  missingResult,
  notFound,
  refusedInput,
  unkeyedErrors,
  type SdkBatchAnswer,
  type SdkRecord,
} from './batch.js';
import { sdkOptions, type HubspotClient } from './client.js';
import { HUBSPOT_DEFINED, NOTE_ASSOCIATION_TYPE_ID, OBJECT_TYPE } from './field-map.js';
import { associatedIds } from './relations.js';

/** HubSpot's limit on a note body. */
export const NOTE_BODY_MAX = 65_536;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The note's HubSpot body, or why HubSpot would refuse it, checked before any call.
 * A title becomes a bold first line: HubSpot notes have none. The marker goes at the
 * end of that line, where `findNotes` looks for it.
 */
function noteBody(note: NoteInput): string | CrmError {
  const title = note.marker ? titleWithMarker(note.title ?? '', note.marker, 255) : note.title;
  const body = title ? `<p><strong>${escapeHtml(title)}</strong></p>${note.body}` : note.body;
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

/** Inline associations: note->deal 214, note->contact 202, note->company 190. */
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

const created = (record: SdkRecord): RecordResult<{ id: string }> => ({
  ok: true,
  id: String(record.id),
  value: { id: String(record.id) },
});

interface ReadyNote {
  note: NoteInput;
  body: string;
}

/**
 * Notes in `notes/batch/create` calls of 100, associations inline, dated `timestamp`
 * or now; one result per note in input order, matched by `objectWriteTraceId` (the
 * input's index). A call whose answer is lost is never simply sent again: its notes
 * are looked up by their markers first (`createOnce`). A call that fails after
 * earlier ones went through fails its notes and the rest instead of throwing, so the
 * caller still learns which notes exist.
 */
export async function addNotes(
  client: HubspotClient,
  notes: NoteInput[],
): Promise<RecordResult<{ id: string }>[]> {
  const results: RecordResult<{ id: string }>[] = new Array(notes.length);
  const ready: (ReadyNote & { index: number })[] = [];
  notes.forEach((note, index) => {
    const body = noteBody(note);
    if (body instanceof CrmError) results[index] = { ok: false, id: null, error: body };
    else ready.push({ note, body, index });
  });
  const now = client.now().toISOString();
  const made = await createOnce(ready, {
    ...noteMarking(client),
    send: (items) => sendNotes(client, items, now),
  });
  ready.forEach(({ index }, i) => (results[index] = made[i]!));
  return results;
}

/**
 * How notes are found by their markers: through their records' note associations
 * and the notes' bodies (`findNotes`), read paths HubSpot serves at once, unlike its
 * search index, which lags writes by seconds and could miss a note just made. A note
 * attached to nothing has no such path and is never resent after a lost answer.
 */
function noteMarking(client: HubspotClient) {
  return {
    ...client.createRetry(),
    marker: ({ note }: ReadyNote) => (note.attachTo.length > 0 ? note.marker : undefined),
    mayExist: ({ note }: ReadyNote) => note.mayExist === true,
    find: async (items: ReadyNote[]) => {
      const found = await findNotes(
        client,
        items.map(({ note }) => ({ attachedTo: note.attachTo[0]!, text: note.marker! })),
      );
      return found.map((matches) => matches[0] ?? null);
    },
  };
}

/** One `notes/batch/create` per 100 notes; one result per note, in order. */
async function sendNotes(
  client: HubspotClient,
  items: ReadyNote[],
  now: string,
): Promise<RecordResult<{ id: string }>[]> {
  const results: RecordResult<{ id: string }>[] = new Array(items.length);
  const indexed = items.map((item, index) => ({ ...item, index }));
  const send = async (chunk: typeof indexed) => {
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
        results[index] = created(record);
      } else unmatched.push(record);
    }
    for (const [trace, error] of errorsBy(answer.errors, 'objectWriteTraceId')) {
      const index = Number(trace);
      if (pending.delete(index)) results[index] = { ok: false, id: null, error };
    }
    // Answers without a trace id (HubSpot echoes it, but not everywhere): by order.
    const strays = unkeyedErrors(answer.errors, 'objectWriteTraceId');
    for (const index of pending) {
      const record = unmatched.shift();
      results[index] = record
        ? created(record)
        : { ok: false, id: null, error: strays.shift() ?? missingResult() };
    }
  };
  await inChunks(
    indexed,
    BATCH_SIZE,
    async (chunk) => {
      await isolateRefusals(
        chunk,
        send,
        ({ index }, error) => {
          results[index] = {
            ok: false,
            id: null,
            error: refusedInput(`note ${index + 1} of the batch`, error),
          };
        },
        () => ['hs_timestamp', 'hs_note_body'],
      );
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
 * One note (`POST /crm/v3/objects/notes`, associations inline), dated `timestamp` or
 * now. Bodies over 65,536 characters are refused before any call. A lost answer is
 * looked up by the note's marker before the note is sent again.
 */
export async function addNote(client: HubspotClient, note: NoteInput): Promise<{ id: string }> {
  const body = noteBody(note);
  if (body instanceof CrmError) throw body;
  const timestamp = note.timestamp ?? client.now().toISOString();
  const [result] = await createOnce([{ note, body }], {
    ...noteMarking(client),
    send: async () => {
      const answer = await client.call('unsafe', (sdk) =>
        sdk.crm.objects.basicApi.create(
          'notes',
          {
            properties: { hs_timestamp: new Date(timestamp).toISOString(), hs_note_body: body },
            associations: noteAssociations(note),
          },
          sdkOptions(),
        ),
      );
      return [{ ok: true, id: String(answer.id), value: { id: String(answer.id) } }];
    },
  });
  if (!result!.ok) throw result!.error;
  return result!.value;
}

/**
 * For each query, the notes associated with its record whose body contains its text
 * (as sent, or as HubSpot escapes it): the records' note associations in v4 batch
 * reads, then the notes' bodies in batch reads of 100.
 */
export async function findNotes(
  client: HubspotClient,
  queries: NoteQuery[],
): Promise<{ id: string }[][]> {
  const linked = new Map<string, string[]>();
  for (const objectType of new Set(queries.map((query) => query.attachedTo.objectType))) {
    const ids = queries
      .filter((query) => query.attachedTo.objectType === objectType)
      .map((query) => query.attachedTo.id);
    const found = await associatedIds(client, OBJECT_TYPE[objectType], ids, 'notes');
    for (const [id, notes] of found) linked.set(`${objectType}/${id}`, notes);
  }
  const noteIds = [...new Set([...linked.values()].flat())];
  const bodies = new Map<string, string>();
  for (let offset = 0; offset < noteIds.length; offset += BATCH_SIZE) {
    const chunk = noteIds.slice(offset, offset + BATCH_SIZE);
    const answer = (await client.call('idempotent', (sdk) =>
      sdk.crm.objects.batchApi.read(
        'notes',
        {
          inputs: chunk.map((id) => ({ id })),
          properties: ['hs_note_body'],
          propertiesWithHistory: [],
        },
        false,
        sdkOptions(),
      ),
    )) as { results: SdkRecord[] };
    for (const note of answer.results)
      bodies.set(String(note.id), note.properties.hs_note_body ?? '');
  }
  return queries.map((query) => {
    const wanted = [query.text, escapeHtml(query.text)];
    return (linked.get(`${query.attachedTo.objectType}/${query.attachedTo.id}`) ?? [])
      .filter((id) => wanted.some((text) => bodies.get(id)?.includes(text)))
      .map((id) => ({ id }));
  });
}
