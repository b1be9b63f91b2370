import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  type Tenant,
  type TestApp,
} from '../../../test/app.js';
import { codeOf, graphql } from '../../../test/graphql.js';
import { createRecords } from '../../../test/records.js';
import { testServices } from '../../flows/engine/fixtures.test-helper.js';
import { runFlow } from '../../flows/engine/runner.js';

/** A flow's add_tag step run by the engine, then undone over REST. */
let t: TestApp;
let admin: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
});

async function call(method: 'GET' | 'POST', rest: string, payload?: object, headers = admin.auth) {
  const response = await t.app.inject({
    method,
    url: `/api/workspaces/${admin.workspaceId}${rest}`,
    headers,
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.body ? response.json() : {} };
}

async function tags(dealId: string): Promise<string[]> {
  const { rows } = await t.db.pool.query<{ name: string }>(
    `select t.name from record_tags r join tags t on t.id = r.tag_id where r.record_id = $1::uuid`,
    [dealId],
  );
  return rows.map((row) => row.name);
}

describe('undoing a flow run step over REST', () => {
  it('takes back what the step did; members may not undo a workspace flow’s steps', async () => {
    const records = await createRecords(t.db.pool);
    // The deal must be in the tenant's workspace: move it there.
    const { id: dealId } = await records.deal({ name: 'Acme' });
    await t.db.pool.query(`update deals set workspace_id = $1::uuid where id = $2::uuid`, [
      admin.workspaceId,
      dealId,
    ]);
    const created = await call('POST', '/flows', {
      name: 'Tag hot deals',
      trigger: { type: 'manual' },
      steps: [
        {
          key: 'tag',
          type: 'add_tag',
          config: { objectType: 'deal', recordId: '{{trigger.dealId}}', tagName: 'Hot' },
        },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const flowId = created.body.flow.id as string;
    expect((await call('POST', `/flows/${flowId}/publish`, {})).status).toBe(201);
    const started = await call('POST', `/flows/${flowId}/runs`, { input: { dealId } });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const runId = started.body.run.id as string;
    await runFlow(testServices(t.db.pool), admin.workspaceId, runId);
    expect(await tags(dealId)).toEqual(['Hot']);

    const member = await apiKeyAuth(t, admin, 'member');
    const refused = await call('POST', `/flow-runs/${runId}/steps/tag/undo`, {}, member);
    expect(refused.status).toBe(403);
    const UNDO = `mutation ($ws: ID!, $run: ID!, $key: String!) {
      undoFlowRunStep(workspaceId: $ws, runId: $run, stepKey: $key) { status stepType tags replayed }
    }`;
    const variables = { ws: admin.workspaceId, run: runId, key: 'tag' };
    expect(codeOf(await graphql(t, member, UNDO, variables))).toBe('forbidden');
    expect(await tags(dealId)).toEqual(['Hot']);

    const undone = await graphql(t, admin.auth, UNDO, variables);
    expect(undone.errors).toBeUndefined();
    expect(undone.data.undoFlowRunStep).toEqual({
      status: 'undone',
      stepType: 'add_tag',
      tags: { removed: 1, tagDeleted: true },
      replayed: false,
    });
    expect(await tags(dealId)).toEqual([]);

    // REST answers with the same undo, done once.
    const again = await call('POST', `/flow-runs/${runId}/steps/tag/undo`, {});
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.undo).toMatchObject({
      status: 'undone',
      replayed: true,
      tags: { removed: 1 },
    });

    const missing = await call('POST', `/flow-runs/${runId}/steps/nope/undo`, {});
    expect(missing.status).toBe(404);
  });
});
