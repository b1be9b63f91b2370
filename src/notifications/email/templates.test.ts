import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TYPES, type NotificationPayload } from '../types.js';
import { escapeHtml, markup } from './html.js';
import { formatValue, groupDigestItems, renderEmail } from './templates.js';

const linkFor = (path: string) => `https://pandora.test/open?to=${encodeURIComponent(path)}`;

function payload(overrides: Partial<NotificationPayload> = {}): NotificationPayload {
  return {
    type: 'approval',
    title: 'Acme renewal: 2 changes',
    body: 'The agent heard these in the call with Acme.',
    link: '/inbox/item-1',
    severity: 'info',
    critical: false,
    inboxItemId: 'item-1',
    fields: [
      {
        field: 'amount',
        label: 'Amount',
        before: 12000,
        after: 18500,
        confidence: 0.87,
        quote: 'we can go to eighteen and a half',
      },
      { field: 'closedate', label: 'Close date', before: null, after: '2027-01-31' },
    ],
    ...overrides,
  };
}

describe('renderEmail', () => {
  it('shows an approval as before -> after per field, with the quote and the confidence', () => {
    const email = renderEmail(payload(), { linkFor, recipientName: 'Dana' });
    expect(email.subject).toBe('Approval needed: Acme renewal: 2 changes');
    expect(email.html).toContain('12,000');
    expect(email.html).toContain('<strong>18,500</strong>');
    expect(email.html).toContain('87% confident');
    expect(email.html).toContain('we can go to eighteen and a half');
    expect(email.html).toContain(`href="${escapeHtml(linkFor('/inbox/item-1'))}"`);
    expect(email.text).toContain('- Amount: 12,000 -> 18,500 (87% confident)');
    expect(email.text).toContain('  "we can go to eighteen and a half"');
    expect(email.text).toContain('- Close date: — -> 2027-01-31');
    expect(email.text).toContain(`Review: ${linkFor('/inbox/item-1')}`);
    expect(email.text).toContain('Hi Dana,');
  });

  it('escapes every value that comes from a CRM, an agent or a member', () => {
    const evil = '<img src=x onerror="alert(1)">&';
    const email = renderEmail(
      payload({
        title: evil,
        body: evil,
        fields: [{ field: 'x', label: evil, before: evil, after: evil, quote: evil }],
      }),
      { linkFor, recipientName: evil },
    );
    expect(email.html).not.toContain('<img');
    expect(email.html).not.toContain('onerror="');
    expect(email.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;');
    // Text is text: nothing to escape, shown as written.
    expect(email.text).toContain(evil);
  });

  it('keeps a subject on one line whatever the title holds', () => {
    const email = renderEmail(payload({ title: 'one\r\nBcc: victim@example.com' }), { linkFor });
    expect(email.subject).toBe('Approval needed: one Bcc: victim@example.com');
  });

  it('renders every notification type with its own label and action', () => {
    for (const type of NOTIFICATION_TYPES) {
      const email = renderEmail(payload({ type, fields: [] }), { linkFor });
      expect(email.html).toContain('Acme renewal');
      expect(email.text.length).toBeGreaterThan(20);
    }
    expect(renderEmail(payload({ type: 'question' }), { linkFor }).text).toContain('Answer: ');
    expect(renderEmail(payload({ type: 'anomaly' }), { linkFor }).subject).toMatch(/^Anomaly: /);
    // Fields belong to approvals: a question does not list them.
    expect(renderEmail(payload({ type: 'question' }), { linkFor }).text).not.toContain('18,500');
  });

  it('warns that an expiring approval is about to be dropped, and shows its fields', () => {
    const email = renderEmail(payload({ type: 'expiring', critical: true }), { linkFor });
    expect(email.subject).toBe('Expiring soon: Acme renewal: 2 changes');
    expect(email.text).toContain('This approval expires soon');
    expect(email.text).toContain('18,500');
  });

  it('names the severity of an anomaly', () => {
    const email = renderEmail(payload({ type: 'anomaly', severity: 'error' }), { linkFor });
    expect(email.text).toContain('Severity: error');
    expect(email.html).toContain('#e03131');
  });

  it('groups a digest by type, oldest first, each item with its own link', () => {
    const email = renderEmail(
      payload({
        type: 'digest',
        title: 'Your day in Pandora',
        link: '/notifications',
        fields: undefined,
        items: [
          { type: 'approval', title: 'Acme amount', link: '/inbox/a', severity: 'info' },
          { type: 'anomaly', title: 'Write failures up', link: '/anomalies/b', severity: 'error' },
          { type: 'approval', title: 'Globex stage', link: '/inbox/c', severity: 'info' },
          { type: 'agent_run', title: 'Agent finished', link: null, severity: 'info' },
        ],
      }),
      { linkFor },
    );
    expect(email.subject).toBe('Your Pandora digest: 4 items');
    const text = email.text;
    expect(text.indexOf('Waiting for your approval (2)')).toBeLessThan(text.indexOf('Acme amount'));
    expect(text.indexOf('Acme amount')).toBeLessThan(text.indexOf('Globex stage'));
    expect(text.indexOf('Globex stage')).toBeLessThan(text.indexOf('Anomalies (1)'));
    expect(text).toContain('- Write failures up (error)');
    expect(text).toContain(linkFor('/inbox/c'));
    expect(email.html).toContain(`href="${escapeHtml(linkFor('/anomalies/b'))}"`);
    expect(email.html).toContain('Agent runs (1)');
  });
});

describe('template helpers', () => {
  it('formats values as people read them', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue('')).toBe('—');
    expect(formatValue(1234567.5)).toBe('1,234,567.5');
    expect(formatValue(true)).toBe('Yes');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
  });

  it('passes html fragments through and escapes everything else', () => {
    const inner = markup`<b>${'<i>'}</b>`;
    expect(markup`<p>${inner}${'&'}${[inner, 'x']}${null}${false}${3}</p>`.value).toBe(
      '<p><b>&lt;i&gt;</b>&amp;<b>&lt;i&gt;</b>x3</p>',
    );
  });

  it('groups digest items in the order their types first appear', () => {
    const groups = groupDigestItems([
      { type: 'skill_result', title: 'a', link: null, severity: 'info' },
      { type: 'approval', title: 'b', link: null, severity: 'info' },
      { type: 'skill_result', title: 'c', link: null, severity: 'info' },
    ]);
    expect(groups.map((group) => [group.type, group.items.map((item) => item.title)])).toEqual([
      ['skill_result', ['a', 'c']],
      ['approval', ['b']],
    ]);
  });
});
