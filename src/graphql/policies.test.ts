import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_SECRET_KEY,
  apiKeyAuth,
  createTenant,
  createTestApp,
  type Tenant,
  type TestApp,
} from '../../test/app.js';
import { codeOf, graphql } from '../../test/graphql.js';
import { createConnection } from '../tenancy/connections.js';

/**
 * Action policies over GraphQL: admins change them, members read and try them, the
 * domain's validation answers with the field, and a dry run writes nothing.
 */
let t: TestApp;
let admin: Tenant;
let member: { authorization: string };
let connectionId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t, 'admin');
  member = await apiKeyAuth(t, admin, 'member');
  // Proposing an action needs a connection; nothing here calls the CRM.
  const connection = await createConnection(t.db.pool, TEST_SECRET_KEY, {
    workspaceId: admin.workspaceId,
    crmType: 'hubspot',
    name: 'HubSpot',
  });
  connectionId = connection.id;
});

const gql = (query: string, variables: object = {}, auth: object = admin.auth) =>
  graphql(t, auth, query, variables);

const ws = () => admin.workspaceId;

const POLICY = `id name enabled priority effect createdBy
  match { actionTypes severities impactMin impactMax fields fieldsOnly sourceTypes sourceNames }`;
const CREATE = `mutation ($ws: ID!, $input: PolicyInput!) { createActionPolicy(workspaceId: $ws, input: $input) { ${POLICY} } }`;
const UPDATE = `mutation ($ws: ID!, $id: ID!, $patch: PolicyPatch!) { updateActionPolicy(workspaceId: $ws, id: $id, patch: $patch) { ${POLICY} } }`;
const DELETE = `mutation ($ws: ID!, $id: ID!) { deleteActionPolicy(workspaceId: $ws, id: $id) }`;
const LIST = `query ($ws: ID!) { workspace(id: $ws) { actionPolicies { id name } } }`;
const ONE = `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { actionPolicy(id: $id) { ${POLICY} } } }`;
const DRY_RUN = `mutation ($ws: ID!, $id: ID, $input: PolicyInput, $last: Int) {
  dryRunActionPolicy(workspaceId: $ws, id: $id, input: $input, last: $last) {
    policy { id name enabled effect }
    considered
    actions { id policyEffect currentEffect currentPolicyId resultingEffect changed }
    totals { policy { auto_execute require_approval block no_match } changed }
  }
}`;

const noMatch = {
  actionTypes: null,
  severities: null,
  impactMin: null,
  impactMax: null,
  fields: null,
  fieldsOnly: null,
  sourceTypes: null,
  sourceNames: null,
};

describe('action policies over GraphQL', () => {
  it('lets admins create, change and delete policies, and members read them', async () => {
    const created = await gql(CREATE, {
      ws: ws(),
      input: {
        name: '  Hold big ones ',
        priority: 10,
        effect: 'require_approval',
        match: { impactMin: 10_000, severities: ['critical', 'warning'], fields: null },
      },
    });
    const held = created.data.createActionPolicy;
    expect(held).toEqual({
      id: expect.any(String),
      name: 'Hold big ones',
      enabled: true,
      priority: 10,
      effect: 'require_approval',
      createdBy: 'api key test key',
      match: { ...noMatch, impactMin: 10_000, severities: ['critical', 'warning'] },
    });
    const blocked = (await gql(CREATE, { ws: ws(), input: { name: 'Stop all', effect: 'block' } }))
      .data.createActionPolicy;
    expect([blocked.priority, blocked.match]).toEqual([100, noMatch]);

    const listed = await gql(LIST, { ws: ws() }, member);
    expect(listed.data.workspace.actionPolicies).toEqual([
      { id: held.id, name: 'Hold big ones' },
      { id: blocked.id, name: 'Stop all' },
    ]);
    expect((await gql(ONE, { ws: ws(), id: held.id }, member)).data.workspace.actionPolicy).toEqual(
      held,
    );

    for (const [query, variables] of [
      [CREATE, { ws: ws(), input: { name: 'Mine', effect: 'auto_execute' } }],
      [UPDATE, { ws: ws(), id: held.id, patch: { enabled: false } }],
      [DELETE, { ws: ws(), id: held.id }],
    ] as const) {
      const refused = await gql(query, variables, member);
      expect([refused.status, codeOf(refused)]).toEqual([403, 'forbidden']);
    }

    // A given match replaces the old one whole.
    const changed = await gql(UPDATE, {
      ws: ws(),
      id: held.id,
      patch: { enabled: false, match: { actionTypes: ['update_field'] } },
    });
    expect(changed.data.updateActionPolicy).toMatchObject({
      enabled: false,
      priority: 10,
      match: { ...noMatch, actionTypes: ['update_field'] },
    });

    expect((await gql(DELETE, { ws: ws(), id: held.id })).data.deleteActionPolicy).toBe(true);
    const gone = await gql(ONE, { ws: ws(), id: held.id });
    expect([gone.status, codeOf(gone)]).toEqual([404, 'not_found']);
    expect(codeOf(await gql(DELETE, { ws: ws(), id: held.id }))).toBe('not_found');
    expect(codeOf(await gql(UPDATE, { ws: ws(), id: held.id, patch: { priority: 1 } }))).toBe(
      'not_found',
    );
    await gql(DELETE, { ws: ws(), id: blocked.id });
    expect((await gql(LIST, { ws: ws() })).data.workspace.actionPolicies).toEqual([]);
  });

  it('says which field of a policy is wrong', async () => {
    const cases: [object, string, string][] = [
      [{ name: '   ', effect: 'block' }, 'invalid_policy', 'name'],
      [{ name: 'x', effect: 'block', priority: -1 }, 'invalid_policy', 'priority'],
      [
        { name: 'x', effect: 'block', match: { impactMin: 5, impactMax: 1 } },
        'invalid_policy',
        'match.impactMin',
      ],
      [{ name: 'x', effect: 'block', match: { fields: [] } }, 'invalid_policy', 'match.fields'],
      [
        { name: 'x', effect: 'block', match: { fieldsOnly: true } },
        'invalid_policy',
        'match.fieldsOnly',
      ],
      [{ name: 'x', effect: 'explode' }, 'validation_failed', 'input'],
      [{ name: 'x', effect: 'block', match: { colour: 'red' } }, 'validation_failed', 'input'],
    ];
    for (const [input, code, field] of cases) {
      const answer = await gql(CREATE, { ws: ws(), input });
      expect([answer.status, codeOf(answer)], JSON.stringify(input)).toEqual([400, code]);
      expect(JSON.stringify(answer.errors?.[0]?.extensions.details)).toContain(`"${field}"`);
    }
    const empty = await gql(UPDATE, { ws: ws(), id: randomUUID(), patch: {} });
    expect(empty.errors?.[0]?.extensions).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'patch' }],
    });
    const badId = await gql(DELETE, { ws: ws(), id: 'policy-1' });
    expect(badId.errors?.[0]?.extensions).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'id' }],
    });
    expect((await gql(LIST, { ws: ws() })).data.workspace.actionPolicies).toEqual([]);
  });

  it('dry-runs a policy not yet saved, or a saved one behind an earlier policy, writing nothing', async () => {
    const propose = async (severity: string, impactAmount: number) => {
      const answer = await gql(
        `mutation ($ws: ID!, $input: NewActionInput!) { createAction(workspaceId: $ws, input: $input) { id } }`,
        {
          ws: ws(),
          input: {
            actionType: 'update_field',
            severity,
            title: `Impact ${impactAmount}`,
            impactAmount,
            connectionId,
            targetType: 'deal',
            targetSourceId: '1',
          },
        },
      );
      return answer.data.createAction.id as string;
    };
    await propose('warning', 50_000);
    const small = await propose('info', 500);
    const big = await propose('critical', 20_000);
    const body = { name: 'Hold big', effect: 'require_approval', match: { impactMin: 10_000 } };

    const unsaved = await gql(DRY_RUN, { ws: ws(), input: body, last: 2 }, member);
    expect(unsaved.data.dryRunActionPolicy).toEqual({
      policy: { id: null, name: 'Hold big', enabled: true, effect: 'require_approval' },
      considered: 2,
      actions: [
        {
          id: big,
          policyEffect: 'require_approval',
          currentEffect: 'no_match',
          currentPolicyId: null,
          resultingEffect: 'require_approval',
          changed: true,
        },
        {
          id: small,
          policyEffect: 'no_match',
          currentEffect: 'no_match',
          currentPolicyId: null,
          resultingEffect: 'no_match',
          changed: false,
        },
      ],
      totals: {
        policy: { auto_execute: 0, require_approval: 1, block: 0, no_match: 1 },
        changed: 1,
      },
    });
    expect((await gql(LIST, { ws: ws() })).data.workspace.actionPolicies).toEqual([]);

    const blockCritical = (
      await gql(CREATE, {
        ws: ws(),
        input: {
          name: 'No critical',
          priority: 1,
          effect: 'block',
          match: { severities: ['critical'] },
        },
      })
    ).data.createActionPolicy;
    const saved = (
      await gql(CREATE, { ws: ws(), input: { ...body, enabled: false, priority: 50 } })
    ).data.createActionPolicy;
    const tried = await gql(DRY_RUN, { ws: ws(), id: saved.id }, member);
    const run = tried.data.dryRunActionPolicy;
    expect(run.policy).toEqual({
      id: saved.id,
      name: 'Hold big',
      enabled: false,
      effect: 'require_approval',
    });
    expect(run.considered).toBe(3);
    // The critical one is blocked by the earlier policy whatever this one says.
    expect(run.actions[0]).toEqual({
      id: big,
      policyEffect: 'require_approval',
      currentEffect: 'block',
      currentPolicyId: blockCritical.id,
      resultingEffect: 'block',
      changed: false,
    });
    expect(run.totals).toEqual({
      policy: { auto_execute: 0, require_approval: 2, block: 0, no_match: 1 },
      changed: 1,
    });

    const neither = await gql(DRY_RUN, { ws: ws() });
    expect([neither.status, codeOf(neither)]).toEqual([400, 'validation_failed']);
    const both = await gql(DRY_RUN, { ws: ws(), id: saved.id, input: body });
    expect(codeOf(both)).toBe('validation_failed');
    const tooMany = await gql(DRY_RUN, { ws: ws(), id: saved.id, last: 5_000 });
    expect([codeOf(tooMany), tooMany.errors?.[0]?.extensions.details]).toEqual([
      'invalid_dry_run',
      { field: 'last', value: 5_000 },
    ]);
    const unknown = await gql(DRY_RUN, { ws: ws(), id: randomUUID() });
    expect(codeOf(unknown)).toBe('not_found');
  });
});
