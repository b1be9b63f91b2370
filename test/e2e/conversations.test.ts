import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import {
  createGongEmulator,
  GONG_EMULATOR_ACCESS_KEY,
  GONG_EMULATOR_ACCESS_KEY_SECRET,
  type GongEmulator,
} from '../../src/conversations/emulator/gong/emulator.js';
import { signDelivery } from '../../src/conversations/webhook.js';
import { generateDemoData } from '../../src/demo/generate.js';
import type { HubspotEmulator } from '../../src/crm/emulator/hubspot/emulator.js';
import { createUser } from '../../src/tenancy/users.js';
import { connectSandbox, createTenant, type Tenant, type TestApp } from '../app.js';
import {
  browserAvailable,
  loggedIn,
  firstSync,
  startBrowserWorld,
  type BrowserWorld,
  shot,
} from './harness.js';

// The connect sync goes through the job queue (polled every second) and the emulator.
const SYNC_TIMEOUT = 60_000;
describe.skipIf(!browserAvailable)('conversations in a real browser', () => {
  let world: BrowserWorld;
  let t: TestApp;
  let tenant: Tenant;
  let contact: { email: string; name: string; accountId: string; domain: string };
  let crmConnectionId: string;
  let gong: GongEmulator;
  let gongUrl: string;

  beforeAll(async () => {
    const dataset = generateDemoData({ seed: 11, accounts: 6, now: new Date() });
    gong = await createGongEmulator({ dataset, settings: { perSecond: null } });
    gongUrl = await gong.listen(0);
    // The emulator listens on loopback: allowed as an operator would allow a host.
    world = await startBrowserWorld(8, { outbound: { allowedHosts: [gongUrl] } });
    t = world.t;
    tenant = await createTenantWithSandbox();
    // A contact with an account, for meetings the linker can tie to the CRM.
    const { rows } = await t.db.pool.query<typeof contact>(
      `select c.email, coalesce(c.first_name || ' ' || c.last_name, c.email) as name,
              a.id as "accountId", a.domain
         from contacts c join accounts a on a.id = c.account_id
        where c.workspace_id = $1::uuid and c.email is not null and a.domain is not null
        order by c.email limit 1`,
      [tenant.workspaceId],
    );
    contact = rows[0]!;
  }, SYNC_TIMEOUT * 2);

  afterAll(async () => {
    await world?.close();
    gong?.app.server.closeAllConnections();
    await gong?.close();
  });

  async function createTenantWithSandbox(): Promise<Tenant> {
    const created = await createTenant(t, 'admin');
    const { connectionId } = await connectSandbox(t, created);
    crmConnectionId = connectionId;
    await firstSync(t, connectionId);
    return created;
  }

  async function deliver(sourceId: string, secret: string, meeting: object) {
    const body = JSON.stringify(meeting);
    const timestamp = Math.floor(Date.now() / 1000);
    return fetch(`${world.baseUrl}/api/hooks/conversations/${sourceId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-pandora-timestamp': String(timestamp),
        'x-pandora-signature': signDelivery(secret, timestamp, body),
      },
      body,
    });
  }

  it('adds a webhook source and shows its signing secret once, a secret that signs deliveries', async () => {
    const page = await loggedIn(world, tenant);
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/settings?tab=connections`);
    const section = page.getByTestId('conversation-sources');
    await section.getByTestId('sources-empty').waitFor();
    await section.getByRole('button', { name: 'Add a conversation source' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a conversation source' });
    await dialog.locator('label', { hasText: /^Webhook$/ }).click();
    await dialog.getByLabel('Source name').fill('Call recorder');
    await dialog.getByRole('button', { name: 'Add webhook source' }).click();

    const secret = (await dialog.getByTestId('webhook-signing-secret').innerText()).trim();
    const url = (await dialog.getByTestId('webhook-url').innerText()).trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const sourceId = url.split('/').at(-1)!;
    expect(url).toBe(`${world.baseUrl}/api/hooks/conversations/${sourceId}`);
    await dialog.getByText('X-Pandora-Signature').waitFor();
    await shot(page, 'webhook-secret');
    await dialog.getByRole('button', { name: 'I have copied the secret' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Listed, and the secret is nowhere on the page any more, nor after a reload.
    const row = section.getByTestId(`source-row-${sourceId}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Call recorder');
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await section.getByTestId(`source-row-${sourceId}`).waitFor();
    expect(await page.content()).not.toContain(secret);
    await shot(page, 'sources-list');

    // The secret shown is the one the server checks deliveries with.
    const meeting = {
      id: 'rec-1',
      title: 'Pricing review',
      startedAt: new Date(Date.now() - 3 * 24 * 3600_000).toISOString(),
      duration: 2400,
      participants: [
        { email: contact.email, name: contact.name },
        { email: `new.buyer@${contact.domain}`, name: 'New Buyer' },
      ],
      transcript: 'Buyer: what would the annual plan cost?\nRep: let me send a proposal.',
    };
    expect((await deliver(sourceId, secret, meeting)).status).toBe(201);
    expect((await deliver(sourceId, 'not-the-secret', { ...meeting, id: 'rec-2' })).status).toBe(
      401,
    );
    await page.close();
  });

  it('connects Gong in two steps: credentials, then the reps picked from its directory', async () => {
    const page = await loggedIn(world, tenant);
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/settings?tab=connections`);
    const section = page.getByTestId('conversation-sources');
    await section.getByRole('button', { name: 'Add a conversation source' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a conversation source' });
    await dialog.getByLabel('Source name').fill('Team Gong');
    await dialog
      .getByRole('textbox', { name: 'Access key', exact: true })
      .fill(GONG_EMULATOR_ACCESS_KEY);
    await dialog
      .getByRole('textbox', { name: 'Access key secret' })
      .fill(GONG_EMULATOR_ACCESS_KEY_SECRET);
    await dialog.getByLabel('API host').fill(gongUrl);
    await dialog.getByRole('button', { name: 'Connect Gong' }).click();

    const picker = dialog.getByTestId('tracked-users-picker');
    await picker.waitFor();
    const boxes = picker.getByRole('checkbox');
    const directory = await boxes.count();
    expect(directory).toBeGreaterThan(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await shot(page, 'gong-pick-reps');
    await picker.getByRole('button', { name: 'Track 2 reps' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = section.locator('[data-testid^="source-row-"]', { hasText: 'Team Gong' });
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('connected');
    expect(await row.getByTestId('source-tracked').innerText()).toBe(`2 of ${directory}`);
    // What the browser picked is what the server stored.
    const { rows } = await t.db.pool.query<{ n: number }>(
      `select jsonb_array_length(metadata->'trackedUserIds')::int as n from connections
        where workspace_id = $1::uuid and name = 'Team Gong'`,
      [tenant.workspaceId],
    );
    expect(rows[0]!.n).toBe(2);
    await page.close();
  });

  it('uploads a CSV file of meetings and shows what became of each row', async () => {
    const page = await loggedIn(world, tenant);
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/settings?tab=connections`);
    await page.getByRole('button', { name: 'Upload meetings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload meetings' });
    const file = path.join(tmpdir(), `meetings-${Date.now()}.csv`);
    await writeFile(
      file,
      'title,startedAt,duration,participants\n' +
        `Quarterly check-in,2026-11-02T15:00:00Z,1800,Pat Buyer <pat@${contact.domain}>\n` +
        'Broken row,not a date,60,\n',
    );
    await dialog.locator('input[type="file"]').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Upload' }).click();
    const summary = dialog.getByTestId('upload-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/2 rows: 1 new, 0 updated, 0 unchanged, 1 skipped/);
    expect(await summary.innerText()).toContain('startedAt');
    await shot(page, 'upload-summary');
    await page.close();
  });

  it("lists meetings with filters and shows one's participants, transcript and link", async () => {
    // The linker runs after every CRM sync (and, once sources land it, after a delivery).
    const sync = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${tenant.workspaceId}/connections/${crmConnectionId}/sync`,
      headers: tenant.auth,
      payload: { mode: 'incremental' },
    });
    expect(sync.statusCode).toBe(202);

    const page = await loggedIn(world, tenant);
    await page.getByRole('link', { name: 'Meetings' }).click();
    await page.waitForURL(/\/meetings$/);
    const table = page.getByTestId('meetings-table');
    const row = table.locator('tr', { hasText: 'Pricing review' });
    await row.waitFor();

    // Filters live in the URL; a source with no meetings empties the list.
    await page.getByRole('textbox', { name: 'Source' }).click();
    await page.getByRole('option', { name: 'gong' }).click();
    await page.waitForURL(/source=gong/);
    await page.getByTestId('meetings-empty').waitFor();
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/meetings?source=webhook`);
    await row.waitFor();
    await shot(page, 'meetings-list');

    await row.getByRole('link', { name: 'Pricing review' }).click();
    await page.getByTestId('meeting-page').waitFor();
    const participants = page.getByTestId('meeting-participants');
    expect(await participants.innerText()).toContain(contact.email);
    expect(await page.getByTestId('meeting-transcript').innerText()).toContain(
      'what would the annual plan cost?',
    );
    // The linker queued by the delivery ties it to the contact's account by email.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByTestId('meeting-links').waitFor();
          return page.getByTestId('linked-account').innerText();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .not.toMatch(/Account:\s*—/);
    expect(await page.getByTestId('meeting-links').innerText()).toMatch(/email · \d+%/i);
    await shot(page, 'meeting-detail');

    // Unlinked by hand: it stays unlinked (a person's choice) until handed back.
    await page.getByRole('button', { name: 'Unlink' }).click();
    await page
      .getByTestId('linked-account')
      .filter({ hasText: /Account:\s*—/ })
      .waitFor();
    await page.getByRole('button', { name: 'Let Pandora link it' }).click();
    await page
      .getByTestId('linked-account')
      .filter({ hasNotText: /Account:\s*—/ })
      .waitFor();
    await page.close();
  }, 60_000);

  it('creates a deal from a conversation gap in the sandbox CRM, and the gap leaves the list', async () => {
    // A customer meeting on an account, with no deal: a gap.
    const { rows } = await t.db.pool.query<{ id: string; name: string }>(
      `insert into conversations (workspace_id, source, source_id, title, started_at,
         duration_seconds, participants, account_id, link_method, link_confidence, linked_at)
       values ($1::uuid, 'gong', $2::text, 'Expansion discovery', now() - interval '1 day', 2700,
               $3::jsonb, $4::uuid, 'account_domain', 0.6, now())
       returning id, (select name from accounts where id = $4::uuid) as name`,
      [
        tenant.workspaceId,
        randomUUID(),
        JSON.stringify([
          { email: contact.email, name: contact.name },
          { email: `champion.${Date.now()}@${contact.domain}`, name: 'Casey Champion' },
        ]),
        contact.accountId,
      ],
    );
    const gapId = rows[0]!.id;
    const dealName = `${rows[0]!.name} – Expansion discovery`;

    const page = await loggedIn(world, tenant);
    const card = page.getByTestId('gaps-card');
    await card.waitFor();
    await expect
      .poll(async () => Number(await card.getByTestId('gaps-open').innerText()))
      .toBeGreaterThan(0);
    await shot(page, 'overview-gaps');
    await card.getByRole('link', { name: 'See the list' }).click();
    const gapRow = page.getByTestId(`gap-row-${gapId}`);
    await gapRow.waitFor();
    await gapRow.getByRole('button', { name: 'Create deal' }).click();

    const drawer = page.getByRole('dialog', { name: 'Create deal' });
    expect(await drawer.getByLabel('Deal name').inputValue()).toBe(dealName);
    const close = await drawer.getByLabel('Close date').inputValue();
    const days = (new Date(close).getTime() - Date.now()) / (24 * 3600_000);
    expect(days).toBeGreaterThan(28);
    expect(days).toBeLessThan(31);
    await drawer.getByLabel('Amount').fill('25000');
    // The account's known contact is associated; the new person from its domain created.
    expect(await drawer.getByLabel(new RegExp(contact.email)).isChecked()).toBe(true);
    expect(await drawer.getByLabel(/Casey Champion/).isChecked()).toBe(true);
    // The stages come from the synced pipelines: pick one.
    const { rows: stages } = await t.db.pool.query<{ id: string; label: string }>(
      `select stage_id as id, pipeline_label || ': ' || stage_label as label from pipeline_stages
        where workspace_id = $1::uuid and pipeline_id = 'default' and not is_closed
        order by display_order desc limit 1`,
      [tenant.workspaceId],
    );
    const stage = stages[0]!;
    await drawer.getByRole('textbox', { name: 'Stage' }).click();
    await page.getByRole('option', { name: stage.label, exact: true }).click();
    await page.waitForTimeout(400); // the slide-in, for the screenshot
    await shot(page, 'create-deal-drawer');
    await drawer.getByRole('button', { name: 'Create deal' }).click();

    await drawer.getByTestId('deal-created').waitFor({ timeout: 30_000 });
    const href = await drawer.getByTestId('deal-crm-link').getAttribute('href');
    expect(href).toMatch(/^https?:\/\//);
    await shot(page, 'deal-created');
    await drawer.getByRole('button', { name: 'Done' }).click();
    await gapRow.waitFor({ state: 'detached' });

    // The sandbox CRM holds the deal once, with the amount.
    const portal = await world.emulator.portal(tenant.workspaceId);
    const hubspot = portal.crms.get('hubspot') as HubspotEmulator;
    const made = [...hubspot.store.tables.deals.byId.values()].filter(
      (deal) => deal.properties.dealname === dealName && !deal.archived,
    );
    expect(made).toHaveLength(1);
    expect(Number(made[0]!.properties.amount)).toBe(25000);
    expect(made[0]!.properties.dealstage).toBe(stage.id);

    // The deal page gathers it: its fields as created, and its meeting.
    await drawer.waitFor({ state: 'detached' });
    const { rows: deals } = await t.db.pool.query<{ id: string }>(
      `select deal_id as id from conversations where id = $1::uuid`,
      [gapId],
    );
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/deals/${deals[0]!.id}`);
    await page.getByTestId('deal-page').waitFor();
    // Stages read as the pipeline names them.
    await page.getByTestId('deal-fields').getByText(stage.label.split(': ').at(-1)!).waitFor();
    await page.getByTestId('deal-meetings').getByText('Expansion discovery').waitFor();
    expect(await page.getByTestId('deal-fields').innerText()).toContain('$25,000');
    // The action that created it (on the account) is among its actions.
    await page.getByTestId('deal-actions').getByRole('link').first().waitFor();
    // Every ledger write to it: the create, with the properties it sent.
    await page.getByTestId('deal-writes').getByText('dealname').first().waitFor();
    await shot(page, 'deal-page');
    await page.close();
  }, 90_000);

  it('dismisses a gap with a reason, and it leaves the list and the count', async () => {
    const { rows } = await t.db.pool.query<{ id: string }>(
      `insert into conversations (workspace_id, source, source_id, title, started_at,
         duration_seconds, participants, account_id)
       values ($1::uuid, 'gong', $2::text, 'Partner intro', now() - interval '3 days', 1200,
               $3::jsonb, $4::uuid)
       returning id`,
      [
        tenant.workspaceId,
        randomUUID(),
        JSON.stringify([{ email: contact.email, name: contact.name }]),
        contact.accountId,
      ],
    );
    const gapId = rows[0]!.id;
    const page = await loggedIn(world, tenant);
    const open = page.getByTestId('gaps-card').getByTestId('gaps-open');
    await expect.poll(async () => Number(await open.innerText())).toBeGreaterThan(0);
    const before = Number(await open.innerText());

    await page.getByTestId('gaps-card').getByRole('link', { name: 'See the list' }).click();
    const row = page.getByTestId(`gap-row-${gapId}`);
    await row.getByRole('button', { name: 'Dismiss' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dismiss this conversation' });
    await dialog.getByLabel(/Why does it need no deal/).fill('A partner, not a buyer');
    await dialog.getByRole('button', { name: 'Dismiss' }).click();
    await row.waitFor({ state: 'detached' });

    const { rows: stored } = await t.db.pool.query<{ reason: string }>(
      `select gap_dismiss_reason as reason from conversations where id = $1::uuid`,
      [gapId],
    );
    expect(stored[0]!.reason).toBe('A partner, not a buyer');
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect.poll(async () => Number(await open.innerText())).toBe(before - 1);
    await page.close();
  });

  it('shows a member the sources and meetings without the admin actions, and lets them link by hand', async () => {
    const email = `member-${tenant.workspaceId}@example.com`;
    const password = 'member password 1';
    const member = await createUser(t.db.pool, { email, name: 'Member', password });
    await t.db.pool.query(
      `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, 'member')`,
      [tenant.workspaceId, member.id],
    );
    const page = await loggedIn(world, { ...tenant, email, password });
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/settings?tab=connections`);
    const section = page.getByTestId('conversation-sources');
    await section.getByTestId('sources-table').waitFor();
    expect(await section.getByRole('button').count()).toBe(0);

    // Linking by hand is open to members, as the API allows it.
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/meetings?source=webhook`);
    await page.getByRole('link', { name: 'Pricing review' }).click();
    await page.getByRole('button', { name: 'Link by hand' }).waitFor();
    await page.close();
  });
});
