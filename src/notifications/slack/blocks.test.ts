import type { KnownBlock } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import type { NotificationPayload } from '../types.js';
import {
  approvalMessage,
  decidedMessage,
  LIMITS,
  messageFor,
  parseInboxActionId,
  plainMessage,
} from './blocks.js';

const ITEM = '6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b';
const PUBLIC = 'https://pandora.example.com';

const approval = (over: Partial<NotificationPayload> = {}): NotificationPayload => ({
  type: 'approval',
  title: 'Update Acme renewal',
  body: 'Deal: Acme renewal (from the call with Dana, Dec 2)',
  link: `/w/ws/inbox/${ITEM}`,
  severity: 'info',
  critical: false,
  inboxItemId: ITEM,
  fields: [
    {
      field: 'amount',
      label: 'Amount',
      before: 100000,
      after: 125000,
      confidence: 0.92,
      quote: 'finance came back and we are at $125,000 now',
      editable: true,
    },
    { field: 'stage', label: 'Stage', before: 'Proposal', after: 'Negotiation', confidence: 0.8 },
  ],
  ...over,
});

/** Every text in the blocks, flattened, to check what a reader sees and the limits. */
function texts(blocks: KnownBlock[]): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.text === 'string') out.push(record.text);
      Object.values(record).forEach(walk);
    }
  };
  walk(blocks);
  return out;
}

function buttons(blocks: KnownBlock[]) {
  return blocks.flatMap((block) =>
    block.type === 'actions'
      ? block.elements.map(
          (e) => e as { action_id: string; value?: string; url?: string; text: { text: string } },
        )
      : [],
  );
}

describe('the approval card', () => {
  it('shows before -> after per field, the quote and the confidence, with Approve, Reject, Edit and View carrying the item id', () => {
    const message = approvalMessage(approval(), PUBLIC);
    const all = texts(message.blocks).join('\n');
    expect(all).toContain('*Amount*: 100000 → *125000*');
    expect(all).toContain('Confidence 92%');
    expect(all).toContain('> finance came back and we are at $125,000 now');
    expect(all).toContain('*Stage*: Proposal → *Negotiation*');
    expect(all).toContain('Acme renewal (from the call with Dana, Dec 2)');
    const found = buttons(message.blocks);
    expect(found.map((b) => b.text.text)).toEqual(['Approve', 'Reject', 'Edit', 'View']);
    for (const b of found) {
      expect(parseInboxActionId(b.action_id)).toEqual({
        action: b.text.text.toLowerCase(),
        inboxItemId: ITEM,
      });
    }
    expect(found[3]!.url).toBe(`${PUBLIC}/w/ws/inbox/${ITEM}`);
    expect(message.text).toContain('Update Acme renewal');
  });

  it('has no Edit button when no field is editable', () => {
    const payload = approval();
    payload.fields = payload.fields!.map((f) => ({ ...f, editable: false }));
    expect(buttons(approvalMessage(payload, PUBLIC).blocks).map((b) => b.text.text)).toEqual([
      'Approve',
      'Reject',
      'View',
    ]);
  });

  it('escapes what people wrote, so a quote cannot inject a mention or a link', () => {
    const payload = approval();
    payload.fields![0]!.quote = 'ping <!channel> and <https://evil.example|click> & more';
    const all = texts(approvalMessage(payload, PUBLIC).blocks).join('\n');
    expect(all).not.toContain('<!channel>');
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('&amp; more');
  });

  it('stays within Block Kit limits with 200 fields and 10,000-character quotes', () => {
    const payload = approval({
      title: 'T'.repeat(500),
      body: 'B'.repeat(10_000),
      fields: Array.from({ length: 200 }, (_, i) => ({
        field: `f${i}`,
        label: `Field ${i}`,
        before: 'x'.repeat(2_000),
        after: 'y'.repeat(2_000),
        confidence: 0.5,
        quote: 'q'.repeat(10_000),
        editable: true,
      })),
    });
    for (const message of [
      approvalMessage(payload, PUBLIC),
      decidedMessage(payload, { status: 'approved', by: 'Dana', at: new Date() }, PUBLIC),
    ]) {
      expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
      for (const block of message.blocks) {
        if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
        if (block.type === 'section') expect(block.text!.text.length).toBeLessThanOrEqual(3000);
      }
      expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
      expect(texts(message.blocks).join('\n')).toContain('more fields in Pandora');
    }
    // The buttons survive the cut: the card can still be decided.
    expect(buttons(approvalMessage(payload, PUBLIC).blocks)).toHaveLength(4);
  });
});

describe('the decided card', () => {
  const at = new Date('2026-12-03T14:02:00Z');

  it('says who approved it and when, with no buttons left', () => {
    const message = decidedMessage(approval(), { status: 'approved', by: 'Dana', at }, PUBLIC);
    const all = texts(message.blocks).join('\n');
    expect(all).toContain(
      '*Approved* by Dana <!date^1796306520^{date_short_pretty} at {time}|2026-12-03 14:02 UTC>',
    );
    expect(buttons(message.blocks)).toEqual([]);
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(message.text).toBe('Approved by Dana: Update Acme renewal');
    expect(all).toContain('*Amount*: 100000 → *125000*');
  });

  it('gives a rejection its reason, and an expiry nobody', () => {
    const rejected = texts(
      decidedMessage(
        approval(),
        { status: 'rejected', by: 'Sam', at, reason: 'wrong deal' },
        PUBLIC,
      ).blocks,
    ).join('\n');
    expect(rejected).toMatch(/\*Rejected\* by Sam .*: wrong deal/);
    const expired = texts(
      decidedMessage(approval(), { status: 'expired', by: null, at }, PUBLIC).blocks,
    ).join('\n');
    expect(expired).toContain('*Expired*');
    expect(expired).toContain('nobody decided in time');
  });
});

describe('plain notifications', () => {
  it('an anomaly is sections with its severity and a link, no buttons', () => {
    const message = messageFor(
      {
        type: 'anomaly',
        title: 'Sync stopped',
        body: 'No sync for 3 hours',
        link: '/w/ws/anomalies/1',
        severity: 'error',
        critical: true,
        inboxItemId: null,
      },
      PUBLIC,
    );
    const all = texts(message.blocks).join('\n');
    expect(all).toContain(':rotating_light: *Sync stopped*');
    expect(all).toContain(`<${PUBLIC}/w/ws/anomalies/1|View in Pandora>`);
    expect(buttons(message.blocks)).toEqual([]);
  });

  it('a digest of 2,000 items stays under the limits and says how many were left out', () => {
    const message = plainMessage(
      {
        type: 'digest',
        title: 'Your daily digest',
        body: '2000 notifications',
        link: '/w/ws/notifications',
        severity: 'info',
        critical: false,
        inboxItemId: null,
        items: Array.from({ length: 2000 }, (_, i) => ({
          type: 'approval' as const,
          title: `Item ${i} ${'x'.repeat(100)}`,
          link: `/w/ws/inbox/${i}`,
          severity: 'info' as const,
        })),
      },
      PUBLIC,
    );
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    for (const block of message.blocks) {
      if (block.type === 'section') expect(block.text!.text.length).toBeLessThanOrEqual(3000);
    }
    const all = texts(message.blocks).join('\n');
    expect(all).toContain('Item 0 ');
    expect(all).toMatch(/…and \d+ more in Pandora/);
  });
});

describe('action ids', () => {
  it('refuses ids that are not ours', () => {
    expect(parseInboxActionId('inbox.approve:not-a-uuid')).toBeNull();
    expect(parseInboxActionId(`inbox.delete:${ITEM}`)).toBeNull();
    expect(parseInboxActionId(`other.approve:${ITEM}`)).toBeNull();
  });
});
