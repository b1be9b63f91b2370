import { describe, expect, it } from 'vitest';
import { closeDateCandidates, extractCloseDate } from './close-date.js';
import { baseContext, call } from './test-utterances.js';
import type { ExtractContext, SpeakerSide } from './types.js';

interface Case {
  name: string;
  lines: [SpeakerSide, string][];
  ctx?: Partial<ExtractContext>;
  expected: string | null;
  minConfidence?: number;
  maxConfidence?: number;
}

const ext = (text: string): [SpeakerSide, string] => ['external', text];
const int = (text: string): [SpeakerSide, string] => ['internal', text];

/** The close date read from a call, in the base context. */
const date = (...lines: [SpeakerSide, string][]) =>
  extractCloseDate(call(...lines), baseContext)?.value ?? null;

const cases: Case[] = [
  // What is read
  {
    name: 'a day and month',
    lines: [ext("Let's target the 15th of December.")],
    expected: '2026-12-15',
    minConfidence: 0.85,
  },
  {
    name: 'a weekday after a signing cue',
    lines: [ext('We can sign by Friday.')],
    expected: '2026-10-16',
    minConfidence: 0.9,
  },
  {
    name: 'a day said after the month the signing was put in narrows it (k21)',
    lines: [
      int('So January?'),
      ext("Yes, sign in January, let's say by the 15th of January, and install in February."),
    ],
    expected: '2027-01-15',
  },
  {
    name: '"the contract signed on Friday, the twenty-first" is a signature made (k221)',
    lines: [
      int(
        'Thank you for your trust. The contract signed on Friday, the twenty-first, we received the scan on Saturday.',
      ),
    ],
    ctx: { startedAt: '2027-05-26T09:00:00Z', timeZone: 'Africa/Dakar' },
    expected: '2027-05-21',
  },
  {
    name: '"we want the contract signed on Friday" is a signature to come',
    lines: [ext('We want the contract signed on Friday, the twenty-eighth.')],
    ctx: { startedAt: '2027-05-26T09:00:00Z', timeZone: 'Africa/Dakar' },
    expected: '2027-05-28',
  },
  {
    name: 'a bare ordinal day',
    lines: [ext('We plan to sign by the 30th.')],
    expected: '2026-10-30',
  },
  {
    name: 'an ordinal day already past this month',
    lines: [ext('We plan to sign by the 5th.')],
    expected: '2026-11-05',
  },
  {
    name: 'end of Q1 is the next Q1',
    lines: [ext('We need to sign by end of Q1.')],
    expected: '2027-03-31',
    minConfidence: 0.85,
  },
  {
    name: 'EOQ is the current quarter',
    lines: [ext('We can close by EOQ.')],
    expected: '2026-12-31',
  },
  {
    name: 'end of next quarter',
    lines: [ext('We will close by the end of next quarter.')],
    expected: '2027-03-31',
  },
  {
    name: 'EOY',
    lines: [ext('Our goal is to have the contract signed by EOY.')],
    expected: '2026-12-31',
  },
  {
    name: 'a quarter with its year',
    lines: [ext("We're targeting Q3 2027.")],
    expected: '2027-09-30',
    maxConfidence: 0.75,
  },
  {
    name: 'a month alone is its last day, less sure',
    lines: [ext('We will sign by March.')],
    expected: '2027-03-31',
    maxConfidence: 0.85,
  },
  {
    name: 'a decision date',
    lines: [ext('The committee will make a decision by November 20.')],
    expected: '2026-11-20',
  },
  {
    name: 'the month ends in the workspace zone',
    lines: [ext('We can close by the end of the month.')],
    expected: '2026-10-31',
  },
  {
    name: 'the close date named as such',
    lines: [ext('The close date should be December 15.')],
    expected: '2026-12-15',
  },
  {
    name: 'signatures by a day',
    lines: [ext('We will have signatures by December 15th.')],
    expected: '2026-12-15',
    minConfidence: 0.9,
  },
  {
    name: '"may" is a hedge',
    lines: [ext('We may be able to sign by December 15.')],
    expected: '2026-12-15',
    maxConfidence: 0.8,
  },
  {
    name: '"May" is a month',
    lines: [ext('We will sign by May 1.')],
    expected: '2027-05-01',
    minConfidence: 0.9,
  },
  // Fiscal years and quarters
  {
    name: 'end of fiscal year with a February start',
    lines: [ext('We can sign by end of fiscal year.')],
    ctx: { fiscalYearStartMonth: 2 },
    expected: '2027-01-31',
  },
  {
    name: 'FY28 with a July start ends in June 2028',
    lines: [ext('The contract by the end of FY28 is the plan.')],
    ctx: { fiscalYearStartMonth: 7 },
    expected: '2028-06-30',
  },
  {
    name: 'fiscal Q3 with a February start is August to October',
    lines: [ext('We will close by end of Q3.')],
    ctx: { fiscalYearStartMonth: 2 },
    expected: '2026-10-31',
  },
  {
    name: 'EOQ with a February start',
    lines: [ext('We can close by EOQ.')],
    ctx: { fiscalYearStartMonth: 2 },
    expected: '2026-10-31',
  },
  // Time zone: 22:00 in New York is already the next day in UTC
  {
    name: 'tomorrow in New York',
    lines: [ext('We can close by tomorrow.')],
    ctx: { startedAt: '2026-10-15T02:00:00Z' },
    expected: '2026-10-15',
  },
  {
    name: 'tomorrow in UTC',
    lines: [ext('We can close by tomorrow.')],
    ctx: { startedAt: '2026-10-15T02:00:00Z', timeZone: 'UTC' },
    expected: '2026-10-16',
  },
  // Guards: no commitment
  { name: 'a casual quarter', lines: [ext('Q1 is always busy for us.')], expected: null },
  {
    name: 'a date with no commitment cue',
    lines: [ext('December 15 is our holiday party.')],
    expected: null,
  },
  {
    name: 'a hypothetical',
    lines: [ext('If we ever sign by Q1, that would be great.')],
    expected: null,
  },
  { name: 'hypothetically', lines: [ext('Hypothetically, we could close by Q4.')], expected: null },
  {
    name: 'a conditional hold',
    lines: [ext('Signing is on hold until the Q2 budget.')],
    expected: null,
  },
  {
    name: 'pending a budget',
    lines: [ext("We'd target Q2, pending the budget approval.")],
    expected: null,
  },
  {
    name: 'the next meeting',
    lines: [ext("Let's target a follow-up call on Tuesday.")],
    expected: null,
  },
  {
    name: 'meeting again on the 15th',
    lines: [ext("Let's meet again on the 15th, that's the target.")],
    expected: null,
  },
  { name: 'a question', lines: [int('Can you sign by December 15?')], expected: null },
  { name: 'a negation', lines: [ext("We won't be able to sign by December 15.")], expected: null },
  { name: 'an old plan', lines: [ext('We originally targeted November 30.')], expected: null },
  {
    name: 'a date before the meeting',
    lines: [ext('The target was to close on October 1.')],
    expected: null,
  },
  {
    name: 'the start of a quarter',
    lines: [ext("We're targeting the beginning of Q2.")],
    expected: null,
  },
  {
    name: 'two dates, neither replaced',
    lines: [ext('We could sign by November 30 or December 15.')],
    expected: null,
  },
  {
    name: 'a document sent, not signed',
    lines: [ext("I'll send the contract by Friday.")],
    expected: null,
  },
  {
    name: 'the customer closing its books',
    lines: [ext('We close our books by the 5th.')],
    expected: null,
  },
  {
    name: 'a pilot decision',
    lines: [ext('We need a decision by next week on the pilot.')],
    expected: null,
  },
  {
    name: 'a revenue target',
    lines: [ext('I think 2 million is our revenue target for Q1.')],
    expected: null,
  },
  {
    name: "a competitor's renewal",
    lines: [ext('The contract renewal with Gong is on March 31.')],
    expected: null,
  },
  {
    name: 'a purchase order by a date',
    lines: [ext("We'll have the PO to you by December 10.")],
    expected: '2026-12-10',
  },
  // Last word and revisions
  {
    name: 'a later revision wins, a little less sure',
    lines: [
      ext("We're targeting November 30."),
      int('Okay.'),
      ext("Actually legal needs time, so let's target December 15 instead."),
    ],
    expected: '2026-12-15',
    maxConfidence: 0.86,
  },
  {
    name: 'from one date to another',
    lines: [ext('We moved the target from November 30 to December 15.')],
    expected: '2026-12-15',
  },
  {
    name: 'a date named as the one replaced',
    lines: [ext('We will sign by December 15, not November 30.')],
    expected: '2026-12-15',
  },
  {
    name: 'a meeting date after the commitment does not override it',
    lines: [ext("Let's close by December 15."), int("Great. Let's meet again on the 20th.")],
    expected: '2026-12-15',
  },
  {
    name: 'a later hold takes the date back',
    lines: [
      ext("We're targeting December 15."),
      ext('Actually, signing is on hold until the Q2 budget.'),
    ],
    expected: null,
  },
  {
    name: 'a later negation takes the date back',
    lines: [ext('Target is December 15.'), ext("Hmm, we won't make December 15 after all.")],
    expected: null,
  },
  {
    name: 'a new commitment after a retraction stands',
    lines: [
      ext('Target is December 15.'),
      ext('That date slipped.'),
      ext("Let's target January 15 then."),
    ],
    expected: '2027-01-15',
  },
  {
    name: '"no later than" is a commitment',
    lines: [ext('We will sign no later than December 15.')],
    expected: '2026-12-15',
  },
  {
    name: 'a budget that expires is a reason, not another subject',
    lines: [ext('We have to get this signed by the end of this quarter, the budget expires then.')],
    expected: '2026-12-31',
  },
  {
    name: 'a contract that expires is another subject',
    lines: [
      ext('Our current contract expires at the end of this quarter, so we target a decision then.'),
    ],
    expected: null,
  },
  {
    name: 'a promise to sign on a day',
    lines: [ext("I'll sign the order form tomorrow morning, so close it tomorrow.")],
    expected: '2026-10-15',
  },
  {
    name: 'a day said for signature',
    lines: [ext("Scratch that, legal needs more time. Let's say December 18th for signature.")],
    expected: '2026-12-18',
  },
  // Across sentences: an answer or a recap borrows the cue of the sentence before
  {
    name: 'an answer to a question about signature timing',
    lines: [int('What does signature timing look like on your side?'), ext('End of November.')],
    expected: '2026-11-30',
    minConfidence: 0.8,
  },
  {
    name: 'a recap of the day takes its month from the date said before',
    lines: [ext('Procurement wants this signed on November 20th.'), int('The 20th it is.')],
    expected: '2026-11-20',
  },
  {
    name: '"and not a day later" keeps the date',
    lines: [ext('We have to be signed by December 15.'), ext('And not a day later.')],
    expected: '2026-12-15',
  },
  {
    name: '"on hold" right after the date takes it back',
    lines: [
      ext('We expect to sign by December 15.'),
      ext('Hmm, actually that is on hold for now.'),
    ],
    expected: null,
  },
  {
    name: 'a word like "now" after the subject is not a date',
    lines: [ext('We plan to sign by December 15.'), ext("It's with our CFO now.")],
    expected: '2026-12-15',
  },
  {
    name: 'a borrowed cue ends two utterances later',
    lines: [
      ext('We plan to sign by December 15.'),
      int('Great.'),
      ext('Our offsite is fun.'),
      ext('January 8 is the offsite.'),
    ],
    expected: '2026-12-15',
  },
  {
    name: 'an answer to how the signature is tracking',
    lines: [
      int("How're we tracking on the signature?"),
      ext('End of next month, before the holidays.'),
    ],
    expected: '2026-11-30',
  },
  {
    name: 'an earlier date said in answer to "and timing?"',
    lines: [
      int('And timing, still end of December?'),
      ext('Could be earlier actually. We want it end of November.'),
    ],
    expected: '2026-11-30',
  },
  {
    name: 'a date aimed for',
    lines: [ext("Let's aim for the 20th of November.")],
    expected: '2026-11-20',
  },
  {
    name: 'a date at the latest',
    lines: [ext("It'll be end of January at the latest, they've promised me.")],
    expected: '2027-01-31',
  },
  {
    name: 'a signing date refused opens no subject for the next dates',
    lines: [
      ext("Please don't ask me for a signing date until then."),
      int('Can we start the evaluation next Monday?'),
      ext('Monday is fine.'),
    ],
    expected: null,
  },
  {
    name: 'signing at the meeting whose day is said',
    lines: [ext('Signature on the 17th of November, yes, the CEO signs in that meeting.')],
    expected: '2026-11-17',
  },
  {
    name: 'a clean contract sent by a day is no signature',
    lines: [int("I'll get the clean contract to you by the 11th.")],
    expected: null,
  },
  // Holidays, weeks and relative spans
  { name: 'Halloween', lines: [ext('We want it signed by Halloween.')], expected: '2026-10-31' },
  {
    name: 'the weekday before Thanksgiving',
    lines: [ext('We would like to close the Wednesday before Thanksgiving.')],
    expected: '2026-11-25',
  },
  {
    name: 'the end of the week is its Friday',
    lines: [ext('We will sign by the end of the week.')],
    expected: '2026-10-16',
  },
  {
    name: 'signed within a span',
    lines: [ext('We can be signed in six weeks.')],
    expected: '2026-11-25',
  },
  {
    // Since the signing-day rules, a signature made dates the deal; on a Wednesday,
    // "Friday" is the Friday gone.
    name: 'a signature already made dates the deal on its day',
    lines: [ext('The contract was signed on Friday.')],
    expected: '2026-10-09',
  },
  { name: 'signing on a weekday', lines: [ext('We sign this Friday.')], expected: '2026-10-16' },
  {
    name: 'a month-end to sign',
    lines: [ext('End of November to sign, realistically.')],
    expected: '2026-11-30',
  },
  {
    name: '"a good sign" is no signature',
    lines: [ext('We are negotiating paper now, that is a good sign.')],
    expected: null,
  },
  // Who said it
  {
    name: 'the rep alone is less sure',
    lines: [int("We're targeting December 15.")],
    expected: '2026-12-15',
    maxConfidence: 0.78,
  },
  {
    name: 'the rep confirmed by the customer',
    lines: [int("So we're targeting December 15."), ext('Yes, that works.')],
    expected: '2026-12-15',
    minConfidence: 0.85,
  },
  {
    // Every outside labeller read a go-live as the start of use, not the signature.
    name: 'a go-live date is not the close date',
    lines: [ext('We want to go live on January 4.')],
    expected: null,
  },
  {
    name: 'the close of a subject set by "align on timing" and a seller recording it',
    lines: [
      int('I wanted to align on timing.'),
      ext('Write 30/01, the thirtieth of January.'),
      int('Thirty January, understood.'),
    ],
    expected: '2027-01-30',
  },
  {
    name: 'a decision planned for a day',
    lines: [ext('The decision and signature are planned for the 14th of January.')],
    expected: '2027-01-14',
  },
  {
    name: 'a day of the month said as a cardinal ("January fifteen")',
    lines: [ext('We sign January fifteen.')],
    expected: '2027-01-15',
  },
  {
    name: 'the first date after the signing word, when the sentence has several',
    lines: [
      ext("I take it to the board on December tenth, and we'd sign the next day, the eleventh."),
    ],
    expected: '2026-12-11',
  },
  {
    name: 'a meeting named only as the point a date is set against',
    lines: [
      ext(
        "Our legal team wants to sign by the thirtieth of October, before our partners' meeting.",
      ),
    ],
    expected: '2026-10-30',
  },
  {
    name: '"December the fourth"',
    lines: [ext('Signing moves to December the fourth.')],
    expected: '2026-12-04',
  },
  {
    name: 'a delivery promised for a day is not the close date',
    lines: [ext('We sign on December 2.'), int("You'll have it Friday.")],
    expected: '2026-12-02',
  },
  {
    name: 'talk about the next conversation is no close date',
    lines: [ext('We sign by the end of June.'), ext('The rest we can talk about in January.')],
    expected: '2027-06-30',
  },

  // Other events of the plan, said after the signing talk
  {
    name: 'a weekday with its day of the month',
    lines: [ext("We'd like it signed by Friday the 23rd.")],
    expected: '2026-10-23',
  },
  {
    name: "a committee's date said after the signing date borrows no cue",
    lines: [
      ext('We want to sign by November 20.'),
      int('November 20, noted.'),
      ext('It goes to the finance committee on the 6th of November.'),
    ],
    expected: '2026-11-20',
  },
  {
    name: 'a person back from travel is no close date',
    lines: [ext('We will sign by the end of this month.'), ext('He is back on the 27th.')],
    expected: '2026-10-31',
  },
  {
    name: 'ruling another month out keeps the date said',
    lines: [
      ext('So realistically we are working toward December 15th.'),
      ext('Not November, there is no way legal finishes by November.'),
    ],
    expected: '2026-12-15',
  },
  {
    name: 'the weekday of the date just said',
    lines: [
      ext("Let's target October 30th."),
      int('October 30th. That is a Friday, right?'),
      ext('Friday, yes.'),
    ],
    expected: '2026-10-30',
  },

  {
    name: '"sign until" a day, as non-native speakers say "by"',
    lines: [ext('We want to sign until the twentieth, because of the board meeting.')],
    expected: '2026-10-20',
  },
  {
    name: 'a date made again after one is scratched',
    lines: [
      ext('We can sign Friday the 16th.'),
      int('The 16th is great.'),
      ext('Wait, our counsel is out the whole week. Conference.'),
      int('Ah.'),
      ext("So no, scratch the 16th. Let's make it the 23rd."),
    ],
    expected: '2026-10-23',
  },
  {
    name: 'someone signing tomorrow',
    lines: [ext('Our general counsel signs tomorrow morning, first thing.')],
    expected: '2026-10-15',
  },
  {
    name: 'putting a price in writing opens no signing talk',
    lines: [
      int("One eighty for the year. I'll put it in writing."),
      ext("Please do. I'll take your one eighty to the CFO on Monday."),
    ],
    expected: null,
  },

  // A signature already made
  {
    name: 'signed this morning',
    lines: [ext('I signed the order form this morning, you should have it.')],
    expected: '2026-10-14',
  },
  {
    name: 'the contract back signed last night',
    lines: [
      ext('The contract came back fully signed last night and the PO went out this morning.'),
    ],
    expected: '2026-10-13',
  },
  {
    name: 'an event already past, said in the talk about signing',
    lines: [ext('We sign by the end of the year.'), ext('The budget was approved in October.')],
    expected: '2026-12-31',
  },
  {
    name: 'the day a piece of news did not wait for',
    lines: [
      ext('We sign by the end of the year.'),
      int('I appreciate you telling me now rather than on the twentieth.'),
    ],
    expected: '2026-12-31',
  },
  {
    name: 'wait and see',
    lines: [
      int('And then signing on the 11th of November, as we discussed?'),
      ext("Let's see what Annika says on the 10th."),
    ],
    expected: null,
  },
  {
    name: 'no rush before a day',
    lines: [int('When do you want to sign?'), ext('No rush before Christmas.')],
    expected: null,
  },
  {
    name: "a month's short name alone is a word",
    lines: [ext('We sign by January 31st.'), ext('God jul, Agneta!')],
    expected: '2027-01-31',
  },
  {
    name: 'a day still to come after talk of a signature past',
    lines: [
      int('Thank you again for the signature two weeks ago.'),
      ext('And we sign it before the 20th.'),
    ],
    expected: '2026-10-20',
  },
  {
    name: '"Signed within" a span is a plan, not a signature made',
    lines: [ext('Two weeks. Signed within two weeks.')],
    expected: '2026-10-28',
  },
  {
    name: 'a signature made, and when',
    lines: [ext('I signed it. About an hour ago.')],
    expected: '2026-10-14',
  },
  {
    name: 'a signature with a question tagged on, dated in the answer',
    lines: [
      ext("The contract was signed on Friday, didn't you get it?"),
      int('No! Which Friday, the 9th?'),
      ext('Yes, Friday the 9th. The director signed it.'),
    ],
    expected: '2026-10-09',
  },
  {
    name: 'a date after talk of past signatures is still ahead',
    lines: [
      ext('Last year we signed everything in December, it was a nightmare.'),
      ext('This deal goes next quarter, I am sure now. Mid-February, the 15th.'),
      int('The 15th of February.'),
    ],
    expected: '2027-02-15',
  },
  {
    name: 'signed as the call goes',
    lines: [ext("Okay, I've got the link open."), ext('There, signed. All three pages.')],
    expected: '2026-10-14',
  },
  {
    name: 'the day after tomorrow, east of the machine (chrono is a day early there)',
    lines: [
      ext(
        "He flies back tomorrow, and he'll be in the office the day after tomorrow. He'll sign then.",
      ),
    ],
    ctx: { startedAt: '2026-12-06T23:00:00Z', timeZone: 'Asia/Manila' },
    expected: '2026-12-09',
  },
  {
    name: 'a signature the day before yesterday, west of the machine',
    lines: [ext('I signed it the day before yesterday, it should be with you.')],
    ctx: { startedAt: '2026-12-07T03:00:00Z', timeZone: 'America/Chicago' },
    expected: '2026-12-04',
  },
  {
    name: '"I\'ll sign it then" after "tomorrow morning"',
    lines: [
      ext(
        "I'll be at the office tomorrow morning anyhow. Kayla'll print it and I'll sign it then.",
      ),
    ],
    expected: '2026-10-15',
  },
  {
    name: 'how long something went on, in the past, is no date',
    lines: [
      ext('Seth sahib signed it yesterday evening.'),
      ext('You people chased me for eight months, I had to sign just to get rid of you.'),
    ],
    expected: '2026-10-13',
  },
  {
    name: 'a date someone had talked about is an old plan (k253)',
    lines: [
      ext('I would like to make the decision inside this year, so signed before December 15th.'),
      ext('Gordon had talked about November, but that was before I arrived.'),
    ],
    expected: '2026-12-15',
  },
  {
    name: 'a date the other side had wanted is an old plan (k253)',
    lines: [
      ext("We won't make November. Realistically, signed by the end of December."),
      int('Understood. End of December.'),
      ext('Sorry. I know you wanted it in November.'),
    ],
    expected: '2026-12-31',
  },
  {
    name: 'a named signer with no paper said, and a name in another alphabet (k256)',
    lines: [ext('So, I assume Marta told you? Michał signed yesterday evening.')],
    expected: '2026-10-13',
  },
  {
    name: 'a named signer of nothing dated is no date',
    lines: [ext('Michał signed the petition, and he will look at your contract next month.')],
    expected: null,
  },
  {
    name: 'a season of the business is no date ("Christmas is our biggest month")',
    lines: [
      ext('Say we signed tomorrow. When would we be live?'),
      int('For your setup, about six weeks.'),
      ext(
        'And if we signed in September, could you still do it before Christmas? Christmas is our biggest month for bottles.',
      ),
      int("Yes. If it's September, we'd be live by November."),
    ],
    ctx: { startedAt: '2027-06-07T08:00:00Z', timeZone: 'Europe/Prague' },
    expected: null,
  },
  {
    name: 'a day at an hour is a meeting\'s ("the fourteenth, at ten")',
    lines: [ext("Let's set it for the fourteenth, Monday the fourteenth, at ten.")],
    ctx: { startedAt: '2027-06-07T08:00:00Z', timeZone: 'Europe/Prague' },
    expected: null,
  },
  {
    name: 'an hour beside a purchase order issued keeps its day',
    lines: [ext("I issued the purchase order yesterday, it went by email at four o'clock.")],
    expected: '2026-10-13',
  },
  {
    name: 'wrapped up by the board meeting: the meeting is the point the date is set against',
    lines: [
      ext(
        'I want this wrapped up by the June 21 board meeting. That is the last one before summer.',
      ),
    ],
    ctx: { startedAt: '2027-04-07T14:00:00Z' },
    expected: '2027-06-21',
  },
  {
    name: 'signed with the vendor the customer has gone with: their signature',
    lines: [ext("We've gone with Gong. Signed last week. It wasn't the product, yours was nicer.")],
    expected: null,
  },
  {
    name: 'another day ruled out keeps the one said ("Today\'s impossible.")',
    lines: [
      ext("We're there. I'll sign it first thing tomorrow morning, my time. Today's impossible."),
    ],
    expected: '2026-10-15',
  },
  {
    name: '"I\'d like it agreed by the end of May" dates the close',
    lines: [ext("I'd like it agreed by the end of May.")],
    expected: '2027-05-31',
  },
  {
    name: 'a sentence that opens on the signature, after a "yes"',
    lines: [ext('Good afternoon. Yes, signed this morning, both copies scanned.')],
    expected: '2026-10-14',
  },
  {
    name: "a bound the deal's close date already keeps changes nothing",
    lines: [ext('We still want this signed before Christmas, like we said.')],
    ctx: { dealCloseDate: '2026-12-18' },
    expected: null,
  },
  {
    name: "a bound the deal's close date misses is news",
    lines: [ext('We still want this signed before Christmas, like we said.')],
    ctx: { dealCloseDate: '2027-01-31' },
    expected: '2026-12-25',
  },
  {
    name: 'a bound after the day just agreed keeps the day',
    lines: [ext('Make it the 22nd of December.'), ext('The 22nd, yes. Before Christmas anyway.')],
    expected: '2026-12-22',
  },
  {
    name: 'the same bound said twice still restates the deal',
    lines: [
      ext('We should be able to sign before Christmas.'),
      int('Before Christmas would be wonderful.'),
    ],
    ctx: { dealCloseDate: '2026-12-18' },
    expected: null,
  },
  {
    name: 'a weekday and a day: the next month where they agree',
    lines: [ext('We sign Friday the fourth.')],
    expected: '2026-12-04',
  },
  {
    name: 'a weekday that fits the next such day keeps it',
    lines: [ext('We sign on Wednesday the 4th.')],
    expected: '2026-11-04',
  },
  {
    name: "a month said loosely that holds the deal's date restates it",
    lines: [ext('Then we decide in December, sign in January as planned.')],
    ctx: { dealCloseDate: '2027-01-29' },
    expected: '2027-01-29',
  },
  {
    name: "the end of next week is that week's Friday, not the deal's month end (k145)",
    lines: [
      ext('We can sign by end of next week.'),
      int('End of next week. That works great for us.'),
    ],
    ctx: { dealCloseDate: '2026-10-30' },
    expected: '2026-10-23',
  },
  {
    name: 'a time since is a past one (k145)',
    lines: [
      ext("It just needs our CFO's signature, and she's been on the road since Thanksgiving."),
    ],
    expected: null,
  },
  {
    name: 'the signatures handed over on a day are the close (k145)',
    lines: [ext("You'll have signatures by Friday the 23rd. Our CFO is in all week.")],
    expected: '2026-10-23',
  },
  {
    name: 'the signed contract handed over "Friday week" is the close (k113)',
    lines: [ext("So you'll have the signed contract and the PO Friday week.")],
    expected: '2026-10-23',
  },
  {
    // Said on Wednesday the 14th: a week from that day, and its weekday said after it.
    name: '"a week today" and "a week from tomorrow" count from that day (k181, k145)',
    lines: [ext("So he signs when he's back. A week today. Wednesday.")],
    expected: '2026-10-21',
  },
  {
    name: 'a week counted from tomorrow, the weekday said after it',
    lines: [ext("I'll have it signed a week from tomorrow. Thursday.")],
    expected: '2026-10-22',
  },
  {
    // Said in October: "in September" is when it was said, not next September.
    name: 'a month the talk was in is behind the meeting (k284)',
    lines: [
      ext("We're still targeting end of January for the signature, as we said in September."),
    ],
    expected: '2027-01-31',
  },
  {
    // After k256: the rep reads out the CRM's old date to compare, after the new one.
    name: "the date the seller's system holds is the old one, not the close",
    lines: [
      ext('We need it closed by the end of the quarter. End of December, yes.'),
      int("End of December. Okay. I have end of March in my system, so that's a big change."),
    ],
    expected: '2026-12-31',
  },
  {
    name: 'a date the seller had, said to compare, is no close either',
    lines: [
      ext("Let's say we sign on the fifth of November."),
      int('The fifth. I had October, so only a few days.'),
    ],
    expected: '2026-11-05',
  },
  {
    // After k294: the day of a paper sent for signature is the sending's.
    name: 'a yes to the day a contract is sent for signature keeps the signing day',
    lines: [
      ext("Then let's do it. I'll sign by the 21st."),
      int(
        "The 21st of October. I'll send you the contract for signature Monday so you've got a few days.",
      ),
      ext("Monday's good. Send it to Terri too."),
    ],
    expected: '2026-10-21',
  },
  {
    name: 'a yes to the day the final contract arrives keeps the signing day',
    lines: [
      ext('So we sign by the 11th of December. That is a Friday.'),
      int("The 11th. Great. I'll make sure the final contract is with you by Wednesday."),
      ext('Wednesday. Good.'),
    ],
    expected: '2026-12-11',
  },
  {
    // After k305: a month ruled out is not the close.
    name: 'a month said to be too late is ruled out, not taken (k305)',
    lines: [
      ext('We want to make a decision by the end of November.'),
      ext("End of November for the decision, yes. December it's too late."),
    ],
    expected: '2026-11-30',
  },
  {
    // After k310: the feast's day, said or checked, is not the signing's.
    name: "a feast's date is no close, and gives a bare day no month (k310)",
    lines: [
      int(
        'If you sign in November, yes. Hanukkah is December 14th this year, and we need four weeks.',
      ),
      ext('Then send me the order form and I sign it by the fifteenth at the latest.'),
    ],
    expected: '2026-11-15',
  },
  {
    name: "the answer to a question on a feast's date is that feast's day",
    lines: [
      ext('And I want it signed before the end of October.'),
      int('End of October works for us. Thanksgiving is late this year, November 26th, right?'),
      ext('November 26th. Nobody believes our promotions anyway.'),
    ],
    expected: '2026-10-31',
  },
  {
    name: 'a month agreed on for the signing is still ahead',
    lines: [ext('We agreed last week to sign in March.')],
    expected: '2027-03-31',
  },
  {
    name: "a tender's steps are no close: the minutes of a session, the questions' deadline (k284)",
    lines: [
      ext('The session is on the twentieth. Bring someone who can sign the minutes.'),
      ext('The deadline for clarifications is the seventh.'),
    ],
    expected: null,
  },
  {
    name: '"the middle of Feb" is its fifteenth',
    lines: [ext('So we do need this signed by the middle of Feb at the latest, like we said.')],
    expected: '2027-02-15',
  },
  {
    name: 'a month someone is away for a wedding is no close (k285)',
    lines: [
      int('Could we aim to have this signed by the twenty-eighth of February?'),
      ext("The owner family decides and they're in Kochi for a wedding most of February."),
    ],
    expected: null,
  },
  {
    name: 'a document handed over is still no close',
    lines: [ext("You'll have the updated order form by Friday.")],
    expected: null,
  },
  {
    // Said on Wednesday the 14th: the Tuesday before, the 13th.
    name: 'a signature made on a weekday is dated back (k145)',
    lines: [ext('And the order form was signed Tuesday, you should have the countersigned copy.')],
    expected: '2026-10-13',
  },
  {
    // The seller's fiscal year starts in February; the customer's is the calendar's.
    name: "the customer's quarter when they run on a calendar year, and a signature by then (k145)",
    lines: [
      ext('Our leadership decides with the other platform decisions, and those happen in our Q1.'),
      ext("We run on a calendar year. So by the end of March you'll have a signature or a no."),
    ],
    ctx: { fiscalYearStartMonth: 2 },
    expected: '2027-03-31',
  },
  {
    // Said on the 11th of December of a deal closing at the end of January.
    name: '"this year" keeps a bare day after it in this year (k148)',
    lines: [
      ext('Kendra, you had the end of January in there.'),
      ext('Well, no. I want this done this year.'),
      ext("Let's say the twenty-second. That's when Shirley's in and we can both sign."),
    ],
    ctx: { dealCloseDate: '2027-01-29', startedAt: '2026-12-11T16:00:00Z' },
    expected: '2026-12-22',
  },
  {
    name: '"this year" with a signing is the year\'s end',
    lines: [ext('We want to sign this year.')],
    expected: '2026-12-31',
  },
  {
    name: "a month said loosely that moves the deal's date is news",
    lines: [ext("We'll sign by the end of February.")],
    ctx: { dealCloseDate: '2027-01-29' },
    expected: '2027-02-28',
  },
  {
    name: "a quarter's end in the deal's month is a day of its own",
    lines: [ext('We will sign by the end of Q1.')],
    ctx: { dealCloseDate: '2027-03-15' },
    expected: '2027-03-31',
  },
  {
    name: 'a month left open is no date',
    lines: [ext('Maybe February, maybe later.')],
    ctx: { dealCloseDate: '2026-12-31' },
    expected: null,
  },
  {
    // A document wanted is another subject; the contract wanted signed is the signing.
    name: 'the contract wanted signed by a day',
    lines: [ext('We want the contract signed by November 30.')],
    expected: '2026-11-30',
  },
  {
    name: 'a document wanted by a day is no signing',
    lines: [ext('We need the updated proposal by Friday.')],
    expected: null,
  },
  {
    // k228: the day before the first is the last of the month before.
    name: 'before the first of a month is the end of the month before',
    lines: [ext("Then let's get it signed before the first of April.")],
    expected: '2027-03-31',
  },
  {
    name: 'before December 1st',
    lines: [ext("Let's get it signed before December 1st.")],
    expected: '2026-11-30',
  },
  {
    name: 'a month said to be impossible takes the date back',
    lines: [ext('We wanted to sign by December 15.'), ext('December is impossible now.')],
    expected: null,
  },
  {
    name: 'a weekday after New Year',
    lines: [ext("We'll sign the Monday after New Year's, I promise.")],
    expected: '2027-01-04',
  },
  {
    name: 'before New Year is before the year ends',
    lines: [ext('We want it signed before New Year.')],
    expected: '2026-12-31',
  },
  {
    name: 'a day fixed before a holiday is no bound',
    lines: [ext('We sign the Friday before Christmas.')],
    ctx: { dealCloseDate: '2026-12-04' },
    expected: '2026-12-18',
  },
  {
    name: 'signing, then done, in two sentences',
    lines: [ext('Okay. Signing. ...Done. It says completed.')],
    expected: '2026-10-14',
  },
  {
    name: 'signing alone is no signature yet',
    lines: [ext('Signing. That part I leave to our lawyer.')],
    expected: null,
  },
  {
    name: 'a purchase order for one site signed, and on its way',
    lines: [ext("The purchase order for the Obregón branch is signed, I'm sending it now.")],
    expected: '2026-10-14',
  },
  {
    name: 'an NDA signed is not the deal',
    lines: [ext("The NDA for the pilot is signed, I'm sending it now.")],
    expected: null,
  },
  {
    name: 'a promise after the date does not make it conditional',
    lines: [int("Then let's target January 15th and I'll hold the price until then.")],
    expected: '2027-01-15',
  },
  {
    name: 'a date that waits in its own clause still waits',
    lines: [ext("We'd target January 15th if the budget holds, on hold until then.")],
    expected: null,
  },
  {
    name: 'executing the contract is signing it',
    lines: [ext("Let's aim to execute by December 4th.")],
    expected: '2026-12-04',
  },
  {
    name: 'wrapping up by a quarter end',
    lines: [
      ext("I'd like to wrap by the end of your quarter."),
      int('Our quarter ends December 31st.'),
      ext('Then December 31st.'),
    ],
    expected: '2026-12-31',
  },
  {
    name: "a competitor's contract signed just now is not ours",
    lines: [int('Is the contract with them done?'), ext('Signed. Just now.')],
    expected: null,
  },
  {
    name: 'signed last Friday',
    lines: [ext('I signed it last Friday and emailed it over.')],
    expected: '2026-10-09',
  },
  {
    name: "a competitor's contract signed",
    lines: [int('The contract with them is signed?'), ext('Signed last Friday.')],
    expected: null,
  },
  {
    name: 'a signature long before the call is not this deal',
    lines: [ext('We signed with them in March 2025.')],
    expected: null,
  },
  // The meeting is on Wednesday 2026-10-14 (New York).
  {
    name: 'a general truth about a quarter',
    lines: [
      int('And timing-wise, is there a window you are working toward?'),
      ext("Q1 is always hell for us, I'll be honest. Nobody here has time to breathe in Q1."),
    ],
    expected: null,
  },
  {
    name: 'a signature by someone of theirs this morning is the close, today',
    lines: [ext('So, good news. DocuSign came back this morning, our president signed it.')],
    expected: '2026-10-14',
  },
  {
    name: 'a purchase order issued this morning',
    lines: [ext('I have good news. The purchase order was issued this morning.')],
    expected: '2026-10-14',
  },
  {
    name: 'a public award date',
    lines: [ext('We aim to award by the 31st of March.')],
    expected: '2027-03-31',
  },
  {
    name: 'a deal landing in a quarter of a fiscal year from November',
    lines: [
      int('We are flexible. Could it land next quarter instead?'),
      ext('Yes, next quarter is realistic. Before the end of next quarter, for sure.'),
    ],
    ctx: { fiscalYearStartMonth: 11 },
    expected: '2027-01-31',
  },
  {
    name: 'wrapped up by, with a negation about something else',
    lines: [
      ext(
        "Carla said the goal is to have this wrapped up by the end of this quarter, and from what I've seen I don't see a blocker.",
      ),
    ],
    expected: '2026-12-31',
  },
  {
    name: 'someone who wants it done, then the date said in answer',
    lines: [
      ext("The only thing is he wants it done before the year's out, for tax reasons."),
      int('So are we thinking a specific date?'),
      ext("Let's say December eleventh."),
    ],
    expected: '2026-12-11',
  },
  {
    name: "a day answered to the rep's question when they want to sign",
    lines: [int("When's he wanting to sign?"), ext('The twenty-third of October, after his trip.')],
    expected: '2026-10-23',
  },
  {
    name: 'a weekday and its day as an ordinal word',
    lines: [ext('Then I will sign Friday the twenty-third, that is when the owner is back.')],
    expected: '2026-10-23',
  },
  {
    name: 'a signature already made by the doctor, yesterday',
    lines: [
      int('Did it come through?'),
      ext('Yes! Dr. Singh signed it yesterday afternoon, between two surgeries.'),
    ],
    expected: '2026-10-13',
  },
  {
    name: "a replaced date's own negation in the clause of the new one",
    lines: [
      ext(
        "Legal isn't the problem any more, but we'll sign on December 18th, not the 11th as we said.",
      ),
    ],
    expected: '2026-12-18',
  },
  {
    name: 'a deliverable date answered ends the signing subject',
    lines: [
      ext("We'd want it signed by the end of January."),
      int("I'll send both options in the proposal by Wednesday."),
      ext('Grand, Wednesday.'),
    ],
    expected: '2027-01-31',
  },
  {
    name: 'a date not to be written in stone',
    lines: [
      ext('Then I think we can sign in two weeks.'),
      int('Shall I put down the 28th?'),
      ext("Mm, maybe. It depends on purchasing. Don't write it in stone."),
    ],
    expected: null,
  },
  {
    name: 'an ISO week: its Friday',
    lines: [ext('We will sign it latest in the week 12.')],
    expected: '2027-03-26',
  },
  {
    name: 'a plan that waits only on the pilot going well',
    lines: [ext('And if the pilot goes well, end of October we want to have it signed.')],
    expected: '2026-10-31',
  },
  {
    name: 'a plan "if positive"',
    lines: [
      ext('The committee decides on the 12th. And then, if positive, signature end of November.'),
    ],
    expected: '2026-11-30',
  },
  {
    name: 'a month only compared to',
    lines: [ext('And then signature end of November.'), ext('So much faster than January.')],
    expected: '2026-11-30',
  },
  {
    name: 'signing at the board meeting named',
    lines: [ext('Our last board meeting of the year is the 18th of December, we sign there.')],
    expected: '2026-12-18',
  },
  {
    name: 'a signature said with its date',
    lines: [
      ext('Not the 15th, I am on a trip.'),
      int('And signature still end of October?'),
      ext('End of October.'),
    ],
    expected: '2026-10-31',
  },
  {
    name: 'a bound after the day said keeps the day',
    lines: [
      ext('He will sign tomorrow, in the morning.'),
      int('So it is done before the end of the month.'),
    ],
    expected: '2026-10-15',
  },
  {
    name: "another vendor's signature",
    lines: [
      ext('We decided for Gong, I am sorry.'),
      ext('It is final, the contract was signed yesterday.'),
    ],
    expected: null,
  },
  {
    name: 'a bare day after the month just named',
    lines: [ext("We'd want it signed by the end of February. The twenty-sixth, say.")],
    expected: '2027-02-26',
  },
  {
    name: 'mid-month, then its day',
    lines: [
      ext("We'll get it done by the end of November."),
      ext('Actually, make it mid-December. The fifteenth.'),
    ],
    expected: '2026-12-15',
  },
  {
    name: 'it will be signed on a day',
    lines: [
      ext("Realistically it'll be signed the ninth of November, the Friday after half term."),
    ],
    expected: '2026-11-09',
  },
  {
    name: 'the decision moved to a date, "now" beside it',
    lines: [ext('And the decision is the end of March now, not February.')],
    expected: '2027-03-31',
  },
  {
    name: 'sorted by a date',
    lines: [ext('And I want this sorted by the end of January, the lads are sick of paper.')],
    expected: '2027-01-31',
  },
  {
    name: 'the calendar quarter in a fiscal year from April',
    lines: [ext("We'll sign by the end of Q2. Calendar Q2, so the end of June.")],
    ctx: { fiscalYearStartMonth: 4 },
    expected: '2027-06-30',
  },
  {
    name: 'putting it to the board on a day',
    lines: [ext("I'll put it to the board on the tenth.")],
    expected: null,
  },
  {
    name: '"make it" a bare day after the month of the signing',
    lines: [
      ext('We can sign by the end of February. Committed.'),
      int('The twenty-sixth is the last Friday, or shall we say the twenty-eighth?'),
      ext('Make it the twenty-sixth.'),
    ],
    expected: '2027-02-26',
  },
  {
    name: "it's signed, this morning",
    lines: [
      int('I saw the signed contract came back this morning!'),
      ext("Yes, it's signed this morning, both signatures."),
    ],
    expected: '2026-10-14',
  },
  {
    name: 'a day said after a bound that holds it narrows it',
    lines: [ext('I want it signed before Christmas, let us say by the eighteenth of December.')],
    expected: '2026-12-18',
  },
  {
    name: "a bare day after a month's end is in that month",
    lines: [
      int('When would you like to start?'),
      ext('Start February first. Sign before that, end of January, the 29th.'),
    ],
    expected: '2027-01-29',
  },
  {
    name: "a day after the year's end said as a bound",
    lines: [ext('We want to sign earlier, before the year end, the 22nd of December.')],
    expected: '2026-12-22',
  },
  {
    name: 'a holiday after a month is no narrowing',
    lines: [ext('That gives us December to train them before Christmas.')],
    expected: null,
  },
  {
    name: "the month asked about is the bare answer's, after a correction",
    lines: [
      ext('Look, if you match 84 I sign in December.'),
      int('I can do 87 with the call-out service.'),
      ext('87 thousand euro. But then January, not December, I need the Austrians to approve.'),
      int('Which date in January?'),
      ext('Say the 22nd.'),
    ],
    expected: '2027-01-22',
  },
  {
    name: 'a correction is on the subject even beside a board meeting',
    lines: [
      ext('The CEO wants the full-year numbers before signing. End of January. Say the 29th.'),
      int('Ok. Everything else stays?'),
      ext(
        'Oh, wait, the board is in the first week of February, so the 5th of February, not January.',
      ),
    ],
    expected: '2027-02-05',
  },
  {
    name: "a bare day that is the CRM's date restates it",
    lines: [int('Are we still on for signing on the 30th?'), ext('Yes. Let us keep the 30th.')],
    ctx: { dealCloseDate: '2026-12-30' },
    expected: '2026-12-30',
  },
  {
    name: 'a proposal due on a day after the signing talk is no close date',
    lines: [
      ext('So we must sign by mid-December. The 15th latest.'),
      ext('Then send me a proposal this week.'),
      int('Proposal by Friday.'),
    ],
    expected: '2026-12-15',
  },
  {
    name: 'signed as the call goes: "Done. Signed it."',
    lines: [ext('Okay, signing. Initials here... and here. Done. Signed it.')],
    expected: '2026-10-14',
  },
  {
    name: 'signed this morning, with a question tagged on',
    lines: [ext('Okay, done. I signed it this morning, did you get it?')],
    expected: '2026-10-14',
  },
  {
    name: 'a "not" that says yes',
    lines: [ext("Let's do it. We'll sign by the 18th, I'd be dumb not to.")],
    expected: '2026-10-18',
  },
  {
    name: 'signing "by then" means the date said just before',
    lines: [ext("Okay, then April 30th. That's the date. We'll sign by then.")],
    expected: '2027-04-30',
  },
  {
    name: 'tomorrow said after the promise to sign',
    lines: [ext('In the morning I go to the office and I sign it. Tomorrow, for sure.')],
    expected: '2026-10-15',
  },
  {
    name: 'the days asked for the signature',
    lines: [
      ext('We are ready. Give us ten days from today to get the signature.'),
      int('Ten days from today, okay. So October 24th.'),
      ext('Yep, the 24th.'),
    ],
    expected: '2026-10-24',
  },
  {
    name: 'a reminder, a revised number and a quote laid beside another are no close',
    lines: [
      ext("Get me something by Monday and I'll put it next to theirs."),
      int("I'll get you a revised number by Monday."),
      ext('Yeah, and ping me the first week of November, remind me.'),
    ],
    expected: null,
  },
  {
    name: 'a bare question for the date opens the subject for the answer',
    lines: [int('Good. Signature?'), ext('The 30th. Last working day for our CEO.')],
    expected: '2026-10-30',
  },
  {
    name: '"not before" a day is that day',
    lines: [
      ext('That we can sign. Not before the eighteenth December though, the MD is in Singapore.'),
    ],
    expected: '2026-12-18',
  },
  {
    name: 'an ordinal opening the answer is the day',
    lines: [
      ext('And the date, they want it done this year.'),
      int('This year? OK. In December?'),
      ext('Before. Twenty-third, before everyone leaves.'),
    ],
    expected: '2026-12-23',
  },
  {
    name: 'a document wanted for the signing the sentence dates',
    lines: [ext('Now I need the contract in final form, I sign on the twenty-first.')],
    expected: '2026-10-21',
  },
  {
    name: "a month's end said loosely near the CRM's date restates it",
    lines: [ext('Sign end of January, as planned.')],
    ctx: { dealCloseDate: '2027-01-29' },
    expected: '2027-01-29',
  },
  {
    name: "a month's end well after the CRM's date is news",
    lines: [ext('Sign end of January, realistically.')],
    ctx: { dealCloseDate: '2027-01-15' },
    expected: '2027-01-31',
  },
  {
    name: 'a question about a meeting ends the signing subject',
    lines: [
      ext("We'd want to sign by the end of March."),
      int('End of March. Shall I book a scoping workshop with Ben?'),
      ext('Yes, first week of November works for me.'),
    ],
    expected: '2027-03-31',
  },
];

describe('extractCloseDate', () => {
  for (const c of cases) {
    it(c.name, () => {
      const utterances = call(...c.lines);
      const got = extractCloseDate(utterances, { ...baseContext, ...c.ctx });
      expect(got?.value ?? null).toBe(c.expected);
      if (!got) return;
      expect(utterances[got.utteranceIndex]!.text).toContain(got.quote);
      if (c.minConfidence !== undefined)
        expect(got.confidence).toBeGreaterThanOrEqual(c.minConfidence);
      if (c.maxConfidence !== undefined)
        expect(got.confidence).toBeLessThanOrEqual(c.maxConfidence);
    });
  }

  it('quotes only the sentence that carries the date', () => {
    const got = extractCloseDate(
      call(ext('Pricing looks fine. We can sign by Friday. Thanks all!')),
      baseContext,
    );
    expect(got?.quote).toBe('We can sign by Friday.');
  });

  it('keeps an abbreviated month with its day', () => {
    const got = extractCloseDate(
      call(ext('Mr. Lee says we can sign by Dec. 15. Great.')),
      baseContext,
    );
    expect(got?.value).toBe('2026-12-15');
    expect(got?.quote).toBe('Mr. Lee says we can sign by Dec. 15.');
  });

  it('lists every commitment in order so a reviewer sees the revision', () => {
    const all = closeDateCandidates(
      call(ext("We're targeting November 30."), ext("Let's target December 15 instead.")),
      baseContext,
    );
    expect(all.map((c) => c.value)).toEqual(['2026-11-30', '2026-12-15']);
  });

  it('keeps the day of a signature made in the call over the dates said after it', () => {
    const got = extractCloseDate(
      call(
        ext('Okay... signed. Done.'),
        int('Baie dankie! Welcome aboard.'),
        ext('Now get my cards here before the 1st.'),
      ),
      baseContext,
    );
    expect(got?.value).toBe(baseContext.startedAt.slice(0, 10));
  });

  it("reads a document's or a visit's date as no close date, and another vendor's PO as theirs", () => {
    const ctx = { ...baseContext, competitors: ['SKF Enlight'] };
    const date = (...lines: [SpeakerSide, string][]) =>
      extractCloseDate(call(...lines), ctx)?.value ?? null;
    expect(
      date(
        ext('We decided to go with SKF.'),
        ext('It is final, yes. The PO was issued yesterday.'),
      ),
    ).toBeNull();
    expect(date(ext('Great, then I will get a proposal over by the 4th of December.'))).toBeNull();
    expect(date(int("I'll arrange the reference visit in January."), ext('Good.'))).toBeNull();
    expect(date(ext('We want to sign by the 4th of December.'))).toBe('2026-12-04');
  });
});

describe('a signature made last night (k93)', () => {
  it("dates it the day before the meeting's local day, east or west of the machine", () => {
    const signed = (startedAt: string, timeZone: string) =>
      extractCloseDate(call(ext('Yes, the president signed last night, after the board dinner.')), {
        ...baseContext,
        startedAt,
        timeZone,
      })?.value;
    // 08:45 on the 21st in Tokyo; 21:00 on the 20th in Los Angeles.
    expect(signed('2027-01-20T23:45:00Z', 'Asia/Tokyo')).toBe('2027-01-20');
    expect(signed('2027-01-21T05:00:00Z', 'America/Los_Angeles')).toBe('2027-01-19');
  });
});

describe('a start beside the signature, and "the first" I talk to (k93)', () => {
  it('takes the date for signature over the date of the start', () => {
    expect(date(ext('March 26th for signature, April 1st start.'))).toBe('2027-03-26');
  });

  it('reads "the first I\'m talking to" as no date', () => {
    expect(
      date(int('When would you want to sign?'), ext("You're the first I'm talking to, honestly.")),
    ).toBeNull();
  });
});

describe("another vendor's contract ending (k83)", () => {
  it('reads no close date from the day their contract ends', () => {
    expect(date(ext('Their contract ends on the twenty-eighth of February.'))).toBeNull();
    expect(date(ext('We sign by the twenty-eighth of February.'))).toBe('2027-02-28');
  });
});

describe('a date said as a fragment after a supposition (k85)', () => {
  it('reads "Like April." after an if as part of the supposition', () => {
    expect(date(ext("If it's approved, we'd want to sign right away. Like April."))).toBeNull();
  });

  it('keeps the date when the only if is choosing us', () => {
    expect(date(int('And signing?'), ext("Same week if it's you. Say the 18th."))).toBe(
      '2026-10-18',
    );
  });
});

describe('dates of other things around the signature (k95)', () => {
  it('leaves out a flight, a go-live, a month to implement and the routing day', () => {
    expect(
      date(ext("This month, yes. We'll sign by Thursday the 22nd. I'm flying on the 23rd.")),
    ).toBe('2026-10-22');
    expect(date(ext('So we need to be live by July, with the sites loaded.'))).toBeNull();
    expect(date(ext('Sign by end of February.'), ext('That gives you March to implement.'))).toBe(
      '2027-02-28',
    );
    expect(
      date(ext("I'll route it for signature on Monday the 19th, and the CFO signs it that week.")),
    ).toBeNull();
  });

  it('reads no date from a greeting or from a date not promised', () => {
    expect(date(int('Happy Thanksgiving, Julia.'))).toBeNull();
    expect(date(ext("We're happy to sign by December 15."))).toBe('2026-12-15');
    expect(
      date(ext("Then maybe we sign before the end of the month, but I don't promise.")),
    ).toBeNull();
  });
});

describe('a signature still to come after one already made (k95)', () => {
  it('reads "first thing Monday" ahead, not back', () => {
    const lines = call(
      ext("Well... I signed. Our CEO still needs to countersign. He's back Monday."),
      int("So it's basically done?"),
      ext("Almost. It's on his desk. He said he'll do it first thing Monday."),
    );
    // Thursday 15 October in Los Angeles.
    const ctx = {
      ...baseContext,
      startedAt: '2026-10-15T22:00:00Z',
      timeZone: 'America/Los_Angeles',
    };
    expect(extractCloseDate(lines, ctx)?.value).toBe('2026-10-19');
  });
});

describe("the customer's own fiscal year, told in the call (k95)", () => {
  it('reads "our Q2" in the fiscal year the customer described', () => {
    expect(
      date(
        ext('Our fiscal runs October to September, so this has to come out of fiscal Q2.'),
        ext("I'd put the signature at the very end of our Q2."),
      ),
    ).toBe('2027-03-31');
    expect(
      date(
        ext('Our fiscal year ends in June.'),
        int("Then let's aim for the end of your Q3 for the signature."),
      ),
    ).toBe('2027-03-31');
  });

  it("keeps the workspace's quarters when the customer tells no fiscal year", () => {
    expect(date(ext("I'd put the signature at the very end of our Q2."))).toBe('2027-06-30');
  });
});

describe('a month called rough, a budget ask, work done before, a goodbye (k106)', () => {
  it('reads none of them as the close date', () => {
    expect(date(int('When could you sign?'), ext('January is rough.'))).toBeNull();
    expect(
      date(ext('I need a number for the 2027 budget ask, and the deadline is in January.')),
    ).toBeNull();
    expect(date(int("We've done it in four months for cities your size."))).toBeNull();
    expect(date(int('Signing, then.'), ext('See you on the twentieth.'))).toBeNull();
  });
});

describe('a mayor signing (k106)', () => {
  it('dates the contract signed by the mayor this morning today', () => {
    expect(
      extractCloseDate(
        call(
          ext('Council approved it last night. And the mayor signed the contract this morning.'),
        ),
        baseContext,
      )?.value,
    ).toBe('2026-10-14');
  });
});

describe('the nth weekday of a month, and more dates of other things (k103)', () => {
  it('dates "the last Friday in January" and "the first Monday of March"', () => {
    expect(date(ext('Our contracts have to be signed by the last Friday in January.'))).toBe(
      '2027-01-29',
    );
    expect(date(ext('We sign on the first Monday of March.'))).toBe('2027-03-01');
  });

  it('leaves out a busy month, last month’s numbers, a go-live and a follow-up', () => {
    expect(date(ext('Our volume goes crazy in August with the physicals.'))).toBeNull();
    expect(date(ext('Maybe refresh the contract with the October numbers.'))).toBeNull();
    expect(date(ext("We'd like something running by the end of March."))).toBeNull();
    expect(date(int('When can we sign?'), ext('Ask me in three weeks.'))).toBeNull();
  });
});

describe('a delivery, a telling and a last working day (k110, k112)', () => {
  it('dates "the last working day of January" on its weekday', () => {
    // 2027-01-31 is a Sunday.
    expect(date(ext('We sign on the last working day of January.'))).toBe('2027-01-29');
    expect(date(ext('Signature by the last business day of December.'))).toBe('2026-12-31');
  });

  it('leaves out the day a thing is handed over, but not a signature or a PO', () => {
    expect(
      date(
        int('Can we get this signed?'),
        ext("Yes. I'll have the proposal with you by Friday, then we sign."),
      ),
    ).toBeNull();
    expect(date(int('When do we sign?'), ext('I can get it to you Thursday.'))).toBeNull();
    expect(
      date(
        int('When can we expect the signature?'),
        ext('I can get the signature to you this Friday.'),
      ),
    ).toBe('2026-10-16');
    expect(date(ext("We'll sign. I'll have the PO to you by November 20th."))).toBe('2026-11-20');
  });

  it('leaves out the month something was told in', () => {
    expect(date(int('Still signing this year?'), ext('Same as I told you in October.'))).toBeNull();
  });
});

describe('"now" and a weekday of a signature made (k114, k118)', () => {
  it('reads no date from "now" unless a signature is made as it is said', () => {
    expect(
      date(
        int('So where are we on signing?'),
        ext('What I need now is to put it in front of my accountant and my banker.'),
      ),
    ).toBeNull();
    expect(
      date(ext('Okay, sign me up. How?'), int("I'll WhatsApp you the link now, you sign online.")),
    ).toBe('2026-10-14');
  });

  it('dates a signature made on "Friday the ninth" to the last such day, not a later one', () => {
    // Said on Wednesday 2026-10-14; Friday the 9th is five days before.
    expect(date(ext('The director signed it on Friday the ninth.'))).toBe('2026-10-09');
    // The 11th of October is a Sunday: the Friday the 11th before it is September's, not
    // December's.
    expect(date(ext('He signed it on Friday the eleventh.'))).toBe('2026-09-11');
  });
});

describe("the customer's year end, and a start date's month (k118)", () => {
  it('reads "our year end" as the end of the fiscal year the customer told', () => {
    expect(
      date(
        ext('Our fiscal year is not the calendar year. It runs from July to June.'),
        ext("If we don't commit the money before our year end, it's gone."),
        int('So you need to sign before then.'),
        ext('No later than our year end. That is firm.'),
      ),
    ).toBe('2027-06-30');
    // Without a fiscal year told, the year end is December's.
    expect(date(ext('We sign before the year end.'))).toBe('2026-12-31');
  });

  it("does not lend a start date's month to the day of signing", () => {
    expect(
      date(
        int(
          'So I send you the contract with the start date on the first of January, you read it, and we sign on the fifteenth.',
        ),
        ext('Yes.'),
      ),
    ).toBe('2026-10-15');
  });
});

describe('the month the call is in, and a day restating a bound (k134, k135)', () => {
  const onDecember2 = (...lines: [SpeakerSide, string][]) =>
    extractCloseDate(call(...lines), {
      ...baseContext,
      startedAt: '2026-12-02T06:00:00Z',
      timeZone: 'Asia/Kolkata',
    })?.value ?? null;

  it('reads "December", said in December, as this one and not next year\'s', () => {
    expect(onDecember2(ext('We sign in December.'))).toBe('2026-12-31');
    expect(onDecember2(ext('We sign in January.'))).toBe('2027-01-31');
    expect(onDecember2(ext('We sign in November.'))).toBe('2027-11-30');
  });

  it('reads a day for the PO, and a letter of award, as the signature (k135)', () => {
    expect(onDecember2(ext("Okay, then let's say the fifteenth of December for the PO."))).toBe(
      '2026-12-15',
    );
    expect(onDecember2(ext('We expect to issue the LoA by the eighteenth of December.'))).toBe(
      '2026-12-18',
    );
  });

  it('reads "before Christmas, that\'s the 18th" as the 18th of December', () => {
    expect(
      onDecember2(
        ext(
          "We'd want it signed before we break up for Christmas, that's the 18th, so Tom's people have January.",
        ),
      ),
    ).toBe('2026-12-18');
  });
});

describe('a date that may come earlier, and a tag question (k157)', () => {
  it('keeps "end of Q4 at the latest, and earlier if we can" as the plan', () => {
    expect(
      date(int("Okay. I'll plan for the end of Q4 at the latest, and earlier if we can.")),
    ).toBe('2026-12-31');
  });

  it('reads the day given after "we can sign this week, can\'t we?"', () => {
    expect(
      date(
        ext("Then we can sign this week, can't we?"),
        ext("This week, no, I'm in Manaus until Friday. Monday, the 19th."),
        int('The 19th, fine.'),
      ),
    ).toBe('2026-10-19');
  });
});

describe('a date taken back, and a bare day after a month said loosely (k157)', () => {
  it('drops the date in "forget what I said about January"', () => {
    expect(
      date(
        ext('Then finance signs on the 18th of December.'),
        ext('We keep the 18th. Forget what I said about January.'),
      ),
    ).toBe('2026-12-18');
  });

  it('reads "the 15th" as the 15th said outright, not the middle of a month', () => {
    expect(
      date(
        ext(
          'On timing, I want it signed by the 15th of December. After that nothing gets signed until mid-January.',
        ),
        int('The 15th works.'),
      ),
    ).toBe('2026-12-15');
  });
});

describe('a signature made, by role (k156)', () => {
  it('dates the deal the day the gerente signed or the Bestellung went out', () => {
    expect(date(ext('Our gerente signed it this morning.'))).toBe('2026-10-14');
    expect(date(ext('The Bestellung went out this morning.'))).toBe('2026-10-14');
  });
});

describe('the installation after the signing, and what the signing is for (k164)', () => {
  it('keeps the signing day when the installation is dated after it', () => {
    expect(
      date(
        ext("Send it to me and our gestoría reviews it. We'll sign two weeks from today."),
        int('Two weeks from today, perfect.'),
        ext('Good. And the installation, in January, after Reyes.'),
      ),
    ).toBe('2026-10-28');
  });

  it('reads "sign by the end of Q1 so the rollout happens before the summer"', () => {
    expect(
      date(
        ext(
          'Our plan is to sign by the end of Q1 so the rollout to the forty car parks happens before the summer.',
        ),
      ),
    ).toBe('2027-03-31');
  });
});

describe('a bare day after the decision the signing waits on (k102)', () => {
  it('puts "the 18th" after the board meeting dated just before it', () => {
    expect(
      date(
        ext(
          "The board meets on the 9th of November. I'll bring the contract there, and the signature would follow the week after.",
        ),
        ext("Let's say by the 18th, before everyone disappears."),
      ),
    ).toBe('2026-11-18');
  });

  it('keeps a day before a meeting set only as a bound', () => {
    expect(
      date(
        ext("Legal needs three weeks. I'd say we sign by the 18th of next month."),
        int('The 18th of November. Okay.'),
        ext(
          "That's the last board meeting before Christmas. After that, nobody signs until mid-January.",
        ),
        int("Understood. Then let's make the 18th work."),
      ),
    ).toBe('2026-11-18');
  });
});

describe('setting things up after the signature (k132)', () => {
  it('keeps the signing day, not the month the set-up is asked for', () => {
    expect(
      date(
        ext("So we'll sign it at the AGM. That's Saturday the 17th."),
        int("The AGM on the 17th, lovely. I'll send the agreement before then."),
        int("And once it's signed, I'll get in touch with Kay about setting things up."),
        ext('In January please. December is madness for us.'),
        int('January it is.'),
      ),
    ).toBe('2026-10-17');
  });
});

describe("a recap's one clause on the signing (k171)", () => {
  it('reads the signing clause of a recap about other things too', () => {
    expect(
      date(
        int(
          'So, proposal and questionnaire Thursday, Board on the 24th, and we work toward signature by the 29th.',
        ),
        ext('Yes. Okay.'),
      ),
    ).toBe('2026-10-29');
  });

  it('puts a bare day after the board day named in the same recap', () => {
    expect(
      date(
        int(
          'So, proposal and questionnaire Thursday, Board on the 24th, and we work toward signature by the 18th.',
        ),
        ext('Yes. Okay.'),
      ),
    ).toBe('2026-11-18');
  });

  it('keeps the day set when a later clause only maybe signs next week', () => {
    expect(
      date(
        ext('Can we sign this month?'),
        int('Yes, if you want. The 16th of October?'),
        ext("The 16th. Yes, let's aim for the 16th, I'll make sure it's signed."),
        int("I'll send the order form today."),
        ext('Send the order form, I sign it next week already maybe.'),
      ),
    ).toBe('2026-10-16');
  });
});

describe('a wish for a month is no date (k171)', () => {
  it('keeps tomorrow after "then we can all have a quiet December"', () => {
    expect(
      date(
        ext("He'll sign it tomorrow, first thing."),
        int("Perfect. So tomorrow it's signed."),
        ext('And then we can all have a quiet December.'),
      ),
    ).toBe('2026-10-15');
  });
});

describe('"that\'s more realistic" and a purchase order issued (k172)', () => {
  it('takes the date said before "That\'s more realistic."', () => {
    expect(
      date(
        ext("We're not going to sign this year."),
        int("So what's realistic?"),
        ext("End of next quarter. That's more realistic."),
      ),
    ).toBe('2027-03-31');
  });

  it('dates the deal the morning procurement issued the purchase order', () => {
    expect(
      date(
        ext('Good news: procurement issued the purchase order this morning.'),
        int('Thank you!'),
      ),
    ).toBe('2026-10-14');
  });

  it('dates the deal the day the speaker raised the PO, in the words the stage reader knows', () => {
    expect(date(ext('And I issued the purchase order yesterday too.'), int('Great.'))).toBe(
      '2026-10-13',
    );
    expect(date(ext('I raised the PO this morning, straight after the head signed.'))).toBe(
      '2026-10-14',
    );
    expect(date(ext('Purchasing sent you the PO this morning.'), int('Got it!'))).toBe(
      '2026-10-14',
    );
  });
});

describe('a day things change after (k183)', () => {
  it('reads "after November first" as a bound, not the date the deal signs', () => {
    expect(
      date(
        int('Anything signed by the end of October, I can hold at the current pricing.'),
        ext('And after November first it would be...'),
        int('It would go up.'),
      ),
    ).toBe('2026-10-31');
  });
});

describe('a signature made on a weekday just gone (k183)', () => {
  it('dates "countersigned on Friday", said on a Wednesday, to the Friday before', () => {
    expect(date(ext('It was countersigned on Friday.'))).toBe('2026-10-09');
    expect(date(int('The signed agreement came back on Friday.'), ext('Yes.'))).toBe('2026-10-09');
    // The signed paper got or received (k285).
    expect(
      date(
        int('We got the signed agreement back from your MD on Friday evening.'),
        ext('Finally!'),
      ),
    ).toBe('2026-10-09');
    // Said as a plan, the day is still to come.
    expect(date(ext('He can sign on Thursday.'), ext('Great, then Thursday it is signed.'))).toBe(
      '2026-10-15',
    );
  });

  it('reads "I signed it this morning and sent it right back" as a signature, not paperwork', () => {
    expect(date(ext('I signed it first thing this morning and sent it right back to you.'))).toBe(
      '2026-10-14',
    );
  });
});

describe('a purchase order beside a signature (k182, k183)', () => {
  it('keeps the signing day when the PO is issued after it', () => {
    expect(
      date(
        ext(
          'Good news first. The director signed the contract yesterday afternoon. And Hang issued the PO this morning.',
        ),
        int('Thank you so much.'),
      ),
    ).toBe('2026-10-13');
  });

  it('reads "before the borough can cut a purchase order" as still to come', () => {
    expect(
      date(
        ext("We'll sign on the fifteenth."),
        int('The fifteenth. Great.'),
        ext(
          'Anyway. Before the borough can cut a purchase order, you need to be set up as a vendor. I need a W-9 and our vendor form.',
        ),
      ),
    ).toBe('2026-10-15');
  });
});

describe('a slip denied, and a contract wanted with legal (k181)', () => {
  it('keeps the date through "Don\'t let it slip into January" and "It won\'t slip"', () => {
    expect(
      date(
        ext(
          'I want this signed before the holidays. Christmas Eve at the latest, the twenty-fourth.',
        ),
        int('The twenty-fourth of December.'),
        ext("Don't let it slip into January."),
        int("It won't slip from our side."),
      ),
    ).toBe('2026-12-24');
  });

  it('reads "the contract needs to be with our legal by ..." as paperwork, not the signing', () => {
    expect(
      date(
        ext('Christmas Eve at the latest to sign, the twenty-fourth.'),
        ext('Then the contract needs to be with our legal by the first week of December.'),
      ),
    ).toBe('2026-12-24');
  });
});

describe('a slot in the diary after the signing talk (k185)', () => {
  it('keeps the signing date when the next turn only books a session', () => {
    expect(
      date(
        ext('I want it signed before the owners meet. Before the thirty-first of December.'),
        ext("Yes, it's within my authority. I sign, and I inform them."),
        int(
          "So I'll do the session on the approval limits this week, then we prepare the contract.",
        ),
        ext('Thursday afternoon works for me.'),
        int('Thursday at three?'),
      ),
    ).toBe('2026-12-31');
  });

  it('still reads a signing day said with its morning', () => {
    expect(
      date(
        ext('We sign once the PO is out.'),
        ext('Monday morning it goes out, and I sign it then.'),
      ),
    ).toBe('2026-10-19');
  });
});

describe('a signing told as a story of last year (k186)', () => {
  it('reads no close date from "Signed on the thirtieth of December and regretted it"', () => {
    expect(
      date(
        int(
          'If there is any way to get this over the line by the thirty-first, I would make it worth your while.',
        ),
        ext(
          'Not a hope. We did exactly that with the document people last year. Signed on the thirtieth of December and regretted it for a year.',
        ),
      ),
    ).toBeNull();
  });

  it('still reads the plan said after the story', () => {
    expect(
      date(ext("We slipped last year. This time we'll sign by the fifteenth of December.")),
    ).toBe('2026-12-15');
  });
});

describe('a past negation after a signature made (k185)', () => {
  it('keeps the signing day through "I didn\'t want to sign with him watching me"', () => {
    expect(
      date(
        ext(
          "You got it, yes? I signed yesterday evening, after the accountant left. I didn't want to sign with him watching me.",
        ),
      ),
    ).toBe('2026-10-13');
  });

  it('still lets a past negation take back a plan with no signature made', () => {
    expect(
      date(
        ext("We'll sign by the 30th."),
        ext("Sorry, no. We didn't get approval to sign by the 30th."),
      ),
    ).toBeNull();
  });
});

describe('a month ruled out with "no point pushing for" (k186)', () => {
  it('keeps the quarter end when February is ruled out after it', () => {
    expect(
      date(
        ext(
          "So realistically it'll be signed at our quarter end, not before. There's no point pushing for February.",
        ),
      ),
    ).toBe('2026-12-31');
  });
});

describe('a signing put after a meeting, then dated (k186)', () => {
  it('reads "we\'ll not sign before that then ... Say the twelfth" as the twelfth', () => {
    expect(
      date(
        ext(
          "We're going ahead. We'll have it signed by the end of November, the partners meet on the twenty-sixth.",
        ),
        int('That is brilliant news.'),
        ext("Did you see Mhairi's email? The partners' meeting has been moved."),
        ext('Is it? When to?'),
        ext('The ninth of December.'),
        ext(
          "Right. Well, we'll not sign before that then, I can't sign it without the partners seeing it. Say the twelfth of December.",
        ),
        int("The twelfth of December it is. That's no problem."),
      ),
    ).toBe('2026-12-12');
  });
});

describe('a length of time under a day (k191)', () => {
  it('reads no date from "Make it an hour." after a slot is agreed', () => {
    expect(
      date(
        int("Wednesday works. I'll send the invite for the walkthrough, ninety minutes."),
        ext('Make it an hour. Nobody lasts ninety minutes.'),
      ),
    ).toBeNull();
    expect(date(ext("Let's make it half an hour then."))).toBeNull();
  });

  it('still reads a day counted from the meeting', () => {
    expect(date(ext("We'll sign within a week, I promise."))).not.toBeNull();
  });
});

describe('a signing told of another time in its own sentence, and a role in Spanish (k191)', () => {
  it('reads no close date from "Last year we signed three contracts on the thirtieth of December"', () => {
    expect(
      date(ext('Last year we signed three contracts on the thirtieth of December. A nightmare.')),
    ).toBeNull();
  });

  it('reads the day the gerente general signed, not the day the PO went out', () => {
    expect(
      date(
        ext(
          'The gerente general signed yesterday afternoon. And logística already issued the orden de compra this morning.',
        ),
      ),
    ).toBe('2026-10-13');
  });
});

describe('how, a tender deadline and a meeting moved (k191, k194)', () => {
  it('reads "we do that by hand in Excel today" as how, not when', () => {
    expect(date(ext('We do that by hand in Excel today. Every Monday.'))).toBeNull();
    expect(date(ext("Let's get this done by the 20th of November."))).toBe('2026-11-20');
  });

  it('reads no signing from the deadline for quotes', () => {
    expect(date(ext('Deadline for quotes is the twenty-sixth.'))).toBeNull();
    expect(date(ext('Our deadline is the twenty-sixth.'))).toBe('2026-10-26');
  });

  it('reads "Make it Tuesday." after a check-in proposed as the meeting moved', () => {
    expect(
      date(
        int('So you start Monday, and we check in a week from Monday to see how it is going?'),
        ext('Make it Tuesday. Mondays I am useless.'),
        int('Tuesday the 23rd, then.'),
      ),
    ).toBeNull();
    expect(
      date(
        int('Can we aim to sign by the 20th?'),
        ext('Make it the 23rd. The board meets the 22nd.'),
      ),
    ).toBe('2026-10-23');
  });
});

describe('"the first to know" and "See y\'all Thursday" (k199, k202)', () => {
  it('reads no day from "You\'ll be the first to know."', () => {
    expect(
      date(
        ext('We want it signed by the end of March.'),
        int('Perfect. Let me know if anything changes.'),
        ext("You'll be the first to know."),
      ),
    ).toBe('2027-03-31');
    expect(date(ext('We sign on the sixteenth. Put down the sixteenth to be safe.'))).toBe(
      '2026-10-16',
    );
  });

  it('reads "See y\'all Thursday." as the next meeting', () => {
    expect(
      date(
        ext("We'd want to sign it by the end of the month."),
        int('Great, I will send the order form.'),
        ext("See y'all Thursday."),
      ),
    ).toBe('2026-10-31');
  });
});

describe('negations that refuse no signing (k202)', () => {
  it('keeps the date past "Not for the signature." and "I don\'t sign what I ain\'t heard."', () => {
    expect(
      date(
        ext("So let's say the twenty-eighth of October for the signature."),
        int('Do we need anything new from you for that?'),
        ext('Not for the signature. The contract is the one you have.'),
      ),
    ).toBe('2026-10-28');
    expect(
      date(
        ext('Well, I did it. I signed it this morning, first thing.'),
        ext("He read me every page last night. I don't sign what I ain't heard."),
      ),
    ).toBe('2026-10-14');
  });

  it('still takes a date back on "we won\'t sign by the 28th"', () => {
    expect(
      date(
        ext("So let's say the twenty-eighth of October for the signature."),
        ext("Actually no, we won't sign by the twenty-eighth."),
      ),
    ).toBeNull();
  });
});

describe('"He\'ll sign it then" of the day said before (k202)', () => {
  it('dates the signing to the day the sentence before named', () => {
    expect(date(ext("The MD is in the office on Friday the sixteenth. He'll sign it then."))).toBe(
      '2026-10-16',
    );
  });
});

describe('a move to an earlier month (k159)', () => {
  it('reads "from end of March to end of February" as the February to come, not the one after March', () => {
    expect(date(ext('So we move the signing from end of March to end of February.'))).toBe(
      '2027-02-28',
    );
    expect(date(ext('We moved the target from November 30 to December 15.'))).toBe('2026-12-15');
  });
});

describe('signing while on the call (k235)', () => {
  it("dates \"I'm signing now, while we're on the call\" to the meeting's day", () => {
    expect(
      date(ext("Okay. Then I'm signing now, while we're on the call. Give me a second.")),
    ).toBe('2026-10-14');
    expect(date(ext("I'm signing now, on the call."))).toBe('2026-10-14');
    // A call still to come stays a meeting, not the close.
    expect(date(ext("Let's go through the contract on the call next Thursday."))).toBeNull();
  });
});

describe('a step on the way to the date agreed (k235)', () => {
  it('keeps the signing date when the process asked for names another month', () => {
    expect(
      date(
        ext("We'd want to sign by the end of January."),
        int("So end of January. What's your process between now and then?"),
        ext('Legal reviews the contract. And the partners approve the budget in December.'),
      ),
    ).toBe('2027-01-31');
    expect(
      date(
        ext("We'd want to sign by the end of January."),
        int("So end of January. What's your process between now and then?"),
        ext('Legal reviews it, and actually we could sign in December.'),
      ),
    ).toBe('2026-12-31');
  });
});

describe('the contract sent over is not the close (k238)', () => {
  it('reads no close date from "I\'ll get the contract over by Monday"', () => {
    expect(date(int("I'll get the contract over by Monday."))).toBeNull();
    expect(date(ext("Get the contract signed by Monday and we're done."))).toBe('2026-10-19');
  });
});

describe("another thing's deadline (k238)", () => {
  it('reads "Papers close on the sixth" as the board papers\' deadline, not the close', () => {
    expect(date(ext('Papers close on the sixth, so before then please.'))).toBeNull();
    expect(date(ext('Submissions close on the sixth.'))).toBeNull();
    expect(date(ext('We close on the sixth.'))).toBe('2026-11-06');
  });
});

describe('a day said alone, then the signing (k238)', () => {
  it('dates "The eighteenth. We\'ll sign it at the bank." to the eighteenth', () => {
    expect(date(ext("The eighteenth. We'll sign it at the bank, they've got a printer."))).toBe(
      '2026-10-18',
    );
    // A day said alone before something else is no signing.
    expect(date(int("Tuesday the twentieth, fine. I'll put that in."))).toBeNull();
  });

  it('keeps the month of the date held', () => {
    expect(
      date(ext('We sign on November 18.'), ext("The eighteenth. We'll sign it in the morning.")),
    ).toBe('2026-11-18');
  });
});

describe('"contracted by" (k243)', () => {
  it('reads "They want it contracted by the end of Q4" as the close', () => {
    expect(date(ext('They want it contracted by the end of Q4, before the winter.'))).toBe(
      '2026-12-31',
    );
  });
});

describe('a signature made some minutes ago (k161)', () => {
  it('dates "I signed it. About ten minutes ago." to the meeting day', () => {
    expect(date(ext('I signed it. About ten minutes ago, in DocuSign.'))).toBe('2026-10-14');
  });
});

describe('a slip said, then the new date (k250, k256)', () => {
  it('reads the date said after "it won\'t be this quarter" as the new close', () => {
    expect(
      date(
        ext("Yes. So, I'll be honest, it won't be this quarter."),
        ext('So the end of next quarter, definitely. The money is approved.'),
      ),
    ).toBe('2027-03-31');
    expect(date(ext("It won't be December. So end of January. And that's firm."))).toBe(
      '2027-01-31',
    );
    // Said of something else, the slip opens nothing.
    expect(date(ext("It won't be a problem. The training is in January."))).toBeNull();
  });
});

describe('something had before the call, said with a month (k267)', () => {
  it('keeps "we got two new ones in January" from dating the deal', () => {
    expect(
      date(
        ext("So for mine: I'd like to sign by the end of November."),
        int("End of November, OK. I'll send the final offer, forty-two trucks."),
        ext('Forty-four. We got two new ones in September.'),
      ),
    ).toBe('2026-11-30');
  });
});

describe('a paper sealed, and a retirement (k280)', () => {
  it('dates a contract stamped this morning or signed by the owner last night', () => {
    expect(date(ext('Good news. The contract was stamped this morning.'))).toBe('2026-10-14');
    expect(
      date(
        ext("Good news. My father signed it last night. I'll scan it and send it today."),
        ext('Fifteen seats is enough. Two old technicians retire in December.'),
      ),
    ).toBe('2026-10-13');
  });
});

describe('a date held, corrected by name later in the call (k280)', () => {
  it('takes "November 19th, not end of October" however long after the date was said', () => {
    expect(
      date(
        ext("So we'll sign by the end of October. That's my plan."),
        ext("Wait. Legal hasn't reviewed the personal information clause yet."),
        ext('Two weeks? For one clause?'),
        ext("It's location data. They're careful since the audit last year."),
        ext('Okay... then mid-November.'),
        ext("Let's say November 19th. That's a Friday."),
        ext('The 19th. Fine. Ji-woo, November 19th, not end of October. Sorry.'),
      ),
    ).toBe('2026-11-19');
  });

  it('leaves a date of something else put in place of the month held', () => {
    expect(
      date(
        ext("We'll sign by the end of December."),
        ext('The users are all in training that week.'),
        ext('And the warehouse team is away.'),
        ext('One request. Please invoice in January, not December.'),
      ),
    ).toBe('2026-12-31');
  });
});

describe('the seal put on the contract by a day (k280)', () => {
  it('dates "we\'ll put the hanko on it by the end of this month"', () => {
    expect(date(ext("We'll put the hanko on it by the end of this month."))).toBe('2026-10-31');
    // "with my hanko, going back to you by courier" dates nothing.
    expect(
      date(ext('The contract, with my hanko, is going back to you by courier today.')),
    ).toBeNull();
  });
});

describe('a month called off (k280)', () => {
  it('keeps the date held over "December is off, then."', () => {
    expect(
      date(
        ext('The contract date will be April 1st. All our new contracts start then.'),
        int('So signature on April 1st.'),
        ext('Yes. April 1st.'),
        int('Understood. December is off, then.'),
      ),
    ).toBe('2027-04-01');
  });
});

describe('a date that goes on with a deliverable (k311)', () => {
  it('reads "Realistically by the 23rd." after "we\'ll send you a quote" as the quote\'s day', () => {
    expect(
      date(
        ext('I can send you the list this week.'),
        int("Great. Once we have the list, we'll send you a quote. Realistically by the 23rd."),
      ),
    ).toBeNull();
  });

  it('still takes a signing date said after the paper is sent', () => {
    expect(
      date(
        ext("Send it over today and I'll sign it on Friday the 16th."),
        int("I'll send the final contract this afternoon. Friday the 16th, perfect."),
      ),
    ).toBe('2026-10-16');
    expect(date(int("I'll send the contract this week. We aim to sign by the 23rd."))).toBe(
      '2026-10-23',
    );
  });
});

describe('a change the customer made in the past (k315)', () => {
  it('keeps the signing date over "we changed our name in January"', () => {
    expect(
      date(
        ext('So we can sign before the end of the month.'),
        ext(
          'Just make sure the final PDF has the right legal entity, we changed our name in January.',
        ),
      ),
    ).toBe('2026-10-31');
  });
});

describe('the signing version is a document (k315)', () => {
  it('does not date the signing by "Signing version to Lisa and the CFO tonight."', () => {
    expect(
      date(
        ext('So he signs tomorrow morning.'),
        int('Signing version to Lisa and the CFO tonight.'),
      ),
    ).toBe('2026-10-15');
  });
});

describe("the rep's hope the customer does not take up (k315)", () => {
  it('reads no date from "I\'d love to get this signed before the end of April." "We\'ll see."', () => {
    expect(
      date(
        int("I'll be upfront with you, I'd love to get this signed before the end of November."),
        ext("We'll see. No promises. We have our own process, and it's not fast."),
      ),
    ).toBeNull();
    expect(
      date(
        int("I'd love to get this signed before the end of November."),
        ext('That works for us.'),
      ),
    ).toBe('2026-11-30');
  });
});

describe('a reason given after the date (k328, k326)', () => {
  it('does not make the date a general truth', () => {
    expect(
      date(
        ext(
          "Signed before Christmas. Let's say the twentieth of December at the latest, because after that nobody in the office answers the phone.",
        ),
      ),
    ).toBe('2026-12-20');
  });

  it('reads the date before "otherwise ..." (k326)', () => {
    expect(
      date(
        ext(
          "So the contract must be done by the end of November, otherwise onboarding doesn't fit.",
        ),
      ),
    ).toBe('2026-11-30');
  });

  it('leaves a general truth before the reason one', () => {
    expect(
      date(ext('Nobody here signs anything in December, because of the year-end close.')),
    ).toBeNull();
  });
});

describe('a date said only as a start (k328)', () => {
  it('is no close date when nothing is signed that day', () => {
    expect(
      date(
        ext('Yes. The award is the contract, there is no separate signing.'),
        ext('The contract period starts on the first of January.'),
      ),
    ).toBeNull();
  });

  it('leaves a start said with the signing to the signing', () => {
    expect(
      date(ext('We sign on the 20th of November and it starts on the first of January.')),
    ).toBe('2026-11-20');
  });
});

describe("a public buyer's award in its own language (k328)", () => {
  it('dates the close as the award does', () => {
    expect(
      date(ext('Then the final offers, and the Zuschlag is planned for the 27th of November.')),
    ).toBe('2026-11-27');
    expect(date(ext('La adjudicación is planned for the 27th of November.'))).toBe('2026-11-27');
  });
});
