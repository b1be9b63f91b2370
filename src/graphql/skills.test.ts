import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type Tenant, type TestApp } from '../../test/app.js';
import { graphql } from '../../test/graphql.js';

/** Skills over GraphQL: run one, see its run and its actions, and the REST codes. */
let t: TestApp;
let admin: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t, 'admin');
  // A $60K proposal-stage deal untouched since New Year: stale by March (14-day limit).
  await t.db.pool.query(
    `insert into deals (workspace_id, source, source_id, name, amount, close_date, stage,
                        stage_normalized, last_activity_at)
     values ($1::uuid, 'test', 'd-1', 'Big one', 60000, '2025-06-30', 'proposal', 'proposal',
             '2025-01-01T10:00:00Z')`,
    [admin.workspaceId],
  );
});

const gql = (query: string, variables: object = {}) => graphql(t, admin.auth, query, variables);

const ws = () => admin.workspaceId;
const RUN = `mutation ($ws: ID!, $skill: String!, $now: String, $options: JSON) {
  runSkill(workspaceId: $ws, skill: $skill, now: $now, options: $options) {
    runId proposed created updated candidates skipped suppressed closed
  }
}`;
const SKILLS = `query ($ws: ID!) { workspace(id: $ws) { skills { name description lastRun {
  id skill trigger actor status asOf options error finishedAt
  counts { candidates proposed created updated skipped suppressed closed }
} } } }`;

describe('skills over GraphQL', () => {
  it('runs a skill whose findings become actions, and shows it as the last run', async () => {
    const before = await gql(SKILLS, { ws: ws() });
    expect(
      before.data.workspace.skills.map((s: { name: string; lastRun: unknown }) => [
        s.name,
        s.lastRun,
      ]),
    ).toEqual([
      ['data-quality-audit', null],
      ['pipeline-coverage', null],
      ['stale-deals', null],
    ]);

    const run = await gql(RUN, { ws: ws(), skill: 'stale-deals', now: '2025-03-01T00:00:00Z' });
    expect(run.data.runSkill).toEqual({
      runId: expect.any(String),
      proposed: 1,
      created: 1,
      updated: 0,
      candidates: 1,
      skipped: 0,
      suppressed: 0,
      closed: 0,
    });
    const { runId } = run.data.runSkill;
    const actions = await gql(
      `query ($ws: ID!) { workspace(id: $ws) { actions(filter: { sourceName: "stale-deals" }) {
         actions { actionType sourceType sourceId targetSourceId targetName impactAmount status } } } }`,
      { ws: ws() },
    );
    expect(actions.data.workspace.actions.actions).toEqual([
      {
        actionType: 're_engage_deal',
        sourceType: 'skill',
        sourceId: runId,
        targetSourceId: 'd-1',
        targetName: 'Big one',
        impactAmount: 60_000,
        status: 'open',
      },
    ]);

    const after = await gql(SKILLS, { ws: ws() });
    const stale = after.data.workspace.skills.find(
      (s: { name: string }) => s.name === 'stale-deals',
    );
    expect(stale.lastRun).toEqual({
      id: runId,
      skill: 'stale-deals',
      trigger: 'manual',
      actor: 'api key test key',
      status: 'succeeded',
      asOf: '2025-03-01T00:00:00.000Z',
      options: {},
      error: null,
      finishedAt: expect.any(String),
      counts: {
        candidates: 1,
        proposed: 1,
        created: 1,
        updated: 0,
        skipped: 0,
        suppressed: 0,
        closed: 0,
      },
    });

    // Run again: the open action is refreshed, not duplicated.
    const again = await gql(RUN, {
      ws: ws(),
      skill: 'stale-deals',
      now: '2025-03-02T00:00:00Z',
      options: { limit: 5 },
    });
    expect(again.data.runSkill).toMatchObject({ proposed: 1, created: 0, updated: 1 });
  });

  it('answers an unknown skill, bad options and a bad instant with the REST codes, running nothing', async () => {
    const count = async () =>
      (
        await t.db.pool.query<{ n: number }>(
          `select count(*)::int as n from skill_runs where workspace_id = $1::uuid`,
          [ws()],
        )
      ).rows[0]!.n;
    const runs = await count();
    const unknown = await gql(RUN, { ws: ws(), skill: 'astrology' });
    expect([unknown.status, unknown.errors?.[0]?.extensions]).toEqual([
      404,
      {
        code: 'not_found',
        details: {
          skill: 'astrology',
          skills: ['data-quality-audit', 'pipeline-coverage', 'stale-deals'],
        },
      },
    ]);
    const cases: [object, string][] = [
      [{ options: { thresholds: { proposal: 0 } } }, 'options.thresholds.proposal'],
      [{ options: { stages: 3 } }, 'options.stages'],
      [{ options: [1, 2] }, 'options'],
      [{ now: 'yesterday' }, 'now'],
    ];
    for (const [variables, field] of cases) {
      const answer = await gql(RUN, { ws: ws(), skill: 'stale-deals', ...variables });
      expect(answer.errors?.[0]?.extensions.code, field).toBe('validation_failed');
      expect((answer.errors?.[0]?.extensions.details as { field: string }[])[0]?.field).toBe(field);
    }
    expect(await count()).toBe(runs);
  });
});
