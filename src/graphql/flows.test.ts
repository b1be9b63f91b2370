import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  apiKeyAuth,
  createTenant,
  createTestApp,
  type Tenant,
  type TestApp,
} from '../../test/app.js';
import { codeOf, graphql } from '../../test/graphql.js';

vi.mock('../flows/steps/registry.js', async () =>
  (await import('../flows/test-steps.test-helper.js')).testRegistry(),
);

/** Flows over GraphQL: the same checks, roles and answers as REST. */
let t: TestApp;
let admin: Tenant;
let member: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createTenant(t);
  member = await apiKeyAuth(t, admin, 'member');
});

const FLOW =
  'id name description status draftRevision latestVersion draft { trigger steps { key type config name retry } }';
const CREATE = `mutation ($ws: ID!, $input: FlowInput!) { createFlow(workspaceId: $ws, input: $input) { ${FLOW} } }`;
const UPDATE = `mutation ($ws: ID!, $id: ID!, $patch: FlowPatch!) { updateFlow(workspaceId: $ws, id: $id, patch: $patch) { ${FLOW} } }`;
const PUBLISH = `mutation ($ws: ID!, $id: ID!, $rev: Int) { publishFlow(workspaceId: $ws, id: $id, draftRevision: $rev) { created version { version stepCount definition { steps { key } } } } }`;
const ARCHIVE = `mutation ($ws: ID!, $id: ID!) { archiveFlow(workspaceId: $ws, id: $id) { status } }`;
const READ = `query ($ws: ID!, $id: ID!) { workspace(id: $ws) {
  flow(id: $id) { ${FLOW} }
  flows { id }
  flowVersions(flowId: $id) { version flowId definition { trigger } }
  flowStepTypes { id effect configSchema allowedInAutomations }
} }`;

const input = {
  name: 'Pricing',
  trigger: { type: 'manual' },
  steps: [
    {
      key: 'amount',
      type: 'set_variable',
      config: { name: 'amount', value: 5 },
      retry: { attempts: 2, backoffMs: null },
    },
    { key: 'notify', type: 'send_webhook', config: { url: 'https://example.com' }, name: null },
  ],
};

describe('flows over GraphQL', () => {
  it('creates, edits, publishes and archives as admins; members read', async () => {
    const created = await graphql(t, admin.auth, CREATE, { ws: admin.workspaceId, input });
    expect(created.errors).toBeUndefined();
    const flow = created.data.createFlow;
    expect(flow.draft.steps[0]).toEqual({
      key: 'amount',
      type: 'set_variable',
      config: { name: 'amount', value: 5 },
      name: null,
      retry: { attempts: 2 },
    });

    const refused = await graphql(t, member, CREATE, { ws: admin.workspaceId, input });
    expect(codeOf(refused)).toBe('forbidden');

    const updated = await graphql(t, admin.auth, UPDATE, {
      ws: admin.workspaceId,
      id: flow.id,
      patch: { name: 'Pricing v2', description: 'Calls pricing', draftRevision: 1 },
    });
    expect(updated.data.updateFlow).toMatchObject({ name: 'Pricing v2', draftRevision: 2 });
    const stale = await graphql(t, admin.auth, UPDATE, {
      ws: admin.workspaceId,
      id: flow.id,
      patch: { name: 'Again', draftRevision: 1 },
    });
    expect(codeOf(stale)).toBe('stale_draft');
    const cleared = await graphql(t, admin.auth, UPDATE, {
      ws: admin.workspaceId,
      id: flow.id,
      patch: { description: null },
    });
    expect(cleared.data.updateFlow.description).toBeNull();

    const published = await graphql(t, admin.auth, PUBLISH, {
      ws: admin.workspaceId,
      id: flow.id,
      rev: 3,
    });
    expect(published.data.publishFlow).toEqual({
      created: true,
      version: {
        version: 1,
        stepCount: 2,
        definition: { steps: [{ key: 'amount' }, { key: 'notify' }] },
      },
    });

    const read = await graphql(t, member, READ, { ws: admin.workspaceId, id: flow.id });
    expect(read.errors).toBeUndefined();
    expect(read.data.workspace.flow.latestVersion).toBe(1);
    expect(read.data.workspace.flows).toEqual([{ id: flow.id }]);
    expect(read.data.workspace.flowVersions).toEqual([
      { version: 1, flowId: flow.id, definition: null },
    ]);
    expect(read.data.workspace.flowStepTypes.map((s: { id: string }) => s.id)).toEqual([
      'set_variable',
      'run_javascript',
      'condition',
      'send_webhook',
    ]);

    const archived = await graphql(t, admin.auth, ARCHIVE, { ws: admin.workspaceId, id: flow.id });
    expect(archived.data.archiveFlow.status).toBe('archived');
  });

  it('answers invalid_flow with paths, and not_found for another workspace', async () => {
    const invalid = await graphql(t, admin.auth, CREATE, {
      ws: admin.workspaceId,
      input: { ...input, steps: [{ key: 'x', type: 'nope', config: {} }] },
    });
    expect(codeOf(invalid)).toBe('invalid_flow');
    expect(invalid.errors?.[0]?.extensions.details).toEqual([
      { path: 'steps[0].type', message: expect.stringContaining('is not a step type') },
    ]);
    const empty = await graphql(t, admin.auth, CREATE, {
      ws: admin.workspaceId,
      input: { ...input, name: '' },
    });
    expect(codeOf(empty)).toBe('validation_failed');

    const other = await createTenant(t);
    const theirs = await graphql(t, other.auth, CREATE, { ws: other.workspaceId, input });
    const id = theirs.data.createFlow.id as string;
    const read = await graphql(t, admin.auth, READ, { ws: admin.workspaceId, id });
    expect(codeOf(read)).toBe('not_found');
    const publish = await graphql(t, admin.auth, PUBLISH, { ws: admin.workspaceId, id });
    expect(codeOf(publish)).toBe('not_found');
  });
});
