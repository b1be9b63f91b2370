import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { WebClient } from '@slack/web-api';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { startSandbox } from '../crm/emulator/sandbox.js';
import { generateDemoData } from '../demo/generate.js';
import nodemailer from 'nodemailer';
import { currentSmtpUrl } from './email/smtp.js';
import { connectSandboxSlack, startNotificationEmulators } from './sandbox.js';
import {
  signature,
  SLACK_EMULATOR_BOT_TOKEN,
  SLACK_EMULATOR_CLIENT_ID,
  SLACK_EMULATOR_CLIENT_SECRET,
} from './slack/emulator/index.js';

const log = pino({ level: 'silent' });

describe('the notification emulators of the sandbox', () => {
  it('seed Slack with the given people, found by email through the WebClient', async () => {
    const running = await startNotificationEmulators({
      host: '127.0.0.1',
      port: 0,
      users: [
        { email: 'demo@pandora.local', name: 'Demo Admin' },
        { email: 'rep@pandora-demo.com', name: 'Rita Rep' },
      ],
      log,
    });
    afterAll(() => running.stop());
    const client = new WebClient(SLACK_EMULATOR_BOT_TOKEN, {
      slackApiUrl: `${running.slackUrl}/api/`,
      retryConfig: { retries: 0 },
    });
    const found = await client.users.lookupByEmail({ email: 'rep@pandora-demo.com' });
    expect(found.user?.real_name).toBe('Rita Rep');
    const channels = await client.conversations.list({});
    expect(channels.channels?.map((c) => c.name)).toContain('revops-alerts');
  });

  it("show channels and messages on the emulator's page, whose buttons send Pandora a click signed with the sandbox's secret", async () => {
    const running = await startNotificationEmulators({
      host: '127.0.0.1',
      port: 0,
      users: [
        { email: 'demo@pandora.local', name: 'Demo Admin' },
        { email: 'rep@pandora-demo.com', name: 'Rita Rep' },
      ],
      log,
    });
    afterAll(() => running.stop());
    const clicks: string[] = [];
    const pandora = Fastify();
    pandora.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_r, body, done) => done(null, body),
    );
    const config = { slackSigningSecret: undefined as string | undefined };
    pandora.post('/api/slack/interactions', async (request, reply) => {
      const timestamp = Number(request.headers['x-slack-request-timestamp']);
      const signed = signature(config.slackSigningSecret!, timestamp, request.body as string);
      if (request.headers['x-slack-signature'] !== signed) return reply.code(401).send();
      const payload = JSON.parse(new URLSearchParams(request.body as string).get('payload')!) as {
        user: { id: string };
        actions: Array<{ action_id: string }>;
      };
      clicks.push(`${payload.user.id} ${payload.actions[0]!.action_id}`);
      return '';
    });
    const pandoraUrl = await pandora.listen({ port: 0, host: '127.0.0.1' });
    afterAll(() => pandora.close());
    // With no SLACK_SIGNING_SECRET, the sandbox makes one up and gives it to both sides.
    connectSandboxSlack(running, config, pandoraUrl);
    expect(config.slackSigningSecret).toMatch(/^[0-9a-f]{48}$/);

    const client = new WebClient(SLACK_EMULATOR_BOT_TOKEN, {
      slackApiUrl: `${running.slackUrl}/api/`,
    });
    const alerts = running.slack.store.channelByName(running.slack.team.id, 'revops-alerts')!;
    const posted = await client.chat.postMessage({
      channel: alerts.id,
      text: 'Amount changed',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Deal <Acme> needs you' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*Amount*: 10 -> 20' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'confidence 0.91' }] },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'approve',
              style: 'primary',
              text: { type: 'plain_text', text: 'Approve' },
            },
          ],
        },
      ],
    });
    const rita = running.slack.store.userByEmail(running.slack.team.id, 'rep@pandora-demo.com')!;
    const html = await fetch(`${running.slackUrl}/?channel=${alerts.id}&as=${rita.id}`).then((r) =>
      r.text(),
    );
    expect(html).toContain('#revops-alerts');
    expect(html).toContain('<h3>Deal &#60;Acme&#62; needs you</h3>');
    expect(html).toContain('<b>Amount</b>: 10 -&#62; 20');
    expect(html).toContain('confidence 0.91');
    expect(html).toMatch(/action="\/_emulator\/ui\/click"/);

    const form = new URLSearchParams({
      channel: alerts.id,
      ts: posted.ts!,
      actionId: 'approve',
      as: rita.id,
    });
    const clicked = await fetch(`${running.slackUrl}/_emulator/ui/click`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    });
    expect(clicked.status).toBe(302);
    expect(decodeURIComponent(clicked.headers.get('location')!)).toContain('Pandora answered 200');
    expect(clicks).toEqual([`${rita.id} approve`]);
  });

  it('start with the sandbox on free ports when it is given the people, and stop with it', async () => {
    const db = await createTestDatabase();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pandora-sandbox-'));
    afterAll(() => rm(dataDir, { recursive: true, force: true }));
    const sandbox = await startSandbox({
      pool: db.pool,
      dataDir,
      host: '127.0.0.1',
      port: 0,
      initialData: () => generateDemoData({ seed: 7 }),
      notificationUsers: () => [{ email: 'demo@pandora.local', name: 'Demo Admin' }],
      log,
    });
    expect(sandbox.slackUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const test = await fetch(`${sandbox.slackUrl}/api/auth.test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SLACK_EMULATOR_BOT_TOKEN}` },
    }).then((r) => r.json());
    expect(test).toMatchObject({ ok: true });
    // Its SMTP server takes mail, and tells a worker elsewhere where it listens.
    const smtp = sandbox.notifications!.smtp!;
    expect(currentSmtpUrl({ smtpUrl: undefined, sandbox: true, dataDir })).toBe(smtp.url);
    await nodemailer
      .createTransport({ url: smtp.url })
      .sendMail({ from: 'a@example.com', to: 'demo@pandora.local', subject: 'hi', text: 'hi' });
    expect(smtp.mailbox.list().map((m) => m.subject)).toEqual(['hi']);
    await sandbox.stop();
    await expect(fetch(`${sandbox.slackUrl}/api/auth.test`)).rejects.toThrow();
    expect(currentSmtpUrl({ smtpUrl: undefined, sandbox: true, dataDir })).toBeUndefined();
    await expect(nodemailer.createTransport({ url: smtp.url }).verify()).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });

  it('put the SMTP server on Slack’s port + 2 (the sandbox’s + 5)', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pandora-smtp-port-'));
    afterAll(() => rm(dataDir, { recursive: true, force: true }));
    // A port found free may be taken by another test's server before the emulators bind it
    // and the two after it: then a fresh one is tried (a few times at most).
    const startOnFreePort = async (attempts: number) => {
      const probe = Fastify();
      const free = await probe.listen({ port: 0, host: '127.0.0.1' });
      await probe.close();
      const port = Number(new URL(free).port);
      try {
        const emulators = await startNotificationEmulators({
          host: '127.0.0.1',
          port,
          users: [],
          dataDir,
          log,
        });
        return { port, running: emulators };
      } catch (error) {
        if (attempts <= 1 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        return startOnFreePort(attempts - 1);
      }
    };
    const { port, running } = await startOnFreePort(5);
    afterAll(() => running.stop());
    expect(running.smtp?.url).toBe(`smtp://127.0.0.1:${port + 2}`);
  });

  it('keep installs, people, channels and messages across a restart, and give the same people the same ids afresh', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pandora-slack-'));
    afterAll(() => rm(dataDir, { recursive: true, force: true }));
    const users = [{ email: 'demo@pandora.local', name: 'Demo Admin' }];
    const first = await startNotificationEmulators({
      host: '127.0.0.1',
      port: 0,
      users,
      dataDir,
      log,
    });
    const { access_token: token } = await installByOAuth(first.slackUrl);
    const client = (url: string) =>
      new WebClient(token, { slackApiUrl: `${url}/api/`, retryConfig: { retries: 0 } });
    const demo = await client(first.slackUrl).users.lookupByEmail({ email: 'demo@pandora.local' });
    const posted = await client(first.slackUrl).chat.postMessage({
      channel: demo.user!.id!,
      text: 'Awaiting approval',
    });
    await first.stop();

    const second = await startNotificationEmulators({
      host: '127.0.0.1',
      port: 0,
      users,
      dataDir,
      log,
    });
    afterAll(() => second.stop());
    const again = await client(second.slackUrl).users.lookupByEmail({
      email: 'demo@pandora.local',
    });
    expect(again.user?.id).toBe(demo.user?.id);
    const updated = await client(second.slackUrl).chat.update({
      channel: posted.channel!,
      ts: posted.ts!,
      text: 'Approved',
    });
    expect(updated.ok).toBe(true);

    // Without the saved state, the same person and channel still get the same ids.
    const fresh = await startNotificationEmulators({ host: '127.0.0.1', port: 0, users, log });
    afterAll(() => fresh.stop());
    const freshClient = new WebClient(SLACK_EMULATOR_BOT_TOKEN, {
      slackApiUrl: `${fresh.slackUrl}/api/`,
    });
    const freshDemo = await freshClient.users.lookupByEmail({ email: 'demo@pandora.local' });
    expect(freshDemo.user?.id).toBe(demo.user?.id);
    const opened = await freshClient.conversations.open({ users: freshDemo.user!.id! });
    expect(opened.channel?.id).toBe(posted.channel);
  });
});

/** "Add to Slack" as Pandora does it: the authorize redirect, then oauth.v2.access. */
async function installByOAuth(slackUrl: string) {
  const authorize = new URL(`${slackUrl}/oauth/v2/authorize`);
  authorize.search = new URLSearchParams({
    client_id: SLACK_EMULATOR_CLIENT_ID,
    scope: 'chat:write,im:write,users:read,users:read.email',
    redirect_uri: 'http://pandora.test/callback',
    state: 's',
  }).toString();
  const redirect = await fetch(authorize, { redirect: 'manual' });
  const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
  const granted = await new WebClient(undefined, {
    slackApiUrl: `${slackUrl}/api/`,
  }).oauth.v2.access({
    client_id: SLACK_EMULATOR_CLIENT_ID,
    client_secret: SLACK_EMULATOR_CLIENT_SECRET,
    code,
  });
  return granted as typeof granted & { access_token: string };
}
