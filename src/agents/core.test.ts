import { describe, expect, it } from 'vitest';
import { resolveConfig, type CrmDeal, type CrmRecords } from './cases.js';
import { agentCore } from './core.js';
import type { CoreInput } from './core-types.js';

function deal(id: string, extra: Partial<CrmDeal> = {}): CrmDeal {
  return {
    id,
    name: `Deal ${id}`,
    accountId: 'a1',
    contactIds: [],
    stage: 'proposal',
    amount: 50000,
    closeDate: '2026-11-30',
    nextStep: null,
    competitors: [],
    isClosed: false,
    updatedAt: '2026-10-01T00:00:00Z',
    ...extra,
  };
}

const crm = (deals: CrmDeal[]): CrmRecords => ({
  accounts: [
    { id: 'a1', name: 'Acme', domain: 'acme.com' },
    { id: 'a2', name: 'Vendor', domain: 'vendor.io' },
  ],
  contacts: [
    { id: 'c1', name: 'Dana Ruiz', email: 'dana@acme.com', accountId: 'a1' },
    { id: 'c2', name: 'Sam Seller', email: 'sam@vendor.io', accountId: 'a2' },
  ],
  deals,
});

function input(emails: string[], deals: CrmDeal[]): CoreInput {
  return {
    meeting: {
      title: 'Acme / Vendor',
      startedAt: '2026-10-14T16:00:00Z',
      durationSeconds: 1800,
      participants: emails.map((email) => ({ name: email, email })),
      transcript: [{ speaker: 'Dana Ruiz', text: 'We will sign by December 15.', startSeconds: 5 }],
    },
    crm: crm(deals),
    config: resolveConfig({}, { internalDomains: ['vendor.io'] }),
    referenceTime: '2026-10-14T16:00:00Z',
  };
}

describe('agentCore (the starting matcher)', () => {
  it("matches the contact's single open deal, and proposes nothing", () => {
    const result = agentCore(
      input(
        ['sam@vendor.io', 'Dana@Acme.com'],
        [deal('d1'), deal('d0', { isClosed: true, stage: 'closed_won' })],
      ),
    );
    expect(result).toEqual({ dealId: 'd1', matchConfidence: 0.9, fields: [] });
  });

  it('finds the deal through the contact when it has no account', () => {
    expect(
      agentCore(input(['dana@acme.com'], [deal('d1', { accountId: null, contactIds: ['c1'] })]))
        .dealId,
    ).toBe('d1');
  });

  it('matches nothing when the contact has several open deals (ambiguous: never a guess)', () => {
    expect(agentCore(input(['dana@acme.com'], [deal('d1'), deal('d2')]))).toEqual({
      dealId: null,
      matchConfidence: 0,
      fields: [],
    });
  });

  it('matches nothing without a known external participant', () => {
    // sam@vendor.io is a contact with an open deal, but on the internal domain.
    const deals = [deal('d2', { accountId: 'a2' })];
    expect(agentCore(input(['sam@vendor.io', 'who@else.com'], deals)).dealId).toBeNull();
    expect(agentCore(input(['dana@acme.com'], [deal('d0', { isClosed: true })])).dealId).toBeNull();
  });
});
