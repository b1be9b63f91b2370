import { ErrorCode, WebClient, type WebAPIPlatformError } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { startSlackEmulatorForTest } from './slack.test-helper.js';

const slack = await startSlackEmulatorForTest();

/** The error code of a call the WebClient turned into a platform error. */
async function slackError(call: Promise<unknown>): Promise<string> {
  const error = (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as WebAPIPlatformError | undefined;
  expect(error?.code).toBe(ErrorCode.PlatformError);
  return error!.data.error;
}

describe('Slack emulator Web API through the official WebClient', () => {
  it('knows the bot token, and refuses a missing or unknown one as Slack does', async () => {
    const me = await slack.client().auth.test();
    expect(me).toMatchObject({
      ok: true,
      team_id: slack.teamId,
      bot_id: expect.stringMatching(/^B/),
    });
    expect(me.user_id).toMatch(/^U/);
    expect(
      await slackError(
        new WebClient(undefined, {
          slackApiUrl: slack.apiUrl,
          retryConfig: { retries: 0 },
        }).auth.test(),
      ),
    ).toBe('not_authed');
    expect(await slackError(slack.client('xoxb-not-a-token').auth.test())).toBe('invalid_auth');
  });

  it('posts blocks and metadata to a user id by opening the DM, and finds them again by metadata', async () => {
    const client = slack.client();
    const rex = slack.user('rex.rep@example.com');
    const blocks = [
      { type: 'section', text: { type: 'mrkdwn', text: '*Amount* 10 -> 20' } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'approve',
            text: { type: 'plain_text', text: 'Approve' },
            value: 'item-1',
          },
        ],
      },
    ];
    const posted = await client.chat.postMessage({
      channel: rex.id,
      text: 'Approve the amount?',
      blocks,
      metadata: { event_type: 'pandora_notification', event_payload: { key: 'delivery-1' } },
    });
    expect(posted.channel).toMatch(/^D/);
    const opened = await client.conversations.open({ users: rex.id });
    expect(opened.channel?.id).toBe(posted.channel);
    expect(slack.dmWith('rex.rep@example.com').map((m) => m.text)).toEqual(['Approve the amount?']);
    // Every block gets a block_id, as Slack gives one.
    expect(posted.message?.blocks?.every((block) => typeof block.block_id === 'string')).toBe(true);

    const plain = await client.conversations.history({ channel: posted.channel! });
    expect(plain.messages?.[0]).not.toHaveProperty('metadata');
    const withMetadata = await client.conversations.history({
      channel: posted.channel!,
      include_all_metadata: true,
    });
    expect(withMetadata.messages?.[0]?.metadata).toEqual({
      event_type: 'pandora_notification',
      event_payload: { key: 'delivery-1' },
    });
  });

  it('pages conversations.history newest first by cursor', async () => {
    const client = slack.client();
    const channel = slack.channel('sales').id;
    for (const n of [1, 2, 3, 4, 5]) await client.chat.postMessage({ channel, text: `m${n}` });
    const texts: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await client.conversations.history({ channel, limit: 2, cursor });
      texts.push(...(page.messages ?? []).map((m) => m.text ?? ''));
      cursor = page.response_metadata?.next_cursor || undefined;
      pages += 1;
    } while (cursor);
    expect(texts).toEqual(['m5', 'm4', 'm3', 'm2', 'm1']);
    expect(pages).toBe(3);
    expect(await slackError(client.conversations.history({ channel, cursor: 'bm9wZQ==' }))).toBe(
      'invalid_cursor',
    );
  });

  it('edits a message with chat.update and keeps what it said before', async () => {
    const client = slack.client();
    const channel = slack.channel('general').id;
    const posted = await client.chat.postMessage({ channel, text: 'Awaiting approval' });
    const updated = await client.chat.update({ channel, ts: posted.ts!, text: 'Approved by Ada' });
    expect(updated).toMatchObject({ ok: true, ts: posted.ts, text: 'Approved by Ada' });
    const stored = slack.messages({ channel }).find((m) => m.ts === posted.ts)!;
    expect(stored.edited).not.toBeNull();
    expect(stored.history.map((h) => h.text)).toEqual(['Awaiting approval']);
    expect(await slackError(client.chat.update({ channel, ts: '1.000001', text: 'x' }))).toBe(
      'message_not_found',
    );
    expect(await slackError(client.chat.postMessage({ channel: 'C000NOPE', text: 'x' }))).toBe(
      'channel_not_found',
    );
    expect(await slackError(client.chat.postMessage({ channel, text: '' }))).toBe('no_text');
  });

  it('looks people up by email, lists channels by cursor and refuses what the token may not do', async () => {
    const client = slack.client();
    const found = await client.users.lookupByEmail({ email: 'Mia.Manager@example.com' });
    expect(found.user?.profile?.email).toBe('mia.manager@example.com');
    expect(await slackError(client.users.lookupByEmail({ email: 'nobody@example.com' }))).toBe(
      'users_not_found',
    );

    const names: string[] = [];
    for await (const page of client.paginate('conversations.list', { limit: 1 })) {
      names.push(
        ...(page as unknown as { channels: { name: string }[] }).channels.map((c) => c.name),
      );
    }
    expect(names).toEqual(['general', 'revops-alerts', 'sales']);

    const install = slack.emulator.store.install(slack.teamId, { scopes: ['chat:write'] });
    const narrow = await slackError(
      slack.client(install.token).users.lookupByEmail({ email: 'rex.rep@example.com' }),
    );
    expect(narrow).toBe('missing_scope');
  });

  it('takes a JSON body with the token in the header, but not a token inside JSON', async () => {
    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(`${slack.apiUrl}chat.postMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
        body: JSON.stringify(body),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as { ok: boolean; error?: string },
      }));
    const channel = slack.channel('general').id;
    const ok = await post(
      { authorization: `Bearer ${slack.botToken}` },
      { channel, text: 'json', blocks: [{ type: 'divider' }] },
    );
    expect(ok).toMatchObject({ status: 200, body: { ok: true } });
    const refused = await post({}, { token: slack.botToken, channel, text: 'json' });
    expect(refused).toMatchObject({ status: 200, body: { ok: false, error: 'not_authed' } });
  });

  it('answers 429 with Retry-After per method tier, and injected faults', async () => {
    const limited = await startSlackEmulatorForTest({ settings: { rateLimits: true } });
    const client = limited.client();
    const channel = limited.channel('general').id;
    const outcomes: string[] = [];
    for (let n = 0; n < 4; n += 1) {
      outcomes.push(
        await client.chat.postMessage({ channel, text: `burst ${n}` }).then(
          () => 'ok',
          (e: { code: string; retryAfter?: number }) => `${e.code}:${e.retryAfter}`,
        ),
      );
    }
    // Posting is about one a second per channel with a short burst.
    expect(outcomes).toEqual(['ok', 'ok', 'ok', `${ErrorCode.RateLimitedError}:3`]);

    limited.emulator.faults.add({
      kind: 'rate_limit',
      method: 'users.info',
      retryAfterSeconds: 7,
      times: 1,
    });
    const response = await fetch(`${limited.apiUrl}users.info?user=U1`, {
      headers: { authorization: `Bearer ${limited.botToken}` },
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toEqual({ ok: false, error: 'ratelimited' });

    limited.emulator.faults.add({
      kind: 'error',
      method: 'auth.test',
      error: 'internal_error',
      times: 1,
    });
    expect(await slackError(client.auth.test())).toBe('internal_error');
    expect((await client.auth.test()).ok).toBe(true);
  });

  it('posts a message whose answer is lost when told to drop after applying it', async () => {
    const client = slack.client();
    const channel = slack.channel('revops-alerts').id;
    slack.emulator.faults.add({ kind: 'drop_after_apply', method: 'chat.postMessage', times: 1 });
    const outcome = await client.chat.postMessage({ channel, text: 'lost answer' }).then(
      () => 'answered',
      (e: { code: string }) => e.code,
    );
    expect(outcome).toBe(ErrorCode.RequestError);
    expect(slack.messages({ channel }).map((m) => m.text)).toContain('lost answer');
  });
});
