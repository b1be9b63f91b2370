import { describe, expect, it } from 'vitest';
import type { Stage } from '../cases.js';
import { extractStage, stageCandidates } from './stage.js';
import { baseContext, call } from './test-utterances.js';
import type { SpeakerSide } from './types.js';

interface Case {
  name: string;
  lines: [SpeakerSide, string][];
  expected: Stage | null;
  minConfidence?: number;
  maxConfidence?: number;
}

const ext = (text: string): [SpeakerSide, string] => ['external', text];
const int = (text: string): [SpeakerSide, string] => ['internal', text];
const unk = (text: string): [SpeakerSide, string] => ['unknown', text];

/** The stage read from a call, for a deal now at `dealStage`. */
const stageIn =
  (dealStage: Stage) =>
  (...lines: [SpeakerSide, string][]) =>
    extractStage(call(...lines), { ...baseContext, dealStage })?.value ?? null;

const cases: Case[] = [
  // What is read
  {
    name: 'legal redlines',
    lines: [ext('Our legal team is redlining the MSA right now.')],
    expected: 'negotiation',
    minConfidence: 0.8,
  },
  {
    // The negation is about the price, not the redlines.
    name: 'redlines that leave the price alone',
    lines: [
      ext("And just so it's said, price is not in the redlines."),
      int("Thank you. I'll send back the redlines with our comments by Wednesday."),
      ext('Wednesday is good.'),
    ],
    expected: 'negotiation',
  },
  {
    name: 'procurement negotiating terms',
    lines: [ext('Procurement wants to negotiate the payment terms before we sign.')],
    expected: 'negotiation',
  },
  { name: 'ready to sign', lines: [ext("We're ready to sign.")], expected: 'negotiation' },
  {
    // k171, k172: "until it's signed" says it is not.
    name: 'a rival kept in play until it is signed',
    lines: [
      int('So the contract comes to you on Monday.'),
      ext("My preference is clear, but until it's signed, they're still there."),
    ],
    expected: null,
  },
  {
    name: 'a welcome to a colleague joining the call is no signature',
    lines: [
      ext("Hi both, Luca's asked me to pick this up, he's moving to the new openings."),
      int('Welcome aboard. Has he filled you in?'),
      ext("Broadly. I've seen the recording of the demo."),
    ],
    expected: null,
  },
  {
    name: 'a welcome after the signature was spoken of',
    lines: [
      int('I saw the DocuSign notification come through last night. Was that final?'),
      ext('Yes! Dr. Singh signed it yesterday afternoon.'),
      int('Could you do a data extract call next Tuesday?'),
      ext('Tuesday works.'),
      int('Done. Welcome aboard.'),
    ],
    expected: 'closed_won',
  },
  {
    name: 'the contract under review',
    lines: [
      ext('Yes, received, and we are fine with the price. Elena is now looking at the contract.'),
    ],
    expected: 'negotiation',
  },
  {
    name: 'the offer accepted in principle',
    lines: [
      ext('Marco, the offer is accepted in principle. My accountant wants it in this quarter.'),
    ],
    expected: 'negotiation',
  },
  {
    name: 'the price accepted by the one who decides (k284)',
    lines: [
      ext('Good news first: the DG accepts the price as it is in your last offer.'),
      ext('So now it is about the contract and the date.'),
    ],
    expected: 'negotiation',
  },
  {
    name: 'a clause the customer wants changed',
    lines: [ext("Terms, really. There's a clause on the hardware warranty he's not happy with.")],
    expected: 'negotiation',
  },
  {
    name: 'the vendor chosen last time is no loss now',
    lines: [ext('Last time you went with Revel, I remember.')],
    expected: null,
  },
  {
    name: 'staying with the old system loses the deal',
    lines: [ext('Money. So we stay with the old tills. They work, more or less.')],
    expected: 'closed_lost',
  },
  {
    name: 'signing, then done, in two sentences',
    lines: [ext('Got it. Signing. Done.'), int("It's in. Welcome to FurrowIQ.")],
    expected: 'closed_won',
  },
  {
    name: "the rep's proposal welcomed with a plain 'please'",
    lines: [int("I'll send the formal proposal today then."), ext('Please. My partners want it.')],
    expected: 'proposal',
  },
  {
    name: "'please' that holds the rep back agrees to nothing",
    lines: [int("I'll send the formal proposal today then."), ext("Please don't, not yet.")],
    expected: null,
  },
  {
    name: 'when they will sign is the close date, not a stage',
    lines: [
      ext('We will sign by November 14th.'),
      ext('Legal says we can have the contract signed by then.'),
    ],
    expected: null,
  },
  {
    name: 'a pilot running',
    lines: [ext('The trial is now running with two of our teams.')],
    expected: 'evaluation',
  },
  {
    name: 'ready for a proposal',
    lines: [ext('We are ready for a proposal now.')],
    expected: 'proposal',
  },
  {
    name: 'chose another solution',
    lines: [ext('We chose a different solution, sorry.')],
    expected: 'closed_lost',
  },
  {
    name: 'an old plan with a freeze is not a hold now',
    lines: [
      ext('Legal is redlining the MSA.'),
      ext('We were supposed to sign in June before the budget freeze.'),
    ],
    expected: 'negotiation',
  },
  {
    name: 'send over the contract',
    lines: [ext('Send over the order form and we will get it turned around.')],
    expected: 'negotiation',
  },
  {
    name: 'a request for the contract phrased as a question',
    lines: [ext('Could you send us the contract?')],
    expected: 'negotiation',
  },
  {
    name: 'legal reviewing the paperwork',
    lines: [ext('Legal is going through the contract now.')],
    expected: 'negotiation',
  },
  { name: 'send us a proposal', lines: [ext('Please send us a proposal.')], expected: 'proposal' },
  {
    name: 'a quote requested',
    lines: [ext('Can you send me a quote for 200 seats?')],
    expected: 'proposal',
  },
  {
    name: 'a pilot started',
    lines: [ext("We'd like to start a pilot with two teams next month.")],
    expected: 'evaluation',
  },
  {
    name: 'a POC kicked off',
    lines: [ext("Let's kick off the POC on Monday.")],
    expected: 'evaluation',
  },
  {
    name: 'signed',
    lines: [ext("Good news: we've signed the order form this morning.")],
    expected: 'closed_won',
    minConfidence: 0.85,
  },
  {
    name: 'the contract is signed',
    lines: [ext('The contract is signed.')],
    expected: 'closed_won',
  },
  { name: 'a PO issued', lines: [ext('Finance issued the PO yesterday.')], expected: 'closed_won' },
  {
    name: 'going with a competitor',
    lines: [ext("We've decided we're going with Clari.")],
    expected: 'closed_lost',
  },
  {
    name: 'going with another vendor',
    lines: [ext('We went with another vendor.')],
    expected: 'closed_lost',
  },
  {
    name: 'not moving forward',
    lines: [ext("We're not moving forward with the purchase.")],
    expected: 'closed_lost',
  },
  {
    name: 'a cancelled project',
    lines: [
      ext(
        "I'm sorry to say leadership cancelled the project. We will not be buying a tool at all.",
      ),
    ],
    expected: 'closed_lost',
  },
  // Politeness is not a stage
  { name: 'sounds great', lines: [ext('Sounds great, we love it!')], expected: null },
  {
    name: 'this is exciting',
    lines: [ext('This is exciting. Thank you so much, really helpful.')],
    expected: null,
  },
  { name: "let's move forward is too vague", lines: [ext("Let's move forward!")], expected: null },
  // Hypotheticals, questions, conditions
  {
    name: 'a hypothetical signature',
    lines: [ext('If legal approves, we could sign next week.')],
    expected: null,
  },
  {
    name: 'a question about the contract',
    lines: [ext('When would we need to sign the contract?')],
    expected: null,
  },
  {
    name: 'a question about a pilot',
    lines: [ext('Do you usually start with a pilot?')],
    expected: null,
  },
  {
    name: 'a condition on signing is not a win',
    lines: [ext("Once we've signed, we'll roll it out to the team.")],
    expected: null,
  },
  {
    name: 'signed off on a form',
    lines: [ext('Procurement signed off on the vendor form yesterday.')],
    expected: null,
  },
  { name: 'a signed NDA', lines: [ext("We've signed the NDA.")], expected: null },
  {
    name: 'a deferral is not a loss',
    lines: [ext("We're not moving forward this quarter.")],
    expected: null,
  },
  {
    name: 'on hold until the budget',
    lines: [
      ext('Please send us a proposal.'),
      ext('Finance put everything on hold until the Q2 budget is approved.'),
    ],
    expected: null,
  },
  {
    name: 'not going with a competitor',
    lines: [ext("We're not going with Clari.")],
    expected: null,
  },
  {
    name: 'signed, said of ourselves',
    lines: [ext("So that's it, we're signed.")],
    expected: 'closed_won',
  },
  {
    name: 'the e-signature came back',
    lines: [ext('The DocuSign came through this morning.')],
    expected: 'closed_won',
  },
  {
    name: 'the signed contract on its way back',
    lines: [ext('The signed contract went back to you by scan.')],
    expected: 'closed_won',
  },
  {
    name: 'signed off internally is an approval, not the contract',
    lines: [ext("Finance approved it, everything's signed off internally.")],
    expected: null,
  },
  {
    name: 'a proposal received',
    lines: [ext('Thanks for sending the pricing proposal on Monday.')],
    expected: 'proposal',
  },
  {
    name: 'a proof of concept running',
    lines: [ext('The proof of concept runs four weeks, starting today.')],
    expected: 'evaluation',
  },
  // Not a loss to another vendor: the customer's yes, and the paper is next.
  { name: 'going with us', lines: [ext("We're going with you.")], expected: 'negotiation' },
  {
    name: 'a past pilot',
    lines: [ext('We ran a pilot last year and it went nowhere.')],
    expected: null,
  },
  {
    name: "a competitor's pilot",
    lines: [ext("We're starting a pilot with Gong.")],
    expected: null,
  },
  {
    name: 'the evaluation of a competitor is not our stage',
    lines: [ext('We are also evaluating Clari right now.')],
    expected: null,
  },
  // Who said it
  {
    name: 'the rep alone moves nothing',
    lines: [int("I'll send over the order form today.")],
    expected: null,
  },
  {
    name: 'the rep agreed by the customer',
    lines: [int("I'll send over the order form today."), ext('Yes, please do.')],
    expected: 'negotiation',
    maxConfidence: 0.8,
  },
  {
    name: 'the rep refused by the customer',
    lines: [int("I'll send over the order form today."), ext('No, not yet, legal is busy.')],
    expected: null,
  },
  {
    name: 'an unknown speaker is less sure',
    lines: [unk('Legal is redlining the contract.')],
    expected: 'negotiation',
    maxConfidence: 0.75,
  },
  {
    name: 'a hedge is less sure',
    lines: [ext('We should probably start the pilot next week.')],
    expected: 'evaluation',
    maxConfidence: 0.7,
  },
  // The last word counts
  {
    name: 'a later stage wins',
    lines: [ext('Please send us a proposal.'), ext('Actually, just send over the contract.')],
    expected: 'negotiation',
  },
  {
    name: 'a loss after talk of signing',
    lines: [ext("We're ready to sign."), ext("Sorry, we're going with Gong after all.")],
    expected: 'closed_lost',
  },
  {
    name: 'a hold after a signature is about something else',
    lines: [
      ext('The PO went out today.'),
      ext('The kickoff is on hold now until the board meets.'),
    ],
    expected: 'closed_won',
  },
  {
    name: 'countersigned by their CFO',
    lines: [ext('Our CFO countersigned the agreement yesterday.')],
    expected: 'closed_won',
  },
  {
    name: 'back and forth on a clause',
    lines: [ext('We are going back and forth on the liability clause in the contract.')],
    expected: 'negotiation',
  },
  {
    name: 'a quote put together',
    lines: [ext('Please put a quote together so we can take it to finance.')],
    expected: 'proposal',
  },
  {
    name: 'a technical evaluation started',
    lines: [ext('Our engineers started the technical evaluation on Monday.')],
    expected: 'evaluation',
  },
  {
    name: 'taken back later',
    lines: [ext("We're ready to sign."), ext("Sorry, we're not ready to sign after all.")],
    expected: null,
  }, // A verbal yes, the paper next
  {
    name: 'going with you',
    lines: [ext("We looked over the proposal and, honestly, we're going with you guys.")],
    expected: 'negotiation',
  },
  { name: '"we\'re in"', lines: [ext("We're in. Sorry Mel. We're in.")], expected: 'negotiation' },
  {
    name: 'moving to contract',
    lines: [ext("I've read through it. I want to move to contract.")],
    expected: 'negotiation',
  },
  {
    name: 'a promise to sign it',
    lines: [ext("Let's go. I'll sign it.")],
    expected: 'negotiation',
  },
  {
    name: 'the PO to be raised',
    lines: [ext("Okay. I'll ask procurement to issue the PO.")],
    expected: 'negotiation',
  },
  // Signed as they speak
  {
    name: 'signed on the call',
    lines: [ext('There, signed. All three pages.')],
    expected: 'closed_won',
  },
  {
    name: 'the rep seeing it in',
    lines: [ext('Got it. Signing. Done.'), int("It's in. You're officially a customer.")],
    expected: 'closed_won',
  },
  {
    name: 'a signed question is no signature',
    lines: [ext('Signed? Not yet, the CFO has it.')],
    expected: null,
  },
  // Lost to no one
  {
    name: 'a plain no',
    lines: [int('Is that a not now or a no?'), ext("It's a no. We're staying on spreadsheets.")],
    expected: 'closed_lost',
  },
  { name: 'done looking', lines: [ext("Nobody. We're done looking.")], expected: 'closed_lost' },
  {
    name: 'the project dead',
    lines: [ext('But the project is dead, please take us off the list.')],
    expected: 'closed_lost',
  },
  {
    name: 'a purchase order for a branch signed',
    lines: [ext("The purchase order for the Obregón branch is signed, I'm sending it now.")],
    expected: 'closed_won',
  },
  {
    name: 'the owners said yes to the proposal',
    lines: [ext('So the owners said yes to the proposal. Twenty-six thousand, three years.')],
    expected: 'negotiation',
  },
  {
    name: 'a sandbox agreed',
    lines: [ext("Yes. Let's do the sandbox. I'll get you our data export by Monday.")],
    expected: 'evaluation',
  },
  {
    name: 'staying on what they have, offered as the other choice',
    lines: [ext("It's you or we stay on spreadsheets, and nobody wants spreadsheets.")],
    expected: null,
  },
  {
    name: 'staying on what they have, an option kept open (k125)',
    lines: [ext('And of course we can always stay with Gong.')],
    expected: null,
  },
  {
    name: "staying on what they have, one person's view (k126)",
    lines: [ext('My partner, Ignacio, thinks we should just stay with Gong.')],
    expected: null,
  },
  {
    name: 'staying on what they have, one side of a choice still open (k108)',
    lines: [ext("So it's between you and staying with Gong.")],
    expected: null,
  },
  {
    name: 'staying on what they have as the default, or a guess (k108)',
    lines: [ext("We stay on Gong as we are, that's the default.")],
    expected: null,
  },
  {
    name: 'a move to another vendor guessed at (k108)',
    lines: [ext('Maybe they win and we all move to Clari.')],
    expected: null,
  },
  {
    name: 'a signature whose paper is said after it: an NDA and a pilot agreement (k112)',
    lines: [
      ext("Good news first - it's signed. Aygun, tell them."),
      ext('Both documents are signed as of Friday. The NDA, and the pilot agreement.'),
    ],
    expected: null,
  },
  {
    name: 'another vendor kept for something else',
    lines: [ext('We stay with Gong only as the dialer.')],
    expected: null,
  },
  {
    name: 'the stage named as the one the deal goes to',
    lines: [ext('Look, I think we go to negotiation, my boss wants to meet you.')],
    expected: 'negotiation',
  },
  {
    name: 'the stage the deal is now in, said by both',
    lines: [int('Where do we stand?'), ext('We are in negotiation properly now, legal has it.')],
    expected: 'negotiation',
  },
  {
    name: 'the contract sent back with a markup',
    lines: [ext('Dale, I sent back the contract with our markup. Did you see?')],
    expected: 'negotiation',
  },
  {
    name: 'a proposal asked for tersely',
    lines: [ext('Anyway. Yours is the one we go with. We want a proposal.')],
    expected: 'proposal',
  },
  {
    name: 'a written proposal asked for, and answered "Proposal, yes."',
    lines: [int('So proposal?'), ext('Proposal, yes. Twelve bulkers.')],
    expected: 'proposal',
  },
  {
    name: 'a trial wanted before any number',
    lines: [ext('OK. Before any number, we want a trial. Two ships.')],
    expected: 'evaluation',
  },
  {
    name: 'a stage named of something else is none',
    lines: [ext('We are in the evaluation of a new ERP, nothing to do with you.')],
    expected: null,
  },
  {
    name: 'signing now, then done, and welcomed on board',
    lines: [
      ext('Perfect. Then I sign now, give me a second.'),
      ext('Okay... done, I uploaded it in the portal.'),
      int('I see it. Welcome on board.'),
    ],
    expected: 'closed_won',
  },
  {
    name: 'staying on what they have is no loss to a named product of ours',
    lines: [ext("We're staying on the Growth plan for now.")],
    expected: null,
  },
];

describe('extractStage', () => {
  for (const c of cases) {
    it(c.name, () => {
      const utterances = call(...c.lines);
      const got = extractStage(utterances, baseContext);
      expect(got?.value ?? null).toBe(c.expected);
      if (!got) return;
      expect(utterances[got.utteranceIndex]!.text).toContain(got.quote);
      if (c.minConfidence !== undefined)
        expect(got.confidence).toBeGreaterThanOrEqual(c.minConfidence);
      if (c.maxConfidence !== undefined)
        expect(got.confidence).toBeLessThanOrEqual(c.maxConfidence);
    });
  }

  it('a revised stage is a little less sure than one said once', () => {
    const once = extractStage(call(ext('Send over the contract.')), baseContext)!;
    const revised = extractStage(
      call(ext('Please send us a proposal.'), ext('Send over the contract.')),
      baseContext,
    )!;
    expect(revised.confidence).toBeLessThan(once.confidence);
  });

  it('lists each commitment in order so a reviewer sees the path', () => {
    const all = stageCandidates(
      call(ext('Please send us a proposal.'), ext('Legal is redlining the contract.')),
      baseContext,
    );
    expect(all.map((c) => c.value)).toEqual(['proposal', 'negotiation']);
  });

  describe('a price taken on the call', () => {
    const at = (dealStage: string) => ({ ...baseContext, dealStage });

    it('moves a deal with a proposal out to negotiation', () => {
      const got = extractStage(
        call(
          int('Same modules, just phased. Ninety-five thousand total.'),
          ext('Okay, ninety-five I can work with. Let us do that.'),
        ),
        at('proposal'),
      );
      expect(got?.value).toBe('negotiation');
    });

    it('counts a one-word yes to the price the rep just said', () => {
      const got = extractStage(
        call(int('Two hundred ninety-two thousand five hundred total.'), ext('Deal.')),
        at('evaluation'),
      );
      expect(got?.value).toBe('negotiation');
    });

    it('moves nothing before a proposal, nor when the price is taken back', () => {
      const taken = [int('That comes to eighty thousand.'), ext('Eighty thousand works for us.')];
      expect(extractStage(call(...taken), at('discovery'))).toBeNull();
      expect(
        extractStage(
          call(...taken, ext('Sorry, we cannot do that number after all.')),
          at('proposal'),
        ),
      ).toBeNull();
    });

    it('counts "we can do" a figure, and a director who agreed to the total just said', () => {
      expect(
        extractStage(
          call(
            int('For the whole fleet, one year, a hundred and fifty thousand dollars.'),
            ext('Okay. Yeah. We can do a hundred and fifty thousand.'),
          ),
          at('proposal'),
        )?.value,
      ).toBe('negotiation');
      expect(
        extractStage(
          call(
            int('For the three years, all the trucks, we are at 212,000 euro.'),
            int('The total for three years, yes.'),
            ext('OK. That is what we discussed with our director, he agreed.'),
          ),
          at('proposal'),
        )?.value,
      ).toBe('negotiation');
    });

    it('does not undo a signature said earlier in the call', () => {
      const got = extractStage(
        call(ext('We signed the order form this morning.'), ext('Eighty thousand works for us.')),
        at('proposal'),
      );
      expect(got?.value).toBe('closed_won');
    });
  });

  it.each([
    [
      'the project is cancelled',
      'So the portal project is cancelled. Not paused, cancelled.',
      'closed_lost',
    ],
    ['all countersigned', "So it's done, ninety-six K, one year, all countersigned.", 'closed_won'],
    [
      'a discourse "before"',
      'Before anything, I signed the order form this morning.',
      'closed_won',
    ],
    [
      'the selected vendor',
      'The steering group picked you. You are our selected vendor.',
      'negotiation',
    ],
    [
      'the evaluation reopened',
      'He wants to reopen the evaluation before we sign anything.',
      'evaluation',
    ],
    [
      'a proper proposal wanted',
      "I've seen enough on the demo. I'd like a proper proposal for the tankers.",
      'proposal',
    ],
    [
      'a pilot wanted before committing',
      "We've talked it through and we'd like to do a pilot before we commit to anything.",
      'evaluation',
    ],
    ['a project with us cancelled', 'So our project with you is cancelled.', 'closed_lost'],
    ['a project they will not do', 'Unfortunately, we will not do the project.', 'closed_lost'],
    [
      'a trial with us beside one with a competitor',
      'We start a trial with you, and in parallel a trial with Gong.',
      'evaluation',
    ],
    [
      'wanting to evaluate it',
      'We want to evaluate it properly, with a pilot in three stores.',
      'evaluation',
    ],
    ['signed electronically', 'Jake, morning! I just DocuSigned it.', 'closed_won'],
    [
      'the signature seen completed',
      "I'm initialing... signing. Okay. It says completed.",
      'closed_won',
    ],
    [
      'signing in the call',
      'It did. Hang on, I have it open. Okay, I am signing now.',
      'closed_won',
    ],
    [
      'a sandbox set up',
      'Yes, set up the sandbox and send logins for me and three CSRs.',
      'evaluation',
    ],
    ['not buying from anybody', "So we're not buying anything. From anybody.", 'closed_lost'],
    [
      'signed, with "after" following the signature',
      'The contract is signed and stamped, I signed it this morning after the CEO.',
      'closed_won',
    ],
    [
      "a tender's negotiation round called",
      'Negotiation meeting is fixed for the ninth of December, here in Lucknow.',
      'negotiation',
    ],
    [
      'a tender answered',
      'We uploaded both the technical bid and the price bid on the portal yesterday.',
      'proposal',
    ],
    [
      'a technical evaluation begun',
      'So now technical evaluation starts, each bidder does a scripted demo.',
      'evaluation',
    ],
  ])('%s', (_name, text, stage) => {
    expect(extractStage(call(ext(text)), baseContext)?.value).toBe(stage);
  });

  it('reads the award gone to a listed vendor, said without its generic last word, as lost', () => {
    const ctx = { ...baseContext, competitors: ['Oracle Utilities'] };
    expect(
      extractStage(call(ext('No, the LoA has already gone to Oracle. It is final.')), ctx)?.value,
    ).toBe('closed_lost');
    expect(
      extractStage(call(ext('The proposal has gone to procurement for review.')), ctx)?.value,
    ).not.toBe('closed_lost');
  });

  it("reads a competitor in another clause as no one else's pilot", () => {
    const ctx = { ...baseContext, dealStage: 'discovery' as const, competitors: ['Northstar'] };
    const plan = (said: string) =>
      extractStage(call(int(said), ext('Yes. Start it the second week of January.')), ctx)?.value;
    expect(
      plan(
        "So, a ninety-day proof of value starting in January, and you'll sort the CAD feed with Northstar.",
      ),
    ).toBe('evaluation');
    expect(plan('So, a ninety-day proof of value with Northstar, starting in January.')).toBe(
      undefined,
    );
  });

  it('reads the customer\'s "let\'s start it then" as the plan taken up', () => {
    const ctx = { ...baseContext, dealStage: 'discovery' as const };
    const reply = (said: string) =>
      extractStage(
        call(int('So, a one-month trial at the Caernarfon base. Starting when?'), ext(said)),
        ctx,
      )?.value;
    expect(reply("The January rota starts on the eleventh. Let's start it then.")).toBe(
      'evaluation',
    );
    expect(reply('The January rota starts on the eleventh. We will see.')).toBe(undefined);
  });

  it('reads the customer asking for the price in writing as the proposal', () => {
    const ctx = { ...baseContext, dealStage: 'discovery' as const };
    const asked = (said: string) =>
      extractStage(call(int('Fifty-eight thousand pounds over three years.'), ext(said)), ctx)
        ?.value;
    expect(asked("Right. Put that in a proper proposal and we'll take it to the directors.")).toBe(
      'proposal',
    );
    expect(
      asked("Then I'd like that as a formal proposal, one I can put in front of the board."),
    ).toBe('proposal');
    expect(asked("Please don't put it in the quote.")).toBe(undefined);
  });

  it('reads four more ways a call moves the stage (k145)', () => {
    const at = (dealStage: Stage, ...lines: [SpeakerSide, string][]) =>
      extractStage(call(...lines), { ...baseContext, dealStage })?.value;
    // Weeks in the sandbox given to the customer's team.
    expect(
      at(
        'discovery',
        ext("Then let's do that. Rob's team gets two weeks in the sandbox, and we regroup after."),
      ),
    ).toBe('evaluation');
    // The rep's "what if we build it as a proof of concept?", taken up.
    expect(
      at(
        'discovery',
        int('What if we build your screening visit as a proof of concept?'),
        ext('Yes. That would tell me more than any demo.'),
      ),
    ).toBe('evaluation');
    // "And I'll get the CFO conversation done" is the customer doing their part.
    expect(
      at(
        'proposal',
        int("I'll send the MSA to your legal team today."),
        ext("And I'll get the CFO conversation done next week."),
      ),
    ).toBe('negotiation');
    // The customer's program ended: nothing to buy.
    expect(at('evaluation', ext('The program was terminated after the interim readout.'))).toBe(
      'closed_lost',
    );
    expect(at('evaluation', ext("So there's nothing for us to buy, at least not for this."))).toBe(
      'closed_lost',
    );
  });

  it('reads the customer saying what the proposal must hold as taking it up (k148)', () => {
    const ctx = { ...baseContext, dealStage: 'evaluation' as const };
    const reply = (said: string) =>
      extractStage(
        call(
          int("I'll send you the written proposal with the Service Bay pricing this afternoon."),
          ext(said),
        ),
        ctx,
      )?.value;
    expect(reply('Include the training days. Pete wants more training days.')).toBe('proposal');
    expect(reply('Pete wants more training days.')).toBe(undefined);
  });

  it('reads "no trial" as none', () => {
    const ctx = { ...baseContext, dealStage: 'discovery' as const };
    expect(extractStage(call(int('Then no trial.'), ext('Yes.')), ctx)?.value).toBe(undefined);
  });

  it('reads the signature as a fact the rep states too', () => {
    expect(
      extractStage(
        call(
          int('Merle, thank you again for signing last night. I saw it come through at nine.'),
          ext('Nine-oh-five. I was watching the game.'),
        ),
        baseContext,
      )?.value,
    ).toBe('closed_won');
  });

  it('reads a price taken in a word, a deal in principle, or a figure one can defend', () => {
    const ctx = { ...baseContext, dealStage: 'proposal' };
    for (const said of [
      "It's within what we discussed with the CFO. Fine.",
      'Then we have a deal in principle. The other one is more expensive anyway.',
      '78. Ok. That I can defend.',
    ]) {
      expect(
        extractStage(
          call(int('Without travel it is 78k for the three years. Total.'), ext(said)),
          ctx,
        )?.value,
      ).toBe('negotiation');
    }
    // "Fine" that goes on is not the price taken.
    expect(
      extractStage(
        call(
          int('Without travel it is 78k for the three years.'),
          ext('Fine, but I need to think.'),
        ),
        ctx,
      ),
    ).toBeNull();
  });

  it('moves no deal back: a revised quote asked for in negotiation is a restatement', () => {
    const said = call(
      ext('Can you send the revised quotation on letterhead? We need it for the file.'),
    );
    expect(extractStage(said, { ...baseContext, dealStage: 'negotiation' })).toBeNull();
    expect(extractStage(said, { ...baseContext, dealStage: 'evaluation' })?.value).toBe('proposal');
  });

  it('reads a competitor told it is not going forward as no loss of ours', () => {
    expect(
      extractStage(call(ext("We've told Gong they're not going forward.")), baseContext),
    ).toBeNull();
  });

  it('reads a pilot agreement as no contract, and a signature after another vendor won as theirs', () => {
    // The pilot's paper is the trial's, not the contract's: evaluation, not negotiation.
    expect(
      extractStage(call(ext('Yes, send me the pilot agreement, I sign it this week.')), baseContext)
        ?.value,
    ).toBe('evaluation');
    expect(
      extractStage(
        call(ext('We decided for Gong.'), ext('It is final, the contract was signed yesterday.')),
        baseContext,
      )?.value,
    ).toBe('closed_lost');
  });

  it('moves an early deal on when a demo or workshop is agreed, and no other', () => {
    const agreed = [
      int("Then let's do a discovery workshop with your finance team."),
      ext("Yes, let's do it the week of 2 November."),
    ];
    expect(
      extractStage(call(...agreed), { ...baseContext, dealStage: 'qualification' })?.value,
    ).toBe('discovery');
    expect(extractStage(call(...agreed), { ...baseContext, dealStage: 'evaluation' })).toBeNull();
    expect(
      extractStage(
        call(ext('Sawa. I will send a sample file and we can do the demo next Thursday.')),
        {
          ...baseContext,
          dealStage: 'prospecting',
        },
      )?.value,
    ).toBe('qualification');
  });

  it('reads the deal won, going ahead with us, or the amount approved as negotiation', () => {
    expect(
      extractStage(call(ext('Procurement has finished their evaluation. You won.')), baseContext)
        ?.value,
    ).toBe('negotiation');
    expect(
      extractStage(
        call(ext("Johan, we had the board on Wednesday. We're going ahead with you.")),
        baseContext,
      )?.value,
    ).toBe('negotiation');
    expect(
      extractStage(
        call(
          int('Last time we indicated SAR 1.2 million over two years.'),
          ext('Yes. Finance is fine with that number.'),
        ),
        { ...baseContext, dealStage: 'proposal' },
      )?.value,
    ).toBe('negotiation');
  });

  it('counts a pilot the rep puts forward once the customer says yes', () => {
    const asked = int('Could we do a proof of concept on a few reefer trailers?');
    expect(
      extractStage(call(asked, ext('Yes. Five trailers, four weeks.')), baseContext)?.value,
    ).toBe('evaluation');
    expect(extractStage(call(asked, ext('Let me think about it.')), baseContext)).toBeNull();
  });

  it('reads a signature given as it is said, and a no to going on as lost', () => {
    const at = (...lines: [SpeakerSide, string][]) =>
      extractStage(call(...lines), { ...baseContext, dealStage: 'negotiation' })?.value ?? null;
    expect(at(ext('Signed on my side, just now.'))).toBe('closed_won');
    expect(at(ext('And... done. Countersigned.'))).toBe('closed_won');
    expect(at(ext("Faisal, I'll be straight. We're not going to proceed."))).toBe('closed_lost');
    expect(at(ext("We won't proceed until the budget is in."))).toBeNull();
    // A day before the paper's state is a plan: "then Thursday it's signed".
    expect(
      at(ext('He can sign on Thursday.'), ext("Great, then Thursday it's signed.")),
    ).toBeNull();
    expect(at(ext("It's signed, you should have it."))).toBe('closed_won');
  });

  it('moves a deal back only when the call says so, and reads a trial agreement as no contract', () => {
    const evaluating = { ...baseContext, dealStage: 'evaluation' };
    expect(
      extractStage(
        call(
          ext('He wants to revisit the whole scope. So we go back to discovery for the flagship.'),
        ),
        evaluating,
      )?.value,
    ).toBe('discovery');
    expect(
      extractStage(call(ext('Can you send the revised discovery notes?')), evaluating),
    ).toBeNull();
    const trial = call(
      ext('We want to move to a proper evaluation. Give us the trial on the sea-front hotel.'),
      int("Fine. I'll send the trial agreement this week."),
      ext("Send it to me directly, I'll sign it."),
    );
    expect(extractStage(trial, { ...baseContext, dealStage: 'discovery' })?.value).toBe(
      'evaluation',
    );
  });

  it('reads a signature by someone else, a contract cancelled, and an offer accepted', () => {
    const at = (stage: string, ...lines: [SpeakerSide, string][]) =>
      extractStage(call(...lines), { ...baseContext, dealStage: stage })?.value ?? null;
    expect(at('negotiation', ext('Good news: the gerente signed it an hour ago.'))).toBe(
      'closed_won',
    );
    expect(at('negotiation', ext('The CEO signed off on the budget.'))).toBeNull();
    expect(
      at('negotiation', ext('So our individual contract is cancelled. We cannot sign it.')),
    ).toBe('closed_lost');
    expect(at('proposal', ext('And they accepted your offer over Plyca.'))).toBe('negotiation');
    // "Then the contract is signed" is the order of things to come.
    expect(
      at('proposal', ext('We need the documents within ten days, then the contract is signed.')),
    ).toBeNull();
    expect(at('evaluation', ext('Now we need the economic offers from both.'))).toBe('proposal');
    expect(at('evaluation', ext('I need your final proposal with a fixed price.'))).toBe(
      'proposal',
    );
    expect(at('discovery', ext('Look, we are ready to evaluate seriously.'))).toBe('evaluation');
    expect(at('qualification', ext("Yes, let's set the requirements session."))).toBe('discovery');
  });

  it("counts the rep's question naming the stage once the customer says yes", () => {
    const asked = int('So we move to a formal evaluation?');
    const at = (...lines: [SpeakerSide, string][]) =>
      extractStage(call(...lines), { ...baseContext, dealStage: 'discovery' })?.value ?? null;
    expect(at(asked, ext('Yes, the board agreed.'))).toBe('evaluation');
    expect(at(asked, ext('Not yet, the board meets in March.'))).toBeNull();
    expect(at(ext('So we move to a formal evaluation?'), int('Yes.'))).toBeNull();
    expect(
      at(int("So we're at the proposal stage formally?"), ext('Yes, I take it to the EXCO.')),
    ).toBe('proposal');
  });

  it("reads the seller chosen by its own name, from the workspace's domains", () => {
    const ours = { ...baseContext, dealStage: 'evaluation', sellers: ['qirtas'] };
    expect(extractStage(call(ext("The committee met. We've chosen Qirtas.")), ours)?.value).toBe(
      'negotiation',
    );
    expect(extractStage(call(ext('The mesa proposes Qirtas for the award.')), ours)?.value).toBe(
      'negotiation',
    );
    expect(extractStage(call(ext("We haven't chosen Qirtas yet.")), ours)).toBeNull();
    expect(extractStage(call(ext("We've chosen Qirtas.")), baseContext)).toBeNull();
  });

  it('reads a price taken to someone else as no price taken', () => {
    const proposal = { ...baseContext, dealStage: 'proposal' };
    const offered = int('Best I can do is 1.85 million pesos, fixed, for the whole contract.');
    expect(
      extractStage(call(offered, ext("1.85. Okay, I'll take it to the director.")), proposal),
    ).toBeNull();
    expect(extractStage(call(offered, ext("1.85. Okay, I'll take it.")), proposal)?.value).toBe(
      'negotiation',
    );
  });

  it('reads a signature stated with a question tagged on, and a trial approved', () => {
    const at = (stage: string, ...lines: [SpeakerSide, string][]) =>
      extractStage(call(...lines), { ...baseContext, dealStage: stage })?.value ?? null;
    expect(
      at('negotiation', ext("The contract was signed on Friday, Mariana, didn't you get it?")),
    ).toBe('closed_won');
    expect(
      at('negotiation', ext('Yes. The director signed, then it got stuck in the mailroom.')),
    ).toBe('closed_won');
    expect(at('negotiation', ext('Was the contract signed on Friday?'))).toBeNull();
    expect(at('discovery', ext('So the trial is approved and starts Monday.'))).toBe('evaluation');
  });

  it('reads the customer closing the deal, the contract with legal, and a proposal offered and taken', () => {
    const at = (stage: string, ...lines: [SpeakerSide, string][]) =>
      extractStage(call(...lines), { ...baseContext, dealStage: stage })?.value ?? null;
    expect(at('evaluation', int('Should I close this off then?'), ext('Ja, close it.'))).toBe(
      'closed_lost',
    );
    expect(at('negotiation', ext("Let's close it by Friday."))).toBeNull();
    expect(at('proposal', ext('IT passed it. Legal has the contract now.'))).toBe('negotiation');
    expect(at('proposal', ext('N$210,000, like the proposal. We need the contract.'))).toBe(
      'negotiation',
    );
    expect(at('evaluation', int('Good. Shall I send the proposal?'), ext('Ja, send it.'))).toBe(
      'proposal',
    );
    expect(at('evaluation', int('Shall I send the proposal?'), ext('Not yet.'))).toBeNull();
    expect(at('evaluation', ext('They liked the app. We want to see the proposal now.'))).toBe(
      'proposal',
    );
  });

  it('reads the project said to be dead or off as lost, not a machine that is', () => {
    const at = (text: string) =>
      extractStage(call(ext(text)), { ...baseContext, dealStage: 'proposal' })?.value ?? null;
    expect(at("Big outfit out of Napa made an offer. So the solar's dead, I'm sorry.")).toBe(
      'closed_lost',
    );
    expect(at("The deal's off, the owners are selling.")).toBe('closed_lost');
    expect(at('The printer is off again.')).toBeNull();
  });

  it('reads "if you can" as a polite request, not a supposition', () => {
    const got = extractStage(
      call(ext('The director signs on the 21st. Send me the final contract today if you can.')),
      { ...baseContext, dealStage: 'proposal' },
    );
    expect(got?.value).toBe('negotiation');
  });

  it('counts a contract the rep will draft when the customer agrees', () => {
    const got = extractStage(
      call(
        int("I'll draft the one-year agreement and get it to you tomorrow."),
        ext('That works.'),
      ),
      baseContext,
    );
    expect(got?.value).toBe('negotiation');
  });
});

describe('stages a blind set (k83) said its own way', () => {
  const at = (stage: string, ...lines: [SpeakerSide, string][]) =>
    extractStage(call(...lines), { ...baseContext, dealStage: stage })?.value ?? null;

  it('reads a proposal the customer says arrived', () => {
    expect(
      at(
        'evaluation',
        int('Did the proposal come through all right this morning?'),
        ext('It did.'),
      ),
    ).toBe('proposal');
    expect(
      at('evaluation', int('Did you get the proposal yesterday evening?'), ext('We got it.')),
    ).toBe('proposal');
    expect(at('evaluation', int('Did you get the proposal?'), ext('No, nothing yet.'))).toBeNull();
  });

  it('reads an offer accepted by a group, and the contract gone to legal', () => {
    expect(at('proposal', ext('The management group accepted your offer yesterday.'))).toBe(
      'negotiation',
    );
    expect(at('proposal', ext('The less fun part: now it goes to legal.'))).toBe('negotiation');
  });

  it('reads a counteroffer as the negotiation itself', () => {
    expect(
      at(
        'proposal',
        ext("I'll be blunt: we'll pay ninety thousand a year."),
        int("What I can do is a hundred and five. That's really my floor."),
        ext('So we are stuck.'),
      ),
    ).toBe('negotiation');
  });

  it('reads keeping the spreadsheet as lost', () => {
    expect(at('evaluation', ext("It's not you. We'll keep Excel."))).toBe('closed_lost');
    expect(at('evaluation', ext('We keep the same people on it.'))).toBeNull();
  });
});

describe('stages a blind set (k85) said its own way', () => {
  const at = (stage: string, ...lines: [SpeakerSide, string][]) =>
    extractStage(call(...lines), { ...baseContext, dealStage: stage })?.value ?? null;

  it('reads a pilot put as the plan, not one run before', () => {
    expect(at('discovery', ext('So, a pilot. Sixty days, Albuquerque yard only.'))).toBe(
      'evaluation',
    );
    expect(
      at(
        'discovery',
        int('So: two-week trial, fifteen drivers, install on Wednesday.'),
        ext('Yes, that works.'),
      ),
    ).toBe('evaluation');
    expect(at('discovery', ext('The pilot was a mess last year.'))).toBeNull();
  });

  it('reads the contract sent to someone named, taken up, as negotiation (k132)', () => {
    expect(
      at(
        'proposal',
        int("So from my side, I'll send Graham the updated order form and the MSA by Friday."),
        ext("Send it to me and I'll forward it to our lawyer straight away."),
      ),
    ).toBe('negotiation');
    expect(
      at(
        'proposal',
        int("I'll send him the agreement today."),
        ext('Send it to me, I will print it.'),
      ),
    ).toBe('negotiation');
  });

  it('reads a trial set with its length or its start as the evaluation begun', () => {
    expect(
      at(
        'discovery',
        int('Perfect. So we are agreed, a three-week sandbox pilot in Salcedo and Pelileo.'),
        ext('Agreed.'),
      ),
    ).toBe('evaluation');
    expect(
      at('discovery', ext('So, to recap: pilot in Bermejo, four weeks, starting the last week.')),
    ).toBe('evaluation');
    expect(at('discovery', ext('A ninety-day proof of value would suit us.'))).toBe('evaluation');
    expect(at('discovery', ext('Do you do a two-week trial?'))).toBeNull();
    expect(at('discovery', ext('We ran a two-week trial with Gong last year.'))).toBeNull();
  });

  it('reads a DocuSign finished as won, and a proposal walked through as sent', () => {
    expect(at('negotiation', ext('I finished the DocuSign at seven thirty this morning.'))).toBe(
      'closed_won',
    );
    expect(at('evaluation', int('What I want to do today is walk you through the proposal.'))).toBe(
      'proposal',
    );
  });
});

describe('a deal won, said in passing (k80, k85, k93)', () => {
  const stage = (text: string) =>
    extractStage(call(['external', text], ['internal', 'Wonderful, thank you!']), {
      ...baseContext,
      dealStage: 'negotiation',
    })?.value ?? null;

  it('reads the president signing last night, a PO released, a DocuSign finished past an aside', () => {
    expect(stage('Yes, the president signed last night, after the board dinner.')).toBe(
      'closed_won',
    );
    expect(stage('The PO has been released this morning. You should have it.')).toBe('closed_won');
    expect(
      stage("So, I don't know if you saw the email, I finished the DocuSign this morning."),
    ).toBe('closed_won');
    expect(stage("I don't know if the president signed it.")).toBeNull();
  });
});

describe('a contract with legal, and a proposal on the table (k85, k93)', () => {
  const stage = (deal: Stage, ...lines: [SpeakerSide, string][]) =>
    extractStage(call(...lines), { ...baseContext, dealStage: deal })?.value ?? null;

  it('reads comments from legal as the negotiation', () => {
    expect(
      stage(
        'proposal',
        ['internal', 'And the contract? Where is it?'],
        ext('With legal. They have a couple of comments, nothing big.'),
      ),
    ).toBe('negotiation');
    expect(stage('proposal', ext('Legal had two small comments on the DPA.'))).toBe('negotiation');
  });

  it('reads a proposal presented or judged as the proposal stage', () => {
    expect(
      stage('discovery', [
        'internal',
        'Today we have the formal proposal. I will share my screen.',
      ]),
    ).toBe('proposal');
    expect(stage('evaluation', ext("It's a good proposal. My problem is my owners."))).toBe(
      'proposal',
    );
    expect(stage('evaluation', ext('We have the proposal from them already.'))).toBeNull();
  });
});

describe('a pilot taken up with a day for its start (k85)', () => {
  it('reads the day given in answer as the yes', () => {
    const stage = (reply: string) =>
      extractStage(
        call(
          [
            'internal',
            'So, a pilot in Apodaca, twenty-five tractors, four weeks. When can we start?',
          ],
          ext(reply),
        ),
        { ...baseContext, dealStage: 'discovery' },
      )?.value ?? null;
    expect(stage("Tuesday the first. I'll have the guys ready.")).toBe('evaluation');
    expect(stage("Honestly, I don't know yet.")).toBeNull();
  });
});

describe("the customer's own approval signed, not the contract (k83)", () => {
  it('reads no win from the internal approval, and takes back a win said too soon', () => {
    const stage = stageIn('negotiation');
    expect(
      stage(
        ext(
          "We've signed the internal approval. The investment form. Our director signed it this morning.",
        ),
      ),
    ).toBeNull();
    expect(
      stage(
        ext("I am! We've signed!"),
        ['internal', 'Congratulations!'],
        ext('No, sorry. I mean the internal approval. Not your contract yet.'),
      ),
    ).toBeNull();
    expect(stage(ext("We've signed!"), ['internal', 'Congratulations!'])).toBe('closed_won');
  });
});

describe('one signature made, the other still to come (k95)', () => {
  it('reads no win while the CEO still has to countersign', () => {
    const stage = stageIn('negotiation');
    expect(
      stage(ext("Well... I signed. Our CEO still needs to countersign. He's back Monday.")),
    ).toBeNull();
    expect(stage(ext('I signed. Our CEO countersigned this morning.'))).toBe('closed_won');
    // Their own signature still to come is a plan, and a pilot's paper is no win.
    expect(stage(ext("We've signed!"), ext('We have to sign it by Friday.'))).toBe('closed_won');
    expect(stage(ext('We signed the pilot.'))).toBeNull();
  });
});

describe('a signer named by their name (k96)', () => {
  it('reads the contract signed by a named person as won, not a budget signed off', () => {
    const stage = stageIn('negotiation');
    expect(stage(ext('Yes! Arnaud signed it on Monday. I sent it back to you.'))).toBe(
      'closed_won',
    );
    expect(stage(ext('The budget is approved, the Beirat signed it off in November.'))).toBeNull();
    expect(stage(ext('Finally signed it, the budget form I mean.'))).toBeNull();
  });
});

describe("the customer taking on their part of the rep's plan (k96)", () => {
  it('reads the pilot as taken up when the customer promises the access for it', () => {
    const stage = stageIn('discovery');
    expect(
      stage(
        ['internal', 'Then we kick off the pilot next week. Eleni needs access to the SCADAs.'],
        ext("I'll have my IT send you the access by Friday."),
      ),
    ).toBe('evaluation');
    expect(
      stage(['internal', 'Then we kick off the pilot next week.'], ext('Let me think about it.')),
    ).toBeNull();
  });
});

describe('a sandbox put as the plan (k95)', () => {
  it('reads "Sandbox Tuesday" from the customer as an evaluation agreed', () => {
    const stage = stageIn('discovery');
    expect(stage(ext("Then let's do it. Sandbox Tuesday, first working session with Priya."))).toBe(
      'evaluation',
    );
    expect(stage(ext('The sandbox was slow last year.'))).toBeNull();
  });
});

describe('a general rule about buying, not a refusal (k103)', () => {
  it('reads "they won\'t buy anything they haven\'t seen" as no loss', () => {
    const stage = stageIn('discovery');
    expect(
      stage(ext("I'd like the docs to see it. They won't buy anything they haven't seen.")),
    ).toBeNull();
    expect(stage(ext("We're not buying anything from anybody, sorry."))).toBe('closed_lost');
  });
});

describe('a meeting the calendar names as the proposal walkthrough', () => {
  const titled = (title: string, dealStage: string, ...lines: [SpeakerSide, string][]) =>
    extractStage(call(...lines), { ...baseContext, meetingTitle: title, dealStage }) ?? null;
  const lines: [SpeakerSide, string][] = [
    int('So the proposal is on page two: one point eight nine, three years.'),
    ext("We'll go through it properly after Christmas and come back to you."),
  ];

  it('reads a walkthrough of the proposal as the proposal out, quoting the talk of it', () => {
    const got = titled('Sunnmore Regional - proposal walkthrough', 'evaluation', ...lines);
    expect(got?.value).toBe('proposal');
    expect(got?.quote).toBe('So the proposal is on page two: one point eight nine, three years.');
    expect(titled('Senja Air - proposal', 'discovery', ...lines)?.value).toBe('proposal');
  });

  it('moves nothing for a deal already at proposal, another title, or no talk of it', () => {
    expect(titled('Sunnmore Regional - proposal walkthrough', 'proposal', ...lines)).toBeNull();
    expect(titled('Sunnmore Regional - check-in', 'evaluation', ...lines)).toBeNull();
    expect(
      titled(
        'Sunnmore Regional - proposal walkthrough',
        'evaluation',
        ext('Sorry, can we move this to next week? The owners are away.'),
      ),
    ).toBeNull();
  });
});

describe('won and lost said another way (k156)', () => {
  it('reads a signer by role in their own language, a Bestellung out, a welcome as customer', () => {
    expect(stageIn('negotiation')(ext('Our Geschäftsführer signed it this morning.'))).toBe(
      'closed_won',
    );
    expect(
      stageIn('negotiation')(ext('The Bestellung went out this morning. You should have it.')),
    ).toBe('closed_won');
    expect(stageIn('negotiation')(int('Then welcome as a customer.'))).toBe('closed_won');
  });

  it('reads "it\'s not you this time" as lost', () => {
    expect(stageIn('negotiation')(ext("We've decided, and it's not you this time."))).toBe(
      'closed_lost',
    );
    expect(stageIn('negotiation')(ext("We've decided for someone else."))).toBe('closed_lost');
  });
});

describe('the customer agreeing inside a sentence (k156)', () => {
  it('takes up a redline with "Wednesday is fine"', () => {
    expect(
      stageIn('proposal')(
        int('So I take the two points to our legal and send you a redline by Wednesday.'),
        ext('Wednesday is fine.'),
      ),
    ).toBe('negotiation');
  });

  it('keeps the stage for a proposal still to come', () => {
    expect(
      stageIn('evaluation')(int("I'll send the proposal by Friday."), ext('Friday is fine.')),
    ).toBeNull();
  });
});

describe('a greeting before the yes (k156)', () => {
  it('reads "Morning. Yes, Monday." as the answer to "Did the offer arrive?"', () => {
    expect(
      stageIn('discovery')(
        int('Morning Sebastian. Did the offer arrive?'),
        ext("Morning. Yes, Monday. I've read it twice."),
      ),
    ).toBe('proposal');
  });
});

describe('a plan put forward as a question (k156)', () => {
  it('reads "Then let\'s kick off the pilot on the twelfth?" taken up as evaluation', () => {
    expect(
      stageIn('discovery')(
        int("Then let's kick off the pilot on the twelfth of January?"),
        ext('The twelfth works.'),
      ),
    ).toBe('evaluation');
    // A real question about the pilot moves nothing.
    expect(
      stageIn('discovery')(int('Did you kick off the pilot last week?'), ext('Yes.')),
    ).toBeNull();
  });
});

describe('what "came through" and an old signature are of (k183)', () => {
  it('reads "It came through." of the bid or proposal asked about as no signature', () => {
    expect(
      stageIn('evaluation')(
        int('I just wanted to confirm our response came through okay yesterday.'),
        ext('It came through. All four volumes and the price form.'),
      ),
    ).toBeNull();
    // After a signature it is the signed copy.
    expect(
      stageIn('negotiation')(
        ext('I signed it this morning, did you get it?'),
        int('Let me check. Yep, it just came through.'),
      ),
    ).toBe('closed_won');
  });

  it('reads "it came through with another order" as a delivery', () => {
    expect(
      stageIn('evaluation')(
        ext("The kit's in Lusaka already, it came through with another order."),
      ),
    ).toBeNull();
  });

  it('leaves a contract signed last spring for something else alone', () => {
    expect(
      stageIn('proposal')(ext('We signed a three-year agreement last spring for property taxes.')),
    ).toBeNull();
  });
});

describe('a procurement cancelled (k183)', () => {
  it('reads "The commissioners voted to cancel the procurement" as lost', () => {
    expect(
      stageIn('evaluation')(
        ext('The commissioners voted to cancel the procurement. All of it. Nobody got it.'),
      ),
    ).toBe('closed_lost');
    expect(stageIn('evaluation')(ext('The tender was cancelled last week.'))).toBe('closed_lost');
  });
});

describe('what a refusal to buy is conditioned on (k181)', () => {
  it('reads "We\'re not going to buy off a demo." as a condition, not a loss', () => {
    expect(
      stageIn('discovery')(ext("We're not going to buy off a demo."), int('Understood.')),
    ).toBeNull();
    expect(stageIn('discovery')(ext("We're not going to buy. We're done."))).toBe('closed_lost');
  });
});

describe('a trial agreed by its length alone (k181)', () => {
  it('reads "Okay. Do it. Two weeks in the sandbox" as evaluation', () => {
    expect(
      stageIn('discovery')(
        int('Can we give you a sandbox?'),
        ext('Okay. Do it. Two weeks in the sandbox, then we compare notes with Dr. Saleh.'),
      ),
    ).toBe('evaluation');
  });
});

describe("the customer's markup in hand (k182, k183)", () => {
  it('reads the rep saying the redlines came in as negotiation, a fact needing no yes', () => {
    expect(
      stageIn('proposal')(
        int('Joan, we got your redlines this morning, thank you.'),
        ext('There are three that matter.'),
      ),
    ).toBe('negotiation');
  });

  it("reads the solicitor's comments and comments on the MSA as negotiation", () => {
    expect(
      stageIn('proposal')(ext("So, I have the solicitor's comments, I sent them last night.")),
    ).toBe('negotiation');
    expect(stageIn('proposal')(ext('I have about fifteen comments on the MSA.'))).toBe(
      'negotiation',
    );
  });

  it('leaves markup tools and comments on a demo alone', () => {
    expect(stageIn('evaluation')(ext('My questions are mostly on the markup tools.'))).toBeNull();
    expect(stageIn('evaluation')(ext('We got your comments on the demo, thanks.'))).toBeNull();
  });
});

describe('a proposal approved by a committee with a long name (k181)', () => {
  it('reads "the group investment committee approved your proposal" as negotiation', () => {
    expect(
      stageIn('proposal')(
        ext('So the group investment committee approved your proposal yesterday, as revised.'),
      ),
    ).toBe('negotiation');
  });
});

describe('a formal evaluation decided (k181)', () => {
  it('reads "We\'ve now agreed internally to run a formal evaluation" as evaluation', () => {
    expect(
      stageIn('discovery')(ext("We've now agreed internally to run a formal evaluation.")),
    ).toBe('evaluation');
    expect(
      stageIn('discovery')(ext("So we've decided. We're going to do a formal evaluation.")),
    ).toBe('evaluation');
  });

  it('leaves an evaluation someone else will want later alone', () => {
    expect(
      stageIn('discovery')(
        ext('Procurement will want to run a proper evaluation before then, probably March.'),
      ),
    ).toBeNull();
  });
});

describe('a scripted demo (k183)', () => {
  it("reads the scripted demos of a buyer's process as evaluation", () => {
    expect(
      stageIn('discovery')(
        ext('The next phase is scripted demos. All three vendors get the same script.'),
      ),
    ).toBe('evaluation');
  });

  it('leaves the scripted demo already held alone', () => {
    expect(
      stageIn('discovery')(
        ext("It's been a week since the scripted demo, and we're still thinking."),
      ),
    ).toBeNull();
  });
});

describe('a yes after an adverb (k181)', () => {
  it('takes "Formally, yes." as the customer agreeing to the stage the rep named', () => {
    expect(
      stageIn('negotiation')(
        int("Okay. So we're back in evaluation."),
        ext('Formally, yes. The board named a second vendor.'),
      ),
    ).toBe('evaluation');
  });
});

describe('a signature that is no news (k185, k190)', () => {
  it('leaves a signing dated to a later end of month alone', () => {
    expect(
      stageIn('discovery')(ext("The end of Q2, the end of June, latest, it's signed.")),
    ).toBeNull();
  });

  it('leaves a signing told in a story about last year alone', () => {
    expect(
      stageIn('discovery')(
        ext(
          'Last year we changed the PMS. We signed on the thirty-first of March, because the old contract expired.',
        ),
      ),
    ).toBeNull();
    expect(
      stageIn('negotiation')(ext('We changed the PMS last year. We signed this morning, finally.')),
    ).toBe('closed_won');
  });

  it('leaves what an earlier signature bought alone', () => {
    expect(stageIn('discovery')(ext('The SIS is exactly what we signed for.'))).toBeNull();
  });
});

describe('the contract marked up, said plainly (k185, k186)', () => {
  it('reads "I\'ll mark up the document" and "the marked-up version" as negotiation', () => {
    expect(
      stageIn('proposal')(ext("We are close. I'll mark up the document with these three points.")),
    ).toBe('negotiation');
    expect(stageIn('proposal')(ext('I send the marked-up version on Monday.'))).toBe('negotiation');
  });
});

describe('a price taken with "that I can sign" (k185)', () => {
  it('reads the customer taking the season price as negotiation', () => {
    expect(
      stageIn('proposal')(
        int('Seven months at four fifty, so three thousand one hundred fifty.'),
        ext('Three thousand one hundred fifty for the year. That I can sign.'),
      ),
    ).toBe('negotiation');
  });
});

describe('a formal proposal asked for in other words (k186)', () => {
  it('reads "what I need is a formal quote" and "send me that as a proposal" as proposal', () => {
    expect(
      stageIn('evaluation')(
        ext('Anyway, what I need is a formal quote I can put into the procurement system.'),
      ),
    ).toBe('proposal');
    expect(
      stageIn('evaluation')(
        ext(
          "Send me that as a proposal, Ruairí, and I'll take it to the partners after Christmas.",
        ),
      ),
    ).toBe('proposal');
  });

  it('leaves "please don\'t put it in the quote" alone', () => {
    expect(
      stageIn('proposal')(
        ext("The eight percent you mentioned, please don't put it in the quote."),
      ),
    ).toBeNull();
  });
});

describe('a quote asked for as a question (k186)', () => {
  it('reads "Can you put that in a quote and send it to Sean and me?" as proposal', () => {
    expect(
      stageIn('evaluation')(
        ext('Okay. Can you put that in a quote and send it to Sean and me?'),
        int("I'll send the quote tomorrow, to both of you."),
      ),
    ).toBe('proposal');
  });
});

describe('a pilot wanted, asked for or suggested (k186, k190)', () => {
  it('reads the board wanting a pilot, and "I\'d like un pilote", as evaluation', () => {
    expect(
      stageIn('discovery')(
        ext('The less good news is they want a pilot before anything is signed.'),
      ),
    ).toBe('evaluation');
    expect(
      stageIn('discovery')(ext("Instead of another demo, I'd like un pilote. Real classes.")),
    ).toBe('evaluation');
  });

  it('reads "Can we get a proper trial?" answered yes as evaluation', () => {
    expect(
      stageIn('discovery')(
        ext('Can we get a proper trial, with our own data?'),
        int("Yes. We'd normally do thirty days."),
      ),
    ).toBe('evaluation');
  });

  it('reads the rep suggesting a pilot that the customer takes up as evaluation', () => {
    expect(
      stageIn('discovery')(
        int("What we'd usually suggest is a pilot first. Two of your panel firms, six weeks."),
        ext("Let's do that."),
      ),
    ).toBe('evaluation');
    expect(
      stageIn('discovery')(
        int("What we'd usually suggest is a pilot first."),
        ext("We'll think about it."),
      ),
    ).toBeNull();
  });
});

describe('a small price taken by its period, and a deal let go plainly (k185)', () => {
  it('reads "That I accept." after "one fifty a month" as negotiation', () => {
    expect(
      stageIn('evaluation')(
        int('For eleven rooms I can do one hundred fifty a month.'),
        ext('Okay. One fifty a month. That I accept.'),
      ),
    ).toBe('negotiation');
  });

  it('reads "We\'re not doing it." and "close the file" as lost', () => {
    expect(
      stageIn('proposal')(ext("I'm sorry, it's not good news for you. We're not doing it.")),
    ).toBe('closed_lost');
    expect(stageIn('proposal')(ext('So, close the file, please.'))).toBe('closed_lost');
    expect(
      stageIn('proposal')(ext("We're not doing it that way, we'd rather phase it.")),
    ).toBeNull();
  });
});

describe('the contract to be read by a lawyer (k185)', () => {
  it('reads "Petar wants to read the contract with a friend who is a lawyer" as negotiation', () => {
    expect(
      stageIn('proposal')(
        ext('Petar wants to read the contract with a friend who is a lawyer, and then we sign.'),
      ),
    ).toBe('negotiation');
  });
});

describe('a trial offered and taken, and a shortlist made (k185)', () => {
  it('reads "I can open a trial for the four hotels" taken up as evaluation', () => {
    expect(
      stageIn('qualification')(
        int('Of course. I can open a trial for the four hotels, fourteen days.'),
        ext('Fourteen days is good. Start next Monday?'),
      ),
    ).toBe('evaluation');
  });

  it('reads a shortlist closed with the seller on it as evaluation', () => {
    expect(
      stageIn('discovery')(ext("I'll start with the news. We closed the shortlist on Friday.")),
    ).toBe('evaluation');
  });
});

describe('signatures that close nothing (k191, k194)', () => {
  it('reads no win from a habit, an NDA or a pile of timesheets', () => {
    expect(
      stageIn('proposal')(
        ext(
          'April fifteenth for the award, and the contract is signed the same day, that is how we do it here.',
        ),
      ),
    ).toBeNull();
    expect(
      stageIn('discovery')(ext("It's confidential, but I can share it under the NDA we signed.")),
    ).toBeNull();
    expect(stageIn('evaluation')(ext('I signed every one of those timesheets.'))).toBeNull();
  });

  it('reads no win while the chair still has to countersign', () => {
    expect(
      stageIn('negotiation')(
        ext(
          'I signed the contract tonight. Barb has to countersign, she is our chair, and the bylaws say two signatures.',
        ),
      ),
    ).not.toBe('closed_won');
    expect(stageIn('negotiation')(ext('I signed the contract tonight.'))).toBe('closed_won');
  });
});

describe('a tender awarded to another, every project cancelled (k191, k193)', () => {
  it('reads "The committee awarded the licitación to Hidronet" as lost', () => {
    expect(
      extractStage(
        call(
          ext(
            'The committee awarded the licitación to Hidronet. Procurement is sending the letters.',
          ),
        ),
        { ...baseContext, dealStage: 'proposal', competitors: ['Hidronet'] },
      )?.value,
    ).toBe('closed_lost');
  });

  it('reads every project cancelled, and "Not postponed, cancelled", as lost', () => {
    expect(
      stageIn('evaluation')(ext('Anyway, all the projects are cancelled. Including yours.')),
    ).toBe('closed_lost');
    expect(
      stageIn('evaluation')(
        int('So the inventory project is...'),
        ext('Cancelled. Not postponed, cancelled.'),
      ),
    ).toBe('closed_lost');
  });
});

describe('a discount asked for (k193)', () => {
  it('reads "we\'d like a discount" and "we\'d need a better price" from the customer as negotiation', () => {
    expect(
      stageIn('proposal')(
        ext('So, your offer is sixty thousand. Fine. But we would like a discount.'),
      ),
    ).toBe('negotiation');
    expect(stageIn('proposal')(ext("Honestly, we'd need a better price."))).toBe('negotiation');
  });

  it('leaves the rep offering one unanswered', () => {
    expect(stageIn('proposal')(int("We'd like a discount to be possible, I'll ask."))).toBeNull();
  });
});

describe('a trial the rep proposes and the customer takes (k193)', () => {
  it('reads "let\'s do a trial" agreed, and "trial from the 15th", as evaluation', () => {
    expect(
      stageIn('discovery')(
        int("Then let's do a trial. Three weeks, your real trucks, your weighbridge data."),
        ext("Three weeks. Yes, let's do that. Starting when?"),
      ),
    ).toBe('evaluation');
    expect(stageIn('discovery')(ext('Good, trial from the 15th.'))).toBe('evaluation');
  });
});

describe('a signature promised after a wait (k202)', () => {
  it('reads "Give me two weeks from today and it\'s signed" as a plan, not a win', () => {
    expect(stageIn('negotiation')(ext("Give me two weeks from today and it's signed."))).toBeNull();
    expect(stageIn('negotiation')(ext("In three days it's signed, I promise."))).toBeNull();
    expect(stageIn('negotiation')(ext("Good news: it's signed."))).toBe('closed_won');
  });
});

describe('a signature with its subject unsaid, and a reply that finishes a sentence (k202)', () => {
  it('reads "Well, I did it. Signed it this morning, first thing." as won', () => {
    expect(
      stageIn('negotiation')(ext('Well, I did it. Signed it this morning, first thing.')),
    ).toBe('closed_won');
    expect(stageIn('negotiation')(ext('Signed it, you said? No, not yet.'))).not.toBe('closed_won');
  });

  it('reads "Yes, signed this morning" as won, "signed this quarter" as a plan', () => {
    expect(stageIn('negotiation')(ext('Yes, signed this morning, both copies scanned.'))).toBe(
      'closed_won',
    );
    expect(
      stageIn('negotiation')(
        ext('Yes, signed this quarter, that is the plan, today we agreed it.'),
      ),
    ).not.toBe('closed_won');
  });

  it('reads "So the project with us..." "Is dead." as lost', () => {
    expect(
      stageIn('evaluation')(
        int('So the project with us...'),
        ext("Is dead. I'm sorry. There's no world where I buy new software now."),
      ),
    ).toBe('closed_lost');
    expect(
      stageIn('evaluation')(int('And the weather up there...'), ext('Is dead boring, honestly.')),
    ).toBeNull();
  });
});

describe('the rep meeting a price the customer named (k202)', () => {
  it('reads "I can do thirty-eight a year" after "I want to see thirty-six" as negotiation', () => {
    expect(
      stageIn('proposal')(
        ext('If I give you three years of commitment I want to see thirty-six.'),
        int("I can't get to thirty-six. I can do thirty-eight a year, flat."),
      ),
    ).toBe('negotiation');
  });

  it('reads no haggle in a length, a count, or a budget said in discovery', () => {
    expect(
      stageIn('proposal')(
        ext('And the references, one with a Canadian subsidiary?'),
        int('I can do one US, one with Canadian operations.'),
      ),
    ).toBeNull();
    expect(
      stageIn('evaluation')(
        ext('How long can the trial be, ninety days?'),
        int('We can do four weeks in February.'),
      ),
    ).toBeNull();
    expect(
      stageIn('discovery')(
        ext('I have the budget now. For Rotterdam we can do seventy-five thousand euros per year.'),
      ),
    ).not.toBe('negotiation');
  });
});

describe('the rep summing up what the customer just took up (k202)', () => {
  it('reads "Let\'s do it." "Great. So pilot starting April twelfth" as evaluation', () => {
    expect(
      stageIn('discovery')(
        int('Then we start the twelfth and I set up the tablets the Friday before.'),
        ext("The twelfth. Okay. Órale, let's do it."),
        int('Great. So pilot starting April twelfth, both plants, thirty days.'),
      ),
    ).toBe('evaluation');
  });

  it('reads no summary in something new put forward after a yes', () => {
    expect(
      stageIn('qualification')(
        ext("Good. That's what I want."),
        int("So, to scope this properly, I'd suggest a discovery workshop with the payments team."),
      ),
    ).toBeNull();
  });
});

describe('a signer with an honorific, and a decision against the year (k208)', () => {
  it('reads "Seth sahib signed it yesterday evening" as won', () => {
    expect(stageIn('negotiation')(ext('Seth sahib signed it yesterday evening, after Asr.'))).toBe(
      'closed_won',
    );
  });

  it('reads "We\'ve decided not to go ahead this year." as lost, "not this quarter" as a delay', () => {
    expect(
      stageIn('proposal')(
        ext("Look, I'll tell you plainly. We've decided not to go ahead this year."),
      ),
    ).toBe('closed_lost');
    // "... with any new system this year", "... with anything this year" (k285, k262).
    expect(
      stageIn('proposal')(
        ext("They've decided not to go ahead with any new system this year."),
        ext('Cancelled. The project is closed.'),
      ),
    ).toBe('closed_lost');
    expect(stageIn('proposal')(ext("We're not moving forward this quarter."))).not.toBe(
      'closed_lost',
    );
  });
});

describe('an old project told as a story, and a habit of signing (k207)', () => {
  it('reads no loss in "In 2023 we looked at Hansen. ... Then the project got shelved."', () => {
    expect(
      stageIn('discovery')(
        ext(
          'Yes, in 2023 we looked at Hansen. Got as far as a demo. Then the project got shelved when the CEO left.',
        ),
      ),
    ).toBeNull();
  });

  it('reads no signature in "He signs things and then asks me what he signed."', () => {
    expect(
      stageIn('prospecting')(ext('He signs things and then asks me what he signed.')),
    ).toBeNull();
  });
});

describe('an option, and a signature someone wants to report (k209, k212)', () => {
  it('reads no loss in "the option of doing nothing and staying on Excel"', () => {
    expect(
      stageIn('evaluation')(
        ext('And the option of doing nothing and staying on Excel, which the accountants prefer.'),
      ),
    ).toBeNull();
  });

  it('reads no win in "He wants to report in April that it\'s signed."', () => {
    expect(stageIn('evaluation')(ext("He wants to report in April that it's signed."))).toBeNull();
  });
});

describe('a signature promised by a day, and a maker named before its product (k216)', () => {
  it('reads "the contract is signed by the end of Q3" as a plan, "signed by our MD" as won', () => {
    expect(
      stageIn('negotiation')(
        ext('So, the commitment from me, as chairman: the contract is signed by the end of Q3.'),
      ),
    ).toBeNull();
    expect(
      stageIn('negotiation')(
        ext('Good news: the contract was signed by our DG yesterday evening.'),
      ),
    ).toBe('closed_won');
  });

  it('reads "They chose Thermo, SampleManager." as lost to the product listed', () => {
    const ctx = { ...baseContext, dealStage: 'proposal' as const, competitors: ['SampleManager'] };
    expect(
      extractStage(
        call(ext('The board decided. They chose Thermo — SampleManager. I am sorry.')),
        ctx,
      )?.value,
    ).toBe('closed_lost');
    expect(
      extractStage(
        call(ext("We're moving to a formal evaluation, it's going to be you and SampleManager.")),
        ctx,
      )?.value,
    ).not.toBe('closed_lost');
  });
});

describe('signatures and losses in fewer words (k221, k224, k225)', () => {
  it('reads a signer by title with the part of the day: "the DG", "the prezes"', () => {
    expect(
      stageIn('negotiation')(
        ext('Yes, the DG signed Friday afternoon before leaving for the village.'),
      ),
    ).toBe('closed_won');
    expect(
      stageIn('negotiation')(
        ext(
          'Both. The prezes signed in the morning and the second board member yesterday evening.',
        ),
      ),
    ).toBe('closed_won');
  });

  it('reads "Before you start: I signed it." as signed, not as a condition', () => {
    expect(stageIn('negotiation')(ext('Before you start, Ondřej: I signed it.'))).toBe(
      'closed_won',
    );
    expect(stageIn('negotiation')(ext("Before I sign it, I'll need the DPA."))).toBeNull();
  });

  it('reads "We\'re not going to do it." and "I\'m sorry, it\'s a no." as lost', () => {
    expect(
      stageIn('proposal')(
        int('Just following up on the proposal from February.'),
        ext("We're not going to do it. Not with you, not with anybody."),
      ),
    ).toBe('closed_lost');
    expect(
      stageIn('evaluation')(
        ext("I do, and I'm sorry, it's a no. Our main carrier rolled out their own app."),
      ),
    ).toBe('closed_lost');
    // "It's a no" opening any clause, not only a sentence or an apology.
    expect(stageIn('evaluation')(ext("We talked it over and honestly, it's a no."))).toBe(
      'closed_lost',
    );
    expect(stageIn('evaluation')(ext("Tell me if it's a no."))).not.toBe('closed_lost');
    expect(
      stageIn('evaluation')(ext("We're not going to do it this quarter, maybe in spring.")),
    ).not.toBe('closed_lost');
  });

  it('reads "We cancel the procurement." as lost', () => {
    expect(
      stageIn('proposal')(
        ext("There's no programme, so there's no purchase. We cancel the procurement."),
      ),
    ).toBe('closed_lost');
  });

  it('reads "Twelve five, we work with that." as a price taken', () => {
    expect(
      stageIn('proposal')(
        int('On est à douze millions cinq cent mille. Twelve and a half million, first year.'),
        ext('Okay. Twelve five, we work with that.'),
      ),
    ).toBe('negotiation');
    expect(stageIn('proposal')(ext('We work with that vendor already.'))).toBeNull();
  });
});

describe('the customer telling the rep to close the deal (k231)', () => {
  it('reads "I\'d close it out on your end, honestly." as lost', () => {
    expect(
      stageIn('proposal')(
        ext(
          "Sure, if you want. Maybe next spring. No promises. I'd close it out on your end, honestly.",
        ),
      ),
    ).toBe('closed_lost');
    expect(
      stageIn('proposal')(ext("I'd close it by the end of the month if the board agrees.")),
    ).not.toBe('closed_lost');
  });
});

describe('a concession is no refusal (k227)', () => {
  it('reads "Sixty-two thousand, fine by me, I\'m not going to fight you on it." as a price taken', () => {
    const said = (reply: string) =>
      stageIn('proposal')(
        int('With the three extra sites it comes to sixty-two thousand a year.'),
        ext(reply),
      );
    expect(said("Sixty-two thousand, fine by me, I'm not going to fight you on it.")).toBe(
      'negotiation',
    );
    expect(said("Sixty-two thousand is not fine by me, I'm afraid.")).toBeNull();
  });
});

describe('a part not bought now is no loss (k235)', () => {
  it('reads "we\'re not buying billing now, that\'s for later" as no stage', () => {
    expect(stageIn('discovery')(ext("But we're not buying billing now, that's for later."))).toBe(
      null,
    );
    expect(stageIn('discovery')(ext("We're not buying, we've decided."))).toBe('closed_lost');
  });

  it('reads "we\'re not buying readers" as a line dropped from the quote (k294)', () => {
    expect(
      stageIn('proposal')(ext("Yeah, see, we're not buying readers. We've got tablets already.")),
    ).toBe(null);
    expect(stageIn('proposal')(ext("We're not buying hardware from anyone."))).toBe(null);
    expect(stageIn('proposal')(ext("We're not buying it. Sorry."))).toBe('closed_lost');
  });
});

describe('a loss the rep says and the customer says back (k239)', () => {
  it('reads "So the project doesn\'t go ahead." "It doesn\'t. I\'m sorry." as lost', () => {
    expect(
      stageIn('proposal')(
        int("So the project doesn't go ahead."),
        ext("It doesn't. I'm sorry, Luana. The proposal was very good."),
      ),
    ).toBe('closed_lost');
    expect(
      stageIn('proposal')(
        int("So the project doesn't go ahead."),
        ext('Oh no, it does, we just need more time.'),
      ),
    ).toBeNull();
  });
});

describe('a detail corrected is no refusal (k243)', () => {
  it('reads "Send me the contract draft in Word, not PDF" after moving to the contract', () => {
    expect(
      stageIn('proposal')(
        ext("Good. So let's move to the contract."),
        ext('Hello. Please send me the contract draft in Word, not PDF.'),
      ),
    ).toBe('negotiation');
    expect(
      stageIn('proposal')(
        ext("Good. So let's move to the contract."),
        ext('Please send me the contract draft, but not yet.'),
      ),
    ).toBeNull();
  });
});

describe('a discovery meeting agreed on a deal in prospecting (k235, k237, k238, k239)', () => {
  it('moves the deal one stage on, to qualification', () => {
    const said: [SpeakerSide, string][] = [
      int("Let's set up a proper discovery session with your team next week."),
      ext('Yes, that works.'),
    ];
    expect(stageIn('prospecting')(...said)).toBe('qualification');
    expect(stageIn('qualification')(...said)).toBe('discovery');
  });
});

describe('happy to sign (k242)', () => {
  it('reads "Then I\'m happy to sign." as negotiation, as "ready to sign" is', () => {
    expect(stageIn('proposal')(ext("Good. Then I'm happy to sign."))).toBe('negotiation');
    expect(stageIn('proposal')(ext("I'm not happy to sign this as it stands."))).toBeNull();
  });
});

describe('the deal closed as it stands (k245)', () => {
  it('reads "close our file" and "close our opportunity on our side" as lost', () => {
    expect(
      stageIn('evaluation')(
        ext(
          'They have their own system, all their labs use it. So they told me: no new contracts.',
        ),
        int("Okay. Then I'll close our opportunity on our side, no point keeping it open."),
        ext('Please do.'),
      ),
    ).toBe('closed_lost');
    expect(stageIn('evaluation')(ext('So please, close our file. We are done.'))).toBe(
      'closed_lost',
    );
    // Closed by a date is a win to come, not a loss.
    expect(stageIn('evaluation')(int("I'll close our opportunity on the thirtieth."))).not.toBe(
      'closed_lost',
    );
  });
});

describe('a requirement said as a refusal (k249)', () => {
  it('reads "not buying a system that can\'t do X" as no loss', () => {
    expect(
      stageIn('evaluation')(ext("We're not buying a system that can't do our regulator's return.")),
    ).toBeNull();
    expect(stageIn('evaluation')(ext("We're not buying your system. Sorry."))).toBe('closed_lost');
  });
});

describe('a DocuSign clicked or sent back (k245)', () => {
  it('reads "I clicked the DocuSign yesterday evening" as won', () => {
    expect(
      stageIn('negotiation')(
        ext('I saw it. And you saw mine? I clicked the DocuSign yesterday evening.'),
        int("I saw it this morning. It's done."),
      ),
    ).toBe('closed_won');
    expect(stageIn('negotiation')(ext('I did the DocuSign Friday morning.'))).toBe('closed_won');
  });
});

describe('declining to reopen the price (k256)', () => {
  it('keeps the price taken when the customer will not reopen it', () => {
    const said: [SpeakerSide, string][] = [
      int('And the scope and price stay as in the proposal? Ninety-six thousand?'),
      ext(
        "Ninety-six, yes, we're fine with that. I don't want to reopen the price, we just lose time.",
      ),
    ];
    expect(stageIn('proposal')(...said)).toBe('negotiation');
    expect(
      stageIn('proposal')(
        int('And the scope and price stay as in the proposal? Ninety-six thousand?'),
        ext("Ninety-six, yes, we're fine with that."),
        ext("Actually no, we can't do that number after all."),
      ),
    ).toBeNull();
  });
});

describe('a named signer with the paper left unsaid (k256)', () => {
  it('reads "Michał signed yesterday evening" as won', () => {
    expect(
      stageIn('negotiation')(ext('I assume Marta told you? Michał signed yesterday evening.')),
    ).toBe('closed_won');
    expect(stageIn('negotiation')(ext('Michał signed the petition yesterday.'))).toBeNull();
  });
});

describe('a promise to have it signed (k256)', () => {
  it('reads "So I\'ll make sure it\'s signed" as no signature', () => {
    expect(
      stageIn('negotiation')(
        ext("June 24th. If it's not signed by then it's August. So I'll make sure it's signed."),
      ),
    ).toBeNull();
    expect(stageIn('negotiation')(ext("Good news, it's signed. Both copies."))).toBe('closed_won');
  });
});

describe('not buying yet, not on a demo alone, and an option weighed (k257, k262)', () => {
  it('reads none of them as a loss', () => {
    const inEvaluation = stageIn('evaluation');
    expect(
      inEvaluation(ext("We're not buying it for forty-one farms on the strength of a demo.")),
    ).toBeNull();
    expect(inEvaluation(ext("It's interesting. But we're not buying tomorrow."))).toBeNull();
    expect(
      inEvaluation(
        ext(
          'The trustees said: look at moving, but compare it properly against just staying on Excel.',
        ),
      ),
    ).toBeNull();
    expect(inEvaluation(ext("We're not buying it. Sorry."))).toBe('closed_lost');
  });
});

describe('a signature timed, from the one list of signing times (k114)', () => {
  it('reads a signer by role, a named signer and an unsaid one timed by any of them', () => {
    const inNegotiation = stageIn('negotiation');
    expect(inNegotiation(ext('The presidente signed this afternoon, at four.'))).toBe('closed_won');
    expect(inNegotiation(ext('Our director signed first thing.'))).toBe('closed_won');
    expect(inNegotiation(ext('Michał signed Friday afternoon.'))).toBe('closed_won');
    expect(inNegotiation(ext('Signed it ten minutes ago, in DocuSign.'))).toBe('closed_won');
    // A plan is no signature.
    expect(inNegotiation(ext('Michał signs on Friday.'))).not.toBe('closed_won');
  });
});

describe('a close said and taken back, or planned (k265)', () => {
  const inNegotiation = stageIn('negotiation');
  it('reads a state after a day to come as the plan for that day', () => {
    expect(inNegotiation(ext('Ja, end of next month. Signed. Our team is drowning.'))).toBeNull();
    expect(inNegotiation(ext("Good. Then by EOQ it's signed."))).toBeNull();
    expect(inNegotiation(ext('Okay. Signed. You should have it now.'))).toBe('closed_won');
  });

  it('takes a win back on "nothing\'s signed"', () => {
    expect(
      inNegotiation(
        ext("Morning. I'll put you out of your misery. You've got the deal."),
        int("Oh, that's brilliant."),
        ext("Don't celebrate yet. Nothing's signed."),
      ),
    ).toBeNull();
  });

  it('reads the signed paper received as the win, whoever says it (k285)', () => {
    expect(
      inNegotiation(
        int('We got the signed agreement back from your MD yesterday evening.'),
        ext('Finally! It was on his desk for a week.'),
      ),
    ).toBe('closed_won');
    expect(inNegotiation(int("Once we've got the signed copy, we'll plan."))).toBeNull();
  });

  it('takes a win back when one signature of two is made (k285)', () => {
    expect(
      inNegotiation(
        ext('The MD signed on Tuesday. But we need two directors, and Mr. Gunaratne is away.'),
        ext("Not yet. Don't book it yet, our company secretary will kill me."),
      ),
    ).toBeNull();
    expect(inNegotiation(ext('The contract is signed.'), ext('Well, half signed.'))).toBeNull();
  });

  it('takes a loss back on "it\'s not a no", and only a loss', () => {
    expect(
      inNegotiation(
        ext("I'm going to give it to you straight. We've decided not to go ahead."),
        ext("Sorry. Let me say it properly. It's not a no. It's a not-now."),
      ),
    ).toBeNull();
    expect(
      stageIn('discovery')(
        int("I'll send the proposal tomorrow, then?"),
        ext('Yes, please send the proposal.'),
        ext("We'll see. It's not a no."),
      ),
    ).toBe('proposal');
  });
});

describe('the decision named as the seller (k263)', () => {
  it('reads "The decision is Firnline." as the seller chosen', () => {
    const ours = { ...baseContext, dealStage: 'evaluation', sellers: ['firnline'] };
    const read = (text: string) => extractStage(call(ext(text)), ours)?.value ?? null;
    expect(read('The management met yesterday. The decision is Firnline.')).toBe('negotiation');
    expect(read('The decision is in the board meeting.')).toBeNull();
  });
});

describe("a trial's own paper (k267)", () => {
  it('reads the pilot agreement sent, and agreed, as evaluation', () => {
    const inDiscovery = stageIn('discovery');
    expect(
      inDiscovery(
        int("Then I'll send a short pilot agreement today. It's one page, no cost."),
        ext('Good, send it.'),
      ),
    ).toBe('evaluation');
    // A detail corrected at the end denies nothing: the pilot stays.
    expect(
      inDiscovery(
        ext('Then we do it. Pilot from the first of March.'),
        ext('Send the pilot agreement to me directly, not to the general mailbox.'),
      ),
    ).toBe('evaluation');
  });

  it('leaves a deal that is the pilot itself to its own paper', () => {
    const ctx = {
      ...baseContext,
      dealStage: 'discovery',
      dealName: 'Harbor State - Nursing Pilot',
    };
    expect(
      extractStage(
        call(int("December 18th, great. I'll send the pilot agreement."), ext('Good, send it.')),
        ctx,
      )?.value ?? null,
    ).toBeNull();
  });
});

describe('a paper sealed, and a signer of the family (k280)', () => {
  const inNegotiation = stageIn('negotiation');

  it('reads a contract stamped or sealed as signed', () => {
    expect(inNegotiation(ext('Good news. The contract was stamped this morning.'))).toBe(
      'closed_won',
    );
    expect(inNegotiation(ext('The president put the seal on it at ten.'))).toBe('closed_won');
    // An approval document stamped inside the company is no contract.
    expect(inNegotiation(ext('The managing director stamped the ringi this morning.'))).toBeNull();
  });

  it('reads "my father signed it" as the owner signing', () => {
    expect(inNegotiation(ext("Good news. My father signed it last night. I'll scan it."))).toBe(
      'closed_won',
    );
  });
});

describe('a test agreed (k305)', () => {
  it('reads "we want to move forward with a test" as an evaluation agreed (k305)', () => {
    expect(
      stageIn('discovery')(
        ext('We talked internally after your demo. We want to move forward with a test.'),
      ),
    ).toBe('evaluation');
    expect(stageIn('discovery')(ext('We go ahead with a test of the backup line first.'))).toBe(
      null,
    );
  });
});
