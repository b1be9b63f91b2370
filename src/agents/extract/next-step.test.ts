import { describe, expect, it } from 'vitest';
import { extractNextStep, extractNextStepOrCommitment, nextStepCandidates } from './next-step.js';
import { baseContext, call } from './test-utterances.js';
import type { SpeakerSide } from './types.js';

interface Case {
  name: string;
  lines: [SpeakerSide, string][];
  expected: string | null;
  maxConfidence?: number;
}

const ext = (text: string): [SpeakerSide, string] => ['external', text];
const int = (text: string): [SpeakerSide, string] => ['internal', text];
/** The next step a call ends on, agreed or only committed to. */
const step = (...lines: [SpeakerSide, string][]) =>
  extractNextStepOrCommitment(call(...lines), baseContext)?.value ?? null;
const unk = (text: string): [SpeakerSide, string] => ['unknown', text];

// The meeting is on Wednesday 2026-10-14 (New York).
const cases: Case[] = [
  // Agreed by both sides
  {
    name: 'the plain present for the future, as German speakers say it',
    lines: [
      int('Then I send the DocuSign link on the morning of the 3rd.'),
      ext('Yes, send the link that morning.'),
    ],
    expected: 'Rep to send the DocuSign link on the morning of the 3rd',
  },
  {
    name: 'a deliverable and its day, said tersely',
    lines: [
      ext('A one-pager. Short. Partners do not read.'),
      int('A one-pager by Thursday.'),
      ext('Good.'),
    ],
    expected: 'A one-pager by Thursday (Thu Oct 15)',
  },
  {
    name: 'a request in the plain present, answered with its day',
    lines: [
      ext('You send a proposal for Sandviken. We decide before Christmas.'),
      int('Proposal for Sandviken, by Monday.'),
    ],
    expected: 'Send a proposal for Sandviken by Monday (Mon Oct 19)',
  },
  {
    name: 'a call again in a month, agreed',
    lines: [
      int('Then I call you again in the second week of January.'),
      ext('Yes, call me in January.'),
    ],
    expected: 'Call me in January',
  },
  {
    name: 'coming back on a day with the open point',
    lines: [
      int("Quarterly should be possible. I'll come back Thursday with the payment terms."),
      ext('Okay, Thursday.'),
    ],
    expected: 'Rep to come back Thursday with the payment terms (Thu Oct 15)',
  },
  {
    name: 'a request accepted with a day',
    lines: [int('Can you send the security questionnaire?'), ext("Yes, I'll send it by Friday.")],
    expected: 'Buyer to send the security questionnaire by Friday (Fri Oct 16)',
  },
  {
    name: 'an offer accepted',
    lines: [int("I'll send over the pricing sheet tomorrow."), ext('Great, thanks.')],
    expected: 'Rep to send over the pricing sheet tomorrow (Thu Oct 15)',
  },
  {
    name: 'a customer promise acknowledged by the rep',
    lines: [ext("We'll review the MSA by December 11."), int('Perfect, thank you.')],
    expected: 'Review the MSA by December 11 (Fri Dec 11)',
  },
  {
    name: 'the reply names what the offer only pointed at',
    lines: [
      int("The next step on our side is the security questionnaire. I'll send it over today."),
      ext("Yes please, send the security questionnaire and I'll route it to our CISO."),
    ],
    expected: 'Send the security questionnaire by today (Wed Oct 14)',
  },
  {
    name: 'a meeting agreed keeps what it is for',
    lines: [
      int('Shall we meet again to walk through the proposal?'),
      ext("Yes, let's meet again on November 3rd and go through the proposal together."),
    ],
    expected: 'Meet again to walk through the proposal on November 3rd (Tue Nov 3)',
  },
  {
    name: 'a reason after the action is not part of it',
    lines: [
      int("I'll send the data processing agreement so legal can review it."),
      ext('Sounds good.'),
    ],
    expected: 'Rep to send the data processing agreement',
  },
  {
    name: 'a hedged offer is less sure',
    lines: [int('I could probably set up a call with our CTO.'), ext('Sure, that works.')],
    expected: 'Rep to set up a call with our CTO',
    maxConfidence: 0.7,
  },
  {
    name: '"that would be helpful" accepts',
    lines: [
      int("I'll draft the mutual action plan and send it over."),
      ext('That would be helpful, thanks.'),
    ],
    expected: 'Rep to draft the mutual action plan and send it over',
  },
  {
    name: 'a step named with "get you"',
    lines: [
      int("I'll get you the reference call with a customer your size."),
      ext('Agreed, that is the next step.'),
    ],
    expected: 'Rep to get you the reference call with a customer your size',
  },
  {
    name: 'a customer step with "this" in it',
    lines: [
      ext('We will present this to the steering committee next.'),
      int('Perfect, let me know what you need.'),
    ],
    expected: 'Present this to the steering committee next',
  },
  // Not agreed, not a step
  {
    name: '"great to hear" is news acknowledged, not a request accepted',
    lines: [ext('Send over the pricing proposal and we will review it.'), int('Great to hear.')],
    expected: null,
  },
  {
    name: 'a goodbye after "great" accepts nothing',
    lines: [
      ext('Can you send us a formal proposal with pricing?'),
      int('Great, I will follow up by email.'),
    ],
    expected: null,
  },
  {
    name: 'an okay after the customer went on is about what they said last',
    lines: [
      ext('Can you send us a formal proposal with pricing?'),
      ext('Actually, make that $1.5M; procurement cut it.'),
      int('Okay.'),
    ],
    expected: null,
  },
  {
    name: 'an invite for a date is a chore',
    lines: [ext('Send me an invite for the end of Q4 and we will walk through it.'), int('Great.')],
    expected: null,
  },
  {
    name: 'an offer no one accepts',
    lines: [
      int('Would a deeper demo with your managers be useful?'),
      ext("Maybe. I'm not sure yet, I'll think about it."),
    ],
    expected: null,
  },
  {
    name: 'an offer refused politely',
    lines: [int("I'll send over a case study."), ext("No need, we've seen plenty.")],
    expected: null,
  },
  {
    name: 'a promise with its day holds without a reply, less surely',
    lines: [int("I'll send over the pricing sheet tomorrow.")],
    expected: 'Rep to send over the pricing sheet tomorrow (Thu Oct 15)',
    maxConfidence: 0.71,
  },
  {
    name: 'a promise without a day needs a reply',
    lines: [int("I'll send over the pricing sheet.")],
    expected: null,
  },
  {
    name: 'a promise the other side refuses is none',
    lines: [int("I'll send over the pricing sheet tomorrow."), ext("No, don't, we have it.")],
    expected: null,
  },
  {
    name: 'the same side agreeing with itself',
    lines: [int("I'll send over the pricing sheet."), int('Great.')],
    expected: null,
  },
  {
    name: 'a hypothetical offer',
    lines: [int('Let me know if you want me to set one up.'), ext("Sure, I'll get back to you.")],
    expected: null,
  },
  {
    name: 'a calendar invite is a chore',
    lines: [int("I'll send the invite."), ext('Great, see you then.')],
    expected: null,
  },
  {
    name: 'small talk',
    lines: [int("Let's grab a coffee when I'm in town."), ext('Sounds great!')],
    expected: null,
  },
  {
    name: 'agenda for this call is not a follow-up',
    lines: [int("Let's go through the dashboards."), ext('Sure.')],
    expected: null,
  },
  {
    name: 'sharing a screen is not a follow-up',
    lines: [int('Let me share my screen.'), ext('Sure.')],
    expected: null,
  },
  {
    name: 'a pointer with nothing to point at',
    lines: [int("I'll send it over."), ext('Great.')],
    expected: null,
  },
  {
    name: 'a meeting recapped on the day the customer took',
    lines: [
      ext('He is away until Wednesday. Thursday the 22nd is our best bet.'),
      int('Perfect. So, a demo for Ray on the 22nd, short, numbers first.'),
      ext('And bring the screen.'),
    ],
    expected: 'A demo for Ray on the 22nd, short, numbers first',
  },
  {
    name: 'a day is nothing a pointer points at',
    lines: [
      ext('The twenty-sixth works for the board.'),
      ext('Send it to me, copy Ernesto.'),
      int('Will do.'),
    ],
    expected: 'Send it to me, copy Ernesto (the board)',
  },
  {
    name: 'a suggestion put as "what I\'d suggest is"',
    lines: [
      int("What I'd suggest is a site visit with the team in Berri."),
      ext('That would be great.'),
    ],
    expected: 'A site visit with the team in Berri',
  },
  {
    name: 'a suggestion put as "how about"',
    lines: [
      int('So how about a proper demo focused on regular giving, with you both?'),
      ext("Yes, let's do that."),
    ],
    expected: 'A proper demo focused on regular giving, with you both',
  },
  {
    name: 'nor is a season or a holiday: the thing asked for is',
    lines: [
      ext('The final version of the DPA with the changes. Then he has the holidays to read it.'),
      int("I'll send it Monday."),
      ext('Monday is fine.'),
    ],
    expected: 'Rep to send it Monday (Mon Oct 19) (the DPA with the changes)',
  },
  {
    name: 'signing is the close, not a step',
    lines: [ext("I'll sign the order form tomorrow."), int('Great, tomorrow it is.')],
    expected: null,
  },
  {
    name: 'an unknown speaker cannot make an agreement',
    lines: [unk("I'll send over the pricing sheet."), ext('Great.')],
    expected: null,
  },
  // The last word counts
  {
    name: 'the last agreed step comes first, the one agreed before it after',
    lines: [
      int("I'll send over the pricing sheet tomorrow."),
      ext('Great.'),
      ext('Could you also set up a security review with our CISO next week?'),
      int('Absolutely, will do.'),
    ],
    expected:
      'Rep to set up a security review with our CISO next week; Rep to send over the pricing sheet tomorrow (Thu Oct 15)',
  },
  {
    name: 'a later unaccepted offer does not replace the agreed one',
    lines: [
      int("I'll send over the pricing sheet tomorrow."),
      ext('Great.'),
      int("I'll also send a case study."),
      ext('Not needed, thanks.'),
    ],
    expected: 'Rep to send over the pricing sheet tomorrow (Thu Oct 15)',
  },
  // Ways of putting a step read from the outside sets
  {
    name: 'a suggestion accepted',
    lines: [
      int('As a next step I suggest a technical workshop with your IT team.'),
      ext('Yes, the technical workshop is a good idea.'),
    ],
    expected: 'A technical workshop with your IT team',
  },
  {
    name: 'a meeting named as a question and accepted',
    lines: [
      int('Before that, a reference call with a Belgian customer would help?'),
      ext('Yes, a reference call would help a lot.'),
    ],
    expected: 'A reference call with a Belgian customer',
  },
  {
    name: 'a one-word meeting is a step, not a pointer',
    lines: [int('Kickoff next week with your dispatch team?'), ext('Yes, Tuesday is best.')],
    expected: 'Kickoff next week with your dispatch team on Tuesday (Tue Oct 20)',
  },
  {
    name: 'a promise put from the listener\'s side ("you will have")',
    lines: [int('You will have the updated quote tonight.'), ext('Good, thanks.')],
    expected: 'Rep to send the updated quote tonight (Wed Oct 14)',
  },
  {
    name: 'a step said as under way ("Sending the MSA today")',
    lines: [
      ext('Send it today.'),
      int('Sending the MSA today for legal review. Agreed.'),
      ext('Ok.'),
    ],
    expected: 'Rep to send the MSA today for legal review (Wed Oct 14)',
  },
  {
    name: 'a chore added after the step does not replace it',
    lines: [
      int('I will rework the quote at eighty-five thousand by Friday.'),
      ext('Good. Send it to me and to Herr Brandt.'),
      int('Will do.'),
    ],
    expected: 'Rep to rework the quote at eighty-five thousand by Friday (Fri Oct 16)',
  },
  {
    name: 'an invite for a named meeting is a step; a bare invite is a chore',
    lines: [ext('Please send me the invite for the kickoff.'), int('Will do.')],
    expected: 'Send me the invite for the kickoff',
  },
  {
    name: 'a request answered by a promise, without a yes',
    lines: [
      ext('Send me the order form and I will get it signed.'),
      int("I'll send the order form this afternoon."),
    ],
    expected: 'Rep to send the order form this afternoon',
  },
  {
    name: 'an offer taken',
    lines: [
      int('Do you want a one-pager for the partners?'),
      ext('Yes, a one-pager would be great, by Monday.'),
    ],
    expected: 'Rep to send a one-pager for the partners by Monday (Mon Oct 19)',
  },
  {
    name: 'a promise checking its day',
    lines: [int("I'll check in with you on the eighth then?"), ext('Yes, check in on the eighth.')],
    expected: 'Check in on the eighth',
  },
  // Agreement across turns (agreement.ts)
  {
    name: 'a team that will do it stays in the step',
    lines: [int('Onboarding will contact you this week.'), ext('Yes, please.')],
    expected: 'Onboarding to contact you this week',
  },
  {
    name: 'a day that works accepts the meeting',
    lines: [
      ext("So let's do the demo with Raj on October 22nd, morning if you can."),
      int("The 22nd at ten Eastern works. I'll send the invite."),
    ],
    expected: 'Do the demo with Raj on October 22nd, morning (Thu Oct 22)',
  },
  {
    name: 'thanks in another language accepts a promise',
    lines: [int("I'll send the Portuguese version of the contract by Monday."), ext('Perfeito.')],
    expected: 'Rep to send the Portuguese version of the contract by Monday (Mon Oct 19)',
  },
  {
    name: 'a restatement accepts the step',
    lines: [
      ext(
        "Let's meet on the 2nd of December with our compliance team for the outsourcing questionnaire.",
      ),
      int('December 2nd with compliance, for the outsourcing questionnaire.'),
    ],
    expected:
      'Meet on the 2nd of December with our compliance team for the outsourcing questionnaire (Wed Dec 2)',
  },
  {
    name: "a colleague going on before the customer's yes",
    lines: [
      int("You'll have the proposal by next Friday."),
      int("And I'll include the sizing assumptions as an appendix."),
      ext('Perfect.'),
    ],
    expected: 'Rep to send the proposal by next Friday (Fri Oct 23)',
  },
  {
    name: 'a question back is no acceptance',
    lines: [int("Let's run a two-week proof of concept on the laptops."), ext('Who would own it?')],
    expected: null,
  },
  {
    name: 'a promise answering what the customer asked for, with no reply',
    lines: [
      ext('Send me the proposal revised with that.'),
      int('And the timing?'),
      ext('We sign by December eighteenth.'),
      int("December 18th. I'll send the revised proposal today."),
    ],
    expected: 'Rep to send the revised proposal today (Wed Oct 14)',
  },
  {
    name: 'a promise the customer then refuses answers nothing',
    lines: [
      ext('We need the contract in Portuguese.'),
      int("I'll send a Portuguese contract next week."),
      ext("No, don't, legal reads English after all."),
    ],
    expected: null,
  },
  {
    name: 'a meeting named with its day, then a yes',
    lines: [
      ext('Two works. So, security questionnaire review next Tuesday.'),
      int("Perfect, I'll send it over."),
    ],
    expected: 'Security questionnaire review next Tuesday (Tue Oct 20)',
  },
  {
    name: 'a meeting that took place is not one',
    lines: [ext('The pilot review on the 3rd went well.'), int('Great.')],
    expected: null,
  },
  {
    name: 'a day locked for a meeting',
    lines: [
      int("Let's lock January 12th for the executive call, then."),
      ext('Yes, January twelfth, executive call.'),
    ],
    expected: 'Lock January 12th for the executive call (Tue Jan 12)',
  },
  {
    name: 'a request answered by a promise in other words',
    lines: [
      ext('I will see what I can do. Send me the paperwork.'),
      int('I will send the expansion order form today.'),
    ],
    expected: 'Rep to send the expansion order form today (Wed Oct 14)',
  },
  {
    name: "a request answered by 'you'll have it'",
    lines: [
      ext('Then please send the final agreement with the ramp schedule.'),
      int("You'll have it by Monday."),
    ],
    expected: 'Send the final agreement with the ramp schedule by Monday (Mon Oct 19)',
  },
  {
    name: 'telling where to send it accepts the promise, and does not replace it',
    lines: [
      int("I'll send the execution copy tonight so it's sitting in her inbox."),
      ext('Perfect, send it to me and her both.'),
    ],
    expected: 'Rep to send the execution copy tonight (Wed Oct 14)',
  },
  {
    name: 'a bare promise in reply is not one when it only thinks about it',
    lines: [ext('Send me the paperwork.'), int("I'll think about it.")],
    expected: null,
  },
  {
    name: 'thanks in French accepts a promise',
    lines: [
      int('I will send you the final contract with that clause this week.'),
      ext('Très bien. Merci Élodie.'),
    ],
    expected: 'Rep to send you the final contract with that clause this week',
  },
  {
    name: 'a question back about the day, then the day taken',
    lines: [
      ext('Can we do the demo with the nurse managers group?'),
      int('How about Tuesday the 20th, same time?'),
      ext('The 20th works.'),
    ],
    expected: 'Do the demo with the nurse managers group on Tuesday the 20th (Tue Oct 20)',
  },
  {
    name: 'a question back about the day, then a yes in the same turn',
    lines: [
      ext('Can we schedule a review with our security team on the third?'),
      int("November third? Yes, I'll bring our security engineer."),
    ],
    expected: 'Schedule a review with our security team on the third on November third (Tue Nov 3)',
  },
  {
    name: 'a question back about something else accepts nothing',
    lines: [
      ext('Can we do the demo with the nurse managers?'),
      int('How many managers are there?'),
    ],
    expected: null,
  },
  {
    name: "the yes that names the other side's offer",
    lines: [
      int('We can do an MSL demo next week, with their own sample requests if they send a few.'),
      ext('Good, let us book the MSL demo.'),
    ],
    // The offer holds whatever its last clause supposes; the yes takes it up.
    expected: 'Do an MSL demo next week, with their own sample requests',
  },
  {
    name: 'a team reaching out keeps what for',
    lines: [
      int('Our onboarding team will reach out this week to set up the implementation kickoff.'),
      ext('Perfect.'),
    ],
    expected: 'Our onboarding team to reach out this week to set up the implementation kickoff',
  },
  {
    name: 'locking in a price is no step',
    lines: [int("Let's lock in $275,000."), ext('Yes.')],
    expected: null,
  },
  {
    name: 'a test run together',
    lines: [
      int("Then let's run the sandbox seeding test with your admin."),
      ext('Yeah, sandbox seeding test, next week is fine.'),
    ],
    expected: 'Run the sandbox seeding test with your admin',
  },
  {
    name: 'two things sent together, and the time said with them over a date said after',
    lines: [
      ext('Proposal. Three years, 900 users. And the DPIA, because it is health care.'),
      int("I'll send the proposal and our DPIA template next week."),
      ext('Yes. And we want to sign earlier than planned. End of January.'),
    ],
    expected: 'Rep to send the proposal and our DPIA template next week',
  },
  {
    name: 'a promise in the plain present, the last word of the call',
    lines: [
      ext('Formally yes, until the director signs. Practically no.'),
      int('Fair. I send the updated proposal today.'),
    ],
    expected: 'Rep to send the updated proposal today (Wed Oct 14)',
  },
  {
    name: 'a request put with "just", answered tersely',
    lines: [ext('So just send the order form.'), int('Order form today.')],
    expected: 'Send the order form by today (Wed Oct 14)',
  },
  {
    name: 'a calendar invite for the signing is a step',
    lines: [
      int('Okay. So I just wait for the 15th?'),
      ext('Yes, I will send you a calendar invite for the signing.'),
      int('Perfect, thank you.'),
    ],
    expected: 'Buyer to send you a calendar invite for the signing',
  },
  {
    name: 'a trial kit shipped, and a discovery suggested as "would it make sense"',
    lines: [
      int('Would it make sense to do a proper discovery with your dispatcher next week?'),
      ext('Yes, good. Tuesday morning.'),
    ],
    expected: 'Do a proper discovery with your dispatcher next week',
  },
  {
    name: 'someone named before it will do it',
    lines: [
      int("You won't. Our onboarding person, Shay, she'll email you tomorrow to book the kickoff."),
      ext('Good. Tell her mornings are better.'),
    ],
    expected: 'Email you tomorrow to book the kickoff (Thu Oct 15)',
  },
  {
    name: 'the meeting said as what is next, with a chore for it',
    lines: [int("Next is the kickoff call, I'll send options for Tuesday."), ext('Sounds good.')],
    expected: 'The kickoff call on Tuesday (Tue Oct 20)',
  },
  {
    name: 'a couple of slots is a calendar chore',
    lines: [int("I'll send a couple of slots."), ext('Great.')],
    expected: null,
  },
  {
    name: 'a team of ours that will act is a clause of its own',
    lines: [
      int("I'll send the order form and our legal team will review your changes."),
      ext('Great.'),
    ],
    expected: 'Rep to send the order form',
  },
];

describe('extractNextStep', () => {
  for (const c of cases) {
    it(c.name, () => {
      const utterances = call(...c.lines);
      const got = extractNextStep(utterances, baseContext);
      expect(got?.value ?? null).toBe(c.expected);
      if (!got) return;
      expect(utterances[got.utteranceIndex]!.text).toContain(got.quote);
      expect(got.startSeconds).toBe(utterances[got.utteranceIndex]!.startSeconds);
      if (c.maxConfidence !== undefined)
        expect(got.confidence).toBeLessThanOrEqual(c.maxConfidence);
    });
  }

  it('keeps the day as said, names its owner, and is less sure without a day', () => {
    const dated = extractNextStep(
      call(ext("I'll send the signed NDA by Friday."), int('Perfect.')),
      baseContext,
    )!;
    expect(dated.value).toBe('Buyer to send the signed NDA by Friday (Fri Oct 16)');
    const undated = extractNextStep(
      call(ext("I'll send the signed NDA."), int('Perfect.')),
      baseContext,
    )!;
    expect(undated.value).toBe('Buyer to send the signed NDA');
    expect(undated.confidence).toBeLessThan(dated.confidence);
    const shared = extractNextStep(
      call(int("Let's set up the security review for Monday."), ext('Yes, let us.')),
      baseContext,
    )!;
    expect(shared.value).toBe('Set up the security review for Monday (Mon Oct 19)');
  });

  it('lists every agreed step in order', () => {
    const all = nextStepCandidates(
      call(
        int("I'll send over the pricing sheet."),
        ext('Great.'),
        int("I'll set up a call with our CTO."),
        ext('Yes, please.'),
      ),
      baseContext,
    );
    expect(all.map((c) => c.value)).toEqual([
      'Rep to send over the pricing sheet',
      'Rep to set up a call with our CTO',
    ]);
  });
});

describe("the customer's own step through their process (k85, k93)", () => {
  it('goes beside the agreed step: a lawyer, the board, a PO', () => {
    expect(
      step(
        int("I'll send the formal proposal today."),
        ext("And I'll pass it to Lorena, our lawyer, so she starts reading the contract."),
        int('Great.'),
      ),
    ).toBe('Rep to send the formal proposal today (Wed Oct 14); Buyer to pass it to Lorena');
    expect(
      step(
        int("I'll send the final quote today."),
        ext("Good. I'll create the PO once we have the final quote."),
      ),
    ).toBe(
      'Rep to send the final quote today (Wed Oct 14); Buyer to create the PO once we have the final quote',
    );
    expect(
      step(
        int('Shall I send the order form tomorrow?'),
        ext('Yes please. Our legal will review it in parallel.'),
      ),
    ).toContain('; Legal to review it in parallel');
  });

  it('names whom "him" or "them" stands for', () => {
    expect(
      step(
        int('Can you send me the PDF today?'),
        ext('Sure.'),
        ext('The CEO reviews every contract above fifty million. I will present this to him.'),
      ),
    ).toContain('Buyer to present this to him (the CEO)');
  });

  it('is no next step alone, nor when it only repeats the agreed one', () => {
    expect(step(ext("I'll take it to the board."))).toBeNull();
    expect(
      step(
        int("I'll take the proposal to the board with you on Friday?"),
        ext("Yes. I'll take the proposal to the board."),
      ),
    ).not.toContain(';');
  });
});

describe("the rep's summing up of the plan (k85)", () => {
  it('goes beside the steps read one by one', () => {
    expect(
      step(
        int('How many tractors could we start with?'),
        ext('Twenty-five, in Apodaca.'),
        int("I'll send you the inspection template today."),
        ext('Good.'),
        int('So: a four-week pilot in Apodaca, twenty-five tractors, starting Tuesday the first.'),
        ext('Yes.'),
      ),
    ).toBe(
      'Rep to send you the inspection template today (Wed Oct 14); A four-week pilot in Apodaca, twenty-five tractors, starting Tuesday the first',
    );
  });

  it('is left out when the customer turns it down, or when it names no step or day', () => {
    const said = [int("I'll send you the inspection template today."), ext('Good.')] as [
      SpeakerSide,
      string,
    ][];
    expect(
      step(...said, int('So, a pilot in Apodaca starting Tuesday the first.'), ext('No, not yet.')),
    ).toBe('Rep to send you the inspection template today (Wed Oct 14)');
    expect(step(...said, int('So, the price stays where it was, as we said.'), ext('Fine.'))).toBe(
      'Rep to send you the inspection template today (Wed Oct 14)',
    );
  });

  it("keeps the whole value within Salesforce's 255 characters", () => {
    const value = step(
      int(`I'll send you the ${'very '.repeat(30)}detailed rollout plan today.`),
      ext('Good.'),
      int('So: a four-week pilot in Apodaca, twenty-five tractors, starting Tuesday the first.'),
      ext('Yes.'),
    );
    expect(value).not.toContain('Apodaca');
    expect(value!.length).toBeLessThanOrEqual(255);
  });
});

describe('steps said plainly that were missed (k70, k73, k75, k80)', () => {
  it('reads a promise past a polite "if possible" after it', () => {
    expect(
      step(
        int("I'll send the formal quotation by Sunday."),
        ext('In Bangla, please, if possible.'),
      ),
    ).toBe('Rep to send the formal quotation by Sunday (Sun Oct 18)');
  });

  it('reads getting back, coming back and following up on a day, after asking first', () => {
    expect(
      step(int("I'll ask and get back to you Monday with what I can do."), ext('Monday. Fine.')),
    ).toBe('Rep to get back to you Monday with what I can do (Mon Oct 19)');
    expect(
      step(int('Let me talk to my manager and come back Friday.'), ext('Friday is fine.')),
    ).toBe('Rep to come back Friday (Fri Oct 16)');
    expect(
      step(int('Okay. Shall I follow up in January?'), ext('Ja fine, follow up in January.')),
    ).toBe('Follow up in January');
    expect(step(int("I'll get back to you."), ext('Sure.'))).toBeNull();
  });

  it('reads a best and final promised, and a deliverable named in one word', () => {
    expect(
      step(
        ext('Procurement wants the best and final offer by the 4th of December.'),
        int("You'll have our best and final by the 4th."),
      ),
    ).toBe('Rep to send our best and final by the 4th');
    expect(step(int('Perfect. Proposal by next Friday then.'), ext('Okay.'))).toBe(
      'Proposal by next Friday then (Fri Oct 23)',
    );
  });
});

describe('terse promises and named meetings (k62, k73, k75)', () => {
  it("reads the rep's terse deliverable as a promise", () => {
    expect(
      step(ext('Same package. Give me a proper quote for eight.'), int('Quote tomorrow.')),
    ).toBe('Quote tomorrow (Thu Oct 15)');
    expect(step(ext('Quote tomorrow.'))).toBeNull();
  });

  it('reads "I send you" and a plain imperative after "fine"', () => {
    expect(step(ext('Two each. I send you the vessel names on Friday.'), int('Perfect.'))).toBe(
      'Buyer to send you the vessel names on Friday (Fri Oct 16)',
    );
    expect(step(ext('Fine, send the addendum by Monday.'), int('Will do.'))).toContain('addendum');
  });

  it('reads an onboarding call, a presentation and an inspection as meetings', () => {
    expect(step(int('Onboarding call Tuesday, then?'), ext('Yes, Tuesday works.'))).toContain(
      'Onboarding call Tuesday',
    );
    expect(
      step(int('Let us set a call with your controller on Thursday.'), ext('Good.')),
    ).toContain('Set a call with your controller');
  });
});

describe('a weekday said with its date (k46)', () => {
  it('dates "Tuesday the 20th" by the 20th, not the coming Tuesday', () => {
    const value = extractNextStepOrCommitment(
      call(
        int('Can we meet Tuesday the 20th to go through the plan?'),
        ext('Yes, the 20th works.'),
      ),
      baseContext,
    )?.value;
    expect(value).toContain('(Tue Oct 20)');
  });
});

describe('a length of time is no due day', () => {
  it('leaves "two hours" undated, and dates "in an hour" today', () => {
    expect(step(int("I'll book the room. Two hours."), ext('Good.'))).toBe('Rep to book the room');
    expect(step(int("I'll send the corrected PDF in the next hour."), ext('Great.'))).toBe(
      'Rep to send the corrected PDF in the next hour (Wed Oct 14)',
    );
  });
});

describe('a review agreed for later (k80)', () => {
  it('reads going over results at the end of a trial as a step', () => {
    expect(
      step(
        int("And we'll review the trial results together at the end of the two weeks."),
        ext("Yes. Let's do that."),
      ),
    ).toBe('Review the trial results together at the end of the two weeks (Wed Oct 28)');
  });

  it('reads no step from a review with nothing to go over', () => {
    expect(step(ext("We'll review in two weeks."), int('Sure.'))).toBeNull();
  });
});

describe('a meeting set for its day, beside a chore for it (k95)', () => {
  it('reads a kickoff on a day said in words as the step, the agenda sent for it after it', () => {
    expect(
      step(
        int("Great. Kickoff on January third, and I'll send an agenda next week."),
        ext('Perfect.'),
      ),
    ).toBe('Kickoff on January third (Sun Jan 3); Rep to send an agenda next week');
  });

  it('reads a kickoff put on a day, and a survey or readout to do', () => {
    expect(
      step(
        int("Let's put the kickoff on Tuesday the 20th. I'll confirm with onboarding."),
        ext('Tuesday the 20th works.'),
      ),
    ).toBe('Put the kickoff on Tuesday the 20th (Tue Oct 20)');
    expect(step(ext("Let's do the site survey on Thursday."), int('Thursday works.'))).toBe(
      'Do the site survey on Thursday (Thu Oct 15)',
    );
  });
});

describe('a visit to a place (k96)', () => {
  it('reads coming to a named place or to the customer as a step', () => {
    expect(step(int("I'll come to Lucknow on Friday."), ext('Good, come.'))).toBe(
      'Rep to come to Lucknow on Friday (Fri Oct 16)',
    );
    expect(step(ext('Could you visit the store next week?'), int('Yes, gladly.'))).toBe(
      'Rep to visit the store next week',
    );
  });

  it('reads no visit from "come to" a thing', () => {
    expect(step(ext("Let's come to numbers."), int('Sure.'))).toBeNull();
  });
});

describe("the other side's part said with the step (k106)", () => {
  it('keeps "and you\'ll ..." in the step', () => {
    expect(
      step(
        int("One-pager to you by next week, and you'll look for a slot with the city manager."),
        ext('Deal.'),
      ),
    ).toBe("One-pager to you by next week, and you'll look for a slot with the city manager");
    expect(step(int("I'll send the scripts today, and we'll talk Friday."), ext('Good.'))).toBe(
      'Rep to send the scripts today (Wed Oct 14)',
    );
  });
});

describe('what the customer would like next (k106)', () => {
  it('reads "what I\'d like next is a demo" as the step, before the chore for it', () => {
    expect(
      step(
        ext("What I'd like next is a demo for the whole building team."),
        int('Absolutely. When?'),
        ext('December fifteenth, in the afternoon?'),
        int("Done. I'll bring Colin, our solutions engineer."),
      ),
    ).toContain('A demo for the whole building team');
  });
});

describe('holding someone to their word, or a price (k103)', () => {
  it('reads neither as a next step', () => {
    expect(
      step(ext("We'd sign by the end of March."), int("(laughs) I'll hold you to that.")),
    ).toBeNull();
    expect(step(int('I can hold the one forty-two.'), ext('Good.'))).toBeNull();
    expect(step(int("I'll hold the price at ninety until March."), ext('Good.'))).toBeNull();
  });
});

describe('a meeting set in the clause after the step (k103)', () => {
  it('goes with the step', () => {
    expect(
      step(
        int(
          "I'll reach out to your IT today for access, and we'll schedule the write-back demo for the first week of December.",
        ),
        ext('Great.'),
      ),
    ).toContain('and schedule the write-back demo for the first week of December');
  });
});

describe('a promise put from the other side, of things in the plural (k328)', () => {
  it('reads "you\'ll have the slides and the answers by Friday"', () => {
    expect(
      step(
        ext('The slides from today, and written answers to the three open questions.'),
        int("You'll have the slides and the answers by Friday."),
        ext('Wonderful.'),
      ),
    ).toContain('the slides and the answers by Friday');
  });
});

describe("the rep's summing up beside commitments no one agreed (k156, k285)", () => {
  it('goes beside them as it goes beside agreed steps', () => {
    expect(
      step(
        ext("Before anything else, I'd like to see the presses. A site walkdown, half a day."),
        ext('The week of the eleventh of January works for us.'),
        int('The thirteenth?'),
        ext("The thirteenth works. I'll fill in our numbers before that."),
        int(
          'So: site walkdown on the thirteenth of January with Olga, and I send Marc our business case template this week.',
        ),
        ext('Good.'),
      ),
    ).toBe(
      'Buyer to fill in our numbers before that; Site walkdown on the thirteenth of January with Olga, and I send Marc our business case template this week',
    );
  });
});

describe("the buyer's summing up (k285, k109)", () => {
  /** A call that has agreed on the redlines, then the buyer's summing up and the answer. */
  const after = (summingUp: string, answer: string) =>
    step(
      int("Then I'll send the redlines today."),
      ext('Good.'),
      int('Anything else from your side?'),
      ext(summingUp),
      int(answer),
    );

  it("goes beside the steps as the rep's does", () => {
    expect(
      after(
        'No. So next, you send a revised commercial offer with the kits by the 18th, and I take it to the board.',
        'Yes, by the 18th.',
      ),
    ).toContain('revised commercial offer');
  });

  it('reads the plan in the sentence after "So, to wrap up." (k109)', () => {
    expect(
      after(
        "Okay. So, to wrap up. You'll send a revised commercial offer with the kits, and the draft contract with our redlines addressed, by the 18th.",
        'Yes, by the 18th.',
      ),
    ).toContain('revised commercial offer');
  });

  it('is left out when the rep turns it down', () => {
    expect(
      after(
        "So you'll send a revised commercial offer with the kits by the 18th.",
        "No, that's not what we agreed. The redlines first.",
      ),
    ).not.toContain('revised commercial offer');
  });
});

describe('where the thing sent goes next, said after the step (k132, k235)', () => {
  it('keeps whose desk it is bound for', () => {
    expect(
      step(
        int("Easy. I'll send the Word version to you today, and you can pass it to legal."),
        ext("Perfect. I'll send it straight on."),
      ),
    ).toContain('for legal');
    expect(
      step(
        ext('Send the updated proposal by Friday and I will take it to the board.'),
        int('Will do.'),
      ),
    ).toContain('for the board');
  });

  it('adds nothing for a pronoun', () => {
    expect(
      step(ext('Send me the quote and I will put it in front of him.'), int('Will do.')),
    ).not.toContain('for him');
  });
});

describe('the step a process names, and what a meeting is for (k108, k112)', () => {
  it('reads "the next step in our process is ..." and "the next thing we do is ..."', () => {
    expect(
      step(
        ext('The next step in our process is a scripted demo.'),
        int('Scripted demo, three scenarios. Happy to.'),
      ),
    ).toContain('scripted demo');
    expect(
      step(int('So the next thing we do is a payroll workshop with your team.'), ext('Good.')),
    ).toContain('payroll workshop');
  });

  it('takes a sandbox, a pilot, a trial or a signing ceremony put on a day as a step', () => {
    expect(step(int('So, sandbox in January, and then we regroup?'), ext('Yes.'))).toBe(
      'Sandbox in January',
    );
    expect(step(ext("Let's do a pilot in March."), int('Great.'))).toContain('pilot');
    expect(
      step(
        ext(
          "So let's meet on the twenty-eighth of January, at the head office, for the signing ceremony.",
        ),
        int('Our CEO will come.'),
      ),
    ).toContain('for the signing ceremony');
  });

  it('keeps a kickoff planned in the clause after the step', () => {
    expect(
      step(
        int(
          "Then I'll prepare the contract with the 1st of March, and Sarah and I can plan the onboarding kickoff for mid-February.",
        ),
        ext('Yes, good.'),
      ),
    ).toContain('plan the onboarding kickoff');
  });
});

describe('a kickoff on "the twelfth", after "now the next thing is" (k118)', () => {
  it('reads the eleventh and the twelfth as days, and "now" as no day', () => {
    expect(
      step(
        int('Good, then everything matches. Now the next thing is the kick-off.'),
        ext('Yes. When?'),
        int(
          "Perfect. Kick-off on the twelfth of January in Emmen. I'll send the agenda before Christmas.",
        ),
        ext('Good.'),
      ),
    ).toBe(
      'Kick-off on the twelfth of January in Emmen (Tue Jan 12); Rep to send the agenda before Christmas',
    );
  });
});

describe('someone named doing the step in the plain present (k118)', () => {
  it('reads "Marc sends the new contract tomorrow" as Marc to send it', () => {
    expect(
      step(
        int('Perfect. Marc sends the new contract tomorrow, with the four-year term.'),
        ext('Good.'),
      ),
    ).toBe('Marc to send the new contract tomorrow, with the four-year term (Thu Oct 15)');
    expect(
      step(
        ext('That works. Romain sends the extract, you come back with something concrete.'),
        int('Deal.'),
      ),
    ).toBe('Romain to send the extract');
    // A pronoun or an opener is nobody's name.
    expect(step(ext('Then it sends the export.'), int('Good.'))).toBeNull();
  });

  it('reads a plan opened with "So:" ("So: I send the redlines by next Friday")', () => {
    expect(
      step(
        int('So: I send the redlines by next Friday, you come back within a week.'),
        ext('That works for us.'),
      ),
    ).toBe('Rep to send the redlines by next Friday (Fri Oct 23)');
  });
});

describe('a call with someone, on a day (k108, k118)', () => {
  it('is a meeting step: "Thursday at eleven then, SSO call with Herr Gruber"', () => {
    expect(
      step(ext('Thursday at eleven then, SSO call with Herr Gruber.'), int('Perfect.')),
    ).toContain('SSO call with Herr Gruber');
    expect(step(int('First week of January, planning call with Yann.'), ext('Good.'))).toContain(
      'lanning call with Yann',
    );
  });
});

describe('a meeting put on a day (k94, k134)', () => {
  it('reads "Demo on the 17th" as a meeting to come, not the call\'s own agenda', () => {
    expect(
      step(
        int('A demo, then. Two weeks from now? The 16th or 17th?'),
        ext('The 17th in the afternoon.'),
        int('Perfect. Demo on the 17th in the afternoon, with Rocío.'),
        ext('Listo. Gracias, Rodrigo.'),
      ),
    ).toContain('Demo on the 17th');
    // Without a day it is still the agenda of the call under way.
    expect(step(int("Let's demo the routing screen first."), ext('Yes.'))).toBeNull();
  });

  it('takes "Tuesday afternoon\'s good for both of us" as a yes', () => {
    expect(
      step(
        int('What I suggest is a proper demo with Simon there, forty minutes.'),
        ext("Tuesday afternoon's good for both of us. Two o'clock?"),
      ),
    ).toBe('A proper demo with Simon there, forty minutes on Tuesday afternoon (Tue Oct 20)');
  });

  it('takes the day the other side gives a meeting as its yes', () => {
    expect(
      step(
        int('Happy to do a demo for the physicians.'),
        ext('Our provider meeting is December second, over lunch. Twenty minutes.'),
      ),
    ).toBe('Rep to do a demo for the physicians on December second (Wed Dec 2)');
    // A day that turns it down, or a meeting already held, is no yes.
    expect(
      step(int('How about a demo in the office?'), ext('Not before Christmas, though.')),
    ).toBeNull();
    expect(step(int('The demo last Tuesday went well.'), ext('Thursday is busy.'))).toBeNull();
  });

  it('takes "I\'d like that" as a yes', () => {
    expect(
      step(int('What I suggest is a proper demo with your own schedule.'), ext("I'd like that.")),
    ).toBe('A proper demo with your own schedule');
  });

  it('reads "Happy to do a demo" as the speaker\'s offer', () => {
    expect(step(int('Happy to do a demo for the physicians.'), ext('Great, please do.'))).toBe(
      'Rep to do a demo for the physicians',
    );
    expect(step(int("We'd be glad to run a workshop with your planners."), ext('Yes.'))).toBe(
      'Run a workshop with your planners',
    );
  });
});

describe('presenting to someone who is not on the call (k18, k65)', () => {
  it('is a step asked for with "we\'d like you to"', () => {
    expect(
      step(
        ext("Final presentations. We'd like you to present to the steering committee."),
        int('Happy to. When?'),
      ),
    ).toBe('Rep to present to the steering committee');
    expect(
      step(int('Okay. Can I present to the technical committee?'), ext("Yes, let's set it.")),
    ).toBe('Present to the technical committee');
  });

  it("is still the call's own agenda when it is presented to the listener", () => {
    expect(step(int("Let's present to you what changed."), ext('Sure.'))).toBeNull();
  });
});

describe('a negation in the reason after a step (k108)', () => {
  it('refuses nothing: "so it\'s not sitting in your inbox"', () => {
    expect(
      step(
        int(
          "Then I'll send you the final contract at the start of February, so it's not sitting in your inbox during the year-end.",
        ),
        ext('Yes, perfect, start of February.'),
      ),
    ).toBe('Rep to send you the final contract at the start of February');
  });

  it("still refuses in the step's own clause", () => {
    expect(step(int("I'll send the contract, but not before January."), ext('Fine.'))).toBeNull();
    expect(step(int("We won't send the contract before January."), ext('Fine.'))).toBeNull();
  });
});

describe('more ways a step is said (k132, k134, k144)', () => {
  it('reads "I\'ll ring you on Monday" like "I\'ll call you on Monday"', () => {
    expect(step(ext("I'll ring you on Monday."), int("Monday's great."))).toBe(
      'Buyer to ring you on Monday (Mon Oct 19)',
    );
  });

  it('reads "I\'ll have both scenarios to you by Friday"', () => {
    expect(step(int("Okay. I'll have both scenarios to you by Friday."), ext('Thanks.'))).toBe(
      'Rep to have both scenarios to you by Friday (Fri Oct 16)',
    );
  });

  it('reads "we could come for a field visit", but not "come for the first hour"', () => {
    expect(
      step(int('We could come for a field visit. Maybe next week?'), ext('Yes, that works.')),
    ).toBe('Come for a field visit');
    expect(step(int("I'll come for the first hour."), ext('Good.'))).toBeNull();
  });
});

describe('someone named who will do the step (k157)', () => {
  it('reads "Mariana will send Memo the sandbox access tomorrow"', () => {
    expect(
      step(
        int('Perfect. Mariana will send Memo the sandbox access tomorrow.'),
        ext('Tomorrow is good.'),
      ),
    ).toBe('Mariana to send Memo the sandbox access tomorrow (Thu Oct 15)');
    // A pronoun or an opener is nobody's name.
    expect(step(int('Then it will send the export.'), ext('Good.'))).toBeNull();
  });
});

describe('a supposition in the clause after the step (k157)', () => {
  it('reads "Prepare the ROI model, and if it shows savings, we continue" as the step', () => {
    expect(
      step(
        ext('Okay. Prepare the ROI model, and if it shows real savings, we continue.'),
        int('Sounds good.'),
      ),
    ).toBe('Prepare the ROI model');
  });

  it('still drops a step said under a supposition', () => {
    expect(step(ext('If the numbers work, send the contract.'), int('Will do.'))).toBeNull();
  });
});

describe('"both", "Now, send me", "raise the PO" (k161)', () => {
  it('reads "I\'ll send both today" as what was asked for', () => {
    expect(
      step(
        ext('So send me the proposal as a PDF and the MSA, and I will get our lawyer on it.'),
        int("I'll send both today."),
      ),
    ).toContain('Send me the proposal as a PDF and the MSA by today (Wed Oct 14)');
  });

  it('reads a request opened with "Now,"', () => {
    expect(step(ext('Now, send me the contract.'), int("I'll send it within the hour."))).toBe(
      'Send me the contract within the hour (Wed Oct 14)',
    );
  });

  it('reads "Then I raise the PO next week" as the customer\'s step', () => {
    expect(step(ext('Then I raise the PO next week.'), int('Perfect.'))).toBe(
      'Buyer to raise the PO next week',
    );
  });
});

describe('a gerund in a list of wants (k183)', () => {
  it('reads "Scheduling and results." as things wanted, not a step under way', () => {
    expect(
      step(
        ext("Inspections. Scheduling and results. That's what I want here."),
        int('Okay, inspections first.'),
      ),
    ).toBeNull();
    expect(step(int('Sending the MSA today for legal review.'), ext('Great.'))).toBe(
      'Rep to send the MSA today for legal review (Wed Oct 14)',
    );
  });
});

describe("a step's day moved after it was agreed (k181)", () => {
  it('takes the last day said: "Tomorrow is Friday." "Ha, Sunday then."', () => {
    expect(
      step(
        ext('Then send the updated proposal with the new scope.'),
        int("I'll send the updated proposal tomorrow."),
        ext('Tomorrow is Friday.'),
        int('Ha, Sunday then.'),
        ext('Sunday.'),
      ),
    ).toBe('Rep to send the updated proposal Sunday (Sun Oct 18)');
    // The same day said again changes nothing.
    expect(step(int("I'll send the revised proposal on Monday."), ext('Okay, Monday then.'))).toBe(
      'Rep to send the revised proposal on Monday (Mon Oct 19)',
    );
  });
});

describe('idioms of doubt, a gift accepted and what to wear (k191, k194)', () => {
  it('reads no step from "I\'ll believe it when I see it", "I\'ll take you up on that" or a coat', () => {
    const plan = step(
      int("I'll send you a draft project plan before the 12th."),
      ext("I'll believe it when I see it. But fine."),
    );
    expect(plan).toContain('draft project plan');
    expect(plan).not.toContain('believe');
    expect(
      step(
        int('Next time you are in Punta Arenas, the lamb is on us.'),
        ext("I'll take you up on that."),
      ),
    ).toBeNull();
    expect(
      step(int('See you on site then.'), ext("Yes, and I'll bring a good jacket.")),
    ).toBeNull();
  });
});
