import { describe, expect, it } from 'vitest';
import { resolveConfig, type CrmDeal, type CrmRecords } from './cases.js';
import { agentCore, runCore, speakerUtterances } from './core.js';
import type { CoreInput, FieldExtractions } from './core-types.js';

function deal(id: string, extra: Partial<CrmDeal> = {}): CrmDeal {
  return {
    id,
    name: `Deal ${id}`,
    accountId: 'a1',
    contactIds: ['c1'],
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
  accounts: [{ id: 'a1', name: 'Acme', domain: 'acme.com' }],
  contacts: [{ id: 'c1', name: 'Dana Ruiz', email: 'dana@acme.com', accountId: 'a1' }],
  deals,
});

function input(said: string[], deals: CrmDeal[] = [deal('d1')], extra: Partial<CoreInput> = {}) {
  return {
    meeting: {
      title: 'Acme / Vendor',
      startedAt: '2026-10-14T16:00:00Z',
      durationSeconds: 1800,
      participants: [
        { name: 'Sam Seller', email: 'sam@vendor.io' },
        { name: 'Dana Ruiz', email: 'dana@acme.com' },
      ],
      transcript: said.map((text, i) => ({
        speaker: i % 2 === 0 ? 'Dana Ruiz' : 'Sam Seller',
        text,
        startSeconds: i * 10,
      })),
    },
    crm: crm(deals),
    config: resolveConfig({}, { internalDomains: ['vendor.io'], timeZone: 'America/New_York' }),
    referenceTime: '2026-10-14T16:00:00Z',
    ...extra,
  } satisfies CoreInput;
}

const candidate = (value: unknown, confidence = 0.99) => ({
  value,
  confidence,
  quote: 'We will sign by December 15.',
  utteranceIndex: 0,
  startSeconds: 0,
});

describe('runCore', () => {
  it('gives each speaker the side of their email domain, unknown when not a participant', () => {
    const one = input(['a', 'b']);
    one.meeting.transcript.push({ speaker: 'Someone', text: 'c', startSeconds: 30 });
    expect(speakerUtterances(one).map((u) => u.side)).toEqual(['external', 'internal', 'unknown']);
  });

  it('proposes the close date the customer commits to, with its quote and place', () => {
    const result = runCore(
      input(['We will sign by December 15.', 'Great.'], [deal('d1')], { fields: ['close_date'] }),
    );
    expect(result.dealId).toBe('d1');
    expect(result.match.method).toBe('contact');
    expect(result.fields).toEqual([
      expect.objectContaining({
        field: 'close_date',
        value: '2026-12-15',
        quote: 'We will sign by December 15.',
        utteranceIndex: 0,
        startSeconds: 0,
      }),
    ]);
    expect(result.fields[0]!.confidence).toBeGreaterThan(0);
    expect(result.fields[0]!.confidence).toBeLessThanOrEqual(1);
  });

  it('calibrates a raw score by field, by whether the call goes on about it after the quote, and by its length', () => {
    const seen: string[] = [];
    const calibrate = (
      field: string,
      _raw: number,
      { follow, words }: { follow: string; words: number },
    ) => {
      seen.push(`${field}:${follow}:${words}`);
      return follow === 'later' ? 0.3 : 0.99;
    };
    const result = runCore(
      input(
        ['We will sign by December 15.', 'Great.', 'Hmm, scratch that, legal says no.'],
        [deal('d1')],
        { fields: ['close_date'] },
      ),
      { calibrate },
    );
    expect(seen).toEqual(['close_date:later:13']);
    expect(result.fields.map((f) => [f.confidence, f.decision])).toEqual([[0.3, 'inbox']]);
    expect(
      runCore(
        input(['We will sign by December 15.', 'Great.'], [deal('d1')], { fields: ['close_date'] }),
        {
          calibrate,
        },
      ).fields[0],
      // A close date is asked by default (decide.ts ASK_BY_DEFAULT), however sure.
    ).toMatchObject({ confidence: 0.99, decision: 'inbox' });
  });

  it("gives an amount said without a currency the one currency the call names, else the workspace's", () => {
    const said = (lines: string[]) =>
      runCore(input(lines, [deal('d1')], { fields: ['amount'] })).fields[0]?.value;
    expect(
      said([
        'We would commit to €270,000 over three years.',
        'So 90k a year, that works.',
        'Exactly.',
      ]),
    ).toEqual({
      value: 270000,
      currency: 'EUR',
    });
    expect(said(['We agreed on 90k a year.', 'Great.'])).toEqual({ value: 90000, currency: 'USD' });
    const inUtc = input(['We agreed on 90k a year.', 'Great.'], [deal('d1')], {
      fields: ['amount'],
    });
    inUtc.config = { ...inUtc.config, timeZone: 'UTC' };
    expect(runCore(inUtc).fields[0]?.value).toBe(90000);
  });

  it("reads money in the buyer's currency when the account's domain names its country", () => {
    const inDublin = (lines: string[], domain: string) => {
      const call = input(lines, [deal('d1')], { fields: ['amount'] });
      call.crm.accounts = [{ id: 'a1', name: 'Acme', domain }];
      call.config = { ...call.config, timeZone: 'Europe/Dublin' };
      return runCore(call).fields[0]?.value;
    };
    // A firm in Belfast or Glasgow prices in sterling; one in Cork in euros.
    const bare = ['We agreed on 58,500 for the three years.', 'Great.'];
    expect(inDublin(bare, 'acme.co.uk')).toEqual({ value: 58500, currency: 'GBP' });
    expect(inDublin(bare, 'acme.ie')).toEqual({ value: 58500, currency: 'EUR' });
    expect(inDublin(bare, 'acme.com')).toEqual({ value: 58500, currency: 'EUR' });
    // "Dirhams" in Morocco are MAD, not the UAE's.
    expect(
      inDublin(
        ['It comes to a hundred and sixty-five thousand dirhams a year.', 'Fine.'],
        'school.ma',
      ),
    ).toEqual({ value: 165000, currency: 'MAD' });
  });

  it('gives a figure said again the currency it was first said in (k255)', () => {
    // Dollars and pesos are both said; the echo "One hundred and two." is the dollars'.
    const said: [string, string][] = [
      [
        'Dana Ruiz',
        'So now my job: the money. The proposal has two parts. Thirty thousand dollars a year for the license, and then two and a half percent of every cuota collected through your system. Correct?',
      ],
      [
        'Sam Seller',
        'Correct. The two and a half percent covers payment processing — the debit, the cards, the networks.',
      ],
      ['Dana Ruiz', 'Two and a half percent. Marcela, how much do we collect a month?'],
      [
        'Dana Ruiz',
        "Thirty-eight thousand socios, the average cuota is fifteen thousand pesos... but not everyone pays. Let's say four hundred million pesos a month, on a good month.",
      ],
      [
        'Dana Ruiz',
        "Two and a half percent of four hundred million is ten million pesos a month. Every month. That's more than the license. I don't like variable costs that grow with inflation. I want a fixed number.",
      ],
      [
        'Sam Seller',
        'We can do that. We have a flat model: no percentage, and the license absorbs the processing. In that case the license would be thirty-four thousand a year instead of thirty.',
      ],
      ['Dana Ruiz', 'Thirty-four, and no percentage at all?'],
      ['Sam Seller', "No percentage. The banks' own fees you still pay, but nothing to us."],
      ['Dana Ruiz', 'Three years?'],
      [
        'Sam Seller',
        'Three years. Thirty-four a year, one hundred and two thousand dollars in total.',
      ],
      [
        'Dana Ruiz',
        "One hundred and two. Versus thirty plus ten million pesos a month... Marcela, it's obvious.",
      ],
      ['Dana Ruiz', "It's obvious."],
      ['Dana Ruiz', 'Flat model. One hundred and two. Send me that version.'],
    ];
    const call = input(
      said.map(([, text]) => text),
      [deal('d1')],
      { fields: ['amount'] },
    );
    call.meeting.transcript = said.map(([speaker, text], i) => ({
      speaker,
      text,
      startSeconds: i * 10,
    }));
    call.config = { ...call.config, timeZone: 'America/Argentina/Buenos_Aires' };
    expect(runCore(call).fields[0]?.value).toEqual({ value: 102_000, currency: 'USD' });
  });

  it('reads a bare figure too small to be a price in the local currency as dollars', () => {
    const said = (lines: string[], timeZone: string) => {
      const call = input(lines, [deal('d1')], { fields: ['amount'] });
      call.config = { ...call.config, timeZone };
      return runCore(call).fields[0]?.value;
    };
    // 58,500 tugrik is about seventeen dollars; 342 million is a price.
    const bare = ['We agreed on 58,500 for the year.', 'Great.'];
    expect(said(bare, 'Asia/Ulaanbaatar')).toEqual({ value: 58500, currency: 'USD' });
    expect(said(['We agreed on 342 million for the year.', 'Great.'], 'Asia/Ulaanbaatar')).toEqual({
      value: 342_000_000,
      currency: 'MNT',
    });
    // The CFA franc is pegged to the euro: prices there are said in euros.
    expect(said(bare, 'Africa/Dakar')).toEqual({ value: 58500, currency: 'EUR' });
    // A currency worth more keeps the figure: 58,500 kroner is a price.
    expect(said(bare, 'Europe/Oslo')).toEqual({ value: 58500, currency: 'NOK' });
  });

  it('proposes nothing without a matched deal, and asks which deal when ambiguous', () => {
    const result = runCore(input(['We will sign by December 15.'], [deal('d1'), deal('d2')]));
    expect(result).toMatchObject({ dealId: null, matchConfidence: 0, fields: [] });
    expect(result.match.question).toMatch(/Which deal/);
    expect(result.warnings).toEqual([result.match.question]);
  });

  it('drops a value the deal already holds: a restatement is nothing to change', () => {
    const result = runCore(
      input(['We will sign by November 30.'], [deal('d1')], { fields: ['close_date'] }),
    );
    expect(result.fields).toEqual([]);
    expect(result.warnings.join(' ')).toMatch(/close_date: the call restates/);
  });

  it('uses given extractions instead of its own, confidences as given, in the eval format', () => {
    const extracted: FieldExtractions = {
      amount: candidate({ amount: 90000, currency: 'EUR' }, 0.99),
      stage: candidate('negotiation', 0.5),
      competitors: candidate([], 0.9), // the deal's own (none): restated
    };
    const result = runCore(input(['Hello.'], [deal('d1')], { extracted }));
    expect(result.fields.map((f) => [f.field, f.value, f.confidence, f.decision])).toEqual([
      ['amount', { value: 90000, currency: 'EUR' }, 0.99, 'inbox'],
      ['stage', 'negotiation', 0.5, 'inbox'],
    ]);
  });

  it("follows the field rules: never drops, ask sends to the inbox, auto needs the rule's threshold", () => {
    const extracted: FieldExtractions = {
      close_date: candidate('2026-12-15', 0.97),
      amount: candidate(64000, 0.97),
      stage: candidate('negotiation', 0.97),
    };
    const rules = {
      close_date: { rule: 'never', threshold: 0 },
      amount: { rule: 'ask', threshold: 0 },
      stage: { rule: 'auto', threshold: 0.98 },
    } as const;
    const result = runCore(input(['Hello.'], [deal('d1')], { extracted, rules }));
    expect(result.fields.map((f) => [f.field, f.decision])).toEqual([
      ['amount', 'inbox'],
      ['stage', 'inbox'],
    ]);
    const lower = runCore(
      input(['Hello.'], [deal('d1')], {
        extracted,
        rules: { ...rules, stage: { rule: 'auto', threshold: 0.9 } },
      }),
    );
    expect(lower.fields.find((f) => f.field === 'stage')!.decision).toBe('auto_apply');
  });

  it('proposes only the fields it is given, and MEDDICC fields go to a person by default', () => {
    const extracted: FieldExtractions = {
      close_date: candidate('2026-12-15', 0.99),
      champion: candidate('Dana Ruiz', 0.99),
    };
    const result = runCore(input(['Hello.'], [deal('d1')], { extracted, fields: ['champion'] }));
    expect(result.fields.map((f) => [f.field, f.decision])).toEqual([['champion', 'inbox']]);
  });
});

describe('agentCore', () => {
  it('keeps only the five eval fields, in the prediction format', () => {
    const extracted: FieldExtractions = {
      close_date: candidate('2026-12-15', 0.99),
      champion: candidate('Dana Ruiz', 0.99),
    };
    const prediction = agentCore(
      input(['Hello.'], [deal('d1')], { extracted, fields: ['close_date', 'champion'] }),
    );
    expect(prediction).toEqual({
      dealId: 'd1',
      matchConfidence: expect.any(Number),
      fields: [
        {
          field: 'close_date',
          value: '2026-12-15',
          confidence: 0.99,
          decision: 'inbox',
          quote: 'We will sign by December 15.',
        },
      ],
    });
  });
});
