import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubspotConnector } from '../../src/crm/hubspot/connector.js';
import { connectSandbox, createTenant, type Tenant, type TestApp } from '../app.js';
import {
  browserAvailable,
  firstSync,
  loggedIn,
  startBrowserWorld,
  type BrowserWorld,
} from './harness.js';

describe.skipIf(!browserAvailable)('CRM sync (write-back) in a real browser', () => {
  let world: BrowserWorld;
  let t: TestApp;
  let tenant: Tenant;
  let connector: HubspotConnector;
  let deals: { entityId: string; recordId: string }[];

  beforeAll(async () => {
    world = await startBrowserWorld(6);
    t = world.t;
    const db = t.db;
    tenant = await createTenant(t, 'admin');
    const opened = await connectSandbox(t, tenant, { name: 'Sandbox HubSpot' });
    connector = opened.connector as HubspotConnector;
    await firstSync(t, opened.connectionId);
    await connector.createProperty('deal', {
      name: 'pandora_score',
      label: 'Pandora score',
      type: 'number',
      fieldType: 'number',
    });
    await connector.createProperty('deal', {
      name: 'pandora_risk_log',
      label: 'Pandora risk log',
      type: 'string',
      fieldType: 'textarea',
    });
    // Three deals the sync brought in, in the CRM's own order.
    const page = await connector.listChanged('deal', { properties: [], limit: 3 });
    const { rows } = await db.pool.query<{ entityId: string; recordId: string }>(
      `select d.id as "entityId", d.source_id as "recordId"
         from unnest($2::text[]) with ordinality as p(source_id, n)
         join deals d on d.workspace_id = $1::uuid and d.source = 'hubspot' and d.source_id = p.source_id
        order by p.n`,
      [tenant.workspaceId, page.records.map((r) => r.id)],
    );
    expect(rows).toHaveLength(3);
    deals = rows;
    await db.pool.query(
      `insert into computed_values (workspace_id, object_type, entity_id, field, value, computed_at, changed_at)
       select $1::uuid, 'deal', id, 'deal_score', to_jsonb(60 + n), now(), now()
       from unnest($2::uuid[]) with ordinality as e(id, n)`,
      [tenant.workspaceId, deals.map((d) => d.entityId)],
    );
  });

  afterAll(() => world?.close());

  it('maps the deal score to a CRM property, tests it, syncs all and shows the log', async () => {
    const page = await loggedIn(world, tenant);
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/settings?tab=crm-sync`);
    await page
      .getByTestId('writeback-connections')
      .getByText(/Sandbox HubSpot/)
      .waitFor();

    // A text field into a number property is refused, naming the property.
    await page.getByRole('button', { name: 'Add mapping' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('textbox', { name: 'Pandora field' }).click();
    await page.getByRole('option', { name: 'Deal risk summary' }).click();
    await drawer.getByRole('textbox', { name: 'CRM property' }).click();
    await page.getByRole('option', { name: /pandora_score/ }).click();
    await drawer
      .getByTestId('mapping-mismatch')
      .getByText(/does not fit pandora_score/)
      .waitFor();
    await drawer.getByRole('button', { name: 'Add mapping' }).click();
    await drawer.getByTestId('mapping-error').getByText('incompatible_property').waitFor();

    // Append mode: the sentence and the live preview of the text it leaves.
    await drawer.getByRole('textbox', { name: 'CRM property' }).click();
    await page.getByRole('option', { name: /pandora_risk_log/ }).click();
    await drawer.getByText('append', { exact: true }).click();
    expect(await drawer.getByTestId('write-mode-sentence').innerText()).toContain(
      'new entry after what the property holds',
    );
    expect(await drawer.getByTestId('append-preview').innerText()).toMatch(
      /^Earlier note from the rep\n---\n\[[A-Z][a-z]{2} \d{1,2}, \d{4}\] At risk: /,
    );
    await drawer.getByRole('button', { name: 'Cancel' }).click();

    // The deal score into the number property.
    await page.getByRole('button', { name: 'Add mapping' }).click();
    await drawer.getByRole('textbox', { name: 'Pandora field' }).click();
    await page.getByRole('option', { name: 'Deal score', exact: true }).click();
    await drawer.getByRole('textbox', { name: 'CRM property' }).click();
    await page.getByRole('option', { name: /pandora_score/ }).click();
    await drawer.getByRole('button', { name: 'Add mapping' }).click();
    await drawer.waitFor({ state: 'detached' });
    const row = page.getByTestId('mapping-deal_score');
    await row.getByText('pandora_score').waitFor();

    await row.getByRole('button', { name: 'Test' }).click();
    const preview = page.getByTestId('mapping-preview');
    await preview.getByText('After the write').waitFor();
    // The first record the mapping would write: its score, and an empty property today.
    expect(await preview.innerText()).toMatch(
      /Computed\s+(6[123])\s+In the CRM now\s+empty\s+After the write\s+\1/,
    );
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Sync all now' }).click();
    await page.getByTestId('writeback-run-succeeded').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('writeback-runs').innerText()).toContain('3 written');
    await page.getByTestId('writeback-log').getByText('pandora_score').first().waitFor();

    const records = await connector.readRecords(
      'deal',
      deals.map((d) => d.recordId),
      ['pandora_score'],
    );
    expect(records.map((r) => (r.ok ? Number(r.value.properties.pandora_score) : null))).toEqual([
      61, 62, 63,
    ]);
    await page.close();
  }, 90_000);
});
