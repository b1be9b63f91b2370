import type {
  NotificationField,
  NotificationPayload,
  NotificationType,
  Severity,
} from '../types.js';
import { markup, type SafeHtml } from './html.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface RenderOptions {
  /** The absolute, signed URL that opens a console path; null when there is none. */
  linkFor: (path: string) => string;
  /** The member's name, for the greeting. */
  recipientName?: string;
}

/** What each type is called in a subject, a digest's headings and the call to action. */
const KINDS: Record<NotificationType, { label: string; heading: string; action: string }> = {
  approval: { label: 'Approval needed', heading: 'Waiting for your approval', action: 'Review' },
  question: { label: 'Question', heading: 'Questions for you', action: 'Answer' },
  expiring: { label: 'Expiring soon', heading: 'About to expire', action: 'Review now' },
  anomaly: { label: 'Anomaly', heading: 'Anomalies', action: 'Investigate' },
  agent_run: { label: 'Agent run', heading: 'Agent runs', action: 'See the run' },
  skill_result: { label: 'Skill result', heading: 'Skill results', action: 'See the result' },
  notify_rep: { label: 'For you', heading: 'Notes for you', action: 'Open' },
  notify_manager: { label: 'For your team', heading: 'About your team', action: 'Open' },
  digest: { label: 'Digest', heading: 'Digest', action: 'Open Pandora' },
};

const SEVERITY_COLOURS: Record<Severity, string> = {
  info: '#1c7ed6',
  warning: '#f08c00',
  error: '#e03131',
};

/** A CRM value as a person reads it; an empty one is a dash, not "null". */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return JSON.stringify(value);
}

function formatConfidence(confidence: number | null | undefined): string | null {
  if (confidence === null || confidence === undefined) return null;
  return `${Math.round(confidence * 100)}% confident`;
}

function subjectFor(payload: NotificationPayload): string {
  if (payload.type === 'digest') {
    const count = payload.items?.length ?? 0;
    return `Your Pandora digest: ${count} ${count === 1 ? 'item' : 'items'}`;
  }
  // Subjects are headers: a newline in a CRM value must not start another one.
  return `${KINDS[payload.type].label}: ${payload.title}`.replace(/\s+/g, ' ').trim();
}

function button(url: string, label: string): SafeHtml {
  return markup`<p style="margin:24px 0"><a href="${url}" style="background:#1c7ed6;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:600">${label}</a></p>`;
}

function fieldRows(fields: NotificationField[]): SafeHtml {
  const rows = fields.map((field) => {
    const confidence = formatConfidence(field.confidence);
    return markup`<tr>
<td style="padding:8px;border-top:1px solid #dee2e6;vertical-align:top"><strong>${field.label}</strong>${confidence ? markup`<br><span style="color:#868e96;font-size:12px">${confidence}</span>` : ''}</td>
<td style="padding:8px;border-top:1px solid #dee2e6;vertical-align:top"><span style="color:#868e96;text-decoration:line-through">${formatValue(field.before)}</span> &rarr; <strong>${formatValue(field.after)}</strong>${field.quote ? markup`<blockquote style="margin:8px 0 0;padding-left:8px;border-left:3px solid #ced4da;color:#495057">&ldquo;${field.quote}&rdquo;</blockquote>` : ''}</td>
</tr>`;
  });
  return markup`<table style="border-collapse:collapse;width:100%;margin:16px 0">
<tr><th style="text-align:left;padding:8px">Field</th><th style="text-align:left;padding:8px">Change</th></tr>
${rows}
</table>`;
}

function fieldLines(fields: NotificationField[]): string[] {
  return fields.flatMap((field) => {
    const confidence = formatConfidence(field.confidence);
    return [
      `- ${field.label}: ${formatValue(field.before)} -> ${formatValue(field.after)}${confidence ? ` (${confidence})` : ''}`,
      ...(field.quote ? [`  "${field.quote}"`] : []),
    ];
  });
}

/** A digest's items grouped by type, in the order types first appear (oldest first). */
export function groupDigestItems(
  items: NonNullable<NotificationPayload['items']>,
): Array<{ type: NotificationType; items: NonNullable<NotificationPayload['items']> }> {
  const groups = new Map<NotificationType, NonNullable<NotificationPayload['items']>>();
  for (const item of items) {
    const group = groups.get(item.type) ?? [];
    group.push(item);
    groups.set(item.type, group);
  }
  return [...groups].map(([type, grouped]) => ({ type, items: grouped }));
}

function digestHtml(payload: NotificationPayload, options: RenderOptions): SafeHtml {
  return markup`${groupDigestItems(payload.items ?? []).map(
    (
      group,
    ) => markup`<h3 style="margin:20px 0 8px">${KINDS[group.type].heading} (${group.items.length})</h3>
<ul style="padding-left:20px;margin:0">${group.items.map(
      (item) =>
        markup`<li style="margin:4px 0">${item.link ? markup`<a href="${options.linkFor(item.link)}">${item.title}</a>` : item.title}${item.severity === 'error' ? markup` <strong style="color:${SEVERITY_COLOURS.error}">(error)</strong>` : ''}</li>`,
    )}</ul>`,
  )}`;
}

function digestLines(payload: NotificationPayload, options: RenderOptions): string[] {
  return groupDigestItems(payload.items ?? []).flatMap((group) => [
    '',
    `${KINDS[group.type].heading} (${group.items.length})`,
    ...group.items.map(
      (item) =>
        `- ${item.title}${item.severity === 'error' ? ' (error)' : ''}${item.link ? `\n  ${options.linkFor(item.link)}` : ''}`,
    ),
  ]);
}

/**
 * The email for a notification: a subject, an HTML body and the same in plain text
 * (for clients that show no HTML, and for spam filters that frown on HTML alone).
 */
export function renderEmail(payload: NotificationPayload, options: RenderOptions): RenderedEmail {
  const kind = KINDS[payload.type];
  const url = payload.link ? options.linkFor(payload.link) : null;
  const fields = payload.fields ?? [];
  const showsFields = ['approval', 'expiring'].includes(payload.type) && fields.length > 0;
  const colour = SEVERITY_COLOURS[payload.severity];
  const greeting = options.recipientName ? `Hi ${options.recipientName},` : 'Hi,';
  const banner =
    payload.type === 'expiring'
      ? 'This approval expires soon: unless someone decides, the change is dropped.'
      : payload.type === 'anomaly' && payload.severity !== 'info'
        ? `Severity: ${payload.severity}`
        : null;

  const body = markup`<!doctype html>
<html><head><meta charset="utf-8"><title>${subjectFor(payload)}</title></head>
<body style="margin:0;padding:24px;background:#f8f9fa;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#212529">
<div style="max-width:600px;margin:0 auto;background:#ffffff;border-radius:6px;padding:24px;border-top:4px solid ${colour}">
<p style="margin:0 0 4px;color:#868e96;font-size:12px;text-transform:uppercase">${kind.label}</p>
<h2 style="margin:0 0 16px">${payload.title}</h2>
<p>${greeting}</p>
${banner ? markup`<p style="color:${colour};font-weight:600">${banner}</p>` : ''}
${payload.body ? markup`<p style="white-space:pre-line">${payload.body}</p>` : ''}
${showsFields ? fieldRows(fields) : ''}
${payload.type === 'digest' ? digestHtml(payload, options) : ''}
${url ? button(url, kind.action) : ''}
<p style="color:#868e96;font-size:12px">You get this because of your notification settings in Pandora.</p>
</div>
</body></html>`;

  const text = [
    `${kind.label}: ${payload.title}`,
    '',
    greeting,
    ...(banner ? ['', banner] : []),
    ...(payload.body ? ['', payload.body] : []),
    ...(showsFields ? ['', ...fieldLines(fields)] : []),
    ...(payload.type === 'digest' ? digestLines(payload, options) : []),
    ...(url ? ['', `${kind.action}: ${url}`] : []),
    '',
    '-- ',
    'You get this because of your notification settings in Pandora.',
  ].join('\n');

  return { subject: subjectFor(payload), html: body.value, text: `${text}\n` };
}
