import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyAuth,
  connectSandbox,
  createSandboxApp,
  createTenant,
  type SandboxApp,
  type Tenant,
} from '../../test/app.js';
import { codeOf, graphql } from '../../test/graphql.js';

/** Meeting agents over GraphQL: the REST contract's checks, codes and roles. */
let t: SandboxApp;
let admin: Tenant;
let member: { authorization: string };
let connectionId: string;

beforeAll(async () => {
  t = await createSandboxApp(4);
  admin = await createTenant(t, 'admin');
  member = await apiKeyAuth(t, admin, 'member');
  ({ connectionId } = await connectSandbox(t, admin));
});

const gql = (query: string, variables: object = {}, auth: object = admin.auth) =>
  graphql(t, auth, query, variables);

const AGENT = `id name status mode callTypes templateId
  fields { field crmProperty rule threshold autoApplyEnabled }
  scope { ownerIds pipelines recordTypes }
  fieldTrust { field samples precision autoApplyAllowed }`;

const CREATE = `mutation ($ws: ID!, $input: CreateAgentConfigInput!) {
  createAgentConfig(workspaceId: $ws, input: $input) { ${AGENT} } }`;
const UPDATE = `mutation ($ws: ID!, $id: ID!, $input: UpdateAgentConfigInput!) {
  updateAgentConfig(workspaceId: $ws, id: $id, input: $input) { ${AGENT} } }`;

describe('meeting agents over GraphQL', () => {
  it('creates from a template, reads, activates and pauses, as REST does', async () => {
    const created = await gql(CREATE, {
      ws: admin.workspaceId,
      input: { name: 'Renewals', connectionId, templateId: 'renewal', scope: { pipelines: null } },
    });
    expect(created.errors).toBeUndefined();
    const agent = created.data.createAgentConfig;
    expect(agent).toMatchObject({
      name: 'Renewals',
      status: 'draft',
      mode: 'shadow',
      callTypes: ['renewal'],
      templateId: 'renewal',
      scope: { ownerIds: null, pipelines: null, recordTypes: ['deal'] },
    });
    expect(agent.fieldTrust[0]).toEqual({
      field: 'amount',
      samples: 0,
      precision: null,
      autoApplyAllowed: false,
    });

    const read = await gql(
      `query ($ws: ID!, $id: ID!) { workspace(id: $ws) {
         agentConfig(id: $id) { id } agentConfigs { id }
         agentTemplates(callType: demo) { id } } }`,
      { ws: admin.workspaceId, id: agent.id },
      member,
    );
    expect(read.data.workspace.agentConfig.id).toBe(agent.id);
    expect(read.data.workspace.agentConfigs.map((a: { id: string }) => a.id)).toContain(agent.id);
    expect(read.data.workspace.agentTemplates.map((a: { id: string }) => a.id)).toEqual([
      'demo',
      'meddicc',
      'bant',
    ]);

    const lifecycle = (name: string, auth: object = admin.auth) =>
      gql(
        `mutation ($ws: ID!, $id: ID!) { ${name}(workspaceId: $ws, id: $id) { status } }`,
        { ws: admin.workspaceId, id: agent.id },
        auth,
      );
    expect(codeOf(await lifecycle('activateAgent', member))).toBe('forbidden');
    // The renewal template's competitors field writes a property HubSpot lacks.
    const missing = await lifecycle('activateAgent');
    expect(codeOf(missing)).toBe('unknown_property');
    expect(missing.errors?.[0]?.extensions.details).toMatchObject({ field: 'competitors' });
    const withoutCompetitors = await gql(UPDATE, {
      ws: admin.workspaceId,
      id: agent.id,
      input: {
        fields: agent.fields.map((field: { field: string; rule: string }) => ({
          ...field,
          rule: field.field === 'competitors' ? 'never' : field.rule,
        })),
      },
    });
    expect(withoutCompetitors.errors).toBeUndefined();
    expect((await lifecycle('activateAgent')).data.activateAgent.status).toBe('active');
    expect((await lifecycle('pauseAgent')).data.pauseAgent.status).toBe('paused');
  });

  it('answers bad input with the field, trust with trust_not_earned, and hides other workspaces', async () => {
    const badRule = await gql(CREATE, {
      ws: admin.workspaceId,
      input: { name: 'x', connectionId, fields: [{ field: 'amount', rule: 'auto', threshold: 2 }] },
    });
    expect(codeOf(badRule)).toBe('validation_failed');
    expect(JSON.stringify(badRule.errors?.[0]?.extensions.details)).toContain('threshold');
    const unknown = await gql(CREATE, {
      ws: admin.workspaceId,
      input: { name: 'x', connectionId, fields: [{ field: 'mood', rule: 'ask' }] },
    });
    expect(codeOf(unknown)).toBe('unknown_field');
    const eager = await gql(CREATE, {
      ws: admin.workspaceId,
      input: {
        name: 'x',
        connectionId,
        fields: [{ field: 'amount', rule: 'auto', autoApplyEnabled: true }],
      },
    });
    expect(codeOf(eager)).toBe('trust_not_earned');
    expect(eager.errors?.[0]?.extensions.details).toMatchObject({ field: 'amount' });
    expect(
      codeOf(
        await gql(UPDATE, {
          ws: admin.workspaceId,
          id: '00000000-0000-4000-8000-000000000000',
          input: { name: 'y' },
        }),
      ),
    ).toBe('not_found');
    expect(
      codeOf(
        await gql(UPDATE, {
          ws: admin.workspaceId,
          id: '00000000-0000-4000-8000-000000000000',
          input: {},
        }),
      ),
    ).toBe('validation_failed');

    const other = await createTenant(t, 'admin');
    const mine = await gql(CREATE, {
      ws: admin.workspaceId,
      input: { name: 'Mine', connectionId },
    });
    const foreign = await gql(
      `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { agentConfig(id: $id) { id } } }`,
      { ws: other.workspaceId, id: mine.data.createAgentConfig.id },
      other.auth,
    );
    expect(codeOf(foreign)).toBe('not_found');
    const deleted = await gql(
      `mutation ($ws: ID!, $id: ID!) { deleteAgentConfig(workspaceId: $ws, id: $id) }`,
      { ws: admin.workspaceId, id: mine.data.createAgentConfig.id },
    );
    expect(deleted.data.deleteAgentConfig).toBe(true);
  });
});
