import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { currentSmtpUrl, sandboxSmtpFile } from '../smtp.js';
import { Mailbox } from './mailbox.js';
import { startSmtpSandbox } from './sandbox.js';

const log = pino({ level: 'silent' });

async function send(url: string, to: string, subject: string) {
  await nodemailer
    .createTransport({ url })
    .sendMail({ from: 'a@example.com', to, subject, text: 'hi', messageId: '<same@example.com>' });
}

describe('the sandbox SMTP server', () => {
  it('keeps what it received across a restart, and tells senders where it listens', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pandora-smtp-'));
    const first = await startSmtpSandbox({ host: '127.0.0.1', port: 0, dataDir, log });
    expect(currentSmtpUrl({ smtpUrl: undefined, sandbox: true, dataDir })).toBe(first.url);
    await send(first.url, 'dana@example.com', 'one');
    // The same Message-ID twice is two messages: the server de-duplicates nothing.
    await send(first.url, 'dana@example.com', 'one');
    await send(first.url, 'lee@example.com', 'two');
    expect(first.mailbox.list().map((m) => m.subject)).toEqual(['two', 'one', 'one']);
    expect(first.mailbox.list({ recipient: 'DANA@example.com' })).toHaveLength(2);
    await first.stop();
    expect(existsSync(sandboxSmtpFile(dataDir))).toBe(false);

    const second = await startSmtpSandbox({ host: '127.0.0.1', port: 0, dataDir, log });
    expect(second.mailbox.list().map((m) => [m.subject, m.envelopeTo, m.messageId])).toEqual([
      ['two', ['lee@example.com'], '<same@example.com>'],
      ['one', ['dana@example.com'], '<same@example.com>'],
      ['one', ['dana@example.com'], '<same@example.com>'],
    ]);
    await second.stop();
  });

  it('keeps a bounded mailbox, dropping the oldest', () => {
    const mailbox = new Mailbox({ limit: 2 });
    for (const subject of ['a', 'b', 'c']) {
      mailbox.add({
        envelopeFrom: '',
        envelopeTo: ['x@example.com'],
        from: '',
        to: [],
        subject,
        messageId: null,
        workspaceId: null,
        text: '',
        html: null,
      });
    }
    expect(mailbox.list().map((m) => m.subject)).toEqual(['c', 'b']);
  });
});
