/**
 * The Slack messages Pandora posts, in Block Kit: the approval card (what would
 * change, the quote, the confidence, and its buttons), the card once decided (no
 * buttons left to click), and plain notifications. Everything is cut to Block Kit's
 * limits, so a long quote or many fields never make Slack refuse the message.
 */
import type { ActionsBlock, Button, KnownBlock } from '@slack/web-api';
import type { NotificationField, NotificationPayload } from '../types.js';

/** Block Kit's limits (docs: blocks, section, header, button, context). */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  contextElements: 10,
  /** The message's `text`, its notification and fallback; Slack truncates at 40,000. */
  fallbackText: 3000,
} as const;

/** Fields shown one section each, leaving room for the header, context and buttons. */
const MAX_FIELDS = LIMITS.blocks - 6;

export const INBOX_ACTIONS = ['approve', 'reject', 'edit', 'view'] as const;
export type InboxAction = (typeof INBOX_ACTIONS)[number];

/** `inbox.<action>:<item id>`: each button names its item, so a click needs no lookup. */
export function inboxActionId(action: InboxAction, inboxItemId: string): string {
  return `inbox.${action}:${inboxItemId}`;
}

const ACTION_ID = /^inbox\.(approve|reject|edit|view):([0-9a-f-]{36})$/i;

/** The action and item of a button's action_id, or null for one that is not ours. */
export function parseInboxActionId(
  actionId: string,
): { action: InboxAction; inboxItemId: string } | null {
  const match = ACTION_ID.exec(actionId);
  return match ? { action: match[1] as InboxAction, inboxItemId: match[2]!.toLowerCase() } : null;
}

/** Cuts text to `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Slack's mrkdwn treats `&`, `<` and `>` as control characters; people's text is escaped. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '_empty_';
  if (typeof value === 'string') return escapeMrkdwn(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return escapeMrkdwn(JSON.stringify(value));
}

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) },
});

const header = (text: string): KnownBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: clip(text || 'Pandora', LIMITS.headerText), emoji: true },
});

const context = (texts: string[]): KnownBlock => ({
  type: 'context',
  elements: texts
    .slice(0, LIMITS.contextElements)
    .map((text) => ({ type: 'mrkdwn' as const, text: clip(text, LIMITS.sectionText) })),
});

function percent(confidence: number | null | undefined): string | null {
  return typeof confidence === 'number' ? `${Math.round(confidence * 100)}%` : null;
}

/** One field: `*Label*: before -> after`, its confidence, and the quote it rests on. */
function fieldBlock(field: NotificationField): KnownBlock {
  const lines = [
    `*${escapeMrkdwn(field.label || field.field)}*: ${show(field.before)} → *${show(field.after)}*`,
  ];
  const confidence = percent(field.confidence);
  if (confidence) lines.push(`Confidence ${confidence}`);
  if (field.quote) {
    // The quote goes last: it is what gets cut when the section is too long.
    lines.push(`> ${escapeMrkdwn(field.quote).replace(/\n/g, '\n> ')}`);
  }
  return section(lines.join('\n'));
}

/** A console link made absolute (payload links are console paths). */
/**
 * The base a workspace's console links hang off: the router nests its pages under
 * `/w/:workspaceId`, so `/inbox/<id>` is `<publicUrl>/w/<workspaceId>/inbox/<id>`.
 */
export function workspaceConsoleBase(publicUrl: string, workspaceId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/w/${encodeURIComponent(workspaceId)}`;
}

export function consoleUrl(publicUrl: string, link: string | null): string | null {
  if (!link) return null;
  if (/^https?:\/\//.test(link)) return link;
  return `${publicUrl.replace(/\/+$/, '')}${link.startsWith('/') ? '' : '/'}${link}`;
}

function button(
  text: string,
  actionId: string,
  value: string,
  extra: Partial<Button> = {},
): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: clip(text, LIMITS.buttonText) },
    action_id: actionId,
    value,
    ...extra,
  };
}

export interface SlackMessage {
  /** The notification text and the fallback where blocks cannot be shown. */
  text: string;
  blocks: KnownBlock[];
}

function fallback(payload: NotificationPayload): string {
  return clip([payload.title, payload.body].filter(Boolean).join(': '), LIMITS.fallbackText);
}

/** The part of every card that says what the item is: title, body, then each field. */
function describe(payload: NotificationPayload): KnownBlock[] {
  const blocks: KnownBlock[] = [header(payload.title)];
  if (payload.body) blocks.push(section(escapeMrkdwn(payload.body)));
  const fields = payload.fields ?? [];
  for (const field of fields.slice(0, MAX_FIELDS)) blocks.push(fieldBlock(field));
  if (fields.length > MAX_FIELDS) {
    blocks.push(context([`…and ${fields.length - MAX_FIELDS} more fields in Pandora`]));
  }
  return blocks;
}

/**
 * The approval card: what would change and Approve / Reject / View, plus Edit when a
 * field may be changed first (a modal). Buttons carry the inbox item id.
 */
export function approvalMessage(payload: NotificationPayload, publicUrl: string): SlackMessage {
  const itemId = payload.inboxItemId;
  const blocks = describe(payload);
  if (itemId) {
    const url = consoleUrl(publicUrl, payload.link ?? `/inbox/${itemId}`);
    const elements: Button[] = [
      button('Approve', inboxActionId('approve', itemId), itemId, { style: 'primary' }),
      button('Reject', inboxActionId('reject', itemId), itemId, { style: 'danger' }),
    ];
    if ((payload.fields ?? []).some((field) => field.editable)) {
      elements.push(button('Edit', inboxActionId('edit', itemId), itemId));
    }
    if (url) elements.push(button('View', inboxActionId('view', itemId), itemId, { url }));
    const actions: ActionsBlock = { type: 'actions', block_id: `inbox:${itemId}`, elements };
    blocks.push(actions);
  }
  return { text: fallback(payload), blocks };
}

export interface Decision {
  status: 'approved' | 'rejected' | 'expired';
  /** Who decided, as people read it (a name, else the email). */
  by: string | null;
  at: Date;
  reason?: string | null;
}

/** Slack shows the time in each reader's own time zone; the fallback is UTC. */
function slackDate(at: Date): string {
  const epoch = Math.floor(at.getTime() / 1000);
  const fallbackText = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${epoch}^{date_short_pretty} at {time}|${fallbackText}>`;
}

/** "Approved by Dana at 14:02", "Rejected by ...: reason", "Expired ...". */
export function decisionLine(decision: Decision): string {
  const when = slackDate(decision.at);
  const by = decision.by ? ` by ${escapeMrkdwn(decision.by)}` : '';
  switch (decision.status) {
    case 'approved':
      return `:white_check_mark: *Approved*${by} ${when}`;
    case 'rejected': {
      const reason = decision.reason ? `: ${escapeMrkdwn(decision.reason)}` : '';
      return `:x: *Rejected*${by} ${when}${reason}`;
    }
    case 'expired':
      return `:hourglass: *Expired* ${when}, nobody decided in time`;
  }
}

/** The card once its item is decided: the same content, no buttons, who decided what. */
export function decidedMessage(
  payload: NotificationPayload,
  decision: Decision,
  publicUrl: string,
): SlackMessage {
  const blocks = describe(payload);
  const url = consoleUrl(publicUrl, payload.link);
  const line = decisionLine(decision);
  blocks.push(section(url ? `${line}\n<${url}|View in Pandora>` : line));
  const plain =
    decision.status === 'expired'
      ? 'Expired'
      : `${decision.status[0]!.toUpperCase()}${decision.status.slice(1)}${decision.by ? ` by ${decision.by}` : ''}`;
  return { text: clip(`${plain}: ${payload.title}`, LIMITS.fallbackText), blocks };
}

const SEVERITY_ICON = {
  info: ':information_source:',
  warning: ':warning:',
  error: ':rotating_light:',
};

/** Anomalies, agent runs, skill results, notify actions and digests: sections and a link. */
export function plainMessage(payload: NotificationPayload, publicUrl: string): SlackMessage {
  const blocks: KnownBlock[] = [
    section(`${SEVERITY_ICON[payload.severity]} *${escapeMrkdwn(payload.title)}*`),
  ];
  if (payload.body) blocks.push(section(escapeMrkdwn(payload.body)));
  const items = payload.items ?? [];
  // A digest: one line per item, grouped into sections under the text limit.
  const room = LIMITS.blocks - blocks.length - 2;
  let current = '';
  let shown = 0;
  for (const item of items) {
    const url = consoleUrl(publicUrl, item.link);
    const line = `• ${url ? `<${url}|${escapeMrkdwn(item.title)}>` : escapeMrkdwn(item.title)}`;
    if (current.length + line.length + 1 > LIMITS.sectionText) {
      if (blocks.length >= room) break;
      blocks.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
    shown += 1;
  }
  if (current) blocks.push(section(current));
  if (shown < items.length) blocks.push(context([`…and ${items.length - shown} more in Pandora`]));
  const url = consoleUrl(publicUrl, payload.link);
  if (url) blocks.push(context([`<${url}|View in Pandora>`]));
  return { text: fallback(payload), blocks };
}

/** The message a notification is posted as: an approval card for inbox items, else plain. */
export function messageFor(payload: NotificationPayload, publicUrl: string): SlackMessage {
  const isCard =
    payload.inboxItemId !== null && (payload.type === 'approval' || payload.type === 'expiring');
  return isCard ? approvalMessage(payload, publicUrl) : plainMessage(payload, publicUrl);
}
