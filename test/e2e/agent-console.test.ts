import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDelivery } from '../../src/conversations/webhook.js';
import type { CrmConnector } from '../../src/crm/port.js';
import { connectSandbox, createTenant, type Tenant, type TestApp } from '../app.js';
import {
  browserAvailable,
  firstSync,
  loggedIn,
  startBrowserWorld,
  type BrowserWorld,
  shot,
  until,
} from './harness.js';

/**
 * The meeting agent in a real browser: the wizard to an active agent (with a preview on
 * a real meeting), a call delivered by webhook and processed by the worker, the inbox
 * item approved with an edit and written to the sandbox CRM, and the activity shown.
 */
// The first sync, the linker and the agent's run go through the job queue (polled every
// second); `until` waits up to a minute for each.
const JOB_TIMEOUT = 60_000;

describe.skipIf(!browserAvailable)('the meeting agent in a real browser', () => {
  let world: BrowserWorld;
  let t: TestApp;
  let tenant: Tenant;
  let connector: CrmConnector;
  let deal: { id: string; sourceId: string; name: string; email: string; contactName: string };
  let source: { id: string; secret: string };

  const transcript = (amount: string) =>
    [
      `Ana Rep: Thanks for the time today. Where did we land on the paperwork?`,
      `${deal.contactName}: We will sign the contract by March 31, 2027.`,
      `Ana Rep: Great. And on pricing, we agreed on ${amount} a year for the platform.`,
      `${deal.contactName}: Yes, that works for us.`,
    ].join('\n');

  async function deliver(id: string, title: string, amount: string) {
    const body = JSON.stringify({
      id,
      title,
      startedAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      duration: 1800,
      hostEmail: 'ana@seller.io',
      participants: [
        { email: 'ana@seller.io', name: 'Ana Rep' },
        { email: deal.email, name: deal.contactName },
      ],
      transcript: transcript(amount),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(`${world.baseUrl}/api/hooks/conversations/${source.id}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-pandora-timestamp': String(timestamp),
        'x-pandora-signature': signDelivery(source.secret, timestamp, body),
      },
      body,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const { conversationId } = (await response.json()) as { conversationId: string };
    // The linker job ties it to the deal through the buyer's email.
    await until('the meeting linked to the deal', async () => {
      const { rows } = await t.db.pool.query<{ dealId: string | null }>(
        `select deal_id as "dealId" from conversations where id = $1::uuid`,
        [conversationId],
      );
      return rows[0]?.dealId === deal.id ? true : null;
    });
    return conversationId;
  }

  async function amountInCrm(): Promise<number | null> {
    const [record] = await connector.readRecords('deal', [deal.sourceId], ['amount']);
    const value = record?.ok ? record.value.properties.amount : null;
    return value === null || value === undefined || value === '' ? null : Number(value);
  }

  beforeAll(async () => {
    world = await startBrowserWorld(8);
    t = world.t;
    tenant = await createTenant(t, 'admin');
    let connectionId: string;
    ({ connectionId, connector } = await connectSandbox(t, tenant, { name: 'Sandbox HubSpot' }));
    await firstSync(t, connectionId);
    await t.db.pool.query(
      `update workspaces set internal_domains = '{seller.io}' where id = $1::uuid`,
      [tenant.workspaceId],
    );
    // An open deal, its account's only open one, with a contact on no other deal: the
    // call about it matches it without a question.
    const { rows } = await t.db.pool.query<typeof deal>(
      `select d.id, d.source_id as "sourceId", d.name, c.email,
              coalesce(nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), ''),
                       'Bo Buyer') as "contactName"
       from deals d
       join deal_contacts dc on dc.deal_id = d.id
       join contacts c on c.id = dc.contact_id and c.email is not null
       where d.workspace_id = $1::uuid
         and coalesce(d.stage_normalized, '') not in ('closed_won', 'closed_lost')
         and d.account_id is not null
         and (select count(*) from deals x where x.account_id = d.account_id
              and coalesce(x.stage_normalized, '') not in ('closed_won', 'closed_lost')) = 1
         and not exists (select 1 from deal_contacts y join deals z on z.id = y.deal_id
                         where y.contact_id = c.id and z.id <> d.id)
       order by d.id limit 1`,
      [tenant.workspaceId],
    );
    deal = rows[0]!;
    expect(deal).toBeDefined();
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${tenant.workspaceId}/conversation-sources/webhook`,
      headers: tenant.auth,
      payload: { name: 'Call recorder' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const reply = created.json() as { source: { id: string }; signingSecret: string };
    source = { id: reply.source.id, secret: reply.signingSecret };
  }, JOB_TIMEOUT * 3);

  afterAll(() => world?.close());

  it('sets up an agent, processes a call, approves an edit into the CRM and shows the activity', async () => {
    // A meeting before the agent exists, for the wizard's preview.
    await deliver('call-1', 'Pricing review', '$150,000');
    const before = await amountInCrm();

    const page = await loggedIn(world, tenant);
    await page.getByRole('link', { name: 'Agents' }).click();
    await page.getByRole('link', { name: 'New agent' }).click();

    // 1. CRM
    const wizard = page.getByTestId('agent-wizard');
    await wizard.getByRole('radio', { name: /Sandbox HubSpot/ }).check();
    await wizard.getByRole('button', { name: 'Next' }).click();
    // 2. What it does
    await wizard.getByLabel('Agent name').fill('Deal desk');
    await wizard.getByText('negotiation', { exact: true }).click();
    await wizard.getByRole('button', { name: 'Next' }).click();
    // 3. Scope: every rep and pipeline, deals.
    await page.getByTestId('wizard-step-scope').waitFor();
    await wizard.getByRole('button', { name: 'Next' }).click();
    // 4. Template
    await page.getByTestId('template-negotiation').getByRole('radio').check();
    await shot(page, 'wizard-template');
    await wizard.getByRole('button', { name: 'Next' }).click();
    // 5. Field rules: the amount and close date are always asked about.
    const rules = page.getByTestId('field-rules');
    for (const field of ['amount', 'close_date']) {
      await rules.getByTestId(`field-rule-${field}`).getByText('Always ask').click();
    }
    // The sandbox CRM has no competitors property: the step says so, and it is left alone.
    const competitors = rules.getByTestId('field-rule-competitors');
    await competitors.getByText('The CRM has no "competitors"', { exact: false }).waitFor();
    await shot(page, 'wizard-fields');
    await competitors.getByText('Never touch', { exact: true }).click();
    await wizard.getByRole('button', { name: 'Save and test' }).click();
    // 6. The preview on the real meeting: the deal, before/after and the quote.
    await page.getByTestId('wizard-step-preview').waitFor();
    await wizard.getByLabel('A recent meeting').click();
    await page.getByRole('option', { name: /Pricing review/ }).click();
    await wizard.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('preview-result');
    await preview.waitFor();
    expect(await preview.getByTestId('preview-deal').innerText()).toBe(deal.name);
    const amountRow = preview.getByTestId('change-amount');
    expect(await amountRow.getByTestId('after').innerText()).toMatch(/150,000/);
    expect(await amountRow.getByTestId('quote').innerText()).toContain('$150,000 a year');
    await shot(page, 'wizard-preview');
    // The preview wrote nothing.
    expect(await amountInCrm()).toBe(before);
    await wizard.getByRole('button', { name: 'Next' }).click();
    // 7. Activate in shadow.
    await wizard.getByRole('button', { name: 'Activate in shadow' }).click();
    await page.waitForURL(/\/agents\/[0-9a-f-]{36}$/);
    await page.getByTestId('agent-status').getByText('active').waitFor();
    await shot(page, 'agent-page');
    // Trust per field: nothing measured yet, so auto-apply cannot be switched on.
    await page.getByRole('tab', { name: 'Trust per field' }).click();
    const nextStep = page.getByRole('switch', { name: 'Auto-apply Next step' });
    await nextStep.waitFor();
    expect(await nextStep.isDisabled()).toBe(true);
    await page.getByRole('tab', { name: 'Data it reads and writes' }).click();
    expect(await page.getByTestId('data-visibility').innerText()).toContain('hs_next_step');
    await shot(page, 'agent-data');
    // In shadow it only records what it would do; out of it, proposals wait in the inbox.
    await page.getByRole('button', { name: 'Leave shadow' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Leave shadow' }).click();
    await page.getByTestId('agent-mode').getByText('live').waitFor();

    // A new call arrives: the worker links it and the agent runs on it.
    const conversationId = await deliver('call-2', 'Contract call', '$160,000');
    const run = await until('the agent run', async () => {
      const { rows } = await t.db.pool.query<{ id: string; status: string }>(
        `select id, status from activity_logs where conversation_id = $1::uuid`,
        [conversationId],
      );
      return rows[0] ?? null;
    });
    expect(run.status).toBe('pending');

    // The header counts it; the inbox shows before/after with the quote.
    await page.reload();
    await page.getByTestId('inbox-count').waitFor();
    await page.getByRole('link', { name: /^Inbox \(\d+ pending\)$/ }).click();
    const item = page.locator('[data-testid^="inbox-item-"]', { hasText: 'Contract call' });
    await item.waitFor();
    const amount = item.getByTestId('change-amount');
    expect(await amount.getByTestId('after').innerText()).toMatch(/160,000/);
    expect(await amount.getByTestId('quote').innerText()).toContain('$160,000 a year');
    await shot(page, 'inbox');

    // Approved with the amount edited: the edited value is what reaches the CRM.
    await item.getByRole('button', { name: 'Edit values' }).click();
    await item.getByLabel('New Amount').fill('175000');
    await shot(page, 'inbox-edit');
    await item.getByRole('button', { name: 'Approve with edits' }).click();
    await until('the edited amount in the CRM', async () =>
      (await amountInCrm()) === 175_000 ? true : null,
    );
    await page.getByTestId('inbox-empty').waitFor();

    // The activity: the run, settled by the approval, with its fields, and the figures.
    const settled = await until('the run settled', async () => {
      const { rows } = await t.db.pool.query<{ status: string; errorMessage: string | null }>(
        `select status, error_message as "errorMessage" from activity_logs where id = $1::uuid`,
        [run.id],
      );
      return rows[0]?.status === 'pending' ? null : rows[0];
    });
    expect(settled).toEqual({ status: 'success', errorMessage: null });
    await page.getByRole('link', { name: 'Activity' }).click();
    const entry = page.getByTestId(`activity-${run.id}`);
    await entry.waitFor();
    expect(await entry.getByTestId('activity-status').textContent()).toBe('success');
    expect(await entry.innerText()).toContain('Contract call');
    expect(await page.getByTestId('stat-runs').getByTestId('stat-value').innerText()).toMatch(
      /^[1-9]/,
    );
    await page.getByTestId('chart-runs').locator('svg').first().waitFor();
    await shot(page, 'activity');
    await page.close();
  }, 240_000);

  it('shows an anomaly in the health banner and on its page with its trend; acknowledged, then resolved', async () => {
    const hour = 3600_000;
    const now = Date.now();
    const { rows } = await t.db.pool.query<{ id: string }>(
      `insert into anomalies (workspace_id, rule, scope_key, severity, title, description, data,
                              status, first_seen_at, fired_at)
       values ($1::uuid, 'agent_failure_rate', '', 'error', 'Deal desk: 40% of runs failed',
               '4 of 10 runs failed in the last hour.',
               '{"value": 0.4, "threshold": 0.2, "sampleSize": 10}'::jsonb, 'active',
               now() - interval '3 hours', now() - interval '1 hour')
       returning id`,
      [tenant.workspaceId],
    );
    const anomalyId = rows[0]!.id;
    for (const [ago, value] of [
      [3, 0.05],
      [2, 0.25],
      [1, 0.4],
    ] as const) {
      await t.db.pool.query(
        `insert into anomaly_samples (workspace_id, rule, scope_key, at, value, sample_size)
         values ($1::uuid, 'agent_failure_rate', '', $2::timestamptz, $3::float8, 10)`,
        [tenant.workspaceId, new Date(now - ago * hour).toISOString(), value],
      );
    }

    const page = await loggedIn(world, tenant);
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/activity`);
    const banner = page.getByTestId('health-banner');
    await banner.getByText('Deal desk: 40% of runs failed').waitFor();
    expect(await banner.getAttribute('data-health')).toBe('alert');
    await banner.getByRole('link', { name: 'Deal desk: 40% of runs failed' }).click();

    const trend = page.getByTestId('anomaly-trend');
    await trend.locator('.recharts-line-curve').waitFor();
    expect(await trend.locator('.recharts-line-dot').count()).toBe(3);
    await shot(page, 'anomaly');
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByTestId('anomaly-status').getByText('acknowledged').waitFor();
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByTestId('anomaly-status').getByText('resolved').waitFor();
    const { rows: after } = await t.db.pool.query<{ status: string }>(
      `select status from anomalies where id = $1::uuid`,
      [anomalyId],
    );
    expect(after[0]!.status).toBe('resolved');
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/activity`);
    expect(await page.getByTestId('health-banner').getAttribute('data-health')).toBe('ok');
    await page.close();
  }, 120_000);
});
