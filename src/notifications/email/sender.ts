import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import { serverUrl } from '../../http/openapi-info.js';
import type { SecretKey } from '../../tenancy/secrets.js';
import type { ChannelSender, DeliveryOutcome, DeliveryTask } from '../types.js';
import { openUrl, signLink } from './links.js';
import { currentSmtpUrl, emailConfigured } from './smtp.js';
import { renderEmail } from './templates.js';

export type EmailConfig = Pick<
  Config,
  'smtpUrl' | 'emailFrom' | 'emailPerSecond' | 'sandbox' | 'dataDir' | 'publicUrl' | 'host' | 'port'
>;

export interface EmailSenderDeps {
  config: EmailConfig;
  /** Signs the links in the email (src/tenancy/secrets.ts). */
  secretKey: SecretKey;
  log?: Logger;
}

/** The domain of the From address, which Message-IDs are made under (RFC 5322 3.6.4). */
function fromDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address.split('@')[1]?.trim();
  return domain && /^[A-Za-z0-9.-]+$/.test(domain) ? domain : 'pandora.local';
}

/**
 * The same delivery always gets the same Message-ID, so a resend after a lost answer
 * is recognisable as the same message (mail clients thread or drop the copy).
 */
export function messageIdFor(workspaceId: string, idempotencyKey: string, from: string): string {
  const digest = createHash('sha256').update(`${workspaceId}\n${idempotencyKey}`).digest('hex');
  return `<${digest.slice(0, 40)}@${fromDomain(from)}>`;
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/**
 * What an SMTP failure means for the outbox: a 4xx reply (421 busy, 450 mailbox
 * unavailable, 451 local error) and a failed connection are worth another try; a 5xx
 * reply (550 address rejected, 535 bad login) never will be, so it fails with the
 * server's words.
 */
export function classifySmtpError(error: unknown): DeliveryOutcome {
  const failure = (error ?? {}) as SmtpFailure;
  const reason = (failure.response ?? failure.message ?? String(error)).trim();
  if (failure.responseCode !== undefined && failure.responseCode >= 500) {
    return { status: 'failed', error: `SMTP ${failure.responseCode}: ${reason}` };
  }
  const prefix = failure.responseCode ? `SMTP ${failure.responseCode}` : (failure.code ?? 'SMTP');
  return { status: 'retry', error: `${prefix}: ${reason}` };
}

/**
 * Spaces sends through one SMTP server `1000 / perSecond` ms apart in this process:
 * the relay's limit is the account's, whatever the workspace. A wait longer than
 * `maxWaitMs` is handed back to the outbox as a retry instead of holding a worker.
 */
export class SendPacer {
  private next = 0;
  constructor(
    private readonly perSecond: number,
    private readonly maxWaitMs = 5_000,
  ) {}

  /** Milliseconds to wait before sending, or null when the caller should retry later. */
  reserve(now = Date.now()): number | null {
    const slot = Math.max(now, this.next);
    const wait = slot - now;
    if (wait > this.maxWaitMs) return null;
    this.next = slot + 1000 / this.perSecond;
    return wait;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A transport to one SMTP server, as every email Pandora sends uses (flows' email step too). */
export function createSmtpTransport(url: string): Transporter {
  return nodemailer.createTransport({
    url,
    // A server that accepts the connection and says nothing must not hold a worker.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

/**
 * Email through nodemailer over SMTP: SMTP_URL, else the sandbox's SMTP server.
 * One connection per message, so a server that went away costs nothing but a retry.
 */
export function createEmailSender(deps: EmailSenderDeps): ChannelSender {
  const { config } = deps;
  const transports = new Map<string, Transporter>();
  const pacers = new Map<string, SendPacer>();
  const transportFor = (url: string) => {
    let transport = transports.get(url);
    if (!transport) {
      transport = createSmtpTransport(url);
      transports.set(url, transport);
    }
    return transport;
  };

  const send = async (task: DeliveryTask): Promise<DeliveryOutcome> => {
    if (!task.recipient)
      return { status: 'skipped', reason: 'email goes to a member, not a channel' };
    if (!task.recipient.email)
      return { status: 'skipped', reason: 'the member has no email address' };
    if (!emailConfigured(config))
      return { status: 'skipped', reason: 'no SMTP server: set SMTP_URL' };
    const url = currentSmtpUrl(config);
    // Sandbox mode whose SMTP server is not up (yet): like a server that is down.
    if (!url) return { status: 'retry', error: 'the sandbox SMTP server is not running' };

    let pacer = pacers.get(url);
    if (!pacer) pacers.set(url, (pacer = new SendPacer(config.emailPerSecond)));
    const wait = pacer.reserve();
    if (wait === null) {
      return { status: 'retry', error: 'email rate limit', retryAfterMs: 1000 };
    }
    if (wait > 0) await sleep(wait);

    const recipient = task.recipient;
    const baseUrl = serverUrl(config);
    const linkFor = (path: string) =>
      openUrl(
        baseUrl,
        signLink(deps.secretKey, {
          workspaceId: task.workspaceId,
          link: path,
          recipientUserId: recipient.userId,
        }),
      );
    const rendered = renderEmail(task.payload, { linkFor, recipientName: recipient.name });
    const messageId = messageIdFor(task.workspaceId, task.idempotencyKey, config.emailFrom);
    try {
      const info = await transportFor(url).sendMail({
        from: config.emailFrom,
        to: recipient.name ? { name: recipient.name, address: recipient.email } : recipient.email,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId,
        headers: {
          // RFC 3834: vacation responders leave machine mail alone.
          'Auto-Submitted': 'auto-generated',
          'X-Pandora-Notification-Type': task.payload.type,
          // Which tenant it is for: the sandbox's mailbox shows each workspace its own.
          'X-Pandora-Workspace': task.workspaceId,
        },
      });
      return {
        status: 'delivered',
        externalRef: { messageId, response: String(info.response ?? '') },
      };
    } catch (error) {
      const outcome = classifySmtpError(error);
      deps.log?.warn(
        { err: error, deliveryId: task.deliveryId, attempt: task.attempt, outcome: outcome.status },
        'email delivery',
      );
      return outcome.status === 'failed' || outcome.status === 'retry'
        ? { ...outcome, externalRef: { messageId } }
        : outcome;
    }
  };

  return { channel: 'email', perSecond: config.emailPerSecond, send };
}
