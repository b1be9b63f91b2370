import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/tenancy/users.js';
import { createTenant, type Tenant, type TestApp } from '../app.js';
import {
  browserAvailable,
  loggedIn,
  startBrowserWorld,
  type BrowserWorld,
  shot,
} from './harness.js';

describe.skipIf(!browserAvailable)('internal domains in a real browser', () => {
  let world: BrowserWorld;
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    world = await startBrowserWorld(4);
    t = world.t;
    tenant = await createTenant(t, 'admin');
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  async function insertMeeting(title: string, emails: string[]): Promise<string> {
    // No host and no CRM: no domain is known until the admin sets one.
    const { rows } = await t.db.pool.query<{ id: string }>(
      `insert into conversations (workspace_id, source, source_id, title, started_at,
         duration_seconds, participants)
       values ($1::uuid, 'gong', $2::text, $3::text, now() - interval '2 days', 1800, $4::jsonb)
       returning id`,
      [
        tenant.workspaceId,
        randomUUID(),
        title,
        JSON.stringify(emails.map((email) => ({ email, name: email.split('@')[0] }))),
      ],
    );
    return rows[0]!.id;
  }

  it('an admin sets the internal domains; after the background job the meeting shows as internal', async () => {
    const ours = await insertMeeting('Roadmap review', [
      'ana@seller-team.example',
      'bo@Seller-Team.example',
    ]);
    const theirs = await insertMeeting('Pricing call', [
      'ana@seller-team.example',
      'buyer@customer.example',
    ]);

    const page = await loggedIn(world, tenant);
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/settings?tab=meetings`);
    const tab = page.getByTestId('meetings-settings');
    const source = tab.getByTestId('internal-domains-source');
    expect(await source.getAttribute('data-source')).toBe('none');

    // A value that is not a domain: the API's field error is shown on the field.
    const field = tab.getByRole('textbox', { name: 'Internal domains' });
    await field.fill('https://acme.com/x');
    await field.press('Enter');
    await tab.getByRole('button', { name: 'Save' }).click();
    await tab.getByText('“https://acme.com/x” must be a domain such as example.com').waitFor();
    await shot(page, 'internal-domains-error');
    const { rows: unchanged } = await t.db.pool.query<{ domains: string[] }>(
      `select internal_domains as domains from workspaces where id = $1::uuid`,
      [tenant.workspaceId],
    );
    expect(unchanged[0]!.domains).toEqual([]);

    await field.press('Backspace');
    await field.fill('Seller-Team.example');
    await field.press('Enter');
    await tab.getByRole('button', { name: 'Save' }).click();
    await tab.getByTestId('reclassification-queued').waitFor();
    expect(await source.getAttribute('data-source')).toBe('setting');
    expect(await tab.getByTestId('internal-domains-resolved').innerText()).toBe(
      'seller-team.example',
    );
    await shot(page, 'internal-domains-saved');

    // The background job re-classifies: only the meeting with nobody from outside.
    const classified = async () =>
      (
        await t.db.pool.query<{ id: string; isInternal: boolean; reason: string | null }>(
          `select id, is_internal as "isInternal", internal_reason as reason
             from conversations where id = any($1::uuid[]) order by title desc`,
          [[ours, theirs]],
        )
      ).rows;
    await expect
      .poll(async () => (await classified())[0]?.isInternal, { timeout: 30_000, interval: 500 })
      .toBe(true);
    expect(await classified()).toEqual([
      { id: ours, isInternal: true, reason: 'all_participants_internal:seller-team.example' },
      { id: theirs, isInternal: false, reason: null },
    ]);

    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/meetings`);
    const table = page.getByTestId('meetings-table');
    const internalRow = table.locator('tr', { hasText: 'Roadmap review' });
    await internalRow.getByText('Internal', { exact: true }).waitFor();
    const externalRow = table.locator('tr', { hasText: 'Pricing call' });
    await externalRow.waitFor();
    expect(await externalRow.getByText('Internal', { exact: true }).count()).toBe(0);
    await shot(page, 'internal-domains-meetings');
    await page.close();
  }, 90_000);

  it('shows a member the domains in effect, read-only', async () => {
    const email = `member-${tenant.workspaceId}@example.com`;
    const password = 'member password 1';
    const member = await createUser(t.db.pool, { email, name: 'Member', password });
    await t.db.pool.query(
      `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, 'member')`,
      [tenant.workspaceId, member.id],
    );
    const page = await loggedIn(world, { ...tenant, email, password });
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/settings?tab=meetings`);
    const tab = page.getByTestId('meetings-settings');
    await tab.getByTestId('internal-domains-read-only').waitFor();
    expect(await tab.getByTestId('internal-domains-resolved').innerText()).toBe(
      'seller-team.example',
    );
    expect(await tab.getByRole('textbox').count()).toBe(0);
    expect(await tab.getByRole('button').count()).toBe(0);
    await shot(page, 'internal-domains-member');
    await page.close();
  });
});
