/**
 * email_integration: an email from a flow, sent the way notifications are (the same
 * SMTP server, transport, pacing and error reading), with the step's idempotency key
 * as the Message-ID so a resend after a crash is recognisably the same message.
 */
import { Type, type Static } from '@sinclair/typebox';
import { markup } from '../../notifications/email/html.js';
import {
  classifySmtpError,
  createSmtpTransport,
  messageIdFor,
  SendPacer,
} from '../../notifications/email/sender.js';
import { currentSmtpUrl, emailConfigured } from '../../notifications/email/smtp.js';
import {
  FlowStepError,
  type FlowServices,
  type StepContext,
  type StepDefinition,
} from '../types.js';

const ADDRESS = '^[^\\s@<>(),;:"\\[\\]\\\\]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$';
const address = (title: string) => Type.String({ pattern: ADDRESS, maxLength: 320, title });

const configSchema = Type.Object(
  {
    to: Type.Union([address('To'), Type.Array(address('To'), { minItems: 1, maxItems: 50 })], {
      title: 'To',
      description: 'An address or a list; templates allowed ({{trigger.contact.email}}).',
    }),
    cc: Type.Optional(Type.Array(address('Cc'), { maxItems: 50, title: 'Cc' })),
    replyTo: Type.Optional(address('Reply to')),
    subject: Type.String({ minLength: 1, maxLength: 300, title: 'Subject' }),
    heading: Type.Optional(Type.String({ maxLength: 300, title: 'Heading' })),
    body: Type.String({
      minLength: 1,
      maxLength: 50_000,
      title: 'Body',
      description: 'Plain text; blank lines make paragraphs. Templates allowed.',
    }),
    link: Type.Optional(
      Type.Object(
        {
          label: Type.String({ minLength: 1, maxLength: 100 }),
          url: Type.String({ pattern: '^https://', maxLength: 2048 }),
        },
        { additionalProperties: false, title: 'Button' },
      ),
    ),
  },
  { additionalProperties: false },
);

export type EmailIntegrationConfig = Static<typeof configSchema>;

/** One pacer per SMTP server in this process, as the notification sender keeps. */
const pacers = new Map<string, SendPacer>();
const transports = new Map<string, ReturnType<typeof createSmtpTransport>>();

const FOOTER = 'Sent by an automated flow in Pandora.';

/** The email as it goes out: the notification emails' layout, every value escaped. */
export function renderFlowEmail(config: EmailIntegrationConfig): { html: string; text: string } {
  const heading = config.heading ?? config.subject;
  const paragraphs = config.body
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
  const html = markup`<!doctype html>
<html><head><meta charset="utf-8"><title>${config.subject}</title></head>
<body style="margin:0;padding:24px;background:#f8f9fa;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#212529">
<div style="max-width:600px;margin:0 auto;background:#ffffff;border-radius:6px;padding:24px;border-top:4px solid #1c7ed6">
<h2 style="margin:0 0 16px">${heading}</h2>
${paragraphs.map((part) => markup`<p style="white-space:pre-line">${part}</p>`)}
${config.link ? markup`<p style="margin:24px 0"><a href="${config.link.url}" style="background:#1c7ed6;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:600">${config.link.label}</a></p>` : ''}
<p style="color:#868e96;font-size:12px">${FOOTER}</p>
</div>
</body></html>`;
  const text = [
    heading,
    '',
    paragraphs.join('\n\n'),
    ...(config.link ? ['', `${config.link.label}: ${config.link.url}`] : []),
    '',
    '-- ',
    FOOTER,
  ].join('\n');
  return { html: html.value, text: `${text}\n` };
}

function recipients(config: EmailIntegrationConfig): string[] {
  const to = Array.isArray(config.to) ? config.to : [config.to];
  return [...to, ...(config.cc ?? [])].map((entry) => entry.toLowerCase());
}

/** A member's automation may email only the member: their records, their inbox. */
async function checkScope(context: StepContext, config: EmailIntegrationConfig): Promise<void> {
  if (!context.scopeUserId) return;
  const { rows } = await context.services.db.query<{ email: string }>(
    `select u.email
       from users u
       join memberships m on m.user_id = u.id and m.workspace_id = $1::uuid
      where u.id = $2::uuid`,
    [context.workspaceId, context.scopeUserId],
  );
  const own = rows[0]?.email.toLowerCase();
  const other = recipients(config).find((entry) => entry !== own);
  if (other !== undefined) {
    throw new FlowStepError(
      'permission',
      `an automation may only email its owner (${own ?? 'unknown member'}), not ${other}`,
      {
        severity: 'high',
        suggestion: 'Send to your own address, or ask an admin to build a workspace flow.',
      },
    );
  }
}

function smtpSettings(services: FlowServices): {
  url: string;
  from: string;
  perSecond: number;
} {
  const email = services.email;
  if (!email || !emailConfigured(email)) {
    throw new FlowStepError('validation', 'email is not configured on this server', {
      severity: 'high',
      suggestion: 'An operator sets SMTP_URL (and EMAIL_FROM) for Pandora to send email.',
    });
  }
  const url = currentSmtpUrl(email);
  if (!url) {
    throw new FlowStepError('network', 'the sandbox SMTP server is not running', {
      retryable: true,
      severity: 'medium',
      suggestion: 'Start the sandbox; the step is retried.',
    });
  }
  return { url, from: email.emailFrom, perSecond: email.emailPerSecond };
}

function smtpFailure(error: unknown): FlowStepError {
  const outcome = classifySmtpError(error);
  const message = 'error' in outcome ? outcome.error : String(error);
  const code = (error as { responseCode?: number }).responseCode;
  if (code === 530 || code === 535) {
    return new FlowStepError('permission', message, {
      status: code,
      severity: 'critical',
      suggestion: "The SMTP server refused Pandora's login; an operator checks SMTP_URL.",
      cause: error,
    });
  }
  if (outcome.status === 'retry') {
    return new FlowStepError('network', message, {
      retryable: true,
      status: code,
      severity: 'medium',
      suggestion: 'The mail server is busy or unreachable; the step is retried.',
      cause: error,
    });
  }
  return new FlowStepError('validation', message, {
    status: code,
    severity: 'high',
    suggestion: 'The mail server refused the message: check the addresses.',
    cause: error,
  });
}

export const emailIntegrationStep: StepDefinition<EmailIntegrationConfig> = {
  type: 'email_integration',
  category: 'integration',
  title: 'Send email',
  description:
    "Send an email through the workspace's mail server, in Pandora's email layout; a member's automation may email only its owner.",
  effect: 'write',
  configSchema,
  allowedInAutomations: true,
  defaultRetry: { attempts: 5, backoffMs: 2000, maxDelayMs: 120_000 },
  defaultTimeoutMs: 60_000,

  async run(context, config) {
    await checkScope(context, config);
    const smtp = smtpSettings(context.services);
    let pacer = pacers.get(smtp.url);
    if (!pacer) pacers.set(smtp.url, (pacer = new SendPacer(smtp.perSecond)));
    const wait = pacer.reserve();
    if (wait === null) {
      throw new FlowStepError('network', 'the email rate limit is reached', {
        retryable: true,
        retryAfterMs: 1000,
        severity: 'low',
        suggestion: 'The step is retried when the mail server has room.',
      });
    }
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    context.signal.throwIfAborted();

    let transport = transports.get(smtp.url);
    if (!transport) transports.set(smtp.url, (transport = createSmtpTransport(smtp.url)));
    const messageId = messageIdFor(context.workspaceId, context.idempotencyKey, smtp.from);
    const rendered = renderFlowEmail(config);
    try {
      const info = await transport.sendMail({
        from: smtp.from,
        to: config.to,
        cc: config.cc,
        replyTo: config.replyTo,
        // A header: a newline in a run value must not start another one.
        subject: config.subject.replace(/\s+/g, ' ').trim(),
        text: rendered.text,
        html: rendered.html,
        messageId,
        headers: {
          'Auto-Submitted': 'auto-generated',
          'X-Pandora-Workspace': context.workspaceId,
          'X-Pandora-Flow-Run': context.runId,
        },
      });
      const listed = (value: unknown) =>
        (Array.isArray(value) ? value : []).map((entry) =>
          typeof entry === 'string' ? entry : String((entry as { address?: string }).address),
        );
      return {
        kind: 'completed',
        output: {
          messageId,
          accepted: listed(info.accepted),
          rejected: listed(info.rejected),
        },
      };
    } catch (error) {
      throw smtpFailure(error);
    }
  },
};
