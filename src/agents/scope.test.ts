import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import { coreRules, listActiveAgentsForConversation } from './configs.js';
import { callTypeOf, dealInScope, inScope } from './scope.js';

describe('callTypeOf', () => {
  it('reads the title first, then the opening words, and names nothing it cannot tell', () => {
    expect(callTypeOf({ title: 'Acme <> Pandora pricing review' })).toBe('negotiation');
    expect(callTypeOf({ title: 'Renewal sync: Acme 2027' })).toBe('renewal');
    expect(callTypeOf({ title: 'Product demo for the ops team' })).toBe('demo');
    expect(callTypeOf({ title: 'Intro call with Dana' })).toBe('discovery');
    // A renewal's pricing talk is a renewal call.
    expect(callTypeOf({ title: 'Renewal pricing' })).toBe('renewal');
    expect(
      callTypeOf({
        title: 'Acme weekly',
        transcript: 'Thanks for joining. Today I will run the demo, then we can talk pricing.',
      }),
    ).toBe('demo');
    expect(callTypeOf({ title: 'Acme weekly', transcript: 'How was the weekend?' })).toBeNull();
    // A word inside another word is not a cue ("introspection", "pricingly").
    expect(callTypeOf({ title: 'Introspection session' })).toBeNull();
    const late = `${'x '.repeat(1000)} this is the renewal`;
    expect(callTypeOf({ title: 'Acme weekly', transcript: late })).toBeNull();
  });
});

describe('scope', () => {
  const scope = { ownerIds: ['o1'], pipelines: ['default'], recordTypes: ['deal' as const] };
  it('needs one of the reps involved and the linked deal’s pipeline; an unlinked call waits for the match', () => {
    expect(inScope(scope, { title: '', ownerIds: ['o2', 'o1'], pipeline: 'default' })).toBe(true);
    expect(inScope(scope, { title: '', ownerIds: ['o2'], pipeline: 'default' })).toBe(false);
    expect(inScope(scope, { title: '', ownerIds: ['o1'], pipeline: 'renewals' })).toBe(false);
    expect(inScope(scope, { title: '', ownerIds: ['o1'], pipeline: null })).toBe(true);
    expect(inScope({ recordTypes: ['deal'] }, { title: '', ownerIds: [], pipeline: null })).toBe(
      true,
    );
    expect(dealInScope(scope, { ownerId: 'o1', pipeline: null })).toBe(false);
    expect(dealInScope(scope, { ownerId: 'o1', pipeline: 'default' })).toBe(true);
    expect(dealInScope(scope, { ownerId: null, pipeline: 'default' })).toBe(false);
  });
});

describe('listActiveAgentsForConversation', () => {
  let db: TestDatabase;
  let workspaceId: string;
  let conversationId: string;
  let repId: string;
  let otherRepId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    workspaceId = (await createWorkspace(db.pool, { name: 'Scope' })).id;
    const { rows: owners } = await db.pool.query<{ id: string }>(
      `insert into owners (workspace_id, source, source_id, email, name)
       values ($1::uuid, 'hubspot', '1', 'rep@vendor.example', 'Rep'),
              ($1::uuid, 'hubspot', '2', 'other@vendor.example', 'Other')
       returning id`,
      [workspaceId],
    );
    [repId, otherRepId] = [owners[0]!.id, owners[1]!.id];
    const { rows } = await db.pool.query<{ id: string }>(
      `insert into conversations (workspace_id, source, source_id, title, started_at,
                                  duration_seconds, participants)
       values ($1::uuid, 'gong', 'c1', 'Acme pricing', now(), 1800,
               '[{"name": "Rep", "email": "REP@vendor.example"}, {"name": "Buyer", "email": "b@acme.example"}]')
       returning id`,
      [workspaceId],
    );
    conversationId = rows[0]!.id;
  });

  async function agent(
    name: string,
    values: { status?: string; callTypes?: string[]; scope?: object },
  ) {
    const { rows } = await db.pool.query<{ id: string }>(
      `with connection as (
         insert into connections (workspace_id, crm_type, name) values ($1::uuid, 'hubspot', $2::text)
         returning id)
       insert into agent_configs (workspace_id, connection_id, name, status, call_types, scope)
       select $1::uuid, connection.id, $2::text, $3::text, $4::text[], $5::jsonb from connection
       returning id`,
      [
        workspaceId,
        name,
        values.status ?? 'active',
        values.callTypes ?? [],
        JSON.stringify(values.scope ?? { recordTypes: ['deal'] }),
      ],
    );
    return rows[0]!.id;
  }

  it('returns the active agents whose call types and reps take the meeting', async () => {
    const every = await agent('every call', {});
    const negotiation = await agent('negotiation', { callTypes: ['negotiation', 'renewal'] });
    await agent('demo only', { callTypes: ['demo'] });
    await agent('paused', { status: 'paused' });
    await agent('draft', { status: 'draft' });
    const mine = await agent('my rep', { scope: { ownerIds: [repId], recordTypes: ['deal'] } });
    await agent('other rep', { scope: { ownerIds: [otherRepId], recordTypes: ['deal'] } });
    const found = await listActiveAgentsForConversation(db.pool, workspaceId, {
      id: conversationId,
      title: 'Acme pricing',
    });
    expect(found.map((a) => a.id).sort()).toEqual([every, negotiation, mine].sort());
    expect(found.find((a) => a.id === negotiation)).toMatchObject({
      name: 'negotiation',
      crmType: 'hubspot',
      callTypes: ['negotiation', 'renewal'],
    });

    // The linked deal's owner counts too, and its pipeline must be in the list.
    const { rows } = await db.pool.query<{ id: string }>(
      `insert into deals (workspace_id, source, source_id, name, owner_id, pipeline)
       values ($1::uuid, 'hubspot', 'd1', 'Acme', $2::uuid, 'renewals') returning id`,
      [workspaceId, otherRepId],
    );
    await db.pool.query(`update conversations set deal_id = $2::uuid where id = $1::uuid`, [
      conversationId,
      rows[0]!.id,
    ]);
    const renewalsOnly = await agent('renewals', {
      scope: { pipelines: ['renewals'], recordTypes: ['deal'] },
    });
    const defaultOnly = await agent('default', {
      scope: { pipelines: ['default'], recordTypes: ['deal'] },
    });
    const linked = await listActiveAgentsForConversation(db.pool, workspaceId, {
      id: conversationId,
      title: 'Weekly',
    });
    const ids = linked.map((a) => a.id);
    expect(linked.map((a) => a.name)).toContain('other rep');
    expect(ids).toContain(renewalsOnly);
    expect(ids).not.toContain(defaultOnly);
    expect(ids).not.toContain(negotiation);
  });
});

describe('coreRules', () => {
  it('asks for an auto field until its auto-apply is enabled, and keeps never and thresholds', () => {
    const field = (name: string, rule: 'auto' | 'ask' | 'never', autoApplyEnabled = false) => ({
      field: name,
      crmProperty: null,
      rule,
      threshold: 0.8,
      autoApplyEnabled,
    });
    expect(
      coreRules({
        fields: [
          field('amount', 'auto', true),
          field('close_date', 'auto'),
          field('stage', 'ask'),
          field('next_step', 'never'),
        ],
      }),
    ).toEqual({
      amount: { rule: 'auto', threshold: 0.8 },
      close_date: { rule: 'ask', threshold: 0.8 },
      stage: { rule: 'ask', threshold: 0.8 },
      next_step: { rule: 'never', threshold: 0.8 },
    });
  });
});
