import { describe, expect, it } from 'vitest';
import { lastCommitments } from './commitment.js';
import { extractNextStep, extractNextStepOrCommitment } from './next-step.js';
import { baseContext, call } from './test-utterances.js';
import type { SpeakerSide } from './types.js';

const ext = (text: string): [SpeakerSide, string] => ['external', text];
const int = (text: string): [SpeakerSide, string] => ['internal', text];

const texts = (...lines: [SpeakerSide, string][]) =>
  lastCommitments(call(...lines)).map((c) => c.text);

describe('lastCommitments', () => {
  it('takes what either side undertook at the end, in any verb, with who does it', () => {
    expect(
      texts(
        ext('So the committee meets on the sixth.'),
        int("I'll keep the afternoon free and I'll also email the PDF of the proposal today."),
        ext('Merci.'),
      ),
    ).toEqual(['Rep to email the PDF of the proposal today']);
    expect(
      texts(
        ext("I'll take your number to the CFO on Monday."),
        int('Anything else that would help with the CFO?'),
        ext('A one-pager on migration effort.'),
        int('Can we talk Tuesday after that meeting?'),
      ),
    ).toEqual([
      'Buyer to take your number to the CFO on Monday',
      'Rep to talk Tuesday after that meeting',
    ]);
  });

  it('names what "that" stands for from earlier in its own sentence', () => {
    expect(
      texts(
        ext('Thursday is fine.'),
        int("Then next step is a proposal for the seven sites - I'll get that to you Thursday."),
        ext('Great.'),
      ),
    ).toEqual(['Rep to get that to you Thursday (a proposal for the seven sites)']);
    expect(
      texts(
        int('What do you still need?'),
        ext("Give me a week for the user count and I'll send it."),
        int('Perfect.'),
      ),
    ).toEqual(['Buyer to send it (the user count)']);
    // Working something out is no step, whatever "it" is.
    expect(
      texts(
        int('Any questions on the quote?'),
        ext('The rate card section is a bit confusing, but we will figure it out.'),
      ),
    ).toEqual([]);
  });

  it('names what "both" or "it" stands for from the ask before it', () => {
    const [one] = lastCommitments(
      call(
        int('Anything else you need from me?'),
        ext('The W-9 and your insurance certificate for vendor onboarding.'),
        int("I'll send both tomorrow."),
        ext('Great, thanks.'),
      ),
    );
    expect(one?.text).toBe('Rep to send both tomorrow (The W-9 and your insurance certificate)');
    expect(one?.quote).toBe("I'll send both tomorrow.");
  });

  it('points "it" at the thing asked for, past a nearer noun that is no thing to send', () => {
    expect(
      texts(
        int('Anything you need for the AGM?'),
        ext('A one-page summary in plain English. Half the committee are retired shepherds.'),
        int("Ha. Plain English, one page, I'll send it in January."),
      ),
    ).toEqual(['Rep to send it in January (A one-page summary)']);
    expect(
      texts(
        int('Would it help if I came back with my best and final?'),
        ext("Yes. Best and final by Wednesday, and we'll decide at the panel on Thursday."),
        int("I'll send it to you both."),
      ),
    ).toEqual([
      'Buyer to decide at the panel on Thursday',
      'Rep to send it to you both (Best and final)',
    ]);
    expect(
      texts(
        ext('Maybe a one-pager on the savings versus Redshift.'),
        int("Done, I'll send it this week."),
      ),
    ).toEqual(['Rep to send it this week (a one-pager)']);
    // A thing named in the pointer's own sentence stays what it points at.
    expect(
      texts(
        ext('The proposal is fine.'),
        int("The sensor drivers for the gateways - I'll send them on Friday."),
      ),
    ).toEqual(['Rep to send them on Friday (The sensor drivers for the gateways)']);
  });

  it('takes a day for no thing: "have it to you by the twentieth" says what "it" is', () => {
    const [asked, promised] = lastCommitments(
      call(
        ext('Send us the proposal for the board.'),
        int("I'll have it to you by the twentieth."),
      ),
    );
    expect(asked?.text).toBe('Rep to send us the proposal for the board');
    expect(promised?.text).toBe('Rep to have it to you by the twentieth (the proposal)');
  });

  it('keeps the last two, oldest first', () => {
    expect(
      texts(
        int("I'll send the revised quote today."),
        ext("And we'll get the PO raised this week."),
        int('Can you also send the vendor form?'),
        ext('Sure.'),
      ),
    ).toEqual(['Buyer to get the PO raised this week', 'Buyer to also send the vendor form']);
  });

  it.each([
    ['refused', [int("I'll send the case study."), ext("No, we don't need it.")]],
    ['a supposition', [int("If it helps, I'll send the case study."), ext('Okay.')]],
    ['a refusal of its own', [ext("We won't sign the order form this month."), int('Understood.')]],
    ["one's own bookkeeping", [int("I'll update on my side."), ext("We'll have a think.")]],
    ['small talk', [int("Let's grab a coffee when I'm in town."), ext('Sounds great!')]],
    ['a calendar chore', [int("I'll send the invite."), ext('Great, see you then.')]],
    ['agenda for this call', [int("Let's go through the dashboards."), ext('Sure.')]],
    ['an undertaking with no object', [int("I'll follow up by email."), ext('Thanks.')]],
    [
      'chasing and talking to people',
      [ext("I'll talk to our director and come back to you."), int("And I'll nudge them too.")],
    ],
    ['a courtesy', [int("Understood. I'll stay out of your hair."), ext('Appreciate it.')]],
    [
      'working to a date',
      [
        ext(
          'We want it signed by the 29th of January. Our semester starts in March and the campuses need February for setup.',
        ),
        int("The 29th of January, we'll work to that."),
      ],
    ],
    [
      'a question of when they will know',
      [int('When will you know about the acquisition?'), ext('Lawyers say February.')],
    ],
    [
      'the buyer taking it to their own people',
      [ext("I'll share with my father, he decides these things."), int('Of course.')],
    ],
    [
      'a figure taken to the owners',
      [int('That comes to two million.'), ext("Okay, that's the number I'll take to them.")],
    ],
    [
      'a deal called off',
      [ext('The project is dead, please take us off the list.'), int('Understood.')],
    ],
    [
      'a ballpark given in the call',
      [ext('Can you give me a ballpark?'), int('Ten to fifteen thousand.')],
    ],
  ] as const)('takes nothing %s', (_name, lines) => {
    expect(texts(...(lines as unknown as [SpeakerSide, string][]))).toEqual([]);
  });

  it('looks only at the end of the call', () => {
    const lines: [SpeakerSide, string][] = [int("I'll send the security pack."), ext('Thanks.')];
    for (let i = 0; i < 10; i += 1)
      lines.push(ext(`The fleet has ${i + 10} depots.`), int('Got it.'));
    expect(texts(...lines)).toEqual([]);
  });
});

describe('extractNextStepOrCommitment', () => {
  it('is the agreed step when there is one, and a commitment below its score otherwise', () => {
    const agreed = call(int("I'll send over the pricing sheet tomorrow."), ext('Great, thanks.'));
    expect(extractNextStepOrCommitment(agreed, baseContext)).toEqual(
      extractNextStep(agreed, baseContext),
    );
    const unanswered = call(
      ext('We need the final contract with the French jurisdiction clause.'),
      int('I will ask our legal today and send you the final contract with that clause.'),
    );
    expect(extractNextStep(unanswered, baseContext)).toBeNull();
    const fallback = extractNextStepOrCommitment(unanswered, baseContext);
    expect(fallback?.value).toBe(
      'Rep to ask our legal today and send you the final contract with that clause',
    );
    expect(fallback?.confidence).toBeLessThan(0.4);
    expect(extractNextStepOrCommitment(call(ext('Thanks.'), int('Bye.')), baseContext)).toBeNull();
  });

  it("adds the call's last commitments that the agreed step does not say (k95)", () => {
    const step = extractNextStepOrCommitment(
      call(
        int("Great. I'll send the updated order form and our MSA today."),
        ext("Thanks. I'll get them to our outside counsel on Monday."),
        int('Understood.'),
      ),
      baseContext,
    );
    expect(step?.value).toMatch(/^Rep to send the updated order form and our MSA today/);
    expect(step?.value).toContain('; Buyer to get them to our outside counsel on Monday');
    // The quote stays the agreed step's.
    expect(step?.quote).toBe("I'll send the updated order form and our MSA today.");
  });
});

describe('an agreed step that only points at its thing', () => {
  it('says what "it" is, from the turn that named it', () => {
    const step = extractNextStep(
      call(
        int('What can I do to help the council paper?'),
        ext('A short case study from another council would be gold.'),
        int("I've got one from a shire in New South Wales. I'll send it through by Friday."),
        ext("Ta. I'll attach it to the report."),
      ),
      baseContext,
    );
    expect(step?.value).toContain('(A short case study)');
  });

  it('looks past "a new version" to the thing it is a version of (k95)', () => {
    const step = extractNextStepOrCommitment(
      call(
        ext(
          'Before that, procurement will need the security questionnaire. They sent me a new version, it has ninety questions now.',
        ),
        int("Send it over. We'll fill it out."),
        ext("I'll forward it today. It has a two-week turnaround on their side."),
        int("We'll get it back to you in under two weeks."),
      ),
      baseContext,
    );
    expect(step?.value).toContain('(the security questionnaire)');
  });
});

describe('who does a step', () => {
  it('is named without the title before the name', () => {
    const found = lastCommitments([
      {
        speaker: 'Dr. Meena Rao',
        side: 'external',
        text: "I'll send the KML files by Monday.",
        startSeconds: 0,
      },
      { speaker: 'Rohan Mehta', side: 'internal', text: 'Perfect, thank you.', startSeconds: 10 },
    ]).map((c) => c.text);
    expect(found).toEqual(['Meena to send the KML files by Monday']);
  });
});

describe('a request that names whom it asks (k183)', () => {
  it('gives the step to the colleague turned to by name, not to the other side', () => {
    const utterances = [
      { speaker: 'Tariq Haddad', side: 'internal' as const, text: 'Tuesday at ten, then.' },
      { speaker: 'Amira Saleh', side: 'external' as const, text: 'Tuesday is good.' },
      {
        speaker: 'Tariq Haddad',
        side: 'internal' as const,
        text: 'Priya, can you get Amira the agent spec ahead of time?',
      },
      { speaker: 'Priya Raman', side: 'internal' as const, text: 'Sure.' },
      { speaker: 'Amira Saleh', side: 'external' as const, text: 'Thank you. Good.' },
    ].map((u, i) => ({ ...u, startSeconds: i * 10 }));
    expect(lastCommitments(utterances).map((c) => c.text)).toEqual([
      'Priya to get Amira the agent spec ahead of time',
    ]);
  });

  it('finds the colleague asked by first name behind a title', () => {
    const utterances = [
      { speaker: 'Layla Haddad', side: 'internal' as const, text: 'Sunday at ten, then.' },
      { speaker: 'Omar Nasser', side: 'external' as const, text: 'Sunday works.' },
      {
        speaker: 'Omar Nasser',
        side: 'external' as const,
        text: 'Salim, can you send Layla the asset register before then?',
      },
      { speaker: 'Eng. Salim Al Wahaibi', side: 'external' as const, text: 'Yes, will do.' },
      { speaker: 'Layla Haddad', side: 'internal' as const, text: 'Great, thanks.' },
    ].map((u, i) => ({ ...u, startSeconds: i * 10 }));
    expect(lastCommitments(utterances).map((c) => c.text)).toEqual([
      'Salim to send Layla the asset register before then',
    ]);
  });
});
