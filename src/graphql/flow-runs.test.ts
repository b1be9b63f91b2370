import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  type Tenant,
  type TestApp,
} from '../../test/app.js';
import { codeOf, graphql } from '../../test/graphql.js';
import { testServices } from '../flows/engine/fixtures.test-helper.js';
import { runFlow } from '../flows/engine/runner.js';

vi.mock('../flows/steps/registry.js', async () =>
  (await import('../flows/test-steps.test-helper.js')).testRegistry(),
);

/** Flow runs over GraphQL: the same roles, visibility and answers as REST. */
let t: TestApp;
let admin: Tenant;
let member: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
  member = await apiKeyAuth(t, admin, 'member');
});

const RUN =
  'id version status input rerunOf error { category stepKey } steps { key status output }';
const START = `mutation ($ws: ID!, $flowId: ID!, $input: JSON) { startFlowRun(workspaceId: $ws, flowId: $flowId, input: $input) { ${RUN} } }`;
const CANCEL = `mutation ($ws: ID!, $id: ID!) { cancelFlowRun(workspaceId: $ws, id: $id) { ${RUN} } }`;
const RERUN = `mutation ($ws: ID!, $id: ID!, $version: RerunVersion) { rerunFlowRun(workspaceId: $ws, id: $id, version: $version) { ${RUN} } }`;
const READ = `query ($ws: ID!, $id: ID!, $flowId: ID!) { workspace(id: $ws) {
  flowRun(id: $id) { ${RUN} }
  flowRuns(flowId: $flowId, limit: 10) { runs { id steps { key } } nextCursor }
} }`;

async function publishedFlow(fail: boolean): Promise<string> {
  const created = await graphql(
    t,
    admin.auth,
    `
      mutation ($ws: ID!, $input: FlowInput!) {
        createFlow(workspaceId: $ws, input: $input) {
          id
        }
      }
    `,
    {
      ws: admin.workspaceId,
      input: {
        name: 'Runs',
        trigger: { type: 'manual' },
        steps: [
          { key: 'amount', type: 'set_variable', config: { name: 'a', value: '{{trigger.n}}' } },
          { key: 'price', type: 'run_javascript', config: { fail } },
        ],
      },
    },
  );
  const id = created.data.createFlow.id as string;
  await graphql(
    t,
    admin.auth,
    `
      mutation ($ws: ID!, $id: ID!) {
        publishFlow(workspaceId: $ws, id: $id) {
          created
        }
      }
    `,
    {
      ws: admin.workspaceId,
      id,
    },
  );
  return id;
}

describe('flow runs over GraphQL', () => {
  it('starts (admins), reads with steps (members), cancels and reruns', async () => {
    const flowId = await publishedFlow(true);
    const refused = await graphql(t, member, START, { ws: admin.workspaceId, flowId });
    expect(codeOf(refused)).toBe('forbidden');
    const started = await graphql(t, admin.auth, START, {
      ws: admin.workspaceId,
      flowId,
      input: { n: 3 },
    });
    expect(started.data.startFlowRun).toMatchObject({ status: 'pending', input: { n: 3 } });
    const runId = started.data.startFlowRun.id as string;
    await runFlow(testServices(t.db.pool), admin.workspaceId, runId);

    const read = await graphql(t, member, READ, { ws: admin.workspaceId, id: runId, flowId });
    expect(read.data.workspace.flowRun).toMatchObject({
      status: 'failed',
      error: { category: 'validation', stepKey: 'price' },
      steps: [
        { key: 'amount', status: 'completed', output: { value: 3 } },
        { key: 'price', status: 'failed' },
      ],
    });
    expect(read.data.workspace.flowRuns).toEqual({
      runs: [{ id: runId, steps: [] }],
      nextCursor: null,
    });

    const finished = await graphql(t, admin.auth, CANCEL, { ws: admin.workspaceId, id: runId });
    expect(codeOf(finished)).toBe('run_finished');
    const rerun = await graphql(t, admin.auth, RERUN, {
      ws: admin.workspaceId,
      id: runId,
      version: 'latest',
    });
    expect(rerun.data.rerunFlowRun).toMatchObject({
      version: 1,
      rerunOf: runId,
      status: 'pending',
    });
    const cancelled = await graphql(t, admin.auth, CANCEL, {
      ws: admin.workspaceId,
      id: rerun.data.rerunFlowRun.id,
    });
    expect(cancelled.data.cancelFlowRun.status).toBe('cancelled');
  });

  it("answers not_found for another workspace's run", async () => {
    const other = await createTenant(t);
    const flowId = await publishedFlow(false);
    const started = await graphql(t, admin.auth, START, { ws: admin.workspaceId, flowId });
    const read = await graphql(t, other.auth, READ, {
      ws: other.workspaceId,
      id: started.data.startFlowRun.id,
      flowId,
    });
    expect(codeOf(read)).toBe('not_found');
    const cancel = await graphql(t, other.auth, CANCEL, {
      ws: other.workspaceId,
      id: started.data.startFlowRun.id,
    });
    expect(codeOf(cancel)).toBe('not_found');
  });
});
