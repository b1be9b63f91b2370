import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../test/app.js';
import { createCrmWorld, type CrmWorld } from '../../test/crm.js';
import type { FaultKind, FaultRule } from '../crm/emulator/controls.js';
import type { HubspotEmulator } from '../crm/emulator/hubspot/emulator.js';
import type { SalesforceEmulator } from '../crm/emulator/salesforce/emulator.js';
import type { CrmType } from '../crm/port.js';
import { executeActions } from './execute.js';
import { noteMarker, type NoteKind } from './recover.js';
import { proposeAction, type Action } from './store.js';
import { undoAction } from './undo.js';

let world: CrmWorld;
const ACTOR = 'ana@example.com';

beforeAll(async () => {
  world = await createCrmWorld({ accounts: 120 });
});
beforeEach(() => world.emulator.ctx.faults.clear());

const deps = () => ({ pool: world.db.pool, secretKey: TEST_SECRET_KEY });

/** The call that creates notes: HubSpot's batch create, Salesforce's ContentNote collection. */
const NOTE_CREATE: Record<CrmType, Pick<FaultRule, 'method' | 'path' | 'api'>> = {
  hubspot: { api: 'hubspot', method: 'POST', path: '/notes/batch/create' },
  salesforce: { api: 'salesforce', method: 'POST', path: '/composite/sobjects$' },
};
/** The read a note lookup starts with (the record's note associations; the SOQL query). */
const NOTE_LOOKUP: Record<CrmType, Pick<FaultRule, 'method' | 'path' | 'api'>> = {
  hubspot: { api: 'hubspot', method: 'POST', path: '/crm/v4/associations/' },
  salesforce: { api: 'salesforce', method: 'GET', path: '/query' },
};

/**
 * Deals to act on. Several tests may act on one deal: notes are counted by their
 * action's marker, and an amount the deal holds already still leaves a note.
 */
const deals = (crm: CrmType, count: number) => world.recordIds(crm, count);

let round = 0;
/** One action per deal, each writing an amount no earlier round wrote, and a note. */
async function propose(crm: CrmType, ids: string[]): Promise<Action[]> {
  const base = 50_000 + 1_000 * round++;
  const actions: Action[] = [];
  for (const [i, id] of ids.entries()) {
    const { action } = await proposeAction(world.db.pool, world.workspaceId, {
      actionType: 'update_field',
      severity: 'info',
      title: `Lost answer ${i}`,
      connectionId: world.connectionIds[crm],
      targetType: 'deal',
      targetSourceId: id,
      executionPayload: {
        crm_updates: [{ field: 'amount', proposed_value: base + i }],
        note: 'Lost-answer test.',
      },
      sourceType: 'person',
      sourceName: ACTOR,
    });
    actions.push(action);
  }
  return actions;
}

/**
 * Notes the CRM holds per action, counted in the emulator's own tables (every note,
 * linked or not): the body (HubSpot) or Title (Salesforce) carrying the marker.
 */
function notesInCrm(crm: CrmType, actions: Action[], kind: NoteKind = 'execute'): number[] {
  const texts =
    crm === 'hubspot'
      ? [
          ...(
            world.emulator.crms.get('hubspot') as HubspotEmulator
          ).store.tables.notes.byId.values(),
        ].map((note) => note.properties.hs_note_body ?? '')
      : [
          ...(world.emulator.crms.get('salesforce') as SalesforceEmulator).store
            .table('ContentNote')
            .values(),
        ].map((note) => String(note.Title ?? ''));
  return actions.map(
    (action) => texts.filter((text) => text.includes(noteMarker(action.id, kind))).length,
  );
}

/** How the note-creating calls were answered: one entry per call. */
function noteCreates(calls: ReturnType<ReturnType<CrmWorld['mark']>>, crm: CrmType) {
  return calls
    .filter(
      (call) =>
        call.method === NOTE_CREATE[crm].method &&
        call.path.endsWith(NOTE_CREATE[crm].path!.replace(/\$$/, '')),
    )
    .map((call) => call.status);
}

const FAULTS: FaultKind[] = ['drop_after_apply', 'server_error_after_apply'];

describe.each(['hubspot', 'salesforce'] as const)('lost answers on %s notes', (crm) => {
  it.each(FAULTS)(
    '%s: the notes are looked up by marker, not sent again: one note per action',
    async (kind) => {
      const actions = await propose(crm, await deals(crm, 100));
      world.emulator.ctx.faults.add({ kind, ...NOTE_CREATE[crm], times: 1 });
      const calls = world.mark();
      const results = await executeActions(
        deps(),
        world.workspaceId,
        actions.map((a) => a.id),
        { actor: ACTOR },
      );
      expect(results.map((r) => r.outcome)).toEqual(actions.map(() => 'executed'));
      expect(notesInCrm(crm, actions)).toEqual(actions.map(() => 1));
      // The faulted call applied, was not answered, and no second create went out.
      const creates = noteCreates(calls(), crm);
      expect(creates[0]).toBe(kind === 'drop_after_apply' ? 0 : 503);
      expect(creates.filter((status) => status === 201 || status === 200)).toHaveLength(
        crm === 'hubspot' ? 0 : 1, // Salesforce: the ContentDocumentLinks' collection.
      );
      const { rows } = await world.db.pool.query<{ status: string; noteId: string | null }>(
        `select status, crm_note_id as "noteId" from action_notes where action_id = any($1::uuid[])`,
        [actions.map((a) => a.id)],
      );
      expect(rows.every((row) => row.status === 'created' && row.noteId)).toBe(true);
    },
  );

  it('a note whose answer and lookup were both lost leaves the action partial; running it again writes no second note', async () => {
    const actions = await propose(crm, await deals(crm, 5));
    world.emulator.ctx.faults.add({ kind: 'drop_after_apply', ...NOTE_CREATE[crm], times: 1 });
    // A refusal the retry loop does not wait out: the lookup fails at once.
    world.emulator.ctx.faults.add({
      kind: 'rate_limit',
      policy: 'DAILY',
      ...NOTE_LOOKUP[crm],
      times: 1,
    });
    const first = await executeActions(
      deps(),
      world.workspaceId,
      actions.map((a) => a.id),
      { actor: ACTOR },
    );
    expect(first.map((r) => [r.outcome, r.retryable])).toEqual(
      actions.map(() => ['partial', true]),
    );
    expect(first[0]!.operations.find((op) => op.kind === 'note')).toMatchObject({
      status: 'failed',
      error: { retryable: true },
    });
    expect(notesInCrm(crm, actions)).toEqual(actions.map(() => 1));

    const calls = world.mark();
    const again = await executeActions(
      deps(),
      world.workspaceId,
      actions.map((a) => a.id),
      { actor: ACTOR },
    );
    expect(again.map((r) => r.outcome)).toEqual(actions.map(() => 'executed'));
    expect(notesInCrm(crm, actions)).toEqual(actions.map(() => 1));
    expect(noteCreates(calls(), crm).filter((status) => status < 300)).toHaveLength(
      crm === 'hubspot' ? 0 : 1, // Salesforce: links again for the notes found (counted as made).
    );
  });

  it.each(FAULTS)('%s on the undo note: one undo note', async (kind) => {
    const actions = await propose(crm, await deals(crm, 1));
    const [done] = await executeActions(deps(), world.workspaceId, [actions[0]!.id], {
      actor: ACTOR,
    });
    expect(done!.outcome).toBe('executed');
    world.emulator.ctx.faults.add({ kind, ...NOTE_CREATE[crm], times: 1 });
    const undone = await undoAction(deps(), world.workspaceId, actions[0]!.id, { actor: ACTOR });
    expect(undone.status).toBe('undone');
    expect(undone.note).toMatchObject({ status: 'created' });
    expect(notesInCrm(crm, actions, 'undo')).toEqual([1]);
    expect(notesInCrm(crm, actions, 'execute')).toEqual([1]);
  });
});
