import type { Amount, ExpectedFields, Stage } from '../../../src/agents/cases.js';
import {
  MONTHS,
  before,
  iso,
  lastDay,
  ordinal,
  plusDays,
  quarterEnd,
  quarterNumber,
  type Day,
} from './dates.js';
import type { Rand } from './rand.js';
import { fill, say, type Group } from './words.js';

/** A line of the call: who says it (the customer or the rep) and the text. */
export interface Line {
  who: 'ext' | 'int';
  text: string;
}

/** Lines that say one thing about one or more fields, and what they should change. */
export interface Event {
  lines: Line[];
  expect: ExpectedFields;
  /** Fields this event decides; others must not add a value for them. */
  fields: (keyof ExpectedFields)[];
  /** A kind name, for the README's counts and for reading figures by trap. */
  kind: string;
}

export interface EventContext {
  r: Rand;
  g: Group;
  today: Day;
  fiscalStart: number;
  deal: { closeDate: string; amount: number; stage: Stage };
  competitors: readonly string[];
  currency: 'USD' | 'EUR' | 'GBP' | 'none';
}

const ext = (text: string): Line => ({ who: 'ext', text });
const int = (text: string): Line => ({ who: 'int', text });

// ---------- close date ----------

/** A future day and ways to say it, with the day it means. */
function spokenDate(c: EventContext): { day: Day; said: string } {
  const { r, today, fiscalStart } = c;
  const kind = r.pick(['day', 'day', 'day', 'month', 'quarter', 'q', 'year']);
  if (kind === 'month') {
    const ahead = r.int(1, 4);
    const month = ((today.m - 1 + ahead) % 12) + 1;
    const year = today.y + Math.floor((today.m - 1 + ahead) / 12);
    return {
      day: lastDay(year, month),
      said: r.pick([`the end of ${MONTHS[month - 1]}`, `end of ${MONTHS[month - 1]}`]),
    };
  }
  if (kind === 'quarter') {
    const end = quarterEnd(today, fiscalStart);
    if (before(plusDays(today, 10), end)) {
      return {
        day: end,
        said: r.pick(['the end of the quarter', 'the end of this quarter', 'end of quarter']),
      };
    }
  }
  if (kind === 'q') {
    const q = quarterNumber(plusDays(quarterEnd(today, fiscalStart), 1), fiscalStart);
    const end = quarterEnd(plusDays(quarterEnd(today, fiscalStart), 1), fiscalStart);
    return { day: end, said: r.pick([`the end of Q${q}`, `end of Q${q}`]) };
  }
  if (kind === 'year' && today.m <= 10 && fiscalStart === 1) {
    return {
      day: { y: today.y, m: 12, d: 31 },
      said: r.pick(['the end of the year', 'year end', 'the end of this year']),
    };
  }
  const day = plusDays(today, r.int(12, 140));
  const month = MONTHS[day.m - 1]!;
  const said = r.pick([
    `${month} ${day.d}`,
    `${month} ${ordinal(day.d)}`,
    `the ${ordinal(day.d)} of ${month}`,
    `${month.slice(0, 3)} ${day.d}`,
    `${day.d} ${month}`,
  ]);
  return { day, said };
}

const COMMIT = [
  "We're planning to sign by {D}.",
  'We expect to sign the agreement by {D}.',
  'Legal says we can have the contract signed by {D}.',
  '{D} is our target for signature.',
  'Our target close date is {D}.',
  'Realistically we can get signatures by {D}.',
  "We'll get the order form countersigned by {D}.",
  'Our CFO wants this closed by {D}.',
  'The plan is to close this by {D}.',
  "We'll have the paperwork signed no later than {D}.",
  'Procurement will have the PO in place by {D}.',
  "Let's put {D} down as the close date.",
  "We're committed to signing by {D}.",
  'The signing date we are working towards is {D}.',
  "We'll target having the agreement executed by {D}.",
  'Put us down for signature on {D}.',
];
const RECAP = [
  'Just to recap, the contract gets signed by {D}.',
  'So the close date is {D}.',
  "I'll put {D} in as the signing date then.",
  'So we are targeting signature by {D}.',
];
const CONFIRM = [
  'Correct.',
  "Yes, that's right.",
  'That works for us.',
  'Yes, exactly.',
  'Agreed.',
  'Yep, confirmed.',
];

export function closeDatePositive(c: EventContext): Event {
  const { r, g } = c;
  const { day, said } = spokenDate(c);
  if (iso(day) === c.deal.closeDate) return closeDateRestated(c);
  const revise = r.chance(0.2);
  const lines: Line[] = [];
  let kind = 'close_date:commit';
  if (revise) {
    const first = spokenDate(c);
    if (iso(first.day) !== iso(day)) {
      lines.push(ext(fill(say(r, g, COMMIT), { D: first.said })));
      lines.push(int(say(r, g, ['Okay, noted.', 'Got it.', 'Understood.'])));
      lines.push(
        ext(
          fill(
            say(r, g, [
              'Actually, legal needs more time, so let us move the signing date to {D}.',
              'Sorry, correction: the close date has to be {D} instead.',
              'Scratch that, we will sign by {D} instead.',
              'On second thought, the contract will be signed by {D}.',
            ]),
            { D: said },
          ),
        ),
      );
      kind = 'close_date:last-word';
    }
  }
  if (lines.length === 0) {
    if (r.chance(0.3)) {
      lines.push(int(fill(say(r, g, RECAP), { D: said })), ext(say(r, g, CONFIRM)));
      kind = 'close_date:rep-confirmed';
    } else {
      lines.push(ext(fill(say(r, g, COMMIT), { D: said })));
    }
  }
  return { lines, expect: { close_date: iso(day) }, fields: ['close_date'], kind };
}

function closeDateRestated(c: EventContext): Event {
  const [y, m, d] = c.deal.closeDate.split('-').map(Number) as [number, number, number];
  const said = `${MONTHS[m - 1]} ${ordinal(d)}`;
  void y;
  return {
    lines: [ext(fill(say(c.r, c.g, COMMIT), { D: said }))],
    expect: { close_date: null },
    fields: ['close_date'],
    kind: 'close_date:restated',
  };
}

export function closeDateTrap(c: EventContext): Event {
  const { r, g, today } = c;
  const month = MONTHS[(today.m + r.int(1, 4) - 1) % 12]!;
  const { said } = spokenDate(c);
  const kind = r.pick([
    'casual',
    'hypothetical',
    'meeting',
    'unanswered',
    'past',
    'pushback',
    'retracted',
    'restated',
    'golive',
  ]);
  const one = (text: string): Line[] => [ext(text)];
  const lines: Line[] =
    kind === 'casual'
      ? one(
          say(r, g, [
            'Q1 is always busy for us.',
            'December is always slow with the holidays.',
            'Summer tends to be quiet around here.',
            'Our fiscal year ends in June, so things get hectic then.',
            'Every March we have our sales kickoff, it eats a week.',
            'The end of the quarter is always chaos for finance.',
          ]),
        )
      : kind === 'hypothetical'
        ? one(
            fill(
              say(r, g, [
                'If legal moves fast we could maybe sign in {M}, but I would not count on it.',
                'In theory {M} could work, but nothing is decided.',
                'Assuming the budget comes through, {M} might be possible.',
                'If everything goes perfectly we might sign by {D}, but that is a big if.',
              ]),
              { M: month, D: said },
            ),
          )
        : kind === 'meeting'
          ? one(
              fill(
                say(r, g, [
                  "Let's meet again on {D}.",
                  'Can we schedule the follow-up call for {D}?',
                  'Send me an invite for {D} and we will walk through it.',
                  "Let's reconvene on {D} with the whole team.",
                ]),
                { D: said },
              ),
            )
          : kind === 'unanswered'
            ? [
                int(
                  fill(
                    say(r, g, [
                      'Any chance you could sign by {D}?',
                      'Could we get signatures by {D}?',
                    ]),
                    { D: said },
                  ),
                ),
                ext(
                  say(r, g, [
                    'Hard to say right now.',
                    'I will have to check with finance.',
                    'Not sure yet, honestly.',
                  ]),
                ),
              ]
            : kind === 'past'
              ? one(
                  fill(
                    say(r, g, [
                      'We originally planned to close in {M}, but that was before the reorg.',
                      'Last year we had hoped to sign in {M}.',
                      'We were supposed to sign in {M} before the budget freeze.',
                    ]),
                    { M: month },
                  ),
                )
              : kind === 'pushback'
                ? [
                    int(
                      fill(
                        say(r, g, [
                          'Can we aim to get this signed by {D}?',
                          'Would signing by {D} be realistic?',
                        ]),
                        { D: said },
                      ),
                    ),
                    ext(
                      say(r, g, [
                        'That is too aggressive, we cannot commit to a date yet.',
                        'No, we are not in a position to pick a date.',
                      ]),
                    ),
                  ]
                : kind === 'retracted'
                  ? [
                      ext(fill(say(r, g, COMMIT), { D: said })),
                      int('Great.'),
                      ext(
                        say(r, g, [
                          'Actually, scratch that, the signature is going to slip and I do not have a new date.',
                          'Hmm, wait, that is on hold now until the board meets, so no date for now.',
                        ]),
                      ),
                    ]
                  : kind === 'golive'
                    ? one(
                        fill(
                          say(r, g, [
                            'We want to go live by {D}.',
                            'The rollout should launch on {D}.',
                          ]),
                          { D: said },
                        ),
                      )
                    : closeDateRestated(c).lines;
  return {
    lines,
    expect: { close_date: null },
    fields: ['close_date'],
    kind: `close_date:${kind}`,
  };
}

// ---------- hold (close date and stage) ----------

export function holdTrap(c: EventContext): Event {
  const q = c.r.int(1, 4);
  return {
    lines: [
      ext(
        fill(
          say(c.r, c.g, [
            'Everything is on hold until the Q{Q} budget is approved.',
            'We have to pause this until the Q{Q} budget is released.',
            'Nothing moves until our new VP starts next quarter.',
            'The project is on hold pending the Q{Q} planning cycle.',
          ]),
          { Q: String(q) },
        ),
      ),
    ],
    expect: { close_date: null, stage: null },
    fields: ['close_date', 'stage'],
    kind: 'hold',
  };
}

// ---------- amount ----------

function money(c: EventContext, value: number): { said: string; amount: Amount } {
  const { r } = c;
  const k = value / 1000;
  const comma = value.toLocaleString('en-US');
  if (c.currency === 'EUR') {
    return {
      said: r.pick([`€${comma}`, `${comma} euros`, `€${k}k`, `${k}k euros`]),
      amount: { value, currency: 'EUR' },
    };
  }
  if (c.currency === 'GBP') {
    return {
      said: r.pick([`£${comma}`, `${comma} pounds`, `£${k}k`]),
      amount: { value, currency: 'GBP' },
    };
  }
  if (c.currency === 'none') return { said: r.pick([`${k}k`, comma]), amount: value };
  const forms = [`$${comma}`, `$${k}k`, `${comma} dollars`, `$${comma} USD`];
  if (value >= 1_000_000)
    forms.push(`$${value / 1_000_000}M`, `${value / 1_000_000} million dollars`);
  if (value % 10_000 === 0 && value < 1_000_000) forms.push(`${spell(value)} dollars`);
  return { said: r.pick(forms), amount: value };
}

function spell(value: number): string {
  const ones = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const tens = [
    '',
    'ten',
    'twenty',
    'thirty',
    'forty',
    'fifty',
    'sixty',
    'seventy',
    'eighty',
    'ninety',
  ];
  const k = value / 1000;
  const h = Math.floor(k / 100);
  const rest = k % 100;
  const restWords =
    rest === 0 ? '' : `${tens[Math.floor(rest / 10)]}${rest % 10 ? `-${ones[rest % 10]}` : ''}`;
  const head = h === 0 ? '' : `${h === 1 ? 'a' : ones[h]} hundred`;
  return `${[head, restWords].filter(Boolean).join(' and ')} thousand`;
}

function dealValue(c: EventContext): number {
  const r = c.r;
  const v = r.chance(0.1) ? r.int(10, 30) * 100_000 : r.int(24, 480) * (r.chance(0.5) ? 1000 : 500);
  return v === c.deal.amount ? v + 5000 : v;
}

const AMOUNT = [
  'We can approve {M} for the first year.',
  'The final figure on our side is {M}.',
  'Finance signed off on {M} for the annual subscription.',
  'Our CFO approved {M} for this.',
  '{M} is the number we agreed internally.',
  'We can commit to {M} annually.',
  "We're good with {M} per year.",
  '{M} for the contract works for us.',
  "Let's lock in {M}.",
  "We'll sign at {M}.",
  'The deal is {M} a year, all in.',
  'We have approval for {M}.',
  '{M} per annum is what procurement accepted.',
  'Budget is released: {M} a year, signed off by the CFO.',
];

export function amountPositive(c: EventContext): Event {
  const { r, g } = c;
  const shape = r.pick(['plain', 'plain', 'plain', 'years', 'monthly', 'last-word']);
  if (shape === 'years' && c.currency !== 'none') {
    const years = r.pick([2, 3]);
    const annual = r.int(4, 20) * 10_000;
    // The deal's amount is the total contract value (the extractor's default convention).
    const total = money(c, annual * years);
    return {
      lines: [
        ext(
          fill(
            say(r, g, [
              'We can do {M} over {N} years.',
              'The total is {M} over {N} years.',
              'Finance approved {M} over {N} years.',
            ]),
            { M: total.said, N: years === 2 ? 'two' : 'three' },
          ),
        ),
      ],
      expect: { amount: total.amount },
      fields: ['amount'],
      kind: 'amount:multi-year',
    };
  }
  if (shape === 'monthly' && c.currency !== 'none') {
    const monthly = r.int(2, 20) * 1000;
    const m = money(c, monthly);
    const annual =
      typeof m.amount === 'number' ? monthly * 12 : { ...m.amount, value: monthly * 12 };
    return {
      lines: [
        ext(
          fill(say(r, g, ['We agreed on {M} a month.', 'We can approve {M} per month.']), {
            M: m.said,
          }),
        ),
      ],
      expect: { amount: annual },
      fields: ['amount'],
      kind: 'amount:monthly',
    };
  }
  const value = dealValue(c);
  const m = money(c, value);
  if (shape === 'last-word') {
    const first = money(c, value + r.int(1, 5) * 10_000);
    return {
      lines: [
        ext(fill(say(r, g, AMOUNT), { M: first.said })),
        int('Okay.'),
        ext(
          fill(
            say(r, g, [
              'After the finance review we can only do {M}.',
              'Correction: the number is {M}, not what I said earlier.',
              'Actually, make that {M}; procurement cut it.',
              'Finance came back and we are at {M} now.',
            ]),
            { M: m.said },
          ),
        ),
      ],
      expect: { amount: m.amount },
      fields: ['amount'],
      kind: 'amount:last-word',
    };
  }
  return {
    lines: [ext(fill(say(r, g, AMOUNT), { M: m.said }))],
    expect: { amount: m.amount },
    fields: ['amount'],
    kind: 'amount:stated',
  };
}

export function amountTrap(c: EventContext): Event {
  const { r, g } = c;
  const kind = r.pick([
    'headcount',
    'discount',
    'vendor',
    'today',
    'hypothetical',
    'unanswered',
    'range',
    'retracted',
    'restated',
  ]);
  const m = money(c, dealValue(c)).said;
  const m2 = money(c, dealValue(c) + 20_000).said;
  const comp = r.pick(c.competitors);
  const expect: ExpectedFields = { amount: null };
  let lines: Line[];
  switch (kind) {
    case 'headcount':
      lines = [
        ext(
          fill(
            say(r, g, [
              'We have {N} reps across three regions.',
              'About {N} people would use it day to day.',
              "We're hiring {N} more account executives next year.",
              'The sales org is {N} people now.',
            ]),
            { N: String(r.int(40, 900)) },
          ),
        ),
      ];
      break;
    case 'discount':
      lines = [
        ext(
          fill(
            say(r, g, [
              'Can you do {P}% off if we sign this quarter?',
              'We would need at least a {P} percent discount.',
              'Other vendors offered us {P}% off.',
            ]),
            { P: String(r.pick([10, 12, 15, 20, 25])) },
          ),
        ),
      ];
      break;
    case 'vendor':
      lines = [
        ext(
          fill(
            say(r, g, [
              '{C} quoted us {M} for the same thing.',
              "{C}'s offer came in at {M}.",
              '{C} is asking {M} for their package.',
            ]),
            { C: comp, M: m },
          ),
        ),
      ];
      expect.competitors = [comp];
      break;
    case 'today':
      lines = [
        ext(
          fill(
            say(r, g, [
              'We pay about {M} a year today for our current tool.',
              'Our existing contract costs {M}.',
              'Right now we spend {M} on the old system.',
            ]),
            { M: m },
          ),
        ),
      ];
      break;
    case 'hypothetical':
      lines = [
        ext(
          fill(
            say(r, g, [
              'If we added the analytics piece it would be maybe {M} more, but not this year.',
              'Hypothetically, at {M} we could consider a bigger rollout.',
              'If we doubled the seats, would it be {M}?',
            ]),
            { M: m },
          ),
        ),
      ];
      break;
    case 'unanswered':
      lines = [
        int(fill(say(r, g, ['Would {M} be doable?', 'Could you get to {M}?']), { M: m })),
        ext(say(r, g, ['I need to run it by finance first.', 'Let me think about it.'])),
      ];
      break;
    case 'range':
      lines = [
        ext(
          fill(
            say(r, g, [
              "Somewhere between {M} and {M2} is what we're thinking.",
              'Our range is {M} to {M2}.',
            ]),
            { M: m, M2: m2 },
          ),
        ),
      ];
      break;
    case 'increment':
      lines = [
        ext(
          fill(
            say(r, g, [
              'The analytics module would add {M} on top, and we are skipping it.',
              'Premium support is {M} extra, which we do not need.',
              'Another {M} for the sandbox is not in the plan.',
              'An extra {M} for training is off the table.',
            ]),
            { M: m },
          ),
        ),
      ];
      break;
    case 'unit-price':
      lines = [
        int(
          fill(
            say(r, g, [
              'Seats are ${P} each per month on the list.',
              'The list price is ${P} per user per month.',
              'Each extra seat runs ${P} a month.',
              'Per seat it is ${P} monthly before discounts.',
            ]),
            { P: String(r.int(40, 180)) },
          ),
        ),
        ext(say(r, g, ['Okay, noted.', 'We will think about it.'])),
      ];
      break;
    case 'retracted':
      lines = [
        ext(fill(say(r, g, AMOUNT), { M: m })),
        int('Great.'),
        ext(
          say(r, g, [
            'Hmm, actually that is too expensive for us right now.',
            'Sorry, I misspoke, we cannot do that number after all.',
          ]),
        ),
      ];
      break;
    default: {
      const same = money(c, c.deal.amount).said;
      lines = [ext(fill(say(r, g, AMOUNT), { M: same }))];
    }
  }
  return {
    lines,
    expect,
    fields: kind === 'vendor' ? ['amount', 'competitors'] : ['amount'],
    kind: `amount:${kind}`,
  };
}

// ---------- stage ----------

const STAGE_CUES: Record<string, { from: Stage[]; says: string[] }> = {
  negotiation: {
    from: ['proposal', 'evaluation'],
    says: [
      'Our legal team is redlining the MSA right now.',
      'We sent our redlines on the order form back this morning.',
      'Procurement is negotiating the contract terms with your legal team.',
      'We are going back and forth on the liability clause in the contract.',
    ],
  },
  proposal: {
    from: ['discovery', 'evaluation', 'qualification'],
    says: [
      'Can you send us a formal proposal with pricing?',
      'Please put a quote together so we can take it to finance.',
      'We are ready for a proposal now.',
      'Send over the pricing proposal and we will review it.',
    ],
  },
  evaluation: {
    from: ['discovery', 'qualification'],
    says: [
      'We kicked off the pilot with the RevOps team this week.',
      'Our engineers started the technical evaluation on Monday.',
      'The trial is now running with two of our teams.',
      'We began the proof of concept yesterday.',
    ],
  },
  closed_won: {
    from: ['negotiation', 'proposal'],
    says: [
      'We signed the order form this morning.',
      "The PO went out today, so we're officially a customer.",
      'The contract is signed, welcome aboard to us I guess.',
      'Our CFO countersigned the agreement yesterday.',
    ],
  },
  closed_lost: {
    from: ['negotiation', 'proposal', 'evaluation', 'discovery'],
    says: [
      "We've decided to go with another vendor.",
      'Leadership cancelled the project, so we will not be buying.',
      'We chose a different solution, sorry.',
      'We are not moving forward with the purchase.',
    ],
  },
};

/** The deal's stage before the call, for a stage event of this kind. */
export function stageBefore(r: Rand, target: Stage | null): Stage {
  if (target === null) return r.pick(['discovery', 'evaluation', 'proposal', 'negotiation']);
  return r.pick(STAGE_CUES[target]!.from);
}

export function stagePositive(c: EventContext, target: Stage): Event {
  return {
    lines: [ext(say(c.r, c.g, STAGE_CUES[target]!.says))],
    expect: { stage: target },
    fields: ['stage'],
    kind: `stage:${target}`,
  };
}

export function stageTrap(c: EventContext): Event {
  const { r, g } = c;
  const kind = r.pick(['politeness', 'politeness', 'past', 'question', 'rep-only']);
  const text =
    kind === 'politeness'
      ? say(r, g, [
          'Honestly we love it, the team is really excited.',
          'This is great, thanks so much for the demo.',
          'Really impressive stuff, everyone enjoyed it.',
          'We are big fans, no question.',
        ])
      : kind === 'past'
        ? say(r, g, [
            'We ran a pilot with a different tool last year.',
            'Years ago we signed with a vendor like you and regretted it.',
          ])
        : kind === 'question'
          ? say(r, g, [
              'Should we start a pilot at some point?',
              'Would a formal proposal make sense later on?',
            ])
          : '';
  const lines =
    kind === 'rep-only'
      ? [
          int(
            say(r, g, [
              'I think you are basically ready to sign.',
              'Sounds like we are in negotiation now.',
            ]),
          ),
        ]
      : [ext(text)];
  return { lines, expect: { stage: null }, fields: ['stage'], kind: `stage:${kind}` };
}

// ---------- next step ----------

const OFFERS: [string, string[]][] = [
  ["I'll send over the security questionnaire by Friday.", ['security questionnaire']],
  ['Next step is for us to schedule a pricing review with your CFO.', ['pricing review']],
  ["I'll set up a technical deep dive with your IT team next week.", ['deep dive']],
  ["I'll share the SOC 2 report with your security team.", ['SOC 2']],
  ["I'll send the revised order form tomorrow.", ['order form']],
  ["We'll book an onboarding workshop with your admins.", ['onboarding workshop']],
  ["I'll draft the mutual action plan and send it over.", ['mutual action plan']],
  ["I'll get you the reference call with a customer your size.", ['reference call']],
];
const ACCEPT = [
  'Sounds good, we will look out for it.',
  'Great, let us do that.',
  'Perfect, that works.',
  'Yes, please do.',
  'That would be helpful, thanks.',
  'Agreed, that is the next step.',
];

export function nextStepPositive(c: EventContext): Event {
  const { r, g } = c;
  if (r.chance(0.25)) {
    const [text, words] = r.pick([
      ['On our side, the next step is a security review with our CISO.', ['security review']],
      ['Next step for us is a legal review of your MSA.', ['legal review']],
      ['We will present this to the steering committee next.', ['steering committee']],
      ['Our next step is a budget sign-off meeting with finance.', ['budget sign-off']],
    ] as [string, string[]][]);
    return {
      lines: [
        ext(text),
        int(
          say(r, g, [
            'Great, I will support however I can.',
            'Perfect, let me know what you need.',
          ]),
        ),
      ],
      expect: { next_step: { contains: words } },
      fields: ['next_step'],
      kind: 'next_step:customer',
    };
  }
  const half = OFFERS.filter((_, i) => (i % 2 === 0) === (g === 'A'));
  const [text, words] = r.pick(half);
  return {
    lines: [int(text), ext(say(r, g, ACCEPT))],
    expect: { next_step: { contains: words } },
    fields: ['next_step'],
    kind: 'next_step:agreed',
  };
}

export function nextStepTrap(c: EventContext): Event {
  const { r, g } = c;
  if (r.chance(0.4)) {
    return {
      lines: [
        r.chance(0.5)
          ? ext(
              say(r, g, [
                "Let's start with the reporting questions.",
                'Can we go through the pricing page first?',
                'First, walk us through the admin settings.',
                "Let's cover the integration questions today.",
              ]),
            )
          : int(
              say(r, g, [
                'Let me walk you through the dashboard now.',
                "I'll share my screen and show the forecast view.",
                "Let's go through the agenda for today.",
                "I'll quickly recap where we left off.",
              ]),
            ),
        ext(say(r, g, ['Sure.', 'Okay.', 'Sounds good.', 'Go ahead.'])),
      ],
      expect: { next_step: null },
      fields: ['next_step'],
      kind: 'next_step:agenda',
    };
  }
  return {
    lines: [
      int(
        say(r, g, [
          'I can send a couple of case studies if that helps.',
          'Happy to set up a call with our product team if useful.',
          'I could put together an ROI analysis for you.',
          'Want me to send a few customer references?',
        ]),
      ),
      ext(
        say(r, g, [
          'We are fine for now, thanks.',
          'Not needed at the moment.',
          'No, we have what we need.',
          'Let us hold off on that.',
        ]),
      ),
    ],
    expect: { next_step: null },
    fields: ['next_step'],
    kind: 'next_step:one-sided',
  };
}

// ---------- competitors ----------

export function competitorsPositive(c: EventContext): Event {
  const { r, g } = c;
  const [c1, c2] = r.shuffle(c.competitors);
  if (r.chance(0.25) && c2) {
    return {
      lines: [
        ext(
          fill(
            say(r, g, [
              "We're evaluating {C1} and {C2} alongside you.",
              'We also have {C1} and {C2} on the shortlist.',
            ]),
            { C1: c1!, C2: c2 },
          ),
        ),
      ],
      expect: { competitors: [c1!, c2] },
      fields: ['competitors'],
      kind: 'competitors:two',
    };
  }
  return {
    lines: [
      ext(
        fill(
          say(r, g, [
            "We're also looking at {C} right now.",
            "We're comparing you with {C} this month.",
            '{C} is in the running too.',
            'Our team has a demo with {C} next week as well.',
            '{C} is the other vendor on our shortlist.',
            'To be transparent, we are also talking to {C}.',
          ]),
          { C: c1! },
        ),
      ),
    ],
    expect: { competitors: [c1!] },
    fields: ['competitors'],
    kind: 'competitors:in-play',
  };
}

export function competitorsTrap(c: EventContext): Event {
  const { r, g } = c;
  const comp = r.pick(c.competitors);
  const kind = r.pick(['past', 'ruled-out']);
  const text =
    kind === 'past'
      ? say(r, g, [
          'We used {C} two years ago but dropped it.',
          'We switched off {C} last year.',
          'Back in 2023 we had {C}, it did not stick.',
          'Our old team used {C} a long time ago.',
        ])
      : say(r, g, [
          'We looked at {C} but ruled them out last month.',
          '{C} is no longer in the picture.',
          'We already said no to {C}.',
          '{C} did not make the cut.',
        ]);
  return {
    lines: [ext(fill(text, { C: comp }))],
    expect: { competitors: null },
    fields: ['competitors'],
    kind: `competitors:${kind}`,
  };
}
