import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { createWorkspace } from '../tenancy/workspaces.js';
import { previewAgentRun } from './preview.js';

/** The agent's scope reaches the core: its competitor list decides what "Clari" is. */
let db: TestDatabase;
let workspaceId: string;
let conversationId: string;
let connectionId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Preview config' })).id;
  const { rows } = await db.pool.query<{ connectionId: string; conversationId: string }>(
    `with connection as (
       insert into connections (workspace_id, crm_type, name) values ($1::uuid, 'hubspot', 'HubSpot')
       returning id),
     account as (
       insert into accounts (workspace_id, source, source_id, name, domain)
       values ($1::uuid, 'hubspot', 'a1', 'Buyer Inc', 'buyer.example') returning id),
     contact as (
       insert into contacts (workspace_id, source, source_id, account_id, email, first_name, last_name)
       select $1::uuid, 'hubspot', 'c1', account.id, 'bo@buyer.example', 'Bo', 'Buyer' from account
       returning id, account_id),
     deal as (
       insert into deals (workspace_id, source, source_id, account_id, name, pipeline, stage,
                          stage_normalized)
       select $1::uuid, 'hubspot', 'd1', account.id, 'Buyer Inc platform', 'default',
              'decisionmakerboughtin', 'evaluation' from account
       returning id),
     link as (
       insert into deal_contacts (workspace_id, deal_id, contact_id)
       select $1::uuid, deal.id, contact.id from deal, contact returning 1),
     conversation as (
       insert into conversations (workspace_id, source, source_id, title, started_at,
                                  duration_seconds, participants, transcript, host_email)
       values ($1::uuid, 'gong', 'g1', 'Buyer Inc weekly', '2026-12-01T15:00:00Z', 1800,
               '[{"name": "Ana Rep", "email": "ana@seller.io"}, {"name": "Bo Buyer", "email": "bo@buyer.example"}]',
               $2::text, 'ana@seller.io')
       returning id)
     select (select id from connection) as "connectionId",
            (select id from conversation) as "conversationId"
     from link`,
    [
      workspaceId,
      [
        'Ana Rep: Who else are you looking at?',
        'Bo Buyer: We are also evaluating Clari right now, they sent a quote last week.',
        'Ana Rep: Thanks, that helps.',
      ].join('\n'),
    ],
  );
  ({ connectionId, conversationId } = rows[0]!);
});

async function agent(scope: object) {
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into agent_configs (workspace_id, connection_id, name, fields, scope)
     values ($1::uuid, $2::uuid, 'Competitors', $3::jsonb, $4::jsonb) returning id`,
    [
      workspaceId,
      connectionId,
      JSON.stringify([
        {
          field: 'competitors',
          crmProperty: null,
          rule: 'ask',
          threshold: 0.5,
          autoApplyEnabled: false,
        },
      ]),
      JSON.stringify(scope),
    ],
  );
  return rows[0]!.id;
}

describe("the agent's scope in a run", () => {
  it('names a competitor only when the agent listens for it', async () => {
    const listening = await previewAgentRun(
      db.pool,
      workspaceId,
      await agent({ recordTypes: ['deal'], competitors: ['Clari', 'Gong'] }),
      conversationId,
    );
    expect(listening.matchedRecord?.crmId).toBe('d1');
    expect(listening.fields.map((f) => [f.field, f.newValue])).toEqual([['competitors', 'Clari']]);
    const deaf = await previewAgentRun(
      db.pool,
      workspaceId,
      await agent({ recordTypes: ['deal'] }),
      conversationId,
    );
    expect(deaf.matchedRecord?.crmId).toBe('d1');
    expect(deaf.fields).toEqual([]);
  });
});
