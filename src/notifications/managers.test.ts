import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyAuth,
  createTestApp,
  createTenant,
  type Tenant,
  type TestApp,
} from '../../test/app.js';
import { DEFAULT_ACCESS_TOKEN } from '../crm/emulator/salesforce/index.js';
import {
  recordingGate,
  smallDataset,
  startSalesforceEmulator,
  type RunningSalesforce,
} from '../crm/emulator/salesforce/testing.test-helper.js';
import { createSalesforceConnector } from '../crm/salesforce/connector.js';
import { resolveManagers } from './managers.js';
import { member, type TestMember } from './producers/fixtures.test-helper.js';

/**
 * Where a rep's manager comes from: Salesforce's User.ManagerId (the emulator keeps it
 * as Salesforce documents it), the workspace's mapping set over REST, the admins.
 */
const dataset = smallDataset(4);
const [repOwner, managerOwner, loneOwner] = dataset.owners;
repOwner!.managerSourceId = managerOwner!.sourceId;

let running: RunningSalesforce;
let t: TestApp;
let admin: Tenant;
let manager: TestMember;
let mapped: TestMember;

const connect = () =>
  createSalesforceConnector({
    credentials: {
      kind: 'access_token',
      instanceUrl: running.baseUrl,
      accessToken: DEFAULT_ACCESS_TOKEN,
    },
    gate: recordingGate(),
    cacheKey: `test-${randomUUID()}`,
    retry: { baseDelayMs: 1 },
  });

beforeAll(async () => {
  running = await startSalesforceEmulator({ dataset });
  t = await createTestApp();
  admin = await createTenant(t, 'admin');
  manager = await member(t.db.pool, admin.workspaceId, 'member', managerOwner!.email);
  mapped = await member(t.db.pool, admin.workspaceId, 'member');
});
afterAll(() => running.close());

async function put(body: object, auth: Record<string, string> = admin.auth) {
  const response = await t.app.inject({
    method: 'PUT',
    url: `/api/workspaces/${admin.workspaceId}/rep-managers`,
    headers: auth,
    payload: body,
  });
  return { status: response.statusCode, body: response.json() };
}

describe('the CRM’s owner hierarchy', () => {
  it('Salesforce describes User.ManagerId and the connector reads the manager through it', async () => {
    const connector = connect();
    const found = await connector.findManagerOf!(repOwner!.email.toUpperCase());
    expect(found).toMatchObject({ email: managerOwner!.email, active: true });
    expect(await connector.findManagerOf!(loneOwner!.email)).toBeNull();
    expect(await connector.findManagerOf!('nobody@example.com')).toBeNull();

    const response = await fetch(`${running.baseUrl}/services/data/v62.0/sobjects/User/describe`, {
      headers: { authorization: `Bearer ${DEFAULT_ACCESS_TOKEN}` },
    });
    const userDescribe = (await response.json()) as {
      fields: { name: string; type: string; referenceTo: string[]; relationshipName: string }[];
    };
    expect(userDescribe.fields.find((f) => f.name === 'ManagerId')).toMatchObject({
      type: 'reference',
      referenceTo: ['User'],
      relationshipName: 'Manager',
    });
  });

  it('comes first, then the mapping, then the admins; a CRM that fails falls through', async () => {
    const ws = admin.workspaceId;
    const connector = connect();
    expect(await resolveManagers(t.db.pool, ws, repOwner!.email, connector)).toEqual({
      userIds: [manager.userId],
      source: 'crm',
    });
    // HubSpot keeps no hierarchy; nothing mapped: the admins.
    expect(await resolveManagers(t.db.pool, ws, loneOwner!.email, {})).toMatchObject({
      userIds: [admin.userId],
      source: 'admins',
      crmNote: 'the CRM keeps no owner hierarchy',
    });

    expect(
      (
        await put({
          repManagers: [
            { repEmail: loneOwner!.email, managerUserId: mapped.userId },
            { repEmail: repOwner!.email, managerUserId: mapped.userId },
          ],
        })
      ).status,
    ).toBe(200);
    expect(await resolveManagers(t.db.pool, ws, loneOwner!.email, connector)).toMatchObject({
      userIds: [mapped.userId],
      source: 'setting',
      crmNote: `the CRM names no manager for ${loneOwner!.email}`,
    });

    // The CRM's manager left the workspace: the mapping answers.
    await t.db.pool.query(`delete from memberships where user_id = $1::uuid`, [manager.userId]);
    expect(await resolveManagers(t.db.pool, ws, repOwner!.email, connector)).toMatchObject({
      userIds: [mapped.userId],
      source: 'setting',
    });
    await t.db.pool.query(
      `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, 'member')`,
      [ws, manager.userId],
    );

    running.emulator.ctx.faults.add({ kind: 'server_error', api: 'salesforce', times: 20 });
    try {
      const fallen = await resolveManagers(t.db.pool, ws, repOwner!.email, connect());
      expect(fallen).toMatchObject({ userIds: [mapped.userId], source: 'setting' });
      expect(fallen.crmNote).toMatch(/could not be read/);
    } finally {
      running.emulator.ctx.faults.clear();
    }
    await put({ repManagers: [] });
  });
});

describe('the rep-managers mapping over REST', () => {
  it('replaces the list, lower-cased, and lists it for admins only', async () => {
    const set = await put({
      repManagers: [{ repEmail: 'Pat.Rep@Example.com', managerUserId: mapped.userId }],
    });
    expect(set.status).toBe(200);
    expect(set.body.repManagers).toEqual([
      expect.objectContaining({
        repEmail: 'pat.rep@example.com',
        managerUserId: mapped.userId,
        managerEmail: mapped.email,
      }),
    ]);
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/workspaces/${admin.workspaceId}/rep-managers`,
      headers: admin.auth,
    });
    expect(listed.json().repManagers).toEqual(set.body.repManagers);

    const memberKey = await apiKeyAuth(t, admin, 'member');
    expect((await put({ repManagers: [] }, memberKey)).status).toBe(403);
    const memberGet = await t.app.inject({
      method: 'GET',
      url: `/api/workspaces/${admin.workspaceId}/rep-managers`,
      headers: memberKey,
    });
    expect(memberGet.statusCode).toBe(403);
  });

  it('names the bad entry and changes nothing', async () => {
    const before = await put({
      repManagers: [{ repEmail: 'kept@example.com', managerUserId: mapped.userId }],
    });
    expect(before.status).toBe(200);

    const duplicate = await put({
      repManagers: [
        { repEmail: 'a@example.com', managerUserId: mapped.userId },
        { repEmail: 'A@example.com', managerUserId: admin.userId },
      ],
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error).toMatchObject({
      code: 'validation_failed',
      details: [expect.objectContaining({ field: 'repManagers[1].repEmail' })],
    });

    const stranger = await put({
      repManagers: [
        { repEmail: 'b@example.com', managerUserId: mapped.userId },
        { repEmail: 'c@example.com', managerUserId: randomUUID() },
      ],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details).toEqual([
      expect.objectContaining({ field: 'repManagers[1].managerUserId' }),
    ]);
    expect(stranger.body.error.message).toContain('not a member of this workspace');

    const badEmail = await put({
      repManagers: [{ repEmail: 'not an email', managerUserId: mapped.userId }],
    });
    expect(badEmail.status).toBe(400);
    expect(JSON.stringify(badEmail.body)).toContain('repEmail');

    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/workspaces/${admin.workspaceId}/rep-managers`,
      headers: admin.auth,
    });
    expect(listed.json().repManagers.map((r: { repEmail: string }) => r.repEmail)).toEqual([
      'kept@example.com',
    ]);
  });
});
