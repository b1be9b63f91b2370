import type { SaveResult } from 'jsforce';
import { createOnce, titleWithMarker } from '../create-once.js';
import { CrmError } from '../errors.js';
import type { NoteInput, NoteQuery, RecordRef, RecordResult } from '../port.js';
import type { SalesforceClient } from './client.js';
import { SOBJECT } from './field-map.js';
import { WRITE_BATCH, missingResult, notFound, recordId, saveError } from './records.js';
import { IDS_PER_QUERY, chunk, queryAll, soqlIdList, soqlString } from './soql.js';

/** Tags of the simple HTML a note may be written in; anything else is plain text. */
const HTML_TAG =
  /<\/?(?:p|br|b|i|u|s|em|strong|ul|ol|li|a|h[1-6]|div|span|blockquote|pre|code)\b[^>]*>/i;

/**
 * A ContentNote body: Salesforce takes simple HTML and refuses plain text with bare
 * `&`, `<` or `>`, so plain text is escaped and its lines become paragraphs.
 */
export function noteHtml(body: string): string {
  if (HTML_TAG.test(body)) return body;
  const escape = (line: string) =>
    line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return body
    .split(/\r?\n/)
    .map((line) => `<p>${escape(line)}</p>`)
    .join('');
}

/** The note's Title, its marker at the end: Salesforce previews only 255 characters of a body. */
function noteTitle(note: NoteInput): string {
  const text = note.title ?? note.body.replace(/<[^>]*>/g, ' ');
  const line =
    text
      .split(/\r?\n/)
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  return titleWithMarker(line || 'Note', note.marker, 255);
}

function contentNote(note: NoteInput) {
  return {
    Title: noteTitle(note),
    Content: Buffer.from(noteHtml(note.body), 'utf8').toString('base64'),
  };
}

interface Target {
  ref: RecordRef;
  /** The record's 18-character id. */
  id: string;
}

/** The note's records as Salesforce ids, or the first that cannot be one. */
function targetsOf(note: NoteInput): Target[] | CrmError {
  const targets: Target[] = [];
  for (const ref of note.attachTo) {
    const id = recordId(ref.objectType, ref.id);
    if (!id) return notFound(ref.objectType, ref.id);
    targets.push({ ref, id });
  }
  return targets;
}

/** A link's failure, or none when it was made (a link that already exists counts as made). */
function linkError(answer: SaveResult | undefined): CrmError | undefined {
  if (!answer) return missingResult();
  if (answer.success) return undefined;
  const error = saveError(answer);
  return error.crmCode === 'DUPLICATE_VALUE' ? undefined : error;
}

function unattached(noteId: string, target: Target, error: CrmError): CrmError {
  return new CrmError(
    error.kind,
    `Note ${noteId} was created but is not attached to ${SOBJECT[target.ref.objectType]} ${target.ref.id}, so it exists unlinked: ${error.message}`,
    { crmCode: error.crmCode, field: error.field, status: error.status, cause: error },
  );
}

/**
 * A note: a ContentNote (Title, base64 Content), then one ContentDocumentLink per
 * attached record. Salesforce dates notes itself, so `timestamp` is not kept. A lost
 * answer to the ContentNote is looked up by the note's marker before it is sent
 * again (`createOnce`); links are retried, and a link that already exists counts as
 * made.
 */
export async function addNote(client: SalesforceClient, note: NoteInput): Promise<{ id: string }> {
  const targets = targetsOf(note);
  if (targets instanceof CrmError) throw targets;
  const [created] = await createOnce([{ note }], {
    ...noteMarking(client),
    send: async () => {
      const saved = await client.call('unsafe', (conn) =>
        conn.create('ContentNote', contentNote(note)),
      );
      return [
        saved.success
          ? { ok: true, id: saved.id, value: { id: saved.id } }
          : { ok: false, id: null, error: saveError(saved) },
      ];
    },
  });
  if (!created!.ok) throw created!.error;
  const noteId = created!.id;
  for (const part of chunk(targets, WRITE_BATCH)) {
    const saved = await client.call('idempotent', (conn) =>
      conn.create(
        'ContentDocumentLink',
        part.map((target) => ({
          ContentDocumentId: noteId,
          LinkedEntityId: target.id,
          ShareType: 'V',
        })),
        { allOrNone: false },
      ),
    );
    part.forEach((target, i) => {
      const error = linkError(saved[i]);
      if (error) throw unattached(noteId, target, error);
    });
  }
  return { id: noteId };
}

/** Markers per query: each is a LIKE clause, and the query travels in the URL. */
const MARKERS_PER_QUERY = 100;

/** A SOQL LIKE literal matching `text` anywhere, its `%` and `_` escaped as `\%` and `\_`. */
function containsPattern(text: string): string {
  const literal = soqlString(text).slice(1, -1).replace(/[%_]/g, '\\$&');
  return `'%${literal}%'`;
}

/**
 * How ContentNotes are found by their markers: SOQL on their Title, which Salesforce
 * answers from the database at once (no search index to lag) and which holds the
 * marker even when the note's links were never made.
 */
function noteMarking(client: SalesforceClient) {
  return {
    ...client.createRetry(),
    marker: ({ note }: { note: NoteInput }) => note.marker,
    mayExist: ({ note }: { note: NoteInput }) => note.mayExist === true,
    find: async (items: { note: NoteInput }[]) => {
      const markers = [...new Set(items.map(({ note }) => note.marker!))];
      const titles: { Id: string; Title: string | null }[] = [];
      for (const part of chunk(markers, MARKERS_PER_QUERY)) {
        titles.push(
          ...(await queryAll<{ Id: string; Title: string | null }>(
            client,
            `SELECT Id, Title FROM ContentNote WHERE ${part.map((m) => `Title LIKE ${containsPattern(m)}`).join(' OR ')} ORDER BY CreatedDate ASC`,
          )),
        );
      }
      return items.map(({ note }) => {
        const found = titles.find((row) => row.Title?.includes(note.marker!));
        return found ? { id: found.Id } : null;
      });
    },
  };
}

/** Kinds that concern the records sent, not the call: the next chunk may still go through. */
const RECORD_KINDS = new Set(['validation', 'not_found', 'conflict']);

/**
 * Runs `send` on chunks of 200. A chunk refused for its content fails its items and
 * the next goes on; a call that fails as a whole (auth, permission, rate limit,
 * transient) fails its items and every later one, so earlier chunks' results stand.
 * Only when `throwFirst` and nothing was sent yet is the error thrown instead.
 */
async function inChunks<T>(
  items: T[],
  send: (part: T[]) => Promise<void>,
  failed: (item: T, error: CrmError) => void,
  throwFirst: boolean,
): Promise<void> {
  const parts = chunk(items, WRITE_BATCH);
  for (const [n, part] of parts.entries()) {
    try {
      await send(part);
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      if (RECORD_KINDS.has(error.kind)) {
        for (const item of part) failed(item, error);
        continue;
      }
      if (n === 0 && throwFirst) throw error;
      for (const item of parts.slice(n).flat()) failed(item, error);
      return;
    }
  }
}

/**
 * Many notes: ContentNotes in sObject Collections of 200 (`POST /composite/sobjects`),
 * then their ContentDocumentLinks (ShareType V) in collections of 200. One result
 * per note, in input order. A note whose link fails is reported failed with the
 * note's id, saying it exists unlinked. Throws only when the first ContentNote call
 * fails as a whole, before anything was created; after that, a failed call fails its
 * notes instead, so the caller learns which notes exist.
 */
export async function addNotes(
  client: SalesforceClient,
  notes: NoteInput[],
): Promise<RecordResult<{ id: string }>[]> {
  const results: RecordResult<{ id: string }>[] = new Array(notes.length);
  const ready: { index: number; note: NoteInput; targets: Target[] }[] = [];
  notes.forEach((note, index) => {
    const targets = targetsOf(note);
    if (targets instanceof CrmError) results[index] = { ok: false, id: null, error: targets };
    else ready.push({ index, note, targets });
  });

  const links: { index: number; noteId: string; target: Target }[] = [];
  const made = await createOnce(ready, {
    ...noteMarking(client),
    send: async (items) => {
      const answers: RecordResult<{ id: string }>[] = new Array(items.length);
      const indexed = items.map((item, i) => ({ ...item, i }));
      await inChunks(
        indexed,
        async (part) => {
          const saved = await client.call('unsafe', (conn) =>
            conn.create(
              'ContentNote',
              part.map(({ note }) => contentNote(note)),
              { allOrNone: false },
            ),
          );
          part.forEach(({ i }, n) => {
            const answer = saved[n];
            answers[i] = answer?.success
              ? { ok: true, id: answer.id, value: { id: answer.id } }
              : { ok: false, id: null, error: answer ? saveError(answer) : missingResult() };
          });
        },
        ({ i }, error) => {
          answers[i] = { ok: false, id: null, error };
        },
        true,
      );
      return answers;
    },
  });
  ready.forEach(({ index, targets }, i) => {
    const result = made[i]!;
    results[index] = result;
    // A note found by its marker may lack links: making one again counts as made.
    if (result.ok) for (const target of targets) links.push({ index, noteId: result.id, target });
  });

  // A note stays reported by its first failed link.
  const linkFailed = ({ index, noteId, target }: (typeof links)[number], error: CrmError) => {
    if (results[index]!.ok)
      results[index] = { ok: false, id: noteId, error: unattached(noteId, target, error) };
  };
  await inChunks(
    links,
    async (part) => {
      const saved = await client.call('idempotent', (conn) =>
        conn.create(
          'ContentDocumentLink',
          part.map(({ noteId, target }) => ({
            ContentDocumentId: noteId,
            LinkedEntityId: target.id,
            ShareType: 'V',
          })),
          { allOrNone: false },
        ),
      );
      part.forEach((link, i) => {
        const error = linkError(saved[i]);
        if (error) linkFailed(link, error);
      });
    },
    linkFailed,
    false,
  );
  return results;
}

/**
 * For each query, the notes linked to its record whose title or text preview
 * contains its text: the records' ContentDocumentLinks, then those documents'
 * ContentNote rows, 300 ids per query. Salesforce previews only the first 255
 * characters of a note, so a marker belongs in the title.
 */
export async function findNotes(
  client: SalesforceClient,
  queries: NoteQuery[],
): Promise<{ id: string }[][]> {
  const recordIds = [
    ...new Set(
      queries.flatMap((query) => recordId(query.attachedTo.objectType, query.attachedTo.id) ?? []),
    ),
  ];
  const linked = new Map<string, string[]>();
  for (const part of chunk(recordIds, IDS_PER_QUERY)) {
    const links = await queryAll<{ ContentDocumentId: string; LinkedEntityId: string }>(
      client,
      `SELECT ContentDocumentId, LinkedEntityId FROM ContentDocumentLink WHERE LinkedEntityId IN ${soqlIdList(part)}`,
    );
    for (const link of links)
      linked.set(link.LinkedEntityId, [
        ...(linked.get(link.LinkedEntityId) ?? []),
        link.ContentDocumentId,
      ]);
  }
  const documentIds = [...new Set([...linked.values()].flat())];
  const texts = new Map<string, string>();
  for (const part of chunk(documentIds, IDS_PER_QUERY)) {
    const notes = await queryAll<{ Id: string; Title: string | null; TextPreview: string | null }>(
      client,
      `SELECT Id, Title, TextPreview FROM ContentNote WHERE Id IN ${soqlIdList(part)}`,
    );
    for (const note of notes) texts.set(note.Id, `${note.Title ?? ''}\n${note.TextPreview ?? ''}`);
  }
  return queries.map((query) => {
    const id = recordId(query.attachedTo.objectType, query.attachedTo.id);
    return (id ? (linked.get(id) ?? []) : [])
      .filter((noteId) => texts.get(noteId)?.includes(query.text))
      .map((noteId) => ({ id: noteId }));
  });
}
