import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET_KEY } from '../../../test/app.js';
import { createCrmWorld, type CrmWorld } from '../../../test/crm.js';
import type { Caller } from '../../actions/service.js';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../http/app.js';
import {
  createAgentApproval,
  createAgentConfig,
  createCaller,
} from '../../inbox/fixtures.test-helper.js';
import { handlers } from '../../jobs/handlers.js';
import { startWorker, type RunningWorker } from '../../jobs/queue.js';
import { saveInstallation } from './client.js';
import { signSlackRequest } from './signature.js';

/**
 * The interactive endpoint over real HTTP: Slack's signature, the answer at once, the
 * decision made by the worker as the Slack user's Pandora member, the same click sent
 * again decided once, refusals sent to that person alone through the response_url.
 */
const SECRET = 'test-signing-secret-0123456789abcdef';
const TEAM = 'T0PANDORA';
const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

let world: CrmWorld;
let baseUrl: string;
let closeApp: () => Promise<void>;
let worker: RunningWorker;
let hooks: Server;
let hooksUrl: string;
/** What Pandora posted to response_urls, by the URL's path. */
const answers: { path: string; body: Record<string, unknown> }[] = [];
let rep: Caller;
let otherRep: Caller;
let admin: Caller;
let agentConfigId: string;
let dealIds: string[];
let nextDeal = 0;

const SLACK_USERS = { rep: 'U0REP', other: 'U0OTHER', admin: 'U0ADMIN' };

async function link(caller: Caller, slackUserId: string) {
  await world.db.pool.query(
    `insert into slack_user_links (workspace_id, user_id, slack_user_id) values ($1::uuid, $2::uuid, $3::text)`,
    [world.workspaceId, caller.sourceId, slackUserId],
  );
}

beforeAll(async () => {
  world = await createCrmWorld({ accounts: 10 });
  const pool = world.db.pool;
  hooks = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      answers.push({ path: request.url ?? '', body: JSON.parse(body || '{}') });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
  hooksUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}`;

  const config = {
    ...loadConfig({}),
    demo: false,
    slackSigningSecret: SECRET,
    slackApiUrl: hooksUrl,
  };
  const app = await buildApp({ pool, config, secretKey: TEST_SECRET_KEY, log });
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  closeApp = async () => {
    app.server.closeAllConnections();
    await app.close();
  };
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
    teamId: TEAM,
    teamName: 'Pandora test',
    botUserId: 'B0PANDORA',
    botToken: 'xoxb-test',
    scopes: ['chat:write'],
    installedVia: 'token',
    installedBy: null,
    apiUrl: hooksUrl,
  });
  admin = await createCaller(pool, world.workspaceId, 'admin');
  rep = await createCaller(pool, world.workspaceId, 'member');
  otherRep = await createCaller(pool, world.workspaceId, 'member');
  await link(rep, SLACK_USERS.rep);
  await link(otherRep, SLACK_USERS.other);
  await link(admin, SLACK_USERS.admin);
  agentConfigId = await createAgentConfig(pool, world.workspaceId, world.connectionIds.hubspot);
  dealIds = await world.recordIds('hubspot', 20);
});

afterAll(async () => {
  await worker?.stop();
  await closeApp?.();
  hooks?.closeAllConnections();
  await new Promise((resolve) => hooks?.close(resolve));
});

async function approval(fields: Record<string, string | number>) {
  const recordId = dealIds[nextDeal++]!;
  const made = await createAgentApproval(world.db.pool, {
    workspaceId: world.workspaceId,
    connectionId: world.connectionIds.hubspot,
    agentConfigId,
    recordId,
    fields,
    assigneeUserId: rep.sourceId,
  });
  return { ...made, recordId };
}

let triggers = 0;
function click(
  slackUserId: string,
  action: 'approve' | 'reject' | 'edit' | 'view',
  itemId: string,
  team = TEAM,
) {
  triggers += 1;
  return {
    type: 'block_actions',
    team: { id: team, domain: 'pandora-test' },
    user: { id: slackUserId, team_id: team },
    api_app_id: 'A0PANDORA',
    trigger_id: `${triggers}.1234.${Math.random().toString(16).slice(2)}`,
    response_url: `${hooksUrl}/actions/${triggers}`,
    container: { type: 'message', channel_id: 'D0REP', message_ts: '1700000000.000100' },
    actions: [
      {
        type: 'button',
        action_id: `inbox.${action}:${itemId}`,
        value: itemId,
        block_id: 'decide',
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

function submission(
  slackUserId: string,
  callbackId: string,
  itemId: string,
  values: Record<string, Record<string, Record<string, unknown>>>,
) {
  triggers += 1;
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'pandora-test' },
    user: { id: slackUserId, team_id: TEAM },
    trigger_id: `${triggers}.5678.${Math.random().toString(16).slice(2)}`,
    view: {
      id: `V${triggers}`,
      callback_id: callbackId,
      private_metadata: JSON.stringify({
        inboxItemId: itemId,
        responseUrl: `${hooksUrl}/actions/${triggers}`,
      }),
      state: { values },
    },
  };
}

/** Posts a payload as Slack does: a form body, signed now (or `ageSeconds` ago). */
async function send(
  payload: unknown,
  options: { ageSeconds?: number; signature?: string | null; retry?: number; body?: string } = {},
) {
  const body = options.body ?? new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const timestamp = String(Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0));
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
  };
  if (options.signature !== null) {
    headers['x-slack-request-timestamp'] = timestamp;
    headers['x-slack-signature'] = options.signature ?? signSlackRequest(SECRET, timestamp, body);
  }
  if (options.retry) {
    headers['x-slack-retry-num'] = String(options.retry);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/slack/interactions`, {
    method: 'POST',
    headers,
    body,
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
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

const answersTo = (path: string) => answers.filter((answer) => answer.path === path);
const pathOf = (url: string) => new URL(url).pathname;

describe('the Slack interactive endpoint', () => {
  it('refuses a request with no signature, a wrong one or one 6 minutes old, and acknowledges a signed one at once', async () => {
    const { itemId } = await approval({ next_step: 'Send the order form' });
    const payload = click(SLACK_USERS.rep, 'view', itemId);

    const none = await send(payload, { signature: null });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.text).error.code).toBe('invalid_slack_signature');

    const wrong = await send(payload, { signature: `v0=${'0'.repeat(64)}` });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.text).error.code).toBe('invalid_slack_signature');

    const old = await send(payload, { ageSeconds: 6 * 60 });
    expect(old.status).toBe(401);
    expect(JSON.parse(old.text).error.code).toBe('stale_slack_request');

    // Signed with another app's secret.
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const now = String(Math.floor(Date.now() / 1000));
    const other = await send(payload, { body, signature: signSlackRequest('not ours', now, body) });
    expect(other.status).toBe(401);

    const valid = await send(payload);
    expect(valid.status).toBe(200);
    expect(valid.text).toBe('');
    expect(valid.ms).toBeLessThan(3_000);
  });

  it('approves from a click as the Slack user’s member, once even when Slack sends the click again', async () => {
    const { itemId, recordId } = await approval({ next_step: 'Security review on Friday' });
    const payload = click(SLACK_USERS.rep, 'approve', itemId);

    // Slack's retry (same payload, signed again) arriving while the first is handled.
    const [first, again] = await Promise.all([send(payload), send(payload, { retry: 1 })]);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    const third = await send(payload, { retry: 2 });
    expect(third.status).toBe(200);

    const rows = await settled(itemId);
    expect(rows).toEqual([
      expect.objectContaining({ kind: 'click_approve', status: 'done', retries: 2 }),
    ]);
    const item = await itemRow(itemId);
    expect(item).toMatchObject({ status: 'approved', resolvedBy: rep.actor });
    expect((await readDeal(recordId, ['hs_next_step'])).hs_next_step).toBe(
      'Security review on Friday',
    );
    // Decided once: one approval in the action's audit trail, and nothing said to the person.
    const { rows: audit } = await world.db.pool.query(
      `select l.event from action_audit_log l join inbox_items i on i.action_id = l.action_id
       where i.id = $1::uuid and l.event = 'approved'`,
      [itemId],
    );
    expect(audit).toHaveLength(1);
    expect(answersTo(pathOf(payload.response_url))).toEqual([]);
  });

  it('refuses, to that person only, a member the item is not assigned to; an admin may decide it', async () => {
    const { itemId } = await approval({ next_step: 'Legal to redline' });
    const refused = click(SLACK_USERS.other, 'approve', itemId);
    expect((await send(refused)).status).toBe(200);
    const [row] = await settled(itemId);
    expect(row).toMatchObject({ status: 'refused' });
    expect((await itemRow(itemId)).status).toBe('pending');
    expect(answersTo(pathOf(refused.response_url))).toEqual([
      {
        path: pathOf(refused.response_url),
        body: expect.objectContaining({
          response_type: 'ephemeral',
          replace_original: false,
          text: expect.stringContaining('Only the person this item is assigned to'),
        }),
      },
    ]);

    const byAdmin = click(SLACK_USERS.admin, 'approve', itemId);
    expect((await send(byAdmin)).status).toBe(200);
    await until('the admin’s approval', async () =>
      (await itemRow(itemId)).status === 'approved' ? true : null,
    );
    expect((await itemRow(itemId)).resolvedBy).toBe(admin.actor);

    // The rep clicks the card afterwards: told who decided it, nothing changes.
    const late = click(SLACK_USERS.rep, 'approve', itemId);
    expect((await send(late)).status).toBe(200);
    await until(
      'the late click’s answer',
      async () => answersTo(pathOf(late.response_url))[0] ?? null,
    );
    expect(answersTo(pathOf(late.response_url))[0]!.body.text).toBe(
      `Already approved by ${admin.actor}.`,
    );
  });

  it('approves an Edit modal’s submission with the edited value, and shows a wrong value in the modal', async () => {
    const { itemId, recordId } = await approval({ next_step: 'Pricing call', amount: 42000 });
    const wrong = await send(
      submission(SLACK_USERS.rep, 'inbox_edit', itemId, {
        next_step: { value: { type: 'plain_text_input', value: 'Pricing call' } },
        amount: { value: { type: 'number_input', value: 'lots' } },
      }),
    );
    expect(wrong.status).toBe(200);
    expect(JSON.parse(wrong.text)).toEqual({
      response_action: 'errors',
      errors: { amount: 'Enter an amount, e.g. 150000' },
    });
    expect(await interactionsOf(itemId)).toEqual([]);

    const right = await send(
      submission(SLACK_USERS.rep, 'inbox_edit', itemId, {
        next_step: { value: { type: 'plain_text_input', value: 'Pricing call with the CFO' } },
        amount: { value: { type: 'number_input', value: '42000' } },
      }),
    );
    expect(right.status).toBe(200);
    expect(right.text).toBe('');
    await settled(itemId);
    const item = await itemRow(itemId);
    expect(item.status).toBe('approved');
    expect(item.resolution).toMatchObject({ edits: { next_step: 'Pricing call with the CFO' } });
    const deal = await readDeal(recordId, ['hs_next_step', 'amount']);
    expect(deal.hs_next_step).toBe('Pricing call with the CFO');
    expect(Number(deal.amount)).toBe(42000);
  });

  it('rejects with the reason given in the Reject modal', async () => {
    const { itemId, recordId } = await approval({ next_step: 'Never said' });
    const before = (await readDeal(recordId, ['hs_next_step'])).hs_next_step;
    const sent = await send(
      submission(SLACK_USERS.rep, 'inbox_reject', itemId, {
        reason: { value: { type: 'plain_text_input', value: 'Not what the buyer said' } },
      }),
    );
    expect(sent.status).toBe(200);
    await settled(itemId);
    expect(await itemRow(itemId)).toMatchObject({
      status: 'rejected',
      resolvedBy: rep.actor,
      resolution: { reason: 'Not what the buyer said' },
    });
    expect((await readDeal(recordId, ['hs_next_step'])).hs_next_step).toBe(before);
  });

  it('answers 404 for a Slack team no workspace installed, and 400 for a payload that is not JSON', async () => {
    const { itemId } = await approval({ next_step: 'Elsewhere' });
    const stranger = await send(click(SLACK_USERS.rep, 'approve', itemId, 'T0STRANGER'));
    expect(stranger.status).toBe(404);
    expect(JSON.parse(stranger.text).error.code).toBe('slack_team_not_connected');
    const broken = await send(null, { body: 'payload=%7Bnot-json' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.text).error.code).toBe('invalid_slack_payload');
    expect((await itemRow(itemId)).status).toBe('pending');
  });
});
