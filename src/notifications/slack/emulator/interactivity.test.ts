import { createHmac, timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_EMULATOR_CLIENT_ID, SLACK_EMULATOR_CLIENT_SECRET } from './emulator.js';
import { startSlackEmulatorForTest } from './slack.test-helper.js';

const SECRET = 'test-signing-secret';

interface Payload {
  trigger_id: string;
  response_url: string;
  actions: Array<{ action_ts: string }>;
  [key: string]: unknown;
}

interface Received {
  headers: Record<string, string | undefined>;
  payload: Payload;
  signatureValid: boolean;
}

/** A stand-in for Pandora's interaction endpoint: checks the signature as Slack documents it. */
const received: Received[] = [];
let answer: (
  payload: Payload,
  n: number,
) => Promise<{ status: number; body?: unknown }> = async () => ({ status: 200 });
const app = Fastify();
app.addContentTypeParser(
  'application/x-www-form-urlencoded',
  { parseAs: 'string' },
  (_r, body, done) => done(null, body),
);
app.post('/api/slack/interactions', async (request, reply) => {
  const raw = request.body as string;
  const timestamp = String(request.headers['x-slack-request-timestamp']);
  const expected = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${raw}`).digest('hex')}`;
  const given = String(request.headers['x-slack-signature'] ?? '');
  const signatureValid =
    given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  const payload = JSON.parse(new URLSearchParams(raw).get('payload')!) as Payload;
  received.push({
    headers: request.headers as Record<string, string | undefined>,
    payload,
    signatureValid,
  });
  const { status, body } = await answer(payload, received.length);
  return reply.code(status).send(body ?? '');
});
const pandoraUrl = await app.listen({ port: 0, host: '127.0.0.1' });
afterAll(() => app.close());

const slack = await startSlackEmulatorForTest({ settings: { interactionTimeoutMs: 300 } });
slack.setInteractivity(`${pandoraUrl}/api/slack/interactions`, SECRET);

const approvalBlocks = [
  { type: 'section', block_id: 'fields', text: { type: 'mrkdwn', text: '*Amount*: 10 -> 20' } },
  {
    type: 'actions',
    block_id: 'decide',
    elements: [
      {
        type: 'button',
        action_id: 'approve',
        text: { type: 'plain_text', text: 'Approve' },
        value: 'item-42',
        style: 'primary',
      },
      {
        type: 'button',
        action_id: 'edit',
        text: { type: 'plain_text', text: 'Edit' },
        value: 'item-42',
      },
    ],
  },
];

beforeEach(() => {
  received.length = 0;
  answer = async () => ({ status: 200 });
});

describe('Slack emulator interactivity', () => {
  it('sends a signed block_actions payload for a click, with a response_url that answers the person', async () => {
    const rex = slack.user('rex.rep@example.com');
    const posted = await slack
      .client()
      .chat.postMessage({ channel: rex.id, text: 'Approve?', blocks: approvalBlocks });
    const record = await slack.click({ user: 'rex.rep@example.com', actionId: 'approve' });
    expect(record.acknowledged).toBe(true);
    expect(received).toHaveLength(1);
    const [{ headers, payload, signatureValid }] = received as [Received];
    expect(signatureValid).toBe(true);
    expect(Math.abs(Number(headers['x-slack-request-timestamp']) - Date.now() / 1000)).toBeLessThan(
      5,
    );
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(payload).toMatchObject({
      type: 'block_actions',
      user: { id: rex.id, team_id: slack.teamId },
      team: { id: slack.teamId },
      channel: { id: posted.channel },
      container: { type: 'message', message_ts: posted.ts, channel_id: posted.channel },
      message: { ts: posted.ts, text: 'Approve?' },
      actions: [{ action_id: 'approve', block_id: 'decide', value: 'item-42', type: 'button' }],
    });
    expect(payload.trigger_id).toEqual(expect.any(String));
    expect(payload.actions[0]?.action_ts).toMatch(/^\d+\.\d{6}$/);

    const replaced = await fetch(payload.response_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replace_original: true, text: 'Approved by Rex' }),
    });
    expect(replaced.status).toBe(200);
    expect(slack.dmWith('rex.rep@example.com').at(-1)).toMatchObject({
      ts: posted.ts,
      text: 'Approved by Rex',
    });
    await fetch(payload.response_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Only you see this' }),
    });
    expect(slack.emulator.store.ephemerals.at(-1)).toMatchObject({
      user: rex.id,
      text: 'Only you see this',
      via: 'response_url',
    });
  });

  it('retries a click Pandora does not acknowledge in time, numbering the retries', async () => {
    await slack.client().chat.postMessage({
      channel: slack.channel('general').id,
      text: 'Approve?',
      blocks: approvalBlocks,
    });
    answer = async (_payload, n) => {
      if (n <= 2) await new Promise((resolve) => setTimeout(resolve, 500));
      return { status: 200 };
    };
    const record = await slack.click({
      user: 'ada.admin@example.com',
      actionId: 'approve',
      channel: slack.channel('general').id,
    });
    expect(record.attempts.map((a) => [a.retryNum, a.status ?? a.error])).toEqual([
      [0, 'timeout'],
      [1, 'timeout'],
      [2, 200],
    ]);
    expect(
      received.map((r) => [r.headers['x-slack-retry-num'], r.headers['x-slack-retry-reason']]),
    ).toEqual([
      [undefined, undefined],
      ['1', 'http_timeout'],
      ['2', 'http_timeout'],
    ]);
    // The same click each time: the same payload, each request signed afresh.
    expect(new Set(received.map((r) => JSON.stringify(r.payload))).size).toBe(1);
    expect(received.every((r) => r.signatureValid)).toBe(true);
  });

  it('signs wrong, not at all, or too early when a probe asks', async () => {
    await slack.client().chat.postMessage({
      channel: slack.channel('general').id,
      text: 'Approve?',
      blocks: approvalBlocks,
    });
    answer = async () => ({ status: 401 });
    const base = { user: 'ada.admin@example.com', actionId: 'approve', retries: false } as const;
    await slack.click({ ...base, sign: { secret: 'wrong' } });
    await slack.click({ ...base, sign: { omit: true } });
    await slack.click({ ...base, sign: { ageSeconds: 360 } });
    expect(received.map((r) => r.signatureValid)).toEqual([false, false, true]);
    expect(received[1]!.headers['x-slack-signature']).toBeUndefined();
    expect(
      Date.now() / 1000 - Number(received[2]!.headers['x-slack-request-timestamp']),
    ).toBeGreaterThan(355);
    expect(received).toHaveLength(3);
  });

  it('opens a modal from a fresh trigger_id, refuses a used or expired one, and submits its values', async () => {
    await slack.client().chat.postMessage({
      channel: slack.channel('general').id,
      text: 'Edit?',
      blocks: approvalBlocks,
    });
    const view = {
      type: 'modal',
      callback_id: 'edit_item',
      private_metadata: 'item-42',
      title: { type: 'plain_text', text: 'Edit the amount' },
      submit: { type: 'plain_text', text: 'Approve' },
      blocks: [
        {
          type: 'input',
          block_id: 'amount',
          label: { type: 'plain_text', text: 'Amount' },
          element: { type: 'plain_text_input', action_id: 'value', initial_value: '20' },
        },
        {
          type: 'input',
          block_id: 'close',
          label: { type: 'plain_text', text: 'Close date' },
          element: { type: 'datepicker', action_id: 'value', initial_date: '2026-12-31' },
        },
      ],
    };
    await slack.click({ user: 'ada.admin@example.com', actionId: 'edit' });
    const triggerId = received[0]!.payload.trigger_id as string;
    const opened = await slack.client().views.open({ trigger_id: triggerId, view: view as never });
    expect(opened.view).toMatchObject({ callback_id: 'edit_item', private_metadata: 'item-42' });
    await expect(
      slack.client().views.open({ trigger_id: triggerId, view: view as never }),
    ).rejects.toMatchObject({ data: { error: 'exchanged_trigger_id' } });

    // Slack's trigger ids last three seconds.
    slack.emulator.settings.triggerTtlMs = 0;
    await slack.click({ user: 'ada.admin@example.com', actionId: 'edit' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(
      slack
        .client()
        .views.open({ trigger_id: received[1]!.payload.trigger_id, view: view as never }),
    ).rejects.toMatchObject({ data: { error: 'expired_trigger_id' } });
    slack.emulator.settings.triggerTtlMs = 3_000;

    answer = async (_payload, n) =>
      n === 3
        ? { status: 200, body: { response_action: 'errors', errors: { amount: 'Not a number' } } }
        : { status: 200 };
    const viewId = opened.view!.id!;
    await slack.submitView({ viewId, values: { amount: { value: 'abc' } } });
    expect(slack.emulator.store.views.get(viewId)?.status).toBe('open');
    await slack.submitView({ viewId, values: { amount: { value: '25' } } });
    expect(slack.emulator.store.views.get(viewId)?.status).toBe('closed');
    const submitted = received.at(-1)!.payload;
    expect(submitted).toMatchObject({
      type: 'view_submission',
      user: { id: slack.user('ada.admin@example.com').id },
      view: {
        id: viewId,
        callback_id: 'edit_item',
        private_metadata: 'item-42',
        state: {
          values: {
            amount: { value: { type: 'plain_text_input', value: '25' } },
            close: { value: { type: 'datepicker', selected_date: '2026-12-31' } },
          },
        },
      },
    });
  });

  it('installs by OAuth: authorize redirects back with code and state, oauth.v2.access gives a bot token once', async () => {
    const authorize = new URL(`${slack.url}/oauth/v2/authorize`);
    authorize.search = new URLSearchParams({
      client_id: SLACK_EMULATOR_CLIENT_ID,
      scope: 'chat:write,users:read.email',
      redirect_uri: 'http://pandora.test/api/slack/oauth/callback',
      state: 'signed-state',
    }).toString();
    const redirect = await fetch(authorize, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const back = new URL(redirect.headers.get('location')!);
    expect(back.origin + back.pathname).toBe('http://pandora.test/api/slack/oauth/callback');
    expect(back.searchParams.get('state')).toBe('signed-state');
    const code = back.searchParams.get('code')!;

    const client = slack.client('');
    await expect(
      client.oauth.v2.access({ client_id: SLACK_EMULATOR_CLIENT_ID, client_secret: 'nope', code }),
    ).rejects.toMatchObject({ data: { error: 'bad_client_secret' } });
    const granted = await client.oauth.v2.access({
      client_id: SLACK_EMULATOR_CLIENT_ID,
      client_secret: SLACK_EMULATOR_CLIENT_SECRET,
      code,
      redirect_uri: 'http://pandora.test/api/slack/oauth/callback',
    });
    expect(granted).toMatchObject({
      ok: true,
      token_type: 'bot',
      scope: 'chat:write,users:read.email',
      team: { id: slack.teamId },
    });
    expect(granted.access_token).toMatch(/^xoxb-/);
    expect((await slack.client(granted.access_token).auth.test()).team_id).toBe(slack.teamId);
    await expect(
      client.oauth.v2.access({
        client_id: SLACK_EMULATOR_CLIENT_ID,
        client_secret: SLACK_EMULATOR_CLIENT_SECRET,
        code,
      }),
    ).rejects.toMatchObject({ data: { error: 'code_already_used' } });

    const wrongClient = await fetch(
      `${slack.url}/oauth/v2/authorize?client_id=other&scope=chat:write&redirect_uri=http://x.test/`,
      { redirect: 'manual' },
    );
    expect(wrongClient.status).toBe(400);
  });
});
