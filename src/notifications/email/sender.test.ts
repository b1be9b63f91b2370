import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { parseSecretKey } from '../../tenancy/secrets.js';
import type { DeliveryTask } from '../types.js';
import { createSmtpEmulator } from './emulator/server.js';
import { verifyLink } from './links.js';
import { classifySmtpError, createEmailSender, messageIdFor, SendPacer } from './sender.js';
import { announceSandboxSmtp, withdrawSandboxSmtp } from './smtp.js';

const secretKey = parseSecretKey('22'.repeat(32));
const smtp = createSmtpEmulator();
const smtpUrl = await smtp.listen(0);
afterAll(() => smtp.close());

const config = {
  ...loadConfig({}),
  smtpUrl,
  emailFrom: 'Pandora <pandora@pandora.test>',
  emailPerSecond: 1000,
  publicUrl: 'https://pandora.test',
};

let counter = 0;
function task(overrides: Partial<DeliveryTask> = {}): DeliveryTask {
  counter += 1;
  return {
    deliveryId: `delivery-${counter}`,
    workspaceId: 'ws-1',
    channel: 'email',
    recipient: { userId: 'user-1', email: 'dana@example.com', name: 'Dana Reyes' },
    target: null,
    payload: {
      type: 'approval',
      title: `Acme renewal ${counter}`,
      body: 'Two changes from the call.',
      link: '/inbox/item-1',
      severity: 'info',
      critical: false,
      inboxItemId: 'item-1',
      fields: [{ field: 'amount', label: 'Amount', before: 1, after: 2, confidence: 0.9 }],
    },
    idempotencyKey: `key-${counter}`,
    attempt: 1,
    externalRef: {},
    ...overrides,
  };
}

beforeEach(async () => {
  smtp.mailbox.clear();
  smtp.faults.clear();
  await smtp.up();
});

describe('the email sender over SMTP', () => {
  const sender = createEmailSender({ config, secretKey });

  it('sends the rendered email with a deterministic Message-ID and a signed link', async () => {
    const sent = task();
    const outcome = await sender.send(sent);
    const messageId = messageIdFor('ws-1', sent.idempotencyKey, config.emailFrom);
    expect(outcome).toMatchObject({ status: 'delivered', externalRef: { messageId } });
    expect(messageId).toMatch(/^<[0-9a-f]{40}@pandora\.test>$/);
    expect(messageIdFor('ws-1', sent.idempotencyKey, config.emailFrom)).toBe(messageId);
    expect(messageIdFor('ws-2', sent.idempotencyKey, config.emailFrom)).not.toBe(messageId);

    const [message, ...others] = smtp.mailbox.list();
    expect(others).toEqual([]);
    expect(message).toMatchObject({
      envelopeFrom: 'pandora@pandora.test',
      envelopeTo: ['dana@example.com'],
      subject: `Approval needed: ${sent.payload.title}`,
      messageId,
      workspaceId: 'ws-1',
    });
    expect(smtp.mailbox.list({ workspaceId: 'ws-2' })).toEqual([]);
    expect(message!.text).toContain('- Amount: 1 -> 2 (90% confident)');
    const token = /open\?token=([^\s"&]+)/.exec(message!.text)?.[1];
    expect(message!.text).toContain('https://pandora.test/api/notifications/open?token=');
    expect(verifyLink(secretKey, decodeURIComponent(token!))).toMatchObject({
      ok: true,
      claims: { workspaceId: 'ws-1', link: '/inbox/item-1', recipientUserId: 'user-1' },
    });
    expect(message!.html).toContain('<strong>2</strong>');
  });

  it('retries while the server is down and delivers once when it is back', async () => {
    await smtp.down();
    const sent = task();
    const first = await sender.send(sent);
    expect(first).toMatchObject({
      status: 'retry',
      error: expect.stringMatching(/ECONNREFUSED|ECONNECTION/),
    });
    expect(smtp.mailbox.size).toBe(0);

    await smtp.up();
    expect(await sender.send({ ...sent, attempt: 2 })).toMatchObject({ status: 'delivered' });
    expect(smtp.mailbox.list().map((message) => message.subject)).toEqual([
      `Approval needed: ${sent.payload.title}`,
    ]);
  });

  it('comes back by itself after down(ms)', async () => {
    await smtp.down(300);
    const sent = task();
    expect((await sender.send(sent)).status).toBe('retry');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await sender.send({ ...sent, attempt: 2 })).status).toBe('delivered');
    expect(smtp.mailbox.size).toBe(1);
  });

  it('retries on 421 at the greeting, then delivers once', async () => {
    smtp.busyFor(300);
    const sent = task();
    expect(await sender.send(sent)).toMatchObject({
      status: 'retry',
      error: expect.stringContaining('SMTP 421'),
    });
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await sender.send({ ...sent, attempt: 2 })).status).toBe('delivered');
    expect(smtp.mailbox.size).toBe(1);
  });

  it('fails with the server’s reason when the address is rejected with 550', async () => {
    smtp.rejectAddress('gone@example.com');
    const outcome = await sender.send(
      task({ recipient: { userId: 'user-2', email: 'gone@example.com', name: 'Gone' } }),
    );
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(outcome.status === 'failed' && outcome.error).toMatch(
      /SMTP 550: .*gone@example\.com.*Recipient address rejected/,
    );
    expect(smtp.mailbox.size).toBe(0);
    // Another address still goes through.
    expect((await sender.send(task())).status).toBe('delivered');
  });

  it('skips a post without a member to send it to', async () => {
    expect(await sender.send(task({ recipient: null, target: 'C123' }))).toMatchObject({
      status: 'skipped',
    });
    expect(smtp.mailbox.size).toBe(0);
  });

  it('keeps to its rate per second', async () => {
    const paced = createEmailSender({ config: { ...config, emailPerSecond: 5 }, secretKey });
    expect(paced.perSecond).toBe(5);
    const started = Date.now();
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => paced.send(task())));
    expect(outcomes.every((outcome) => outcome.status === 'delivered')).toBe(true);
    // Six sends 200 ms apart: the last one leaves a second after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(smtp.mailbox.size).toBe(6);
  });
});

describe('the sandbox SMTP server as the default', () => {
  it('is found through the data folder, and a missing one is a retry', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pandora-email-'));
    const sandboxConfig = { ...config, smtpUrl: undefined, sandbox: true, dataDir };
    const sender = createEmailSender({ config: sandboxConfig, secretKey });
    expect(await sender.send(task())).toMatchObject({
      status: 'retry',
      error: 'the sandbox SMTP server is not running',
    });
    await announceSandboxSmtp(dataDir, smtpUrl);
    expect((await sender.send(task())).status).toBe('delivered');
    await withdrawSandboxSmtp(dataDir);
    expect((await sender.send(task())).status).toBe('retry');
    expect(smtp.mailbox.size).toBe(1);
  });

  it('skips when there is neither SMTP_URL nor a sandbox', async () => {
    const sender = createEmailSender({
      config: { ...config, smtpUrl: undefined, sandbox: false },
      secretKey,
    });
    expect(await sender.send(task())).toMatchObject({ status: 'skipped' });
  });
});

describe('SMTP failures', () => {
  it('retries 4xx and connection errors, fails 5xx', () => {
    expect(classifySmtpError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' })).toEqual({
      status: 'retry',
      error: 'ECONNECTION: connect ECONNREFUSED',
    });
    expect(classifySmtpError({ responseCode: 450, response: '450 mailbox busy' })).toMatchObject({
      status: 'retry',
    });
    expect(classifySmtpError({ responseCode: 535, response: '535 bad login' })).toEqual({
      status: 'failed',
      error: 'SMTP 535: 535 bad login',
    });
  });

  it('paces sends and hands a long wait back as a retry', () => {
    const pacer = new SendPacer(2, 1000);
    expect(pacer.reserve(0)).toBe(0);
    expect(pacer.reserve(0)).toBe(500);
    expect(pacer.reserve(0)).toBe(1000);
    expect(pacer.reserve(0)).toBeNull();
    expect(pacer.reserve(1000)).toBe(500);
  });
});

describe('loadConfig', () => {
  it('reads SMTP_URL and the From address, refusing other schemes without echoing secrets', () => {
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(loadConfig({}).emailFrom).toBe('Pandora <pandora@localhost>');
    const parsed = loadConfig({
      SMTP_URL: 'smtps://u:p@mail.example.com:465',
      PANDORA_EMAIL_FROM: 'CRM <crm@example.com>',
    });
    expect(parsed).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.example.com:465',
      emailFrom: 'CRM <crm@example.com>',
    });
    expect(() => loadConfig({ SMTP_URL: 'http://u:hunter2@mail.example.com' })).toThrow(
      /^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL[^2]*$/,
    );
  });
});
