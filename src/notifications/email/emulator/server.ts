import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { FaultRules, type FaultRuleBase } from '../../../emulator-kit/fault-rules.js';
import { Mailbox } from './mailbox.js';

/** A fault the emulated SMTP server injects; `until` (epoch ms) bounds it in time. */
export type SmtpFault = FaultRuleBase & { until?: number } & (
    | /** Answer the greeting with this code (421: busy, try later) and hang up. */
      {
        kind: 'greeting';
        code: number;
        message?: string;
      } /** Refuse one recipient at RCPT TO (550: no such mailbox). */
    | { kind: 'recipient'; address: string; code: number; message?: string }
  );

export interface SmtpEmulator {
  mailbox: Mailbox;
  faults: FaultRules<SmtpFault>;
  /** `smtp://host:port` once listening. */
  url(): string;
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting connections (clients get "connection refused") for `ms`, or until `up()`. */
  down(ms?: number): Promise<void>;
  up(): Promise<void>;
  /** Answers every connection with 421 for `ms`. */
  busyFor(ms: number): void;
  /** Refuses mail to `address` with 550 (for `times` messages, else for good). */
  rejectAddress(address: string, times?: number): void;
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/** The header Pandora's sender names the workspace in, so the mailbox can keep tenants apart. */
export const WORKSPACE_HEADER = 'x-pandora-workspace';

function headerText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((group) => group.value.map((entry) => entry.address ?? '')).filter(Boolean);
}

/**
 * The sandbox's SMTP server (RFC 5321, as `smtp-server` speaks it): accepts any
 * login, parses each message into the mailbox, and injects the faults tests and
 * demos need: refused connections, 421 at the greeting, 550 for an address.
 */
export function createSmtpEmulator(options: { mailbox?: Mailbox } = {}): SmtpEmulator {
  const mailbox = options.mailbox ?? new Mailbox();
  const faults = new FaultRules<SmtpFault>();
  const active = (rule: SmtpFault) => rule.until === undefined || Date.now() < rule.until;
  let address: { port: number; host: string } | undefined;
  let downTimer: NodeJS.Timeout | undefined;

  const server = new SMTPServer({
    name: 'pandora-sandbox',
    banner: 'Pandora sandbox SMTP',
    authOptional: true,
    // Plain SMTP on a loopback port: credentials from SMTP_URL are accepted as sent.
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: 10 * 1024 * 1024,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'sandbox' });
    },
    onConnect(_session, callback) {
      const fault = faults.takeFirst((rule) => rule.kind === 'greeting' && active(rule));
      if (fault?.kind === 'greeting') {
        return callback(smtpError(fault.code, fault.message ?? 'Service not available, try later'));
      }
      callback();
    },
    onRcptTo(rcpt, _session, callback) {
      const wanted = rcpt.address.toLowerCase();
      const fault = faults.takeFirst(
        (rule) =>
          rule.kind === 'recipient' && rule.address.toLowerCase() === wanted && active(rule),
      );
      if (fault?.kind === 'recipient') {
        return callback(
          smtpError(fault.code, fault.message ?? `<${rcpt.address}>: Recipient address rejected`),
        );
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mailbox.add({
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: addresses(parsed.from)[0] ?? '',
            to: addresses(parsed.to),
            subject: parsed.subject ?? '',
            messageId: parsed.messageId ?? null,
            workspaceId: headerText(parsed.headers.get(WORKSPACE_HEADER)),
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
          });
          callback();
        })
        .catch((error: unknown) =>
          callback(smtpError(451, `Could not read the message: ${String(error)}`)),
        );
    },
  });

  const listenOn = (port: number, host: string) =>
    new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, host, () => {
        server.server.off('error', reject);
        const bound = server.server.address() as AddressInfo;
        address = { port: bound.port, host };
        resolve();
      });
    });

  const emulator: SmtpEmulator = {
    mailbox,
    faults,
    url() {
      if (!address) throw new Error('the SMTP emulator is not listening');
      const host = address.host.includes(':') ? `[${address.host}]` : address.host;
      return `smtp://${host}:${address.port}`;
    },
    async listen(port, host = '127.0.0.1') {
      await listenOn(port, host);
      return emulator.url();
    },
    async down(ms) {
      clearTimeout(downTimer);
      if (server.server.listening) {
        await new Promise<void>((resolve) => server.server.close(() => resolve()));
      }
      if (ms !== undefined) {
        downTimer = setTimeout(() => void emulator.up().catch(() => undefined), ms);
        downTimer.unref();
      }
    },
    async up() {
      clearTimeout(downTimer);
      if (!address || server.server.listening) return;
      // The same port again, so clients configured with it find the server back.
      await listenOn(address.port, address.host);
    },
    busyFor(ms) {
      faults.add({ kind: 'greeting', code: 421, until: Date.now() + ms });
    },
    rejectAddress(rejected, times) {
      faults.add({ kind: 'recipient', address: rejected, code: 550, times });
    },
    async close() {
      clearTimeout(downTimer);
      if (!server.server.listening) return;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return emulator;
}
