import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { FlowStepError } from '../types.js';
import { addTagStep } from './add-tag.js';
import { createStepWorld, type StepWorld } from './crm-steps.test-helper.js';
import { undoFlowStep } from './undo.js';

let world: StepWorld;
const deps = () => ({ pool: world.db.pool, secretKey: TEST_SECRET_KEY });

beforeAll(async () => {
  world = await createStepWorld();
});

async function tagsOf(recordId: string): Promise<string[]> {
  const { rows } = await world.db.pool.query<{ name: string }>(
    `select t.name from record_tags r join tags t on t.id = r.tag_id
     where r.record_id = $1::uuid order by t.name`,
    [recordId],
  );
  return rows.map((row) => row.name);
}

describe('add_tag', () => {
  it('creates the tag on first use, reuses it by name in any case, and is idempotent per step run', async () => {
    const [a, b] = await world.recordIds('hubspot', 2);
    const first = await world.mirror('hubspot', 'deal', a!);
    const second = await world.mirror('hubspot', 'deal', b!);

    const ctx = await world.context('tag', 'add_tag');
    const made = await world.run(addTagStep, ctx, {
      objectType: 'deal',
      recordId: first,
      tagName: 'High Priority',
      tagColor: '#ff4444',
    });
    expect(made).toMatchObject({
      output: { tag: { name: 'High Priority', color: '#ff4444' }, tagCreated: true, added: true },
    });
    // The same step run again (a resumed run) reports the same.
    expect(
      await world.run(addTagStep, ctx, {
        objectType: 'deal',
        recordId: first,
        tagName: 'High Priority',
      }),
    ).toMatchObject({ output: { tagCreated: true, added: true } });

    const other = await world.context('tag', 'add_tag');
    const reused = await world.run(addTagStep, other, {
      objectType: 'deal',
      recordId: b!,
      tagName: 'high priority',
    });
    expect(reused).toMatchObject({
      output: { tag: { name: 'High Priority' }, tagCreated: false, added: true },
    });
    expect(await tagsOf(first)).toEqual(['High Priority']);
    expect(await tagsOf(second)).toEqual(['High Priority']);

    // Tagging a record that has the tag already adds nothing, and its undo removes nothing.
    const again = await world.context('tag', 'add_tag');
    expect(
      await world.run(addTagStep, again, {
        objectType: 'deal',
        recordId: first,
        tagName: 'HIGH PRIORITY',
      }),
    ).toMatchObject({ output: { added: false } });
    expect(
      await undoFlowStep(deps(), world.workspaceId, again.runId, 'tag', { actor: 'ana' }),
    ).toMatchObject({
      status: 'undone',
      tags: { removed: 0, tagDeleted: false },
    });
    expect(await tagsOf(first)).toEqual(['High Priority']);

    // Undo the first: its tag on the first record goes, the tag stays (the second keeps it).
    expect(
      await undoFlowStep(deps(), world.workspaceId, ctx.runId, 'tag', { actor: 'ana' }),
    ).toMatchObject({
      status: 'undone',
      tags: { removed: 1, tagDeleted: false },
    });
    expect(await tagsOf(first)).toEqual([]);
    expect(await tagsOf(second)).toEqual(['High Priority']);
  });

  it('a tag created by a step run and used by nothing else is deleted by its undo', async () => {
    const [, , c] = await world.recordIds('salesforce', 3);
    const deal = await world.mirror('salesforce', 'deal', c!);
    const ctx = await world.context('tag', 'add_tag');
    await world.run(addTagStep, ctx, { objectType: 'deal', recordId: deal, tagName: 'Churn risk' });
    const undo = await undoFlowStep(deps(), world.workspaceId, ctx.runId, 'tag', { actor: 'ana' });
    expect(undo.tags).toEqual({ removed: 1, tagDeleted: true });
    const { rows } = await world.db.pool.query(`select 1 from tags where name = 'Churn risk'`);
    expect(rows).toHaveLength(0);
    // Undoing again returns the recorded undo.
    expect(
      await undoFlowStep(deps(), world.workspaceId, ctx.runId, 'tag', { actor: 'ana' }),
    ).toMatchObject({
      replayed: true,
      tags: { removed: 1 },
    });
  });

  it("a member's automation cannot tag another rep's record", async () => {
    const [, , , d] = await world.recordIds('hubspot', 4);
    const deal = await world.mirror('hubspot', 'deal', d!, { ownerEmail: 'ana@example.com' });
    const ctx = await world.context('tag', 'add_tag', {
      scopeUserId: world.users['bob@example.com']!,
    });
    const error = await world
      .run(addTagStep, ctx, { objectType: 'deal', recordId: deal, tagName: 'Mine now' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FlowStepError);
    expect((error as FlowStepError).category).toBe('permission');
    expect(await tagsOf(deal)).toEqual([]);
  });
});
