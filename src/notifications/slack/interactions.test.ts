import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { createCrmWorld, type CrmWorld } from '../../../test/crm.js';
import type { Caller } from '../../actions/service.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../http/app.js';
import { createAgentApproval, createAgentConfig } from '../../inbox/fixtures.test-helper.js';
import { handlers } from '../../jobs/handlers.js';
import { startWorker, type RunningWorker } from '../../jobs/queue.js';
import { createUser } from '../../tenancy/users.js';
import type { NotificationField } from '../types.js';
import { approvalMessage, inboxActionId } from './blocks.js';
import { saveInstallation } from './client.js';
import { startSlackEmulatorForTest, type SlackTestEmulator } from './emulator/slack.test-helper.js';
import { signSlackRequest } from './signature.js';

/**
 * The interactive endpoint over real HTTP with the Slack emulator: Slack's signature,
 * the answer at once, the decision made by the worker as the Slack user's Pandora
 * member, the same click sent again decided once, refusals sent to that person alone
 * through the response_url, and the Edit and Reject modals.
 */
const SECRET = 'test-signing-secret-0123456789abcdef';
const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const PEOPLE = {
  admin: { email: 'ada.admin@example.com', name: 'Ada Admin', role: 'admin' as const },
  rep: { email: 'rex.rep@example.com', name: 'Rex Rep', role: 'member' as const },
  other: { email: 'mia.manager@example.com', name: 'Mia Manager', role: 'member' as const },
};
// In the Slack team but no member of the Pandora workspace.
const STRANGER = { email: 'sam.stranger@example.com', name: 'Sam Stranger' };

let world: CrmWorld;
let slack: SlackTestEmulator;
let baseUrl: string;
let closeApp: () => Promise<void>;
let worker: RunningWorker;
const callers = {} as Record<keyof typeof PEOPLE, Caller>;
let agentConfigId: string;
let dealIds: string[];
let nextDeal = 0;

beforeAll(async () => {
  world = await createCrmWorld({ accounts: 10 });
  const pool = world.db.pool;
  slack = await startSlackEmulatorForTest({
    users: [...Object.values(PEOPLE), STRANGER],
  });
  const config = { ...loadConfig({}), demo: false, slackSigningSecret: SECRET };
  const app = await buildApp({ pool, config, secretKey: TEST_SECRET_KEY, log });
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  closeApp = async () => {
    app.server.closeAllConnections();
    await app.close();
  };
  slack.setInteractivity(`${baseUrl}/api/slack/interactions`, SECRET);
  worker = await startWorker({
    pool,
    connectionString: world.db.url,
    log,
    handlers: { ...handlers, 'demo.seed': async () => undefined },
    concurrency: 2,
    schedules: false,
    secretKey: TEST_SECRET_KEY,
  });
  await saveInstallation(pool, TEST_SECRET_KEY, {
    workspaceId: world.workspaceId,
    teamId: slack.teamId,
    teamName: 'Pandora Sandbox',
    botUserId: null,
    botToken: slack.botToken,
    scopes: ['chat:write', 'users:read', 'users:read.email'],
    installedVia: 'token',
    installedBy: null,
    apiUrl: slack.url,
  });
  for (const [key, person] of Object.entries(PEOPLE)) {
    const user = await createUser(pool, { ...person, password: 'correct horse battery' });
    await pool.query(
      `insert into memberships (workspace_id, user_id, role) values ($1::uuid, $2::uuid, $3::text)`,
      [world.workspaceId, user.id, person.role],
    );
    callers[key as keyof typeof PEOPLE] = {
      workspaceId: world.workspaceId,
      role: person.role,
      actor: user.email,
      sourceId: user.id,
      kind: 'user',
    };
  }
  agentConfigId = await createAgentConfig(pool, world.workspaceId, world.connectionIds.hubspot);
  dealIds = await world.recordIds('hubspot', 20);
});

afterAll(async () => {
  await worker?.stop();
  await closeApp?.();
});

/** An approval assigned to the rep, and its card posted in #general as the Slack app posts it. */
async function approval(fields: Record<string, string | number>) {
  const recordId = dealIds[nextDeal++]!;
  const made = await createAgentApproval(world.db.pool, {
    workspaceId: world.workspaceId,
    connectionId: world.connectionIds.hubspot,
    agentConfigId,
    recordId,
    fields,
    assigneeUserId: callers.rep.sourceId,
  });
  const cardFields: NotificationField[] = Object.entries(fields).map(([field, after]) => ({
    field,
    label: field,
    before: null,
    after,
    editable: true,
  }));
  const card = approvalMessage(
    {
      type: 'approval',
      title: 'Update the deal from the call',
      body: '',
      link: `/inbox/${made.itemId}`,
      severity: 'info',
      critical: false,
      inboxItemId: made.itemId,
      fields: cardFields,
    },
    'http://pandora.test',
  );
  const posted = await slack.client().chat.postMessage({
    channel: slack.channel('general').id,
    text: card.text,
    blocks: card.blocks,
  });
  return { ...made, recordId, ts: posted.ts! };
}

/** A click on the card in #general (the sender may also DM the rep a card of its own). */
const click = (person: { email: string }, action: 'approve' | 'reject' | 'edit', itemId: string) =>
  slack.click({
    user: person.email,
    actionId: inboxActionId(action, itemId),
    channel: slack.channel('general').id,
  });

/** The ephemeral answers a person got through response_urls. */
const ephemeralsTo = (person: { email: string }) =>
  slack.emulator.store.ephemerals.filter(
    (e) => e.via === 'response_url' && e.user === slack.user(person.email).id,
  );

/** The modal open for a person, once Pandora has opened it. */
function openView(person: { email: string }, callbackId: string) {
  return until('the modal to open', async () =>
    [...slack.emulator.store.views.values()].find(
      (view) =>
        view.status === 'open' &&
        view.user === slack.user(person.email).id &&
        view.view.callback_id === callbackId,
    ),
  );
}

/** Posts a form body as Slack does, signed now (or `ageSeconds` ago). */
async function send(body: string, options: { retry?: number; team?: string } = {}) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': signSlackRequest(SECRET, timestamp, body),
  };
  if (options.retry) {
    headers['x-slack-retry-num'] = String(options.retry);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const response = await fetch(`${baseUrl}/api/slack/interactions`, {
    method: 'POST',
    headers,
    body,
  });
  return { status: response.status, text: await response.text() };
}

async function until<T>(what: string, read: () => Promise<T | null | undefined>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function interactionsOf(itemId: string) {
  const { rows } = await world.db.pool.query<{
    kind: string;
    status: string;
    retries: number;
    outcome: string | null;
  }>(
    `select kind, status, retries, outcome from slack_interactions
     where inbox_item_id = $1::uuid order by created_at`,
    [itemId],
  );
  return rows;
}

/** Waits until every interaction on the item has been acted on. */
function settled(itemId: string) {
  return until('the interaction to be handled', async () => {
    const rows = await interactionsOf(itemId);
    return rows.length > 0 && rows.every((row) => row.status !== 'received') ? rows : null;
  });
}

async function itemRow(itemId: string) {
  const { rows } = await world.db.pool.query<{
    status: string;
    resolvedBy: string | null;
    resolution: Record<string, unknown> | null;
  }>(
    `select status, resolved_by as "resolvedBy", resolution from inbox_items where id = $1::uuid`,
    [itemId],
  );
  return rows[0]!;
}

async function readDeal(id: string, fields: string[]) {
  const { connector } = await world.open('hubspot');
  const [record] = await connector.readRecords('deal', [id], fields);
  if (!record?.ok) throw new Error(`no deal ${id}`);
  return record.value.properties;
}

describe('the Slack interactive endpoint', () => {
  it('refuses a click with no signature, a wrong one or one 6 minutes old, and acknowledges a signed one at once', async () => {
    const { itemId } = await approval({ next_step: 'Send the order form' });
    const actionId = inboxActionId('approve', itemId);
    const probe = async (sign: { omit?: boolean; secret?: string; ageSeconds?: number }) => {
      const record = await slack.click({
        user: PEOPLE.rep.email,
        actionId,
        channel: slack.channel('general').id,
        sign,
        retries: false,
      });
      const [attempt] = record.attempts;
      return { status: attempt!.status, code: JSON.parse(attempt!.body).error?.code as string };
    };
    expect(await probe({ omit: true })).toEqual({ status: 401, code: 'invalid_slack_signature' });
    expect(await probe({ secret: 'another app’s secret' })).toEqual({
      status: 401,
      code: 'invalid_slack_signature',
    });
    expect(await probe({ ageSeconds: 6 * 60 })).toEqual({
      status: 401,
      code: 'stale_slack_request',
    });
    expect((await itemRow(itemId)).status).toBe('pending');
    expect(await interactionsOf(itemId)).toEqual([]);

    const valid = await slack.click({
      user: PEOPLE.rep.email,
      actionId,
      channel: slack.channel('general').id,
      retries: false,
    });
    expect(valid.attempts).toEqual([expect.objectContaining({ status: 200, body: '' })]);
    expect(valid.attempts[0]!.ms).toBeLessThan(3_000);
    await settled(itemId);
    expect(await itemRow(itemId)).toMatchObject({
      status: 'approved',
      resolvedBy: PEOPLE.rep.email,
    });
  });

  it('approves once even when Slack sends the same click again', async () => {
    const { itemId, recordId } = await approval({ next_step: 'Security review on Friday' });
    const record = await click(PEOPLE.rep, 'approve', itemId);
    expect(record.attempts.map((attempt) => attempt.status)).toEqual([200]);
    // Slack's retries of that click: the same body, signed again, arriving together.
    const again = await Promise.all([
      send(record.body, { retry: 1 }),
      send(record.body, { retry: 2 }),
    ]);
    expect(again.map((answer) => answer.status)).toEqual([200, 200]);

    const rows = await settled(itemId);
    expect(rows).toEqual([
      expect.objectContaining({ kind: 'click_approve', status: 'done', retries: 2 }),
    ]);
    expect(await itemRow(itemId)).toMatchObject({
      status: 'approved',
      resolvedBy: PEOPLE.rep.email,
    });
    expect((await readDeal(recordId, ['hs_next_step'])).hs_next_step).toBe(
      'Security review on Friday',
    );
    // Decided once: one approval in the action's audit trail, and nothing said to the rep.
    const { rows: audit } = await world.db.pool.query(
      `select l.event from action_audit_log l join inbox_items i on i.action_id = l.action_id
       where i.id = $1::uuid and l.event = 'approved'`,
      [itemId],
    );
    expect(audit).toHaveLength(1);
    expect(ephemeralsTo(PEOPLE.rep)).toEqual([]);
  });

  it('refuses, to that person only, someone the item is not assigned to and a Slack user who is no member; an admin may decide it', async () => {
    const { itemId } = await approval({ next_step: 'Legal to redline' });
    await click(PEOPLE.other, 'approve', itemId);
    await click(STRANGER, 'approve', itemId);
    const rows = await settled(itemId);
    expect(rows.map((row) => row.status)).toEqual(['refused', 'refused']);
    expect((await itemRow(itemId)).status).toBe('pending');
    expect(ephemeralsTo(PEOPLE.other).map((e) => e.text)).toEqual([
      'Only the person this item is assigned to, or a Pandora admin, can decide it.',
    ]);
    expect(ephemeralsTo(STRANGER).map((e) => e.text)).toEqual([
      expect.stringContaining('not linked to a member of this Pandora workspace'),
    ]);

    await click(PEOPLE.admin, 'approve', itemId);
    await until('the admin’s approval', async () =>
      (await itemRow(itemId)).status === 'approved' ? true : null,
    );
    expect((await itemRow(itemId)).resolvedBy).toBe(PEOPLE.admin.email);

    // The rep clicks the card afterwards: told who decided it, nothing changes.
    await click(PEOPLE.rep, 'approve', itemId);
    const [late] = await until('the late click’s answer', async () => {
      const answers = ephemeralsTo(PEOPLE.rep).filter((e) => e.text.startsWith('Already'));
      return answers.length ? answers : null;
    });
    expect(late!.text).toBe(`Already approved by ${PEOPLE.admin.email}.`);
  });

  it('Edit opens a modal with the proposed values; a wrong value is shown in it, the edited one is approved and written to the CRM', async () => {
    const { itemId, recordId } = await approval({ next_step: 'Pricing call', amount: 42000 });
    const record = await click(PEOPLE.rep, 'edit', itemId);
    expect(record.attempts.map((attempt) => attempt.status)).toEqual([200]);
    const view = await openView(PEOPLE.rep, 'inbox_edit');
    const inputs = (
      view.view.blocks as Array<{
        type: string;
        block_id?: string;
        element?: { type: string; initial_value?: string };
      }>
    ).filter((block) => block.type === 'input');
    expect(
      inputs.map((block) => [block.block_id, block.element?.type, block.element?.initial_value]),
    ).toEqual([
      ['next_step', 'plain_text_input', 'Pricing call'],
      ['amount', 'number_input', '42000'],
    ]);

    const wrong = await slack.submitView({
      viewId: view.id,
      values: { amount: { value: 'lots' } },
    });
    expect(JSON.parse(wrong.attempts[0]!.body)).toEqual({
      response_action: 'errors',
      errors: { amount: 'Enter an amount, e.g. 150000' },
    });
    expect(slack.emulator.store.views.get(view.id)!.status).toBe('open');

    const right = await slack.submitView({
      viewId: view.id,
      values: { next_step: { value: 'Pricing call with the CFO' } },
    });
    expect(right.attempts.map((attempt) => [attempt.status, attempt.body])).toEqual([[200, '']]);
    expect(slack.emulator.store.views.get(view.id)!.status).toBe('closed');
    await until('the edited approval', async () =>
      (await itemRow(itemId)).status === 'approved' ? true : null,
    );
    expect((await itemRow(itemId)).resolution).toMatchObject({
      edits: { next_step: 'Pricing call with the CFO' },
    });
    const deal = await readDeal(recordId, ['hs_next_step', 'amount']);
    expect(deal.hs_next_step).toBe('Pricing call with the CFO');
    expect(Number(deal.amount)).toBe(42000);
  });

  it('Reject asks why in a modal, then rejects with that reason and writes nothing', async () => {
    const { itemId, recordId } = await approval({ next_step: 'Never said' });
    const before = (await readDeal(recordId, ['hs_next_step'])).hs_next_step;
    await click(PEOPLE.rep, 'reject', itemId);
    const view = await openView(PEOPLE.rep, 'inbox_reject');
    await slack.submitView({
      viewId: view.id,
      values: { reason: { value: 'Not what the buyer said' } },
    });
    await until('the rejection', async () =>
      (await itemRow(itemId)).status === 'rejected' ? true : null,
    );
    expect(await itemRow(itemId)).toMatchObject({
      resolvedBy: PEOPLE.rep.email,
      resolution: { reason: 'Not what the buyer said' },
    });
    expect((await readDeal(recordId, ['hs_next_step'])).hs_next_step).toBe(before);
  });

  it('opens no modal for someone who may not decide: they are told why instead', async () => {
    const { itemId } = await approval({ next_step: 'Not yours' });
    await click(PEOPLE.other, 'edit', itemId);
    await settled(itemId);
    expect(ephemeralsTo(PEOPLE.other).at(-1)!.text).toBe(
      'Only the person this item is assigned to, or a Pandora admin, can decide it.',
    );
    expect(
      [...slack.emulator.store.views.values()].filter(
        (view) => view.user === slack.user(PEOPLE.other.email).id,
      ),
    ).toEqual([]);
  });

  it('tells the person when Slack refuses to open the modal (the trigger expired)', async () => {
    const { itemId } = await approval({ next_step: 'Too late' });
    slack.emulator.settings.triggerTtlMs = 0;
    try {
      await click(PEOPLE.rep, 'edit', itemId);
      const [row] = await settled(itemId);
      expect(row).toMatchObject({ kind: 'click_edit', status: 'failed' });
    } finally {
      slack.emulator.settings.triggerTtlMs = 3_000;
    }
    expect(ephemeralsTo(PEOPLE.rep).at(-1)!.text).toBe(
      'Slack did not open the form (Slack: expired_trigger_id); click Edit again.',
    );
    expect((await itemRow(itemId)).status).toBe('pending');
  });

  it('answers 404 for a Slack team no workspace installed, and 400 for a payload that is not JSON', async () => {
    const { itemId } = await approval({ next_step: 'Elsewhere' });
    const payload = {
      type: 'block_actions',
      team: { id: 'T0STRANGER' },
      user: { id: 'U0STRANGER', team_id: 'T0STRANGER' },
      trigger_id: '1.2.3',
      actions: [{ action_id: inboxActionId('approve', itemId) }],
    };
    const stranger = await send(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    );
    expect(stranger.status).toBe(404);
    expect(JSON.parse(stranger.text).error.code).toBe('slack_team_not_connected');
    const broken = await send('payload=%7Bnot-json');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.text).error.code).toBe('invalid_slack_payload');
    expect((await itemRow(itemId)).status).toBe('pending');
  });
});
