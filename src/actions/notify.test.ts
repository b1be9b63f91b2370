import { beforeAll, describe, expect, it } from 'vitest';
import {
  connectSandbox,
  createSandboxApp,
  createTenant,
  type SandboxApp,
  type Tenant,
} from '../../test/app.js';
import type { SalesforceEmulator } from '../crm/emulator/salesforce/emulator.js';
import type { CrmConnector } from '../crm/port.js';
import {
  member,
  noticesOf,
  sorted,
  type TestMember,
} from '../notifications/producers/fixtures.test-helper.js';
import { notify } from './notify.js';
import { getAction } from './store.js';

/**
 * notify_rep and notify_manager actions executed over the REST API against the
 * emulated CRMs: recorded through the notification outbox once per action, recipient
 * and kind; the manager from Salesforce's User.ManagerId, else the workspace's
 * mapping of reps to managers, else the admins.
 */
let t: SandboxApp;
let admin: Tenant;
let otherAdmin: TestMember;
let salesforceId: string;
let salesforceConnector: CrmConnector;
let hubspotId: string;
let deals: { salesforce: string[]; hubspot: string[] };
let rep: TestMember;
let manager: TestMember;
let mappedManager: TestMember;

beforeAll(async () => {
  t = await createSandboxApp(10);
  admin = await createTenant(t, 'admin');
  otherAdmin = await member(t.db.pool, admin.workspaceId, 'admin');
  const salesforce = await connectSandbox(t, admin, { crmType: 'salesforce' });
  const hubspot = await connectSandbox(t, admin, { crmType: 'hubspot' });
  salesforceId = salesforce.connectionId;
  salesforceConnector = salesforce.connector;
  hubspotId = hubspot.connectionId;
  deals = {
    salesforce: (
      await salesforce.connector.listChanged('deal', { properties: [], limit: 10 })
    ).records.map((r) => r.id),
    hubspot: (
      await hubspot.connector.listChanged('deal', { properties: [], limit: 10 })
    ).records.map((r) => r.id),
  };
  // Two of the org's users: a rep and the manager the org names for them.
  const org = (await t.emulator.portal(admin.workspaceId)).crms.get(
    'salesforce',
  ) as SalesforceEmulator;
  const users = [...org.store.table('User').values()].filter((u) => u.UserType === 'Standard');
  const [repUser, managerUser] = users;
  org.store.patch('User', String(repUser!.Id), { ManagerId: String(managerUser!.Id) });
  rep = await member(t.db.pool, admin.workspaceId, 'member', String(repUser!.Email));
  manager = await member(t.db.pool, admin.workspaceId, 'member', String(managerUser!.Email));
  mappedManager = await member(t.db.pool, admin.workspaceId, 'member');
});

async function call(method: 'GET' | 'POST' | 'PUT', rest: string, payload?: object) {
  const response = await t.app.inject({
    method,
    url: `/api/workspaces/${admin.workspaceId}${rest}`,
    headers: admin.auth,
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.body ? response.json() : {} };
}

const next = { salesforce: 0, hubspot: 0 };
async function executeNotice(
  crm: 'salesforce' | 'hubspot',
  actionType: 'notify_rep' | 'notify_manager',
  ownerEmail: string,
) {
  const created = await call('POST', '/action-items', {
    actionType,
    severity: 'info',
    title: 'Pipeline is thin this quarter',
    summary: 'Three deals slipped to next quarter',
    connectionId: crm === 'salesforce' ? salesforceId : hubspotId,
    targetType: 'deal',
    targetSourceId: deals[crm][next[crm]++]!,
    ownerEmail,
    executionPayload: {},
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const actionId = created.body.action.id as string;
  const run = await call('POST', `/action-items/${actionId}/execute`);
  expect(run.status, JSON.stringify(run.body)).toBe(200);
  const notices = (await noticesOf(t.db.pool, admin.workspaceId)).filter(
    (n) => n.actionId === actionId,
  );
  return { actionId, notices, run: run.body };
}

describe('notify_manager', () => {
  it('tells the manager Salesforce names for the rep, once', async () => {
    const { actionId, notices } = await executeNotice('salesforce', 'notify_manager', rep.email);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      recipientUserId: manager.userId,
      kind: 'notify_manager',
      title: `For your team: Pipeline is thin this quarter (${rep.email})`,
      body: 'Three deals slipped to next quarter',
      link: `/actions/${actionId}`,
      data: { managerSource: 'crm' },
    });
    // The same action told again (a retried execution): nothing new.
    const action = await getAction(t.db.pool, admin.workspaceId, actionId);
    const again = await notify(t.db.pool, action, 'manager', salesforceConnector);
    expect(again.recorded).toBe(0);
    expect(
      (await noticesOf(t.db.pool, admin.workspaceId)).filter((n) => n.actionId === actionId),
    ).toHaveLength(1);
  });

  it('uses the workspace’s mapping where the CRM keeps no hierarchy, and the admins without one', async () => {
    const unmapped = await executeNotice('hubspot', 'notify_manager', rep.email);
    expect(sorted(unmapped.notices.map((n) => n.recipientUserId))).toEqual(
      sorted([admin.userId, otherAdmin.userId]),
    );
    expect(unmapped.notices[0]!.data).toEqual({ managerSource: 'admins' });

    const set = await call('PUT', '/rep-managers', {
      repManagers: [{ repEmail: rep.email.toUpperCase(), managerUserId: mappedManager.userId }],
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const mapped = await executeNotice('hubspot', 'notify_manager', rep.email);
    expect(mapped.notices.map((n) => [n.recipientUserId, n.data.managerSource])).toEqual([
      [mappedManager.userId, 'setting'],
    ]);

    // Salesforce still comes first for a rep it names a manager for.
    const crm = await executeNotice('salesforce', 'notify_manager', rep.email);
    expect(crm.notices.map((n) => n.recipientUserId)).toEqual([manager.userId]);
    await call('PUT', '/rep-managers', { repManagers: [] });
  });
});

describe('the preview', () => {
  it('names who would be told, and where the manager comes from', async () => {
    const created = await call('POST', '/action-items', {
      actionType: 'notify_manager',
      severity: 'info',
      title: 'Look at this',
      connectionId: salesforceId,
      targetType: 'deal',
      targetSourceId: deals.salesforce[next.salesforce++]!,
      ownerEmail: rep.email,
      executionPayload: {},
    });
    const preview = await call('POST', `/action-items/${created.body.action.id}/preview`);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.preview.notifications).toEqual([
      {
        audience: 'manager',
        recipients: [{ userId: manager.userId, email: manager.email, name: manager.email }],
        managerSource: 'crm',
      },
    ]);
    // Previewing tells no one.
    expect(
      (await noticesOf(t.db.pool, admin.workspaceId)).filter(
        (n) => n.actionId === created.body.action.id,
      ),
    ).toEqual([]);
  });
});

describe('notify_rep', () => {
  it('tells the rep when they are a member, else the admins, to pass it on', async () => {
    const told = await executeNotice('hubspot', 'notify_rep', rep.email);
    expect(told.notices).toEqual([
      expect.objectContaining({ recipientUserId: rep.userId, kind: 'notify_rep' }),
    ]);
    const outsider = await executeNotice('hubspot', 'notify_rep', 'not-a-member@example.com');
    expect(sorted(outsider.notices.map((n) => n.recipientUserId))).toEqual(
      sorted([admin.userId, otherAdmin.userId]),
    );
    for (const notice of outsider.notices) {
      expect(notice.kind).toBe('notify_rep');
      expect(notice.title).toMatch(/^For not-a-member@example\.com: /);
    }
    expect(outsider.run.execution.operations).toContainEqual({
      kind: 'notification',
      status: 'sent',
    });
  });
});
