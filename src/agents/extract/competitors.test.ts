import { describe, expect, it } from 'vitest';
import { extractCompetitors, vendorPattern } from './competitors.js';
import { baseContext, call } from './test-utterances.js';
import type { ExtractContext, SpeakerSide } from './types.js';

interface Case {
  name: string;
  lines: [SpeakerSide, string][];
  expected: string[] | null;
  minConfidence?: number;
  maxConfidence?: number;
}

const ext = (text: string): [SpeakerSide, string] => ['external', text];
const int = (text: string): [SpeakerSide, string] => ['internal', text];
const unk = (text: string): [SpeakerSide, string] => ['unknown', text];
/** The competitors a call leaves in play, read with the workspace's list in `ctx`. */
const readWith =
  (ctx: ExtractContext) =>
  (...lines: [SpeakerSide, string][]) =>
    extractCompetitors(call(...lines), ctx)?.value ?? null;

const ctx: ExtractContext = { ...baseContext, competitors: ['Gong', 'Clari', 'Chorus'] };

const cases: Case[] = [
  {
    name: 'still in the mix',
    lines: [ext("Gong's still in the mix, as our fallback.")],
    expected: ['Gong'],
  },
  {
    name: 'a price that came in',
    lines: [ext('Clari came in at ninety-five thousand.')],
    expected: ['Clari'],
  },
  {
    name: 'an RFP sent to several vendors',
    lines: [ext('The RFP went out this morning to you, Gong, and Clari.')],
    expected: ['Gong', 'Clari'],
  },
  {
    name: 'a vendor said to be out',
    lines: [ext("Gong's out, we told them this morning.")],
    expected: null,
  },

  // In play now
  {
    name: 'evaluating now',
    lines: [ext("We're also evaluating Clari right now.")],
    expected: ['Clari'],
    minConfidence: 0.8,
  },
  { name: 'a quote from them', lines: [ext('Gong sent us a quote.')], expected: ['Gong'] },
  {
    name: 'their price quoted',
    lines: [ext("Clari quoted us $40,000 for the same seats, so you're on the high side.")],
    expected: ['Clari'],
  },
  {
    name: 'their asking price',
    lines: [ext('Outreach is asking $116,500 USD for their package.')],
    expected: null,
  },
  {
    name: 'their asking price, from the list',
    lines: [ext('Chorus is asking £77k for their package.')],
    expected: ['Chorus'],
  },
  {
    name: 'still in the running',
    lines: [ext('To be transparent, Gong is still in the running until we sign.')],
    expected: ['Gong'],
  },
  {
    name: 'two compared, in the workspace list order',
    lines: [ext("We're comparing Clari and Gong this month.")],
    expected: ['Gong', 'Clari'],
  },
  {
    name: 'case and word edges',
    lines: [ext('We are talking to CLARI too.')],
    expected: ['Clari'],
  },
  {
    name: 'a name inside another word is not a mention',
    lines: [ext("We're evaluating Gongfu Analytics.")],
    expected: null,
  },
  {
    name: 'the rep asks, the customer confirms',
    lines: [int('Are you also looking at Clari?'), ext('Yes, we are.')],
    expected: ['Clari'],
    maxConfidence: 0.8,
  },
  {
    name: "the rep on the customer's evaluation counts less",
    lines: [int("Since you're evaluating Gong, let me show you the difference.")],
    expected: ['Gong'],
    maxConfidence: 0.6,
  },
  {
    name: 'an unknown speaker is less sure',
    lines: [unk("We're evaluating Clari.")],
    expected: ['Clari'],
    maxConfidence: 0.75,
  },
  {
    name: 'a hedge is less sure',
    lines: [ext('I think legal is also talking to Gong.')],
    expected: ['Gong'],
    maxConfidence: 0.8,
  },
  // Not in play
  {
    name: 'used last year',
    lines: [ext('We used Gong last year.')],
    expected: null,
  },
  {
    name: 'dropped',
    lines: [ext('We used Chorus two years ago and dropped it, nobody opened it.')],
    expected: null,
  },
  {
    name: 'looked at and ruled out',
    lines: [ext('We looked at Gong last month but ruled them out on price.')],
    expected: null,
  },
  { name: 'not looking at them', lines: [ext("We're not looking at Clari.")], expected: null },
  { name: 'a mention without a cue', lines: [ext('Gong is a big company.')], expected: null },
  {
    name: "the rep's pitch",
    lines: [int('Unlike Gong, we forecast deal by deal.')],
    expected: null,
  },
  {
    name: "the rep's question left unanswered",
    lines: [int('Are you also looking at Clari?'), ext("I'd rather not say.")],
    expected: null,
  },
  {
    name: "the customer's question",
    lines: [ext('How do you compare to Gong?')],
    expected: null,
  },
  {
    name: 'a hypothetical',
    lines: [ext('If Gong comes back with a better price, we would consider them.')],
    expected: null,
  },
  { name: 'no list, nothing', lines: [ext("We're evaluating Clari.")], expected: null },
  // The last word counts
  {
    name: 'only you now clears the list',
    lines: [
      ext("We're evaluating Clari as well."),
      ext("Actually it's only you in the evaluation now."),
    ],
    expected: null,
  },
  // Read by clause
  {
    name: 'one clause takes a vendor out, a later one keeps another in',
    lines: [
      ext(
        'And Clari is out, we told them on Monday. Our parent still wants us to justify not using Gong, since the group uses it, so Gong is formally still in the comparison.',
      ),
    ],
    expected: ['Gong'],
  },
  {
    name: "someone's past with a vendor does not take it out",
    lines: [ext("I'd like to look at Gong as well, my previous employer used them.")],
    expected: ['Gong'],
  },
  {
    name: 'a denial in another clause still counts',
    lines: [ext("We use Gong for coaching, yeah, it's not competing with you.")],
    expected: null,
  },
  {
    name: 'a denial about something else does not',
    lines: [ext("Not yet, we're still waiting for Clari's quote.")],
    expected: ['Clari'],
  },
  {
    name: 'not out until the board decides',
    lines: [
      ext("We're comparing you with Gong."),
      ext(
        "I'll tell Gong we have a preferred vendor, but they're not out until the board decides.",
      ),
    ],
    expected: ['Gong'],
  },
  {
    name: 'dropped later in the call',
    lines: [ext("We're evaluating Clari and Gong."), ext('We dropped Clari after their demo.')],
    expected: ['Gong'],
  },
  {
    name: 'back in after an earlier ruling out',
    lines: [ext('We ruled out Gong in the spring.'), ext("But we're evaluating Gong again now.")],
    expected: ['Gong'],
  },
  {
    name: 'a vendor that came in hot, or came at a figure',
    lines: [ext("I'll be honest, Gong came in hot."), ext('And Clari came at 190.')],
    expected: ['Gong', 'Clari'],
  },
  {
    name: 'the other finalist',
    lines: [ext("You're one of two finalists. The other one's Chorus.")],
    expected: ['Chorus'],
  },
  {
    name: 'one that joins now',
    lines: [ext("So it's you and Gong. And now Clari, our new COO insisted we look.")],
    expected: ['Gong', 'Clari'],
  },
  {
    name: 'an offer turned away in the next sentence',
    lines: [
      ext(
        'Full disclosure, Gong called us last week offering the first year free. We told them no thanks.',
      ),
    ],
    expected: null,
  },
  {
    name: 'vendors answering the RFP, showing us, or coming on a day',
    lines: [
      ext('We have an RFP process. Gong and Clari are both responding.'),
      ext('And Chorus is also showing us their platform next week.'),
    ],
    expected: ['Gong', 'Clari', 'Chorus'],
  },
  {
    name: 'choosing between you and a vendor',
    lines: [ext("We're going to choose between you and Gong.")],
    expected: ['Gong'],
  },
  {
    name: 'vendors told, dropped or no longer talked to',
    lines: [
      ext('We have an RFP process. Gong and Clari are both responding.'),
      ext("Gong has been told. And we've stopped talking to Clari after their session."),
    ],
    expected: null,
  },
];

describe('extractCompetitors', () => {
  for (const c of cases) {
    it(c.name, () => {
      const utterances = call(...c.lines);
      const context = c.name === 'no list, nothing' ? { ...ctx, competitors: [] } : ctx;
      const got = extractCompetitors(utterances, context);
      expect(got?.value ?? null).toEqual(c.expected);
      if (!got) return;
      expect(utterances[got.utteranceIndex]!.text).toContain(got.quote);
      if (c.minConfidence !== undefined)
        expect(got.confidence).toBeGreaterThanOrEqual(c.minConfidence);
      if (c.maxConfidence !== undefined)
        expect(got.confidence).toBeLessThanOrEqual(c.maxConfidence);
    });
  }

  it('is as sure as its least sure member', () => {
    const got = extractCompetitors(
      call(
        ext("We're evaluating Clari."),
        int("Since you're also talking to Gong, here's a chart."),
      ),
      ctx,
    );
    expect(got?.value).toEqual(['Gong', 'Clari']);
    expect(got!.confidence).toBeLessThanOrEqual(0.6);
  });

  describe("the deal's own competitors", () => {
    const holding = (...held: string[]): ExtractContext => ({ ...ctx, heldCompetitors: held });

    it('keeps a held vendor the call does not mention, beside a new one', () => {
      const got = extractCompetitors(
        call(ext('Chorus reached out to our CFO last week, so we are comparing them too.')),
        holding('Gong'),
      );
      expect(got?.value).toEqual(['Gong', 'Chorus']);
      expect(got!.quote).toContain('Chorus');
    });

    it("reads the talk of held vendors: 'not only X now', excluded, a no when asked, our pick", () => {
      const value = (held: string[], ...lines: [SpeakerSide, string][]) =>
        extractCompetitors(call(...lines), holding(...held))?.value;
      expect(
        value(['Gong'], ext("It's not only Gong now - Clari have put a proposal in as well.")),
      ).toEqual(['Gong', 'Clari']);
      expect(value(['Gong'], ext('No, Gong we excluded in September.'))).toEqual([]);
      expect(
        value(['Chorus'], int('And Chorus? Still looking at them?'), ext('Chorus, no, finished.')),
      ).toEqual([]);
      expect(
        value(['Gong'], ext('We have decided. We choose Relay.'), ext('Gong was good, but no.')),
      ).toEqual([]);
    });

    it('reads a vendor that quoted or visited the customer as in play', () => {
      const value = (...lines: [SpeakerSide, string][]) =>
        extractCompetitors(call(...lines), ctx)?.value;
      expect(value(ext('Gong gave me a number, eighteen thousand for three years.'))).toEqual([
        'Gong',
      ]);
      expect(value(ext('Clari came out to see us last week.'))).toEqual(['Clari']);
      // A statement put as a question for a nod is still a statement.
      expect(value(ext('You know Chorus quoted us 140 thousand, right?'))).toEqual(['Chorus']);
      expect(value(ext('Did Chorus quote you?'))).toBeUndefined();
    });

    it('reads answers about several vendors asked at once, and "X too"', () => {
      const value = (held: string[], ...lines: [SpeakerSide, string][]) =>
        extractCompetitors(call(...lines), holding(...held))?.value;
      expect(
        value(
          ['Gong', 'Clari'],
          int('And Gong and Clari, still in the race?'),
          ext('Gong yes. Clari no, they do not do calls well.'),
        ),
      ).toEqual(['Gong']);
      expect(
        value(
          ['Gong', 'Clari'],
          int('Gong and Clari?'),
          ext('Gong we declined. Clari too, earlier this week.'),
        ),
      ).toEqual([]);
      expect(value(['Clari'], ext('Clari, they called again, I said no thanks.'))).toEqual([]);
      expect(value(['Gong', 'Chorus'], ext('No, Chorus we dropped, it is you or Gong.'))).toEqual([
        'Gong',
      ]);
      expect(
        value(
          [],
          ext(
            'Also, a competitor came, Gong, with a cheaper offer. We said no, we stay with one system.',
          ),
        ),
      ).toBeUndefined();
    });

    it('reads the vendors named in answer to "Who?" and a choice said in the present', () => {
      const value = (held: string[], ...lines: [SpeakerSide, string][]) =>
        extractCompetitors(call(...lines), holding(...held))?.value;
      expect(
        value(
          ['Gong'],
          ext('Quick heads up: procurement invited two more vendors.'),
          int('Oh. Who?'),
          ext('Clari and Chorus. Policy, three quotes minimum.'),
        ),
      ).toEqual(['Gong', 'Clari', 'Chorus']);
      expect(value(['Gong'], ext('Okay, fine. We go with Relay. Gong I will call today.'))).toEqual(
        [],
      );
      expect(
        value(['Gong'], ext('We decided not to go ahead with anyone.'), ext('Everyone is off.')),
      ).toEqual([]);
    });

    it('reads terse outs, an informed vendor, a rival quote and a trial wanted', () => {
      const value = (held: string[], ...lines: [SpeakerSide, string][]) =>
        extractCompetitors(call(...lines), holding(...held))?.value;
      expect(
        value(['Gong', 'Clari'], int('Gong out?'), ext('Gong out. They could not integrate.')),
      ).toEqual(['Clari']);
      expect(value(['Gong'], ext('We finished with Gong. It kept crashing.'))).toEqual([]);
      expect(value(['Gong'], ext('Board decided yesterday. Gong is informed.'))).toEqual([]);
      expect(
        value([], ext('Your proposal says five hundred. The Clari one says four twenty.')),
      ).toEqual(['Clari']);
      expect(
        value([], ext('And the owner wants Chorus trialled at the same time, a fair comparison.')),
      ).toEqual(['Chorus']);
      // Out only as a word of its own at the end: "we'll figure Gong out" is no verdict.
      expect(
        value(['Gong'], ext("We'll have to figure the Gong integration out.")),
      ).toBeUndefined();
    });

    it('empties the list when the customer buys from nobody', () => {
      const got = extractCompetitors(
        call(ext('I have to give it to you straight. We will not buy.'), ext('Not you, not Gong.')),
        holding('Gong'),
      );
      expect(got?.value).toEqual([]);
    });

    it('keeps a vendor the customer just spoke of when asked if they are still in', () => {
      const got = extractCompetitors(
        call(
          ext('Clari came last month and offered nineteen hundred a month.'),
          int('Good to know. Are they still in the running?'),
          ext('Yes, of course. We are comparing.'),
        ),
        ctx,
      );
      expect(got?.value).toEqual(['Clari']);
      // Asked about, and answered no: out.
      expect(
        extractCompetitors(
          call(
            ext('Clari came last month and offered nineteen hundred a month.'),
            int('Are they still in the running?'),
            ext('No, not really.'),
          ),
          ctx,
        )?.value ?? [],
      ).toEqual([]);
    });

    it('takes out a held vendor said to be dropped, and keeps the rest', () => {
      const got = extractCompetitors(
        call(ext('We have dropped Gong from the shortlist, the price was way off.')),
        holding('Gong', 'Clari'),
      );
      expect(got?.value).toEqual(['Clari']);
      expect(got!.confidence).toBeGreaterThanOrEqual(0.8);
    });

    it('leaves none when the customer says it is only the seller now', () => {
      const got = extractCompetitors(
        call(ext("Honestly, it's just you now, we told the others no.")),
        holding('gong'),
      );
      expect(got?.value).toEqual([]);
    });

    it('matches a held name in another spelling to the list', () => {
      const got = extractCompetitors(
        call(ext("We're also talking to Chorus about this.")),
        holding('CLARI'),
      );
      expect(got?.value).toEqual(['Clari', 'Chorus']);
    });

    it('takes a vendor struck off the list out; an incumbent with the inside track stays', () => {
      const got = extractCompetitors(
        call(
          ext('Update from the committee: we have taken the Clari module off the list.'),
          ext('Gong runs our dialer, so they have the inside track, I will not lie.'),
        ),
        holding('Clari'),
      );
      expect(got?.value).toEqual(['Gong']);
    });

    it('reads a corrected name as the one in play', () => {
      const got = extractCompetitors(
        call(ext('Sorry, I meant Chorus, not Gong. Gong was last year, before my time.')),
        holding('Gong'),
      );
      expect(got?.value).toEqual(['Chorus']);
    });

    it.each([
      [
        'a call booked with a vendor',
        ["We've got a call with Clari on Friday, to be upfront."],
        [],
        ['Clari'],
      ],
      [
        '"just you two" keeps the other',
        ['Gong came back with a quote.', 'Yeah, it is just you two now.'],
        [],
        ['Gong'],
      ],
      ['a vendor told no', ["We've picked you, we told Gong yesterday."], ['Gong'], []],
      ['the final two', ['Clari is also in the final two.'], [], ['Clari']],
      ['the vendor chosen instead', ['I am sorry, we decided for Chorus.'], [], ['Chorus']],
      [
        'a proposal rejected',
        ["Clari's proposal was too expensive, we've rejected it."],
        ['Clari', 'Gong'],
        ['Gong'],
      ],
      [
        'a vendor parked',
        ['And Gong, we have parked them. The support is all offshore.'],
        ['Gong'],
        [],
      ],
      [
        '"kind of out"',
        ['Gong is kind of out, by the way, they never came back to us.'],
        ['Gong', 'Clari'],
        ['Clari'],
      ],
      [
        'two vendors told',
        ['We informed Gong and Clari yesterday.'],
        ['Gong', 'Clari', 'Chorus'],
        ['Chorus'],
      ],
      ["told it's over", ["And we've told Gong it's over, by the way."], ['Gong'], []],
      [
        'told we are not proceeding',
        ["Gong, we've told them we're not proceeding."],
        ['Gong', 'Clari'],
        ['Clari'],
      ],
      [
        'let know, once scored lower',
        ['The team scored you higher than Gong.', "We've let Gong know."],
        ['Gong'],
        [],
      ],
      [
        'a vendor added',
        ["And I'm adding Chorus because I used them at my last company."],
        ['Gong'],
        ['Gong', 'Chorus'],
      ],
      ['a vendor invited', ['This time we will also invite Clari.'], [], ['Clari']],
    ])('%s', (_name, lines, held, expected) => {
      const got = extractCompetitors(call(...lines.map(ext)), holding(...held));
      expect(got?.value).toEqual(expected);
    });

    it('reads "we\'ve let them know" as an exit only when nothing follows it', () => {
      const said = (text: string) => extractCompetitors(call(ext(text)), holding('Gong', 'Clari'));
      expect(said("We've let Gong know.")?.value).toEqual(['Clari']);
      expect(said("We've let Gong know the timeline.")).toBeNull();
    });

    it('proposes nothing when the call mentions no competitor', () => {
      expect(
        extractCompetitors(call(ext('Let us get the order form over.')), holding('Gong')),
      ).toBeNull();
    });

    it('takes a vendor out whose trial was killed, or that was never in it', () => {
      expect(
        extractCompetitors(
          call(ext('We killed the Gong trial last week, it was way too noisy for us.')),
          holding('Gong'),
        )?.value,
      ).toEqual([]);
      expect(
        extractCompetitors(
          call(ext('And Clari was never really in it either, so do not feel bad.')),
          holding('Clari', 'Gong'),
        )?.value,
      ).toEqual(['Gong']);
    });

    it('leaves only the vendor the customer chose; one off the list leaves none', () => {
      expect(
        extractCompetitors(
          call(ext("Okay so I'll be direct. We're going with Clari.")),
          holding('Clari', 'Gong'),
        )?.value,
      ).toEqual(['Clari']);
      expect(
        extractCompetitors(call(ext('Bad news, sorry. We went with Speakeasy.')), holding('Gong'))
          ?.value,
      ).toEqual([]);
      // A choice of the past or of a plan clears nothing.
      expect(
        extractCompetitors(
          call(ext('We went with Chorus years ago and hated it.')),
          holding('Gong'),
        ),
      ).toBeNull();
      expect(
        extractCompetitors(call(ext("We're going with the annual plan.")), holding('Gong')),
      ).toBeNull();
    });

    it('leaves none when the project goes ahead with nobody, or the customer negotiates only with the seller', () => {
      for (const said of [
        "We're not moving forward with anybody this cycle.",
        'We are in negotiation only with you now, just so you know.',
        "It's you or nothing.",
        "Jake, you're the last vendor standing.",
        "There's nothing to buy software for. Everybody's out.",
      ]) {
        expect(extractCompetitors(call(ext(said)), holding('Gong'))?.value).toEqual([]);
      }
    });

    it('reads "them" and a bare answer as the vendor just named or asked about', () => {
      expect(
        extractCompetitors(
          call(int('And Gong, still in there?'), ext('No, we dropped them early.')),
          holding('Gong', 'Clari'),
        )?.value,
      ).toEqual(['Clari']);
      expect(
        extractCompetitors(
          call(
            int('And Chorus?'),
            ext("Their partner didn't submit the certificate. Disqualified."),
          ),
          holding('Chorus', 'Gong'),
        )?.value,
      ).toEqual(['Gong']);
      expect(
        extractCompetitors(
          call(ext('Clari approached our CEO directly. So they are now also being looked at.')),
          holding('Gong'),
        )?.value,
      ).toEqual(['Gong', 'Clari']);
      // Offered, and turned away at once.
      expect(
        extractCompetitors(
          call(ext("Chorus offered us some silly promo. But we're not switching, too much pain.")),
          holding('Gong'),
        ),
      ).toBeNull();
    });

    it('takes out a vendor forgotten, also out, stopped, or to be told no', () => {
      for (const said of [
        'And Gong, forget them. They never called back.',
        'Gong is also out. They wanted dollars.',
        'And we have stopped Gong. Clari is still there.',
        'And Gong we will tell no.',
      ]) {
        expect(extractCompetitors(call(ext(said)), holding('Gong', 'Clari'))?.value).toEqual([
          'Clari',
        ]);
      }
    });

    it('reads a vendor named in answer to who else is in play, and one pulled out', () => {
      expect(
        extractCompetitors(
          call(
            int('Okay. Who are you talking to?'),
            ext('Chorus. The Americans, through a partner.'),
          ),
          holding(),
        )?.value,
      ).toEqual(['Chorus']);
      expect(
        extractCompetitors(
          call(ext('Some news. Clari pulled out, they cannot do naira billing.')),
          holding('Clari', 'Gong'),
        )?.value,
      ).toEqual(['Gong']);
      expect(
        extractCompetitors(
          call(
            ext("We told the Clari guys on Friday we're not going ahead with them. So it's you."),
          ),
          holding('Clari', 'Gong'),
        )?.value,
      ).toEqual([]);
      expect(
        extractCompetitors(
          call(ext('The Chorus demo was nice but too heavy for us. We have told them.')),
          holding('Chorus', 'Gong'),
        )?.value,
      ).toEqual(['Gong']);
    });

    it('puts in a vendor added to the evaluation, brought in, or invited to present', () => {
      for (const said of [
        'Quick thing, we added Chorus to the eval.',
        'And we brought in Chorus because of the analytics.',
        "We've also invited Chorus for a presentation next week.",
        "We're also seeing Chorus next week, it's not personal.",
        'And our chairman asked us to add Chorus, he met them at a conference.',
      ]) {
        expect(extractCompetitors(call(ext(said)), holding('Gong'))?.value).toEqual([
          'Gong',
          'Chorus',
        ]);
      }
    });

    it('proposes nothing for a past mention of a vendor the deal never held', () => {
      expect(
        extractCompetitors(call(ext('We used Chorus years ago.')), holding('Gong')),
      ).toBeNull();
    });
  });

  it('matches a product said without its parent company or a generic last word', () => {
    const listed = { ...ctx, competitors: ['IBM Maximo', 'Grafana Cloud', 'MiX Telematics'] };
    const got = extractCompetitors(
      call(ext('Maximo is still in, and we are also comparing Grafana.')),
      listed,
    );
    expect(got?.value).toEqual(['IBM Maximo', 'Grafana Cloud']);
    // Too short a name to be told from a word: "in the mix" is no vendor.
    expect(vendorPattern('MiX Telematics').test('still in the mix')).toBe(false);
    // An acronym left alone is a name only in capitals.
    expect(vendorPattern('CDK Global').test('CDK came with an offer')).toBe(true);
    expect(vendorPattern('MCS Rental').test('MCS we have cut')).toBe(true);
    expect(vendorPattern('MCS Rental').test('the mcs figures')).toBe(false);
    expect(vendorPattern('CDK Global').test('cdk global')).toBe(true);
    // A parent company with a generic product word is said as the company.
    expect(vendorPattern('Oracle Utilities').test('it has gone to Oracle')).toBe(true);
    expect(vendorPattern('Sirocco Marine').test('we finished with Sirocco')).toBe(true);
  });

  it('takes a vendor out when discarded, not selected, notified or absent', () => {
    const held = { ...ctx, competitors: ['Plyca', 'Pixelware', 'Gestiona'] };
    const after = (...lines: [SpeakerSide, string][]) =>
      extractCompetitors(call(...lines), { ...held, heldCompetitors: ['Plyca', 'Pixelware'] })
        ?.value;
    expect(after(ext('So we discarded Pixelware. It is you and Plyca now.'))).toEqual(['Plyca']);
    expect(after(ext('Pixelware and Plyca have been notified.'))).toEqual([]);
    expect(after(ext("Pixelware didn't even present."))).toEqual(['Plyca']);
    expect(after(ext('Right now it is only your solution we are evaluating.'))).toEqual([]);
  });

  it("reads a reply about the vendor the customer's side named a turn or two before", () => {
    const listed = { ...ctx, competitors: ['Diesel Direct', 'RouteCard', 'Lucca'] };
    const held = (heldCompetitors: string[], ...lines: [SpeakerSide, string][]) =>
      extractCompetitors(call(...lines), { ...listed, heldCompetitors })?.value;
    // A colleague's vendor.
    expect(
      held(
        ['Diesel Direct'],
        ext('That works. Diesel Direct does not even do Botswana.'),
        ext("Ja they're out."),
      ),
    ).toEqual([]);
    // "Still in." to the vendor asked about; "we're now using them".
    expect(held([], int('And RouteCard?'), ext('Still in.'))).toEqual(['RouteCard']);
    expect(
      held(
        [],
        ext('So, we had a look at RouteCard last year.'),
        int('Okay.'),
        ext("And we're now using them for the Vredendal depot."),
      ),
    ).toEqual(['RouteCard']);
    // A turn on another, unlisted vendor is not about the one named before.
    expect(
      held(
        [],
        ext('Our CFO asked us to also look at Lucca.'),
        int('Anyone else?'),
        ext('ADP called us too, but no, they are way too big for us, we said no.'),
      ),
    ).toEqual(['Lucca']);
  });

  it('takes a vendor out when ended with or told on a weekday, and keeps one said still in with a ja', () => {
    const listed = { ...ctx, competitors: ['Diesel Direct', 'FuelTrax', 'TankLink'] };
    expect(
      extractCompetitors(
        call(ext('And I should tell you, we ended with Diesel Direct in October.')),
        { ...listed, heldCompetitors: ['Diesel Direct'] },
      )?.value,
    ).toEqual([]);
    expect(
      extractCompetitors(call(ext('Good news, FuelTrax lost, we told them Friday.')), {
        ...listed,
        heldCompetitors: ['FuelTrax', 'TankLink'],
      })?.value,
    ).toEqual(['TankLink']);
    expect(
      extractCompetitors(
        call(
          ext('So Diesel Direct was in here yesterday.'),
          ext('It is. But their reporting is rubbish.'),
          int('Are they still in the running?'),
          ext('Ja, my boss likes the discount.'),
        ),
        listed,
      )?.value,
    ).toEqual(['Diesel Direct']);
    expect(
      extractCompetitors(call(ext('Then it is yours. We sign by month end.')), {
        ...listed,
        heldCompetitors: ['TankLink'],
      }),
    ).toBeNull();
    expect(
      extractCompetitors(call(ext("Then it's yours. We sign by month end.")), {
        ...listed,
        heldCompetitors: ['TankLink'],
      })?.value,
    ).toEqual([]);
  });

  it('empties the list when the customer chooses us, by "you" or by our name', () => {
    const held = { ...ctx, competitors: ['Plyca', 'Vortal'], heldCompetitors: ['Plyca', 'Vortal'] };
    expect(extractCompetitors(call(ext('We choose you. Plyca was fine.')), held)?.value).toEqual(
      [],
    );
    expect(
      extractCompetitors(call(ext('Okay, we want to move forward with Compraxis.')), held)?.value,
    ).toEqual([]);
    // Two of you still in is no choice.
    expect(
      extractCompetitors(call(ext('We are going with you two to the final.')), held),
    ).toBeNull();
  });

  it("matches a product by its maker's name alone, only as written, capitalised", () => {
    expect(vendorPattern('Honeywell Forge').test('We went with Honeywell.')).toBe(true);
    expect(vendorPattern('Schneider EcoStruxure').test('a quote from Schneider')).toBe(true);
    expect(vendorPattern('Curve Dental').test('Curve is cheaper')).toBe(true);
    expect(vendorPattern('SKF Enlight').test('We decided to go with SKF.')).toBe(true);
    expect(vendorPattern('SKF Enlight').test('the skf bearings')).toBe(false);
    expect(vendorPattern('Curve Dental').test('there is a learning curve')).toBe(false);
    expect(vendorPattern('Honeywell Forge').test('honeywell forge')).toBe(true);
    // A word sentences start with is no maker's name alone, nor a parent's name.
    expect(vendorPattern('First Advantage').test('First, the price.')).toBe(false);
    expect(vendorPattern('SAP Concur').test('our SAP system')).toBe(false);
  });

  it("matches a name of three words or more by its maker's name alone too (k132)", () => {
    expect(
      vendorPattern('Dynamics 365 Nonprofit').test('What is in the running is Dynamics.'),
    ).toBe(true);
    expect(vendorPattern('Siemens Desigo CC').test('Siemens came in lower.')).toBe(true);
    expect(vendorPattern('Ellucian CRM Advance').test('the ellucian people')).toBe(false);
    expect(vendorPattern('Open Text Cloud').test('Open the deck, please.')).toBe(false);
    expect(vendorPattern('Microsoft Dynamics 365').test('We are a Microsoft shop.')).toBe(false);
  });

  it('matches the list written apart, hyphenated, together or possessive', () => {
    const listed = { ...ctx, competitors: ['OwnBackup', 'Salesforce Inbox', 'project44'] };
    const got = extractCompetitors(
      call(
        ext("Own Backup's quote came in lower."),
        ext('We are also comparing SalesforceInbox and Project 44.'),
      ),
      listed,
    );
    expect(got?.value).toEqual(['OwnBackup', 'Salesforce Inbox', 'project44']);
  });
});

describe('the winner, a meeting turned down and a vendor never met (k83)', () => {
  const held = (heldCompetitors: string[], ...lines: [SpeakerSide, string][]) =>
    extractCompetitors(call(...lines), { ...ctx, heldCompetitors })?.value ?? null;

  it('keeps the vendor chosen in play whatever is said of the choice after', () => {
    expect(
      held(
        ['Chorus'],
        ext("We've decided to go with Gong."),
        ext('No, Chorus dropped out in September. It was you or Gong for the last month.'),
      ),
    ).toEqual(['Gong']);
  });

  it('takes out a vendor whose meeting was turned down, or who was never spoken to', () => {
    expect(
      held(
        [],
        ext('Clari called us last week, they got my name from somewhere.'),
        ext("But we're not taking the meeting."),
      ),
    ).toBeNull();
    expect(
      held(
        ['Clari'],
        ext('Our sister company uses Clari, maybe that is it.'),
        ext('We never talked to them.'),
      ),
    ).toEqual([]);
  });
});

describe('"not only you"', () => {
  it('is no vendor chosen', () => {
    expect(
      extractCompetitors(call(ext('It applies to everything, not only you.')), {
        ...ctx,
        heldCompetitors: ['Gong'],
      }),
    ).toBeNull();
  });
});

describe('a vendor in play said indirectly (k80, k85)', () => {
  const vendors: ExtractContext = {
    ...baseContext,
    competitors: ['AgriWings', 'Fullbay', 'Fleetio'],
  };
  const read = readWith(vendors);

  it('reads a figure given, an approach, a visit and the current vendor as in play', () => {
    expect(
      read(ext('AgriWings has given us twenty-nine lakh, and they are fine with it.')),
    ).toEqual(['AgriWings']);
    expect(read(ext('AgriWings has come to us with the same model.'))).toEqual(['AgriWings']);
    expect(read(ext('We also had Fullbay in, a couple weeks ago.'))).toEqual(['Fullbay']);
    expect(read(ext('Our current vendor is Fleetio. Their contract runs till March.'))).toEqual([
      'Fleetio',
    ]);
    expect(read(ext('Whoever we pick, Fleetio or you, it is signed by March.'))).toEqual([
      'Fleetio',
    ]);
  });

  it('keeps a vendor in play past a figure of speech', () => {
    expect(
      read(
        ext('Fleetio came in with a quote last week.'),
        ext("I'm going to tell the CFO we're comparing with Fleetio, so don't take it personally."),
      ),
    ).toEqual(['Fleetio']);
  });

  it('leaves out a vendor visited long ago, or one not taken forward', () => {
    expect(read(ext('We had Fullbay in 2019 and it went nowhere.'))).toBeNull();
    expect(
      read(ext('AgriWings also came to us last year. We did not take it forward.')),
    ).toBeNull();
  });

  it('puts in every vendor just listed when "both" of them are sending a proposal', () => {
    expect(
      read(
        ext(
          'So we asked two others. Fullbay and Fleetio. Both are sending their proposals next week.',
        ),
      ),
    ).toEqual(['Fullbay', 'Fleetio']);
    expect(read(ext('We looked at Fullbay and Fleetio. Both were too expensive.'))).toBeNull();
  });
});

describe('vendors in play said another way (k93)', () => {
  const vendors: ExtractContext = {
    ...baseContext,
    competitors: ['Northbeam', 'Rockerbox', 'Triple Whale'],
  };
  const read = readWith(vendors);

  it('reads testing, an introduction, a call had and the current contract', () => {
    expect(read(ext("Nakano-san's team is also testing Northbeam on our Meta account."))).toEqual([
      'Northbeam',
    ]);
    expect(
      read(ext('Our distributor introduced us to Rockerbox. We had a call with them on Monday.')),
    ).toEqual(['Rockerbox']);
    expect(read(ext('So, our Triple Whale contract ends on March 31st.'))).toEqual([
      'Triple Whale',
    ]);
  });

  it('reads vendors named right after "two other tools"', () => {
    expect(
      read(ext('Our boss asked us to look at two other tools. Triple Whale and Northbeam.')),
    ).toEqual(['Northbeam', 'Triple Whale']);
  });

  it('leaves a vendor used at another company as it was', () => {
    expect(
      read(
        ext('Northbeam is still in. And now Rockerbox joined the shortlist.'),
        ext('Our new CFO came from a company that used Rockerbox in the US.'),
      ),
    ).toEqual(['Northbeam', 'Rockerbox']);
  });
});

describe('a vendor from another job, given in answer (k95)', () => {
  it('is not in play', () => {
    const ctx = { ...baseContext, competitors: ['Medidata', 'Florence'] };
    expect(
      extractCompetitors(
        call(
          int("Is this the first time you're looking at a CTMS here?"),
          ext('Here, yes. At my last company we were on Medidata. The CTMS part was painful.'),
        ),
        ctx,
      ),
    ).toBeNull();
  });
});

describe("a maker's name that starts with a digit (k96)", () => {
  it('knows "3E" for 3E SynaptiQ, so "3E is out" takes out 3E, not the vendor before it', () => {
    const ctx = {
      ...baseContext,
      competitors: ['QOS Energy', '3E SynaptiQ'],
      heldCompetitors: ['QOS Energy', '3E SynaptiQ'],
    };
    expect(
      extractCompetitors(
        call(
          ext(
            "We've narrowed it down. It's you and QOS now. 3E is out, their reporting didn't fit.",
          ),
        ),
        ctx,
      )?.value,
    ).toEqual(['QOS Energy']);
  });
});

describe('finalists, a three-horse race, a list with us in it (k106)', () => {
  const read = (text: string) =>
    extractCompetitors(call(ext(text)), {
      ...baseContext,
      competitors: ['Tempest', 'Clariti', 'Cloudpermit'],
    })?.value;

  it('puts each vendor named so in play', () => {
    expect(read('The other two finalists are Tempest and Clariti.')).toEqual([
      'Tempest',
      'Clariti',
    ]);
    expect(read("It's three vendors: you, Tempest, and Cloudpermit.")).toEqual([
      'Tempest',
      'Cloudpermit',
    ]);
    expect(read('Clariti too, so a three-horse race, I would say.')).toEqual(['Clariti']);
  });
});

describe('a vendor of years past, or one that only sent cold emails (k106)', () => {
  const read = (text: string) =>
    extractCompetitors(call(ext(text)), { ...baseContext, competitors: ['Tyler EnerGov'] })?.value;

  it('is not in play', () => {
    expect(read('They went with Tyler back in 2019.')).toBeUndefined();
    expect(read('And Tyler sent us some cold emails in October.')).toBeUndefined();
    expect(read('Tyler is pitching us next week.')).toEqual(['Tyler EnerGov']);
    expect(read('We picked Tyler in 2019 for the ERP.')).toBeUndefined();
    // A year ahead is no past.
    expect(read('We are evaluating Tyler for a go-live in 2027.')).toEqual(['Tyler EnerGov']);
  });
});

describe('"not just you", "just you on the trial", a vendor stopped or behind a story (k113, k114, k118)', () => {
  const held = { ...ctx, heldCompetitors: ['Gong'] };
  const read = readWith(held);

  it('takes nobody out for "not just you" or "just you on the trial"', () => {
    expect(read(ext("It's not just you, to be fair."))).toBeNull();
    expect(read(ext('Just you on the trial.'))).toBeNull();
    expect(read(ext("It's just you now."))).toEqual([]);
  });

  it('leaves out a vendor they stopped using or one a story is about', () => {
    expect(
      readWith(ctx)(int('Is that from the Clari you stopped using?'), ext('Yes, the old one.')),
    ).toBeNull();
    expect(
      readWith(ctx)(
        int('Are you looking at anyone else?'),
        ext('The board wants at least two options, after what happened with Clari.'),
      ),
    ).toBeNull();
  });
});

describe('"the other two", "and yourselves", "in parallel", "is also in" (k171, k172)', () => {
  const read = (...lines: [SpeakerSide, string][]) =>
    extractCompetitors(call(...lines), {
      ...baseContext,
      competitors: [
        'Canvas',
        'D2L Brightspace',
        'Energisme',
        'Siemens',
        'Wattsense',
        'Schneider Electric',
        'ExamSoft',
      ],
    })?.value;

  it('puts each vendor named so in play', () => {
    expect(
      read(ext("You're in the final three. The other two are Canvas and D2L Brightspace.")),
    ).toEqual(['Canvas', 'D2L Brightspace']);
    expect(
      read(ext('We have invited three companies. Energisme, Siemens, and yourselves.')),
    ).toEqual(['Energisme', 'Siemens']);
    expect(
      read(
        ext('To be transparent: Wattsense will do the same on three other buildings, in parallel.'),
      ),
    ).toEqual(['Wattsense']);
    expect(read(ext("We've shortlisted two. You, and Schneider Electric."))).toEqual([
      'Schneider Electric',
    ]);
    expect(
      read(ext('And since last week, ExamSoft is also in, because our partner school uses them.')),
    ).toEqual(['ExamSoft']);
  });
});

describe('exits said indirectly, and prices dropped (k185, k190)', () => {
  const held = (names: string[]) =>
    readWith({
      ...ctx,
      competitors: ['Classera', 'iSAMS', 'RoomPriceGenie'],
      heldCompetitors: names,
    });

  it('takes out a vendor the customer called to say no to', () => {
    expect(
      held(['RoomPriceGenie', 'iSAMS'])(
        ext('And the other one, RoomPriceGenie, I called them yesterday to say no.'),
      ),
    ).toEqual(['iSAMS']);
  });

  it('keeps a vendor that dropped its price', () => {
    expect(
      held(['iSAMS', 'Classera'])(
        ext("First, we've told iSAMS no. That's final."),
        ext('Second, Classera are still there. They came back last week and dropped their price.'),
      ),
    ).toEqual(['Classera']);
  });

  it('puts back a vendor said not to be out after all', () => {
    expect(
      held(['Classera'])(
        ext('Classera is out. We told them no last week.'),
        int('Okay.'),
        ext("Actually they're not out, officially."),
      ),
    ).toEqual(['Classera']);
  });

  it('reads "it was hard to say no" as no exit', () => {
    expect(
      held(['iSAMS'])(
        ext('We are still looking at iSAMS.'),
        ext('Their price was lower. It was hard to say no.'),
      ),
    ).toEqual(['iSAMS']);
  });
});

describe('a vendor still in, said of them (k185)', () => {
  const read = readWith({ ...ctx, competitors: ['D-EDGE', 'RateGain', 'Duetto'] });

  it('keeps in a vendor "still in the game", even with "I won\'t lie"', () => {
    expect(
      read(
        ext(
          "D-EDGE until the end of June. They already called to offer us a better price to stay. So, yes, they're still in the game, I won't lie.",
        ),
      ),
    ).toEqual(['D-EDGE']);
  });

  it('puts in a vendor running a pilot with the customer', () => {
    expect(
      read(ext("RateGain showed us that. They're running a pilot with us too, at the same time.")),
    ).toEqual(['RateGain']);
  });
});

describe('a field listed with us, a warning and a withdrawal (k185)', () => {
  const vendors: ExtractContext = {
    ...baseContext,
    competitors: ['SiteMinder', 'IDeaS', 'Duetto', 'Hexagon EAM'],
  };
  const read = readWith(vendors);

  it('puts in the vendors listed after "you" or beside "yours"', () => {
    expect(read(ext('You, IDeaS and Duetto. Three.'))).toEqual(['IDeaS', 'Duetto']);
    expect(read(ext('There are three vendors left. You, IDeaS, and Duetto.'))).toEqual([
      'IDeaS',
      'Duetto',
    ]);
    expect(read(ext("Both demos. Yours and Hexagon's."))).toEqual(['Hexagon EAM']);
  });

  it('reads "don\'t think it\'s done" as a warning, not a denial of the vendor', () => {
    expect(
      read(ext('And SiteMinder offered us a renewal with a discount, so don’t think it’s done.')),
    ).toEqual(['SiteMinder']);
    expect(
      read(ext("And SiteMinder offered us a renewal with a discount, so don't think it's done.")),
    ).toEqual(['SiteMinder']);
  });

  it('takes out a vendor that withdrew or is scratched, not one starting from scratch', () => {
    expect(
      read(
        ext('We asked three vendors. You, IDeaS and Duetto.'),
        ext('I just got a mail from Duetto. They withdrew.'),
        ext('Then scratch Duetto.'),
      ),
    ).toEqual(['IDeaS']);
    expect(read(ext('Duetto would start from scratch in the evaluation.'))).toEqual(['Duetto']);
  });
});

describe('a vendor in play said as a buyer says it (k129, k103, k110)', () => {
  const vendors: ExtractContext = {
    ...baseContext,
    competitors: ['Tidemark', 'Rhyme', 'Ticketmaster', 'Abrigo', 'Sardine', 'LS Retail'],
  };
  const read = readWith(vendors);

  it('reads a price came back with, a visit, a try and an approach', () => {
    expect(read(ext('Tidemark came back to us last week at three thousand nine hundred.'))).toEqual(
      ['Tidemark'],
    );
    expect(read(ext('Ticketmaster came in last Wednesday. Gave us a good pitch.'))).toEqual([
      'Ticketmaster',
    ]);
    expect(read(ext('And this week Rhyme reached out, and we agreed to see them.'))).toEqual([
      'Rhyme',
    ]);
    expect(read(ext("We're also going to try Rhyme for the same two weeks."))).toEqual(['Rhyme']);
    expect(read(ext('Sardine put a late submission in last week.'))).toEqual(['Sardine']);
    expect(read(ext('Abrigo asked us for a meeting next week.'))).toEqual(['Abrigo']);
    expect(read(ext("They've been in to see us twice now, Abrigo."))).toEqual(['Abrigo']);
    expect(read(ext("Tidemark's reseller came by last week."))).toEqual(['Tidemark']);
  });

  it('reads a vendor at a figure, in the picture, or the option we are up against', () => {
    expect(read(ext("Tidemark's at forty-eight. Under fifty I don't need council."))).toEqual([
      'Tidemark',
    ]);
    expect(read(ext('Also Abrigo is in the picture, the group uses them in Europe.'))).toEqual([
      'Abrigo',
    ]);
    expect(read(ext("So Sardine is a real option, that's who you're up against."))).toEqual([
      'Sardine',
    ]);
  });

  it('reads a field listed after "it\'s you" or "yourselves"', () => {
    expect(read(ext("It's you, Abrigo, and Sardine."))).toEqual(['Abrigo', 'Sardine']);
    expect(read(ext('Yourselves, Tidemark, and a small firm from Bristol.'))).toEqual(['Tidemark']);
  });

  it('takes out a vendor not continued with', () => {
    expect(
      read(
        ext('LS Retail is our current system.'),
        ext('We decided not to continue with LS Retail back in August.'),
      ),
    ).toBeNull();
    expect(read(ext('We are discontinuing LS Retail at the end of the year.'))).toBeNull();
  });
});

describe('more of what puts a vendor in play (k145, k164, k70)', () => {
  const vendors: ExtractContext = {
    ...baseContext,
    competitors: ['Medidata', 'Viedoc', 'AlsoEnergy', 'Waites', 'Kerridge', 'Procede', 'Sage'],
  };
  const read = readWith(vendors);

  it('reads the same exercise run with them, a touch, a push and a visit', () => {
    expect(read(ext("We're running the same exercise with Medidata and with Viedoc."))).toEqual([
      'Medidata',
      'Viedoc',
    ]);
    expect(
      read(ext('I should tell you Procede have been in touch and we are having a look.')),
    ).toEqual(['Procede']);
    expect(read(ext("They're pushing AlsoEnergy, they say they can put it on all four."))).toEqual([
      'AlsoEnergy',
    ]);
    expect(read(ext("Procede's coming up next week, Tuesday. And you."))).toEqual(['Procede']);
    expect(read(ext('Waites came to visit us last week.'))).toEqual(['Waites']);
    expect(read(ext('It will be Waites and Kerridge besides you.'))).toEqual([
      'Waites',
      'Kerridge',
    ]);
    expect(read(ext('My accountant says we should look at Kerridge too.'))).toEqual(['Kerridge']);
    expect(read(ext('Kerridge asked us for a site visit. We said yes.'))).toEqual(['Kerridge']);
  });

  it('reads a vendor named after "another offer"', () => {
    expect(read(ext('We received another offer. Kerridge. Eighty-eight thousand.'))).toEqual([
      'Kerridge',
    ]);
  });

  it('keeps a vendor past "we don\'t know them" or "not happy"', () => {
    expect(
      read(ext("We are evaluating also Waites, they are cheap, but we don't know them.")),
    ).toEqual(['Waites']);
    expect(read(ext('We still have Sage, and we are not happy.'))).toEqual(['Sage']);
  });
});

describe("a committee's choice, an offer sent and a vendor coming in on a day (k201, k202)", () => {
  const vendors: ExtractContext = {
    ...baseContext,
    competitors: ['SparkMeter', 'Steamaco', 'PaygOps', 'PitPlanner'],
  };
  const read = readWith(vendors);

  it('reads "They chose SparkMeter" as the one chosen, the others out', () => {
    expect(
      extractCompetitors(call(ext('The committee met on Wednesday. They chose SparkMeter.')), {
        ...vendors,
        heldCompetitors: ['SparkMeter', 'Steamaco'],
      })?.value,
    ).toEqual(['SparkMeter']);
    expect(read(ext('The board decided on Tuesday. We went with SparkMeter.'))).toEqual([
      'SparkMeter',
    ]);
  });

  it('reads "They sent us an offer" of the vendor just named, and "coming in on the fifteenth"', () => {
    expect(
      read(
        ext(
          "That's what PaygOps also told us. They sent us an offer last week. We're looking at both.",
        ),
      ),
    ).toEqual(['PaygOps']);
    expect(
      read(ext("PitPlanner's coming in on the fifteenth. They're the only other one.")),
    ).toEqual(['PitPlanner']);
  });

  it('reads a vendor coming to present as in play (k284)', () => {
    expect(
      read(ext('And to be transparent, SparkMeter is coming to present on the ninth.')),
    ).toEqual(['SparkMeter']);
  });

  it('reads a vendor whose offer was declared non-compliant as out (k284)', () => {
    expect(
      extractCompetitors(
        call(ext("SparkMeter's offer was declared non-compliant. It's between you and Steamaco.")),
        { ...vendors, heldCompetitors: ['SparkMeter', 'Steamaco'] },
      )?.value,
    ).toEqual(['Steamaco']);
  });
});

describe('a final scoring, and a group standardising on a vendor (k212, k213)', () => {
  it('reads the vendors in the final scoring, and the one the group standardises on', () => {
    expect(
      readWith(ctx)(
        ext('We have three vendors in the final scoring: Relay, Gong and Clari. Same questions.'),
      ),
    ).toEqual(['Gong', 'Clari']);
    expect(
      readWith(ctx)(ext('The whole group is standardising on Gong, the hotels, everything.')),
    ).toEqual(['Gong']);
  });
});

describe('a vendor turned away by "we\'re happy where we are", and one tried before (k215, k219)', () => {
  it('reads no vendor in play from a cold call turned away, or a trial that ended', () => {
    expect(
      readWith(ctx)(
        ext(
          'Gong rang me last week offering a cheaper deal. I told them we are happy where we are.',
        ),
      ),
    ).toBeNull();
    expect(
      readWith(ctx)(
        ext('We did look at Clari in between. They could not do the payments, so that was that.'),
      ),
    ).toBeNull();
  });
});

describe('a vendor that came to see them, and one that wants a test (k221)', () => {
  it('reads "Gong came last Thursday" and "Clari, they came in May" as met', () => {
    expect(
      readWith(ctx)(ext('I should tell you, Gong came last Thursday. They have loggers also.')),
    ).toEqual(['Gong']);
    expect(readWith(ctx)(ext("It's Clari. Clari, they came in May."))).toEqual(['Clari']);
    expect(readWith(ctx)(ext('Gong came in at twice your price.'))).toEqual(['Gong']);
  });

  it('reads "Chorus also wants to do a test" as evaluated', () => {
    expect(
      readWith(ctx)(
        ext('I should say, Chorus also wants to do a test. They called again yesterday.'),
      ),
    ).toEqual(['Chorus']);
  });
});

describe('a vendor also coming, brought in, or named beside us (k237)', () => {
  const mes: ExtractContext = {
    ...baseContext,
    competitors: ['Siemens Opcenter', 'Plex', 'DELMIA Apriso'],
  };

  it('reads "Siemens is also coming" as in play', () => {
    expect(readWith(mes)(ext('One more thing. Siemens is also coming.'))).toEqual([
      'Siemens Opcenter',
    ]);
  });

  it('reads the vendor named after "HQ brought in another one" as in play', () => {
    expect(
      readWith(mes)(ext('Siemens is out. But HQ brought in another one. DELMIA Apriso.')),
    ).toEqual(['DELMIA Apriso']);
  });

  it('reads "Yours, and the Siemens one" as a vendor beside us', () => {
    expect(readWith(mes)(ext('Two proposals. Yours, and the Siemens one.'))).toEqual([
      'Siemens Opcenter',
    ]);
  });
});

describe('a vendor that did not make the shortlist (k238)', () => {
  it('takes out the vendor asked about when "they didn\'t make the shortlist"', () => {
    expect(
      readWith({ ...ctx, heldCompetitors: ['Gong', 'Clari'] })(
        int('Was Clari still in the mix at the end?'),
        ext("No, they didn't make the shortlist. It was you and Gong from about April."),
      ),
    ).toEqual(['Gong']);
  });
});

describe('a vendor coming to see them, one that presented, one looked at (k242, k243)', () => {
  it('reads "X are coming to see us on the twelfth" as in play', () => {
    expect(readWith(ctx)(ext('Gong are coming to see us on the twelfth.'))).toEqual(['Gong']);
  });

  it('reads "X presented to us in February" as met', () => {
    expect(readWith(ctx)(ext('To be transparent, Clari presented to us in February.'))).toEqual([
      'Clari',
    ]);
  });

  it('reads "We\'re also looking at them seriously" of the vendor just named', () => {
    expect(
      readWith(ctx)(int('And Chorus?'), ext("Honestly? We're also looking at them seriously.")),
    ).toEqual(['Chorus']);
  });
});

describe('a vendor cut (k239)', () => {
  it('takes out "I cut Orbis last week"', () => {
    expect(
      readWith({ ...ctx, heldCompetitors: ['Gong', 'Clari'] })(
        ext("We're still comparing the three, you, Gong and Clari."),
        ext('No, correction. I cut Clari last week. I forgot to tell you.'),
      ),
    ).toEqual(['Gong']);
  });
});

describe('"cut" takes a vendor out only when said of one', () => {
  it('keeps the vendors when "I cut" is said of costs', () => {
    expect(
      readWith({ ...ctx, heldCompetitors: ['Gong', 'Clari'] })(
        ext("We're still comparing the three, you, Gong and Clari."),
        ext('I cut costs everywhere this year, so Clari has to come in cheaper than last time.'),
      ),
    ).toEqual(['Gong', 'Clari']);
  });
});

describe('a vendor that showed them its product (k255)', () => {
  it('takes "SocioNet showed us last week" as in play', () => {
    expect(
      readWith({ ...ctx, heldCompetitors: [] })(
        ext("That's the thing Clari showed us last week too. I'll be honest, they were cheap."),
      ),
    ).toEqual(['Clari']);
  });
});

describe('a vendor the customer stays with (k253)', () => {
  it('keeps "We\'ve decided to stay with Clari" in play, as the deal\'s winner', () => {
    expect(
      readWith({ ...ctx, heldCompetitors: [] })(ext("It's not. We've decided to stay with Clari.")),
    ).toEqual(['Clari']);
  });
});

describe('a vendor checked, or still open (k280)', () => {
  const read = readWith({
    ...baseContext,
    competitors: ['ServiceMax', 'Dynamics 365 Field Service'],
  });

  it('reads "asked me to also check Dynamics Field Service" as in play', () => {
    expect(
      read(ext('So IT asked me to also check Dynamics Field Service. I have a call next week.')),
    ).toEqual(['Dynamics 365 Field Service']);
  });

  it('leaves a check of something else alone', () => {
    expect(
      read(ext('Let me check with IT whether ServiceMax ever had a contract with us.')),
    ).toBeNull();
  });

  it('keeps a vendor "technically still open" in play when another is dropped', () => {
    const withBoth = readWith({
      ...baseContext,
      competitors: ['ServiceMax', 'Salesforce Field Service'],
    });
    expect(
      withBoth(
        ext("ServiceMax, we told them last week we're not proceeding."),
        ext('Salesforce Field Service is technically still open, until the board decides.'),
      ),
    ).toEqual(['Salesforce Field Service']);
  });

  it('keeps a vendor "I haven\'t said no to yet" in play', () => {
    const legal = readWith({ ...baseContext, competitors: ['Elite 3E', 'Aderant'] });
    expect(
      legal(
        ext(
          "Aderant is out. Elite, they're still sending me emails. I haven't said no to them yet.",
        ),
      ),
    ).toEqual(['Elite 3E']);
  });
});

describe('a vendor said in play in a few more words, and "nobody else" after naming one', () => {
  const read = readWith({
    ...baseContext,
    competitors: ['Inspectra', 'Jokko Billing', 'HydroPay', 'Dentally', 'Skidata'],
  });

  it('takes "they\'re out of Windsor" as where a vendor is based, not out of the running', () => {
    expect(read(ext("We got another proposal. Inspectra. They're out of Windsor."))).toEqual([
      'Inspectra',
    ]);
    expect(read(ext("Inspectra bid too. They're out of the running now."))).toBeNull();
  });

  it('keeps the vendor a turn just named when it ends "nobody else"', () => {
    expect(
      read(int('So who is in the final round?'), ext('Jokko and you, yes. Nobody else.')),
    ).toEqual(['Jokko Billing']);
    // Said with no vendor of its own, "nobody else" still clears the ones named before.
    expect(
      read(ext('HydroPay sent a quote.'), int('Anyone else?'), ext('Nobody else.')),
    ).toBeNull();
  });

  it('does not keep a vendor the turn only mentioned, answering "anyone else?"', () => {
    expect(
      read(
        int('And are you talking to anyone else?'),
        ext("HydroPay keep emailing me. I haven't replied. Nobody else, really."),
      ),
    ).toBeNull();
  });

  it('reads "only you two" as the two in the race, not only us', () => {
    expect(
      read(
        ext('We have HydroPay in the comparison.'),
        int('Anyone else?'),
        ext('No, only you two.'),
      ),
    ).toEqual(['HydroPay']);
  });

  it('reads talked to, meeting, in with us and the same done with a vendor', () => {
    expect(read(ext("We've also talked to Dentally."))).toEqual(['Dentally']);
    expect(read(ext("I should tell you we're meeting Skidata next week."))).toEqual(['Skidata']);
    expect(read(ext('Look, Dentally are also in with us on this.'))).toEqual(['Dentally']);
    expect(read(ext("He's done the same with Skidata this week."))).toEqual(['Skidata']);
    // Talked to once, in the past, is not in play.
    expect(read(ext('We talked to Dentally in the summer, but it did not fit.'))).toBeNull();
  });
});

describe('a vendor coming in under a price, come in since, or come to see the buyer', () => {
  const read = readWith({ ...baseContext, competitors: ['VitalEdge', 'Milkline', 'Kamstrup'] });

  it('reads "is going to come in under that" as a price in play', () => {
    expect(read(ext("VitalEdge is going to come in under that, I'd bet money."))).toEqual([
      'VitalEdge',
    ]);
  });

  it('reads "have come in since we last spoke" as in play', () => {
    expect(read(ext('Milkline have come in since we last spoke.'))).toEqual(['Milkline']);
  });

  it('reads a vendor that came to see the director as in play', () => {
    expect(read(ext('Kamstrup came to see the DG last week. With an offer.'))).toEqual([
      'Kamstrup',
    ]);
  });
});

describe('a tool that stays beside the purchase, and a vendor run until a year gone by', () => {
  const read = readWith({
    ...baseContext,
    competitors: ['Zonar', 'Splunk', 'Elastic', 'Facturama', 'Vortal'],
  });

  it('leaves out a tool the buyer keeps beside whatever they buy', () => {
    expect(
      read(
        ext(
          "And we have the Zonar GPS for the fuel side already, that's staying, that's not part of this.",
        ),
      ),
    ).toBeNull();
  });

  it('takes a vendor run until a year gone by, or ripped out, out of the deal', () => {
    const held = readWith({
      ...baseContext,
      competitors: ['Splunk', 'Elastic'],
      heldCompetitors: ['Splunk'],
    });
    expect(
      held(
        ext('We ran Splunk until early 2024 and then ripped it out because of cost.'),
        ext("For this evaluation it's you and Elastic."),
      ),
    ).toEqual(['Elastic']);
    expect(read(ext('We had Facturama back in twenty-one, the support was awful.'))).toBeNull();
  });

  it('keeps a contract that runs until a year to come', () => {
    expect(read(ext('We have a contract with Vortal until 2028.'))).toEqual(['Vortal']);
  });
});

describe('a vendor seen a season ago and let go, or an incumbent being left', () => {
  const read = readWith({
    ...baseContext,
    competitors: ['Stitch', 'Transfinder', 'Tessellate', 'DATEV', 'Addison', 'Nebim'],
  });

  it('leaves out a vendor met once that nothing came of', () => {
    expect(read(ext('We had a demo from Stitch in August, but nothing came of it.'))).toBeNull();
    expect(
      read(ext("And Transfinder sent me a quote back in the spring, but that's long done.")),
    ).toBeNull();
    expect(
      read(ext('We spoke to Tessellate back in the spring. Way out of our league.')),
    ).toBeNull();
  });

  it('takes out an incumbent the buyer is cancelling or not renewing', () => {
    const held = readWith({
      ...baseContext,
      competitors: ['DATEV', 'Addison'],
      heldCompetitors: ['DATEV'],
    });
    expect(
      held(
        ext('He asked us to get an offer from Addison too.'),
        ext("And DATEV, just so you know, we're cancelling that either way."),
      ),
    ).toEqual(['Addison']);
    expect(
      read(ext("We've told them we won't renew. That's decided. Nebim is done for us.")),
    ).toBeNull();
  });
});

describe('a shortlist cut down to a few', () => {
  it('keeps the vendors of "we\'ve cut it to three: you, Edulog and Traversa"', () => {
    const read = readWith({
      ...baseContext,
      competitors: ['Edulog', 'Traversa'],
      heldCompetitors: ['Edulog'],
    });
    expect(
      read(
        ext(
          "We had five vendors respond. We've cut it to three for the scored evaluation: you, Edulog, and Traversa.",
        ),
      ),
    ).toEqual(['Edulog', 'Traversa']);
  });

  it('still reads "we\'ve cut them" as out', () => {
    const read = readWith({ ...baseContext, competitors: ['Edulog'] });
    expect(read(ext("Edulog sent a quote, but we've cut them."))).toBeNull();
  });
});

describe('a vendor that went round the buyer, looked at along with another', () => {
  it('reads "IFS approached our CEO directly ... along with Maximo" as both in play', () => {
    const read = readWith({ ...baseContext, competitors: ['IBM Maximo', 'IFS'] });
    expect(
      read(
        ext(
          "IFS approached our CEO directly. So they're now also being looked at, along with Maximo.",
        ),
      ),
    ).toEqual(['IBM Maximo', 'IFS']);
  });
});

describe('a vendor that came back at a price, pitches, contacted the buyer, or sent one of two other offers', () => {
  const read = readWith({
    ...baseContext,
    competitors: ['HerdSmart', 'Aurora Solar', 'Donorfy', 'RateGain', 'Topaz', 'Abaco'],
  });

  it('reads "have come back at two-ninety a cow" as a price in play', () => {
    expect(read(ext('HerdSmart have come back at two-ninety a cow.'))).toEqual(['HerdSmart']);
  });

  it('reads what "they" did just after a vendor is named: came in at, pitching, show us', () => {
    expect(
      read(ext('Aurora Solar. They came in at a hundred and ninety dollars a seat per month.')),
    ).toEqual(['Aurora Solar']);
    expect(
      read(ext("The one I'd worry about is Donorfy. They're pitching to us on Thursday.")),
    ).toEqual(['Donorfy']);
    expect(
      read(ext("There's also Topaz. They want to show us their dashboard next week.")),
    ).toEqual(['Topaz']);
    // Pitched once and turned away is not in play.
    expect(read(ext('Donorfy? They pitched it. Nobody took the call.'))).toBeNull();
  });

  it('reads "RateGain contacted us" as in play', () => {
    expect(read(ext("RateGain contacted us. We've agreed to see a demo next week."))).toEqual([
      'RateGain',
    ]);
  });

  it('reads the vendors named after "two other offers"', () => {
    expect(read(ext('We received two other offers this week. Topaz and Abaco.'))).toEqual([
      'Topaz',
      'Abaco',
    ]);
  });
});

describe('an "if" that only frames what is said (k194)', () => {
  const read = readWith({ ...baseContext, competitors: ['Keystone LOS', 'Origenix'] });

  it('reads a vendor said after "if you\'re wondering" or "if I\'m honest" as in play', () => {
    expect(
      read(
        ext(
          "And Keystone's rep called me four times last week, so if you're wondering, yes, they're still in it.",
        ),
      ),
    ).toEqual(['Keystone LOS']);
    expect(read(ext("If I'm honest, Origenix is still in it."))).toEqual(['Origenix']);
  });

  it('still reads a supposing "if" as no vendor in play', () => {
    expect(read(ext('If Origenix comes back with a better price, we would look at it.'))).toBe(
      null,
    );
  });
});

describe('a reply that ends the vendor asked about', () => {
  const read = readWith({ ...baseContext, competitors: ['Clari', 'Gong'] });

  it('takes out the vendor asked about on "No, that\'s dead."', () => {
    expect(
      read(
        ext("We're looking at Clari and Gong."),
        int('Is Clari still in the picture?'),
        ext("No, that's dead."),
      ),
    ).toEqual(['Gong']);
  });

  it('keeps it when the reply is about something else', () => {
    expect(
      read(
        ext("We're looking at Clari and Gong."),
        int('Is Clari still in the picture?'),
        ext('Yes. The old spreadsheet is dead, though.'),
      ),
    ).toEqual(['Clari', 'Gong']);
  });
});
