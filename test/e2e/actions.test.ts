import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrmConnector } from '../../src/crm/port.js';
import { connectSandbox, createTenant, type Tenant, type TestApp } from '../app.js';
import { browserAvailable, loggedIn, startBrowserWorld, type BrowserWorld } from './harness.js';

describe.skipIf(!browserAvailable)('actions in a real browser', () => {
  let world: BrowserWorld;
  let t: TestApp;
  let tenant: Tenant;
  let connector: CrmConnector;
  let connectionId: string;
  let deals: string[];

  async function create(input: Record<string, unknown>): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${tenant.workspaceId}/action-items`,
      headers: tenant.auth,
      payload: { connectionId, targetType: 'deal', ...input },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().action.id as string;
  }

  async function amountOf(recordId: string): Promise<number | null> {
    const [record] = await connector.readRecords('deal', [recordId], ['amount']);
    const value = record?.ok ? record.value.properties.amount : null;
    return value === null || value === undefined ? null : Number(value);
  }

  const login = () => loggedIn(world, tenant);

  beforeAll(async () => {
    world = await startBrowserWorld();
    t = world.t;
    tenant = await createTenant(t, 'admin');
    ({ connectionId, connector } = await connectSandbox(t, tenant, { name: 'Sandbox HubSpot' }));
    const page = await connector.listChanged('deal', { properties: [], limit: 10 });
    deals = page.records.map((r) => r.id);
  });

  afterAll(() => world?.close());

  it('shows cards by severity, previews, executes with confirmation, undoes', async () => {
    const before = await amountOf(deals[0]!);
    const critical = await create({
      actionType: 'update_field',
      severity: 'critical',
      title: 'Fix the Acme amount',
      targetSourceId: deals[0],
      impactAmount: 450_000,
      executionPayload: {
        crm_updates: [{ field: 'amount', proposed_value: 123_456 }],
        note: 'From the browser test.',
      },
    });
    await create({
      actionType: 'update_field',
      severity: 'info',
      title: 'Small tidy',
      targetSourceId: deals[1],
      impactAmount: 5_000,
    });
    await create({
      actionType: 'update_field',
      severity: 'warning',
      title: 'Medium tidy',
      targetSourceId: deals[2],
      impactAmount: 50_000,
    });

    const page = await login();
    await page.getByRole('link', { name: 'Actions' }).click();
    await page.getByTestId('severity-critical').waitFor();
    const sections = await page
      .locator('[data-testid^="severity-"]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')));
    expect(sections).toEqual(['severity-critical', 'severity-warning', 'severity-info']);

    await page.getByRole('link', { name: 'Fix the Acme amount' }).click();
    const diff = page.getByTestId('diff-amount');
    await diff.waitFor();
    expect(await diff.getByTestId('diff-after').innerText()).toContain('123456');
    const shownBefore = await diff.getByTestId('diff-before').innerText();
    expect(shownBefore).toBe(before === null ? 'empty' : String(before));
    expect(await page.getByTestId('preview-note').innerText()).toContain('From the browser test.');

    await page.getByTestId('execute').click();
    const dialog = page.getByRole('dialog', { name: 'Execute this action?' });
    await dialog.getByText(/Idempotency key [0-9a-f-]{36}/).waitFor();
    await dialog.getByRole('button', { name: 'Execute now' }).click();
    await page.getByTestId('detail-status').getByText('executed').waitFor();
    expect(await amountOf(deals[0]!)).toBe(123_456);

    await page.getByTestId('undo').click();
    await page.getByTestId('detail-status').getByText('undone').waitFor();
    expect(await amountOf(deals[0]!)).toBe(before);
    expect(critical).toBeTruthy();
    await page.close();
  }, 60_000);

  it('batch-executes selected actions with a progress bar, and dismisses one', async () => {
    const page = await login();
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/actions`);
    await page.getByRole('checkbox', { name: 'Select Small tidy' }).check();
    await page.getByRole('checkbox', { name: 'Select Medium tidy' }).check();
    await page.getByTestId('execute-selected').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Execute' }).click();
    await page
      .locator('[data-testid="batch-progress"][data-status="succeeded"]')
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('batch-progress').innerText()).toContain('2 of 2 done');

    const doomed = await create({
      actionType: 'update_field',
      severity: 'info',
      title: 'Not needed',
      targetSourceId: deals[3],
    });
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/actions/${doomed}`);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByTestId('detail-status').getByText('dismissed').waitFor();
    await page.close();
  }, 60_000);

  it('creates a policy and dry-runs it; shows a rep’s notification', async () => {
    const page = await login();
    await page.getByRole('link', { name: 'Policies' }).click();
    await page.getByRole('button', { name: 'New policy' }).click();
    const dialog = page.getByRole('dialog', { name: 'New policy' });
    await dialog.getByLabel('Name').fill('Hold big changes');
    await dialog.getByLabel('Impact at least ($)').fill('100000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const row = page.getByTestId('policy-Hold big changes');
    await row.waitFor();
    await row.getByRole('button', { name: 'Dry run' }).click();
    await page
      .getByTestId('dry-run')
      .getByText(/over the last \d+ actions/)
      .waitFor();

    const notify = await create({
      actionType: 'notify_rep',
      severity: 'warning',
      title: 'Your pipeline is thin',
      targetSourceId: deals[4],
      ownerEmail: tenant.email,
    });
    const run = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${tenant.workspaceId}/action-items/${notify}/execute`,
      headers: tenant.auth,
    });
    expect(run.statusCode).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: 'Notifications (1 unread)' }).click();
    await page.getByTestId('notifications').getByText('Your pipeline is thin').waitFor();
    await page.close();
  }, 60_000);
});
