import { beforeAll, describe, expect, it } from 'vitest';
import {
  connectSandbox,
  createTenant,
  createSandboxApp,
  type Tenant,
  type SandboxApp,
} from '../../test/app.js';
import { graphql } from '../../test/graphql.js';
import type { HubspotConnector } from '../crm/hubspot/connector.js';

/**
 * Write-back over GraphQL against the emulator: the same behaviour and error codes as
 * REST, and no way into another workspace's mappings and runs.
 */
let t: SandboxApp;
let admin: Tenant;
let other: Tenant;
let connectionId: string;

beforeAll(async () => {
  t = await createSandboxApp(2);
  admin = await createTenant(t, 'admin');
  other = await createTenant(t, 'admin');
  const sandbox = await connectSandbox(t, admin);
  connectionId = sandbox.connectionId;
  await (sandbox.connector as HubspotConnector).createProperty('deal', {
    name: 'pandora_gql_score',
    label: 'GraphQL score',
    type: 'number',
    fieldType: 'number',
  });
});

const gql = (query: string, variables: object = {}, tenant: Tenant = admin) =>
  graphql(t, tenant.auth, query, variables);

const ws = () => admin.workspaceId;

describe('write-back over GraphQL', () => {
  it('lists fields and properties, maps, tests, and starts a run', async () => {
    const fields = await gql(
      `query ($ws: ID!, $c: ID!) { workspace(id: $ws) {
         writebackFields { name objectTypes }
         crmProperties(connectionId: $c, objectType: deal) { name type fits }
       } }`,
      { ws: ws(), c: connectionId },
    );
    expect(fields.data.workspace.writebackFields).toHaveLength(8);
    const prop = fields.data.workspace.crmProperties.find(
      (p: { name: string }) => p.name === 'pandora_gql_score',
    );
    expect(prop.fits).toContain('deal_score');

    const refused = await gql(
      `mutation ($ws: ID!, $input: MappingInput!) { createMapping(workspaceId: $ws, input: $input) { warnings } }`,
      {
        ws: ws(),
        input: {
          connectionId,
          pandoraField: 'deal_score',
          objectType: 'deal',
          crmProperty: 'hs_lastmodifieddate',
        },
      },
    );
    expect(refused.errors?.[0]?.extensions.code).toBe('read_only_property');
    const saved = await gql(
      `mutation ($ws: ID!, $input: MappingInput!) { createMapping(workspaceId: $ws, input: $input) { mapping { id crmProperty } warnings } }`,
      {
        ws: ws(),
        input: {
          connectionId,
          pandoraField: 'deal_score',
          objectType: 'deal',
          crmProperty: 'pandora_gql_score',
        },
      },
    );
    const mappingId = saved.data.createMapping.mapping.id as string;
    const run = await gql(
      `mutation ($ws: ID!) { startWritebackRun(workspaceId: $ws) { id status } }`,
      { ws: ws() },
    );
    expect(run.data.startWritebackRun.status).toBe('queued');
    const runs = await gql(
      `query ($ws: ID!) { workspace(id: $ws) { writebackRuns { id } mappings { id } } }`,
      { ws: ws() },
    );
    expect(runs.data.workspace.writebackRuns[0].id).toBe(run.data.startWritebackRun.id);
    expect(runs.data.workspace.mappings.map((m: { id: string }) => m.id)).toEqual([mappingId]);
    const computed = await gql(
      `mutation ($ws: ID!) { computeFields(workspaceId: $ws, skill: "deal-score") }`,
      { ws: ws() },
    );
    expect(computed.data.computeFields).toMatchObject({ considered: 0 });
    const badSkill = await gql(
      `mutation ($ws: ID!) { computeFields(workspaceId: $ws, skill: "tarot") }`,
      { ws: ws() },
    );
    expect(badSkill.errors?.[0]?.extensions.code).toBe('validation_failed');
    // No computed values yet (no deals in Pandora's tables): nothing to test against.
    const test = await gql(
      `mutation ($ws: ID!, $id: ID!) { testMapping(workspaceId: $ws, id: $id) }`,
      { ws: ws(), id: mappingId },
    );
    expect(test.errors?.[0]?.extensions.code).toBe('not_found');
  });
});

describe('another workspace over GraphQL', () => {
  it('cannot read or change this workspace’s mappings and runs', async () => {
    const { data } = await gql(
      `query ($ws: ID!) { workspace(id: $ws) { mappings { id } writebackRuns { id } } }`,
      { ws: ws() },
    );
    const mappingId = data.workspace.mappings[0].id as string;
    const runId = data.workspace.writebackRuns[0].id as string;
    const queries: [string, object][] = [
      [
        `mutation ($ws: ID!, $id: ID!) { deleteMapping(workspaceId: $ws, id: $id) }`,
        { ws: ws(), id: mappingId },
      ],
      [
        `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { writebackRun(id: $id) { id } } }`,
        { ws: ws(), id: runId },
      ],
      [`mutation ($ws: ID!) { startWritebackRun(workspaceId: $ws) { id } }`, { ws: ws() }],
      // The other workspace's own path with this workspace's ids: not found either.
      [
        `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { mapping(id: $id) { id } } }`,
        { ws: other.workspaceId, id: mappingId },
      ],
      [
        `mutation ($ws: ID!, $id: ID!) { testMapping(workspaceId: $ws, id: $id) }`,
        { ws: other.workspaceId, id: mappingId },
      ],
      [
        `query ($ws: ID!, $id: ID!) { workspace(id: $ws) { writebackRun(id: $id) { id } } }`,
        { ws: other.workspaceId, id: runId },
      ],
    ];
    for (const [query, variables] of queries) {
      const answer = await gql(query, variables, other);
      expect(answer.errors?.[0]?.extensions.code, query).toBe('not_found');
    }
    const still = await gql(`query ($ws: ID!) { workspace(id: $ws) { mappings { id } } }`, {
      ws: ws(),
    });
    expect(still.data.workspace.mappings.map((m: { id: string }) => m.id)).toEqual([mappingId]);
  });

  it('a patch field GraphQL sends as null is left alone, not written as null', async () => {
    const listed = await gql(`query ($ws: ID!) { workspace(id: $ws) { mappings { id } } }`, {
      ws: ws(),
    });
    const id = listed.data.workspace.mappings[0].id as string;
    const patched = await gql(
      `mutation ($ws: ID!, $id: ID!, $patch: MappingPatch!) {
        updateMapping(workspaceId: $ws, id: $id, patch: $patch) { mapping { crmProperty writeMode } }
      }`,
      { ws: ws(), id, patch: { crmProperty: null, writeMode: null, trigger: null } },
    );
    expect(patched.status).toBeLessThan(500);
    expect(patched.data.updateMapping.mapping).toMatchObject({ crmProperty: 'pandora_gql_score' });
  });
});
