import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createTenant, login, type Tenant } from '../app.js';
import {
  browserAvailable,
  loggedIn,
  startBrowserWorld,
  type BrowserWorld,
  shot,
} from './harness.js';

/**
 * The flow builder in a real browser against the real API and job worker: a flow built
 * from the step palette and schema forms (with the variable picker), published, run with
 * a sample input, its run's steps seen in the builder and on the run's page, and the
 * diff between two versions.
 */
/** The card of the builder's step at `position` (1-based) with `key`. */
const stepCard = (page: Page, position: number, key: string): Locator =>
  page.getByLabel(`Step ${position}: ${key}`, { exact: true });

/** A form field by its label, whether or not the label marks it required. */
const field = (label: string) => new RegExp(`^${label}( \\*)?$`);

describe.skipIf(!browserAvailable)('flow builder in a real browser', () => {
  let world: BrowserWorld;
  let tenant: Tenant;

  beforeAll(async () => {
    world = await startBrowserWorld(4);
    tenant = await createTenant(world.t, 'admin');
  });

  afterAll(() => world?.close());

  it('builds a flow, publishes it, runs it and shows each step of the run', async () => {
    const page = await loggedIn(world, tenant);
    try {
      await buildPublishRun(page);
    } catch (error) {
      await shot(page, 'flow-failure');
      throw error;
    }
    await page.close();
  }, 120_000);

  const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
    world.t.app.inject({
      method,
      url: `/api/workspaces/${tenant.workspaceId}${url}`,
      headers: tenant.auth,
      payload,
    });

  /** A published flow of these steps, and a run of it started by the API. */
  async function startedRun(name: string, steps: object[], input: object) {
    const created = await api('POST', '/flows', { name, trigger: { type: 'manual' }, steps });
    expect(created.statusCode).toBe(201);
    const flowId = created.json<{ flow: { id: string } }>().flow.id;
    expect((await api('POST', `/flows/${flowId}/publish`)).statusCode).toBe(201);
    const started = await api('POST', `/flows/${flowId}/runs`, { input });
    expect(started.statusCode).toBe(201);
    return { flowId, runId: started.json<{ run: { id: string } }>().run.id };
  }

  it("makes a webhook flow's signing secret and shows it once with the address", async () => {
    const created = await api('POST', '/flows', {
      name: 'From our billing system',
      trigger: { type: 'webhook' },
      steps: [
        { key: 'note', type: 'set_variable', config: { name: 'n', type: 'string', value: 'x' } },
      ],
    });
    const flowId = created.json<{ flow: { id: string } }>().flow.id;
    const page = await loggedIn(world, tenant);
    try {
      await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/flows/${flowId}`);
      const panel = page.getByTestId('webhook-panel');
      await panel.getByRole('button', { name: 'Make a signing secret' }).click();
      const url = await panel.getByTestId('webhook-url').innerText();
      expect(url).toContain(`/api/hooks/flows/${flowId}`);
      expect((await panel.getByTestId('webhook-secret').innerText()).length).toBeGreaterThan(16);
      await panel.getByRole('button', { name: 'Rotate the secret' }).waitFor();
      const { rows } = await world.t.db.pool.query<{ set: boolean }>(
        'select webhook_secret is not null as set from flows where id = $1::uuid',
        [flowId],
      );
      expect(rows[0]!.set).toBe(true);
      await shot(page, 'flow-webhook');
    } catch (error) {
      await shot(page, 'flow-webhook-failure');
      throw error;
    }
    await page.close();
  }, 60_000);

  it('cancels a waiting run from its page', async () => {
    const { runId } = await startedRun(
      'Wait an hour',
      [{ key: 'pause', type: 'delay', config: { durationMs: 3_600_000 } }],
      {},
    );
    const page = await loggedIn(world, tenant);
    try {
      await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/flow-runs/${runId}`);
      const runPage = page.getByTestId('flow-run-page');
      await runPage.getByText(/^Waiting at pause until/).waitFor({ timeout: 20_000 });
      // Nothing to rerun while it waits.
      expect(await page.getByRole('button', { name: 'Rerun' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Cancel run' }).click();
      await runPage.getByTestId('status').first().getByText('cancelled').waitFor();
      await page.getByRole('button', { name: 'Rerun' }).waitFor();
      const { rows } = await world.t.db.pool.query<{ status: string }>(
        'select status from flow_runs where id = $1::uuid',
        [runId],
      );
      expect(rows[0]!.status).toBe('cancelled');
      await shot(page, 'flow-run-cancelled');
    } catch (error) {
      await shot(page, 'flow-cancel-failure');
      throw error;
    }
    await page.close();
  }, 60_000);

  it('shows who stopped a run by rejecting its approval', async () => {
    const { runId } = await startedRun(
      'Raise the amount',
      [
        { key: 'approve', type: 'wait_for_approval', config: { title: 'Raise it?' } },
        { key: 'raise', type: 'set_variable', config: { name: 'r', type: 'number', value: 1 } },
      ],
      {},
    );
    const pool = world.t.db.pool;
    const item = async () =>
      (
        await pool.query<{ id: string }>(
          `select id from inbox_items where flow_run_id = $1::uuid and status = 'pending'`,
          [runId],
        )
      ).rows[0]?.id;
    for (let tries = 0; !(await item()) && tries < 200; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const session = await login(world.t, tenant.email, tenant.password);
    const rejected = await world.t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${tenant.workspaceId}/inbox/${await item()}/reject`,
      headers: session,
      payload: { reason: 'Not this quarter' },
    });
    expect(rejected.statusCode).toBe(200);
    const page = await loggedIn(world, tenant);
    try {
      await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/flow-runs/${runId}`);
      const stopped = page.getByTestId('run-rejected');
      await stopped
        .getByText(`Stopped: approval rejected by ${tenant.email}`)
        .waitFor({ timeout: 20_000 });
      await stopped.getByText(/Reason: Not this quarter/).waitFor();
      await page.getByTestId('status').first().getByText('cancelled').waitFor();
      await shot(page, 'flow-run-rejected');
    } catch (error) {
      await shot(page, 'flow-rejected-failure');
      throw error;
    }
    await page.close();
  }, 60_000);

  it("shows a failed run's error where it happened, and reruns it", async () => {
    const { flowId, runId } = await startedRun(
      'Typed amount',
      [
        {
          key: 'amount',
          type: 'set_variable',
          config: { name: 'amount', type: 'number', value: '{{trigger.amount}}' },
        },
      ],
      { amount: 'lots' },
    );

    const page = await loggedIn(world, tenant);
    try {
      await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/flows/${flowId}?tab=runs`);
      const row = page.getByTestId('flow-run-row');
      await row.getByText('failed').waitFor({ timeout: 20_000 });
      expect(await row.innerText()).toContain('amount:');
      await row.getByRole('link').click();
      const runPage = page.getByTestId('flow-run-page');
      // The failed step opens with its error: category, severity, message and what to do.
      const error = runPage.getByTestId('run-steps').getByTestId('step-error');
      await error.waitFor();
      expect(await error.innerText()).toMatch(/validation\s+medium/i);
      expect(await error.innerText()).toContain('Give vars.amount a number');
      expect(await error.innerText()).toContain('vars.amount is declared number');
      await shot(page, 'flow-run-failed');

      await page.getByRole('button', { name: 'Rerun' }).click();
      await page.getByRole('menuitem', { name: /same version/ }).click();
      await page.waitForURL((url) => !url.pathname.endsWith(runId));
      await page.getByText(`A rerun of ${runId.slice(0, 8)}`).waitFor();
      const { rows } = await world.t.db.pool.query<{ rerunOf: string }>(
        `select rerun_of as "rerunOf" from flow_runs where flow_id = $1::uuid and id <> $2::uuid`,
        [flowId, runId],
      );
      expect(rows.map((r) => r.rerunOf)).toEqual([runId]);
    } catch (error) {
      await shot(page, 'flow-rerun-failure');
      throw error;
    }
    await page.close();
  }, 90_000);

  it('lets a member build an automation from the steps allowed to them and run it on their records', async () => {
    const member = await createTenant(world.t, 'member');
    const page = await loggedIn(world, member);
    try {
      await page.getByRole('link', { name: 'My automations' }).click();
      await page.getByRole('link', { name: 'New automation' }).click();
      await page.getByLabel('Flow name').fill('Note my big deals');
      const palette = page.getByRole('complementary', { name: 'Steps' });
      // Steps an automation may not use are offered but disabled.
      await expect
        .poll(() => palette.getByRole('button', { name: 'Delete contact' }).isDisabled())
        .toBe(true);
      await palette.getByRole('button', { name: 'Set variable' }).click();
      const setVar = stepCard(page, 1, 'set_variable');
      await setVar.getByLabel(field('Name')).fill('amount');
      await setVar.getByLabel(field('Type')).selectOption('number');
      await setVar.getByLabel(field('Value')).fill('{{trigger.amount}}');
      await page.getByRole('button', { name: 'Save automation' }).click();
      await page.waitForURL(/\/automations\/[0-9a-f-]{36}$/);
      await page.getByText('v1', { exact: true }).waitFor();

      await page.getByLabel('Sample input').fill('{"amount": 42}');
      await page.getByRole('button', { name: 'Run test' }).click();
      const result = page.getByTestId('test-run-result');
      await result
        .getByTestId('status')
        .first()
        .getByText('completed')
        .waitFor({ timeout: 20_000 });
      expect(
        JSON.parse(await result.getByTestId('test-step-output').first().innerText()),
      ).toMatchObject({ value: 42 });
      // The run acts for the member: it carries their scope.
      const { rows } = await world.t.db.pool.query<{ scopeUserId: string }>(
        `select scope_user_id as "scopeUserId" from flow_runs r join flows f on f.id = r.flow_id
         where f.workspace_id = $1::uuid and f.kind = 'automation'`,
        [member.workspaceId],
      );
      expect(rows.map((r) => r.scopeUserId)).toEqual([member.userId]);
      await page.getByTestId('automation-runs').getByTestId('flow-run-row').first().waitFor();
      await shot(page, 'automation');

      await page.getByRole('link', { name: '← My automations' }).click();
      const list = page.getByTestId('automations');
      await list.getByText('Note my big deals').waitFor();
      await list.getByRole('switch', { name: 'Note my big deals active' }).click({ force: true });
      await expect
        .poll(async () => {
          const stored = await world.t.db.pool.query<{ isActive: boolean }>(
            `select a.is_active as "isActive" from user_automations a
             join flows f on f.id = a.flow_id where f.workspace_id = $1::uuid`,
            [member.workspaceId],
          );
          return stored.rows[0]?.isActive;
        })
        .toBe(false);
      await shot(page, 'automations');
    } catch (error) {
      await shot(page, 'automation-failure');
      throw error;
    }
    await page.close();
  }, 90_000);

  async function buildPublishRun(page: Page) {
    await page.getByRole('link', { name: 'Flows' }).click();
    // A secret for steps: its name is offered by the picker, its value never shown again.
    await page.getByRole('tab', { name: 'Secrets' }).click();
    await page.getByLabel('Secret name').fill('hook_key');
    await page.getByLabel('Value', { exact: true }).fill('s3cr3t-hook-value');
    await page.getByRole('button', { name: 'Add secret' }).click();
    await page.getByTestId('secrets').getByText('{{secrets.hook_key}}').waitFor();
    expect(await page.content()).not.toContain('s3cr3t-hook-value');
    await page.getByRole('link', { name: 'New flow' }).click();
    await page.getByLabel('Flow name').fill('Big deals');

    // The palette groups step types by category; a click adds one with its schema's form.
    const palette = page.getByRole('complementary', { name: 'Steps' });
    expect(await palette.getByRole('group', { name: 'Control' }).innerText()).toContain(
      'Condition',
    );
    await palette.getByRole('button', { name: 'Set variable' }).click();
    const setVar = stepCard(page, 1, 'set_variable');
    await setVar.getByLabel(field('Name')).fill('amount');
    await setVar.getByLabel(field('Type')).selectOption('number');
    await setVar.getByLabel(field('Value')).fill('{{trigger.amount}}');
    await page.getByRole('button', { name: 'Create flow' }).click();
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
    const flowId = page.url().split('/').at(-1)!;

    // A sample input: its fields are what the picker offers as {{trigger.x}}.
    await page.getByLabel('Sample input').fill('{"amount": 250}');
    await palette.getByRole('button', { name: 'Condition' }).click();
    const condition = stepCard(page, 2, 'condition');
    await condition.getByRole('button', { name: 'Insert a variable into Left' }).click();
    const picker = page.getByTestId('variable-picker');
    // Only what exists when the step runs: the trigger's fields, the earlier step's variable and output.
    await picker.getByText('{{trigger.amount}}').waitFor();
    await picker.getByText('{{steps.set_variable.output.value}}').waitFor();
    await picker.getByText('{{secrets.hook_key}}').waitFor();
    await picker.getByText('{{vars.amount}}').click();
    expect(await condition.getByLabel(field('Left')).inputValue()).toBe('{{vars.amount}}');
    await condition.getByLabel(field('Operator')).selectOption('greater_than');
    await condition.getByLabel(field('Right')).fill('100');
    await shot(page, 'flow-builder');

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('published-version').getByText('v1 published').waitFor();

    await page.getByRole('button', { name: 'Run test' }).click();
    const result = page.getByTestId('test-run-result');
    await result.getByTestId('status').first().getByText('completed').waitFor({ timeout: 20_000 });
    const steps = result.getByTestId('test-step');
    expect(await steps.count()).toBe(2);
    // Each step's output: the typed variable, then the condition's verdict on it.
    expect(JSON.parse(await steps.nth(0).getByTestId('test-step-output').innerText())).toEqual({
      name: 'amount',
      type: 'number',
      value: 250,
    });
    expect(
      JSON.parse(await steps.nth(1).getByTestId('test-step-output').innerText()),
    ).toMatchObject({ result: true });
    await shot(page, 'flow-test-run');

    // The run history, then the run's own page with each step's timing and output.
    await page.getByRole('tab', { name: 'Runs' }).click();
    const row = page.getByTestId('flow-run-row');
    await row.getByText('completed').waitFor();
    expect(await row.count()).toBe(1);
    await row.getByRole('link').click();
    const runPage = page.getByTestId('flow-run-page');
    await runPage.waitFor();
    const runSteps = runPage.getByTestId('run-step');
    expect(await runSteps.count()).toBe(2);
    expect(await runSteps.nth(0).getAttribute('data-step')).toBe('set_variable');
    expect(await runSteps.nth(1).getAttribute('data-step')).toBe('condition');
    expect(await runSteps.nth(1).getByTestId('step-duration').innerText()).toMatch(/\d+ ms|s$/);
    await runSteps.nth(1).click();
    expect(await runPage.getByTestId('step-output').innerText()).toContain('"result": true');
    // A finished run can be neither cancelled nor rerun.
    expect(await page.getByRole('button', { name: 'Cancel run' }).count()).toBe(0);
    await shot(page, 'flow-run');

    // A second version and the diff between the two.
    await page.goto(`${world.baseUrl}/w/${tenant.workspaceId}/flows/${flowId}`);
    const again = stepCard(page, 2, 'condition');
    await again.getByRole('button', { expanded: false }).click();
    await again.getByLabel(field('Right')).fill('1000');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('published-version').getByText('v2 published').waitFor();
    await page.getByRole('tab', { name: 'Versions' }).click();
    const diff = page.getByTestId('version-diff');
    await diff.getByTestId('diff-step').first().waitFor();
    expect(await diff.getByTestId('diff-step').count()).toBe(1);
    const changed = diff.getByTestId('diff-step').first();
    expect(await changed.innerText()).toContain('condition');
    expect(await changed.locator('[data-kind="removed"]').innerText()).toContain('100');
    expect(await changed.locator('[data-kind="added"]').innerText()).toContain('1000');
    await shot(page, 'flow-versions');

    await page.getByRole('tab', { name: 'Performance' }).click();
    await page.getByTestId('chart-runs-per-minute').waitFor();
    expect(await page.getByTestId('stat-runs').getByTestId('stat-value').innerText()).toBe('1');
    await shot(page, 'flow-performance');
  }
});
