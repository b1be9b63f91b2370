import * as chrono from 'chrono-node';
import {
  CARDINAL_DAY,
  DAY_ORDINALS,
  MONTH,
  MONTH_OR_SHORT,
  ORDINAL_DAY,
  ORDINAL_ONES,
  ORDINAL_TENTH_UP,
  WEEKDAY,
  WORKDAY,
  monthNumber,
} from './date-words.js';
import { wordsToNumber } from './words-to-number.js';
import {
  addDays,
  compareDates,
  daysInMonth,
  endOfFiscalYear,
  endOfMonth,
  endOfQuarter,
  fiscalYearOf,
  formatDate,
  localDate,
  nextEndOfQuarter,
  offsetMinutes,
  quarterOf,
  type LocalDate,
  WEEKDAYS,
  WEEKDAY_WEEK,
  dayOfWeek,
  weekdayWeek,
} from './calendar.js';
import {
  EARLIER_TODAY,
  MOMENTS_AGO,
  NAMED_SIGNER,
  PO_ISSUED,
  SALES_DOCUMENT,
  SIGNED_OPENING,
  SIGNED_PAPER_RECEIVED,
  SEAL,
  SEAL_PUT,
  SIGNER_ROLE,
  inStoryOfThePast,
  signingThenDone,
  toldOfAnotherTime,
} from './cues.js';
import { mentionsVendor } from './competitors.js';
import {
  HEDGE,
  HYPOTHETICAL,
  NEGATION,
  withoutQuestionTag,
  isQuestion,
  splitSentences,
} from './sentences.js';
import type { Candidate, ExtractContext, ExtractUtterance } from './types.js';

/** Signing at the meeting just named: its date is the signature's. */
const SIGN_THERE =
  /\b(we|they|i|he|she|the (ceo|cfo|chair\w*|president|director|board))( will|'ll)? signs? (there|then|that day|(at|in) (the|that) meeting)\b/i;

/**
 * A date said only as a bound ("done before the end of the month", "signed before
 * Christmas"), not a day fixed relative to one ("the Friday before Christmas").
 */
const BOUND_ONLY = new RegExp(
  String.raw`(?<!\b(day|week|weekend|(${WEEKDAY})|night|morning) )\b(before|ahead of)\b`,
  'i',
);

/**
 * A plan that waits only on things going as planned ("if the pilot goes well, end of
 * July we want it signed"; "if positive, signature end of March") is still the plan, and
 * so is one that may come early ("end of Q4 at the latest, and earlier if we can").
 */
const GOES_WELL =
  /\b(if|once) (the (pilot|poc|trial|test|evaluation)|all|everything|it) goes (well|to plan|ok(ay)?)\b|,?\s*\bif positive\b,?|\bif (all|everything) goes to plan\b|\b(earlier|sooner)( than that)? if (we|you|they) can\b/gi;

/** Another vendor chosen: "We decided for Personio", "we've gone with SunLedger". */
const CHOSE_OTHER =
  /\b(decided (for|on)|go(ing)? with|gone with|went with|chose|selected|signed with|picked)\b/i;

/** A day revised in reply: "Make it mid-March." It answers what the turn before proposed. */
const MAKE_IT = /^\s*((so|ok(ay)?|then|actually|no),? )*make it\b/i;

/**
 * A public buyer's award said in its own language, as buyers drop it into English calls:
 * Zuschlag, adjudicación, adjudicação, aggiudicazione, gunning, attribution du marché.
 */
const AWARD_WORD = String.raw`zuschlag|adjudicaci[oó]n|adjudica[cç][aã]o|aggiudicazione|gunning|attribution du march[eé]`;

/** Only these cues make a date a commitment; each carries how sure it makes us. */
const COMMITMENT_CUES: readonly { re: RegExp; base: number }[] = [
  {
    // "We'll put the hanko on it by the end of this month": the seal is the signature.
    re: new RegExp(
      String.raw`\b(sign(ed|ing)?|signatures?|countersign(ed)?|ink(ed)?|execut(e|ed|ing|ion)|contracted)\b.{0,30}\b(by|before|on|no later than|within)\b|\b(put|get|have|press|affix)\s+(the|our|my|his|her)\s+(company\s+|official\s+)?${SEAL}\s+on\s+(it|this|that|the (contract|agreement|order form|paperwork))\b.{0,20}\b(by|before|no later than|within|on)\b|\bsigned in\b|\b(have|get)\s+(it|this|that|the (contract|paperwork|order form|deal))\s+signed\b`,
      'i',
    ),
    base: 0.92,
  },
  {
    // "Board papers close on the sixth", "the office is closed on the 24th": another
    // thing's deadline or holiday, not the deal's.
    re: /(?<!\b(papers?|submissions?|applications?|nominations?|entries|bids?|tenders?|registrations?|window|portal|agenda|office|offices|schools?|banks?|shops?|stores?|plant|site|port|roads?|border|market|markets)( is| are| will be| get| gets)? )\b(clos(e|ed|ing))\b.{0,25}\b(by|on|before|earlier than|no later than)\b/i,
    base: 0.92,
  },
  // "We want this done this month. End of November, signed."
  {
    re: /\b(wants?|needs?|gets?) (this|it|the deal) (done|signed|closed)\b|,\s*signed\.?$/i,
    base: 0.86,
  },
  { re: /\b(close|closing|signing|signature) date\b/i, base: 0.9 },
  // "I'll sign the order form tomorrow": a promise to sign on a day said in the sentence.
  {
    re: /\b(i|we)('ll| will|'re going to| are going to| can) (sign|countersign|close)\b/i,
    base: 0.88,
  },
  // "And date?", "Signature?", "When then?": a bare question for the date opens the subject.
  {
    re: /^\W*(?:(?:and|so|ok(?:ay)?)[,\s]+)?(?:the )?(?:date|timing|signature|signing|when then|which date|what date)\s*\?\s*$/i,
    base: 0.84,
  },
  // "So, signature timing. Where are we?" opens the subject for the answers after it.
  { re: /\b(signature|signing|close|closing) (timing|timeline)\b/i, base: 0.86 },
  {
    re: /\bwhen (we|i|they) (would |will |'ll |can )?(sign|close|want the signature)\b|\bwhen(?:'s| is| are| do| does| would)? (he|she|they|you|we) (want(ing)?|plan(ning)?|hop(e|ing)|look(ing)?|aim(ing)?) to sign\b/i,
    base: 0.86,
  },
  // "So you'll have the signed contract and the PO Friday week.": the signature handed over.
  {
    re: /\b(you'll|you will) have (the |our |both |all )?(signatures?|signed|countersigned|executed)\b/i,
    base: 0.86,
  },
  // "Let's say the fifteenth of December for the PO."
  { re: /\bfor (signature|signing|the (po|purchase order|loa|signature))\b/i, base: 0.86 },
  // "Give us ten days from today to get the signature."
  {
    re: /\b(get|got|getting|have|need) (the|a|your|his|her|their|our) signatures?\b/i,
    base: 0.86,
  },
  // "And signature still the 15th of October?": the signature named with its date.
  {
    re: new RegExp(
      String.raw`\bsignature\b(?=.{0,30}\b(\d{1,2}(st|nd|rd|th)?|${MONTH}|end of|(${WORKDAY})|week|month|quarter)\b)`,
      'i',
    ),
    base: 0.84,
  },
  // "Our board meeting is the 18th of December, we sign there": the meeting's day.
  { re: SIGN_THERE, base: 0.86 },
  // "So I would say end of next month is realistic."
  { re: /\b(is|'s|sounds|seems|looks) (more |quite |very |a lot more )?realistic\b/i, base: 0.8 },
  {
    // "issue the LoA by the eighteenth": a public buyer's letter of award is its signature.
    re: /\b(contract|paperwork|order form|po|purchase order|loa|loi|letters? of (award|intent)|work order)\b.{0,30}\b(by|before|on|in place)\b/i,
    base: 0.9,
  },
  // "Deadline for quotes is the twenty-sixth" is the tender's, not the signing's.
  {
    re: /\b(target(s|ed|ing)?|deadline(?! (for|on) (the )?(quotes?|bids?|proposals?|offers?|submissions?|applications?|questions|responses|tenders?|rfps?|rfqs?)\b))\b/i,
    base: 0.86,
  },
  // "Realistically it'll be signed the ninth of April."
  { re: /\b(be|been|gets?|getting) (signed|executed)\b/i, base: 0.86 },
  // "The decision is the end of March now", "the decision moves to the end of September".
  {
    re: /\b(decision|signing|signature|close)( date)? (is|will be|moves|moved|slips|slipped|is pushed|pushed|goes) (to )?(now )?(the|on|in|at|by|before|end)\b/i,
    base: 0.84,
  },
  // "Make it mid-March. The fifteenth."
  { re: MAKE_IT, base: 0.8 },
  // "We aim to award by the 31st of March" (a public buyer's signature is its award).
  {
    re: new RegExp(
      String.raw`\b(award(ed|ing)?|${AWARD_WORD})\b.{0,30}\b(by|before|on|no later than)\b`,
      'i',
    ),
    base: 0.86,
  },
  // "Could it land next quarter instead?": a deal landing is its close.
  { re: /\b(land|lands|landing)\b.{0,20}\b(in|by|before|this|next|end)\b/i, base: 0.82 },
  // "So realistically we are working toward March 31st", "March 31 is the date".
  { re: /\bworking towards?\b|\b(is|as) the (target |signing |close )?date\b/i, base: 0.84 },
  // "Let us do it by end of quarter", "get this done by the 20th"; "we do that by hand"
  // is how, not when.
  {
    re: /\b(do|get|have) (it|this|that)( done)? (by(?! (hand|ourselves|myself|themselves|email|e-mail|phone|post|mail|default)\b)|before|sooner than|earlier than)\b/i,
    base: 0.84,
  },
  // "End of January for the signature", "that's when I want the signature".
  { re: /\b(for|when) (the |i want the |we want the )?(signature|signing)\b/i, base: 0.88 },
  // "complete the purchase by", "get it through by EOM", "have it done before".
  {
    re: /\b(complete|finish|finali[sz]e|wrap(ped)?( (it|this|that))?( up)?|(have|get) (it|this|that|the deal) wrapped up|(get|have|got|want) (it|this|that|the (deal|contract|paperwork|purchase)) (done|through|over the line|approved|agreed|signed|sorted|in place|done and dusted)|('d like|would like) (it|this|that|the (deal|contract|paperwork)) (agreed|signed)|purchase|buy|sign[- ]?off|signed off)\b.{0,30}\b(by|before|no later than)\b/i,
    base: 0.86,
  },
  // The seller recording the date: "I'll move it to end of Q3", "put it at end of Q4".
  {
    re: /\b(put|move|update|change|set|mark|forecast)\b.{0,25}\b(it|that|this|the (date|close( date)?|deal|opportunity))\b(?! next to| beside)(?!.{0,20}\bnext to\b).{0,20}\b(at|to|for|in(?! writing)|as|down)\b/i,
    base: 0.86,
  },
  { re: /\b(decision|decide)\b.{0,20}\bby\b/i, base: 0.85 },
  // "The decision and signature are planned for the 14th", "the award happens by end of Q2".
  {
    re: new RegExp(
      String.raw`\b(decision|award(ed)?|${AWARD_WORD}|signature)\b.{0,40}\b(planned|scheduled|expected|happens?|will (be|happen)|they want|want it)\b`,
      'i',
    ),
    base: 0.85,
  },
  // The seller asking where to record it: "Should I put a specific date in our forecast?"
  {
    re: /\b(put|write|pencil|enter|use)\b.{0,20}\b(date|forecast)\b|\bin (our|the|my) forecast\b/i,
    base: 0.84,
  },
  // "I wanted to align on timing": opens the subject for the dates said in answer.
  {
    re: /\b(align|talk|agree)\b.{0,10}\b(timing|timeline)\b|\bwhat(?:'s| is) the timing\b/i,
    base: 0.82,
  },
  // Any other talk of signing with a date in the sentence: "we sign this Friday",
  // "end of March to sign", "the contract I sign next Tuesday".
  {
    re: /(?<!\b(a|good|great|bad|positive|promising|first) )\b(sign|signs|signing)\b(?!\s+(off|up))/i,
    base: 0.84,
  },
  // A date revised in the call: "So no, scratch the thirteenth. Let's make it the twentieth."
  { re: /\b(let's|let us|we'll|we will|can we) make it\b/i, base: 0.82 },
  // "Then let's aim for that. End of your financial year.", "end of January at the latest".
  { re: /\b(aim(ing)? (for|at)|at the latest|realistically)\b/i, base: 0.82 },
  // "We won't make June.", "It won't be this quarter.": the date slips, and the date
  // said next is the new one ("So end of July. And that's firm.").
  {
    re: new RegExp(
      String.raw`\b(won't|will not|(not|never) going to|can't|cannot) (make|be|happen (in|by|before)|hit) (it (in|by) )?(the end of )?(this |next )?(${MONTH}|this month|this quarter|this year|the quarter|the month|year[- ]end|q[1-4])\b`,
      'i',
    ),
    base: 0.82,
  },
  // "How're we tracking on the signature?", "And timing, still end of March?": the
  // subject opened for the answers after it.
  {
    re: /\b(tracking|status|update|news) (on|with) the (signature|signing)\b|\btiming\b/i,
    base: 0.82,
  },
];

/** How many utterances a commitment cue keeps the deal's timing the subject. */
const TOPIC_SPAN = 2;
const TOPIC_DISCOUNT = 0.06;
/**
 * A sentence that is a date before anything else, after a name called at most ("Ji-woo,
 * November 19th, not end of October."): "Please invoice in January, not December" is not.
 */
function opensOnDate(text: string, mentions: readonly DateMention[]): boolean {
  const name = /^\W*(?:\p{Lu}[\p{L}-]*,\s*)?/u.exec(text)?.[0].length ?? 0;
  return mentions.length > 0 && mentions[0]!.index <= name;
}

/** The cue a correction of the date held carries when the subject's own has lapsed. */
const CORRECTION_BASE = 0.86;

/** The date is about a meeting, not the deal ("let's meet again on the 15th"). */
const MEETING =
  /\b(meet(ing)?|see (you|y'all|ya|everyone|everybody)|ask me( again)? (in|after|next)|call(?!-)|ping|remind|sync|catch[- ]?up|follow[- ]?up|check[- ]?in|reconvene|talk|speak|chat|touch base|circle back|calendar (invite|hold|slot|time)|(my|the|your|our) calendar|invite|schedule|reschedule|demo|session|workshop|walkthrough|(site|reference|plant|mine|factory|customer) visit)\b/i;

/**
 * A meeting named only as the point a date is set against ("before our partners' meeting"),
 * or the call itself as the time something is done ("I'm signing now, while we're on the call").
 */
const REFERENCE_MEETING =
  /\b(before|after|ahead of|at|because of|for|by) (our|the|their|your|his|her) ([\w'-]+ ){0,3}(meeting|call|session)\b|\b(the|our|their) ([\w'-]+ ){0,2}(only |will )?(meet|meets)\b|\b(while|as) (we're|we are|we) (still )?(on the (call|line|phone)|talk(ing)?|speak(ing)?)\b|\bon this call\b|\b(now|here),? on the call\b/gi;

const MOVED = /\b(mov|push|slip|shift|chang|bump|delay|postpon)\w*/i;

/** A decision a signing waits on: "the board meets on the 9th", "the committee votes". */
const DECISION_EVENT =
  /\b(board|committee|council|panel|cabinet|shareholders|approv\w*|decid\w*|decision|vote|votes|voting)\b/i;
/** A decision named just before its day: "the board meets December tenth", "Board on the 24th". */
const DECISION_BEFORE = new RegExp(
  `${DECISION_EVENT.source}[^,.;]{0,25}\\b(?:on|is|at|meets|sits|convenes|votes)\\s+(?:on\\s+)?(?:the\\s+)?(?:\\w+day,?\\s+)?(?:the\\s+)?$`,
  'i',
);
/** How many turns after the decision's date a bare day still follows it. */
const DECISION_SPAN = 2;

/**
 * The date of something else the call plans around: a committee or board sitting, user
 * testing, questions due, a person back from travel, a start. Said after the signing
 * talk ("It goes to the capital committee on the 27th"), it does not borrow its cue.
 */
/**
 * A slot in a diary, not a signing: "Thursday afternoon works for me", "Thursdays are
 * best", "Tuesday at three" ("I've blocked out Friday morning" may be the signing). Said after the signing talk, it is the next
 * meeting's time and does not borrow the signing's cue.
 */
const SLOT = new RegExp(
  String.raw`\b(${WEEKDAY})s?( (morning|afternoon|evening|lunch(time)?)s?)? (works?|suits?|(is|are) (best|good|fine|free|better))\b|\b(${WEEKDAY}) at (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon)\b|\bthe (\d{1,2}(st|nd|rd|th)|\w+(st|nd|rd|th)),? at (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon)\b(?![.,]\d| (percent|thousand|million|k)\b)|\bo'clock\b`,
  'i',
);

const OTHER_EVENT =
  /\b(committee|board|council|panel|cabinet|uat|user acceptance|testing|clarifications?|questions|back (on|from|in)|(is|are|'s|'re) back|returns?|travel(l)?ing|fly(ing)?|flight|vacation|holiday|leave|weddings?|retir(e|es|ing|ement)|conference|present(s|ing)?|submission|submit\w*|bids?|tender|start(s|ing)?|begin(s|ning)?|kick(s|ing)? off|out (the|all|this|that|next) (whole )?week|out of (the )?office|away|(take|bring|show) [\w' ]{0,25}to (the|our|my) (cfo|ceo|cio|cto|coo|vp|board|committee|director|boss|leadership))\b/i;

/**
 * A signature already made, or a purchase order issued: "I signed the order form this
 * morning", "signed April 10", "procurement issued the PO".
 */
const SIGNED_ALREADY = new RegExp(
  `\\b((i|we|they|he|she|(our|the|my) (\\w+ ){0,2}${SIGNER_ROLE}|(dr|mr|mrs|ms)\\.? [A-Z][a-z]+) (just |already |finally )?(signed|countersigned|docusigned|${SEAL_PUT})|(docusign|envelope|signature) (came back|is back|completed)|(contract|order form|agreement|paperwork) came back (fully )?(signed|countersigned|executed)|(signed|countersigned|executed) (contract|order form|agreement|paperwork|copy) (came|is|was) back|${SIGNED_PAPER_RECEIVED}|${PO_ISSUED}|(it|contract|order form|agreement|paperwork|po|purchase order)( (for|with) [^,.;:?!]{1,40}?)?('s| was| is| has been| got) (fully )?(signed|countersigned|executed|stamped)|(?<!\\b(want|wants|get|gets|have|has|need|needs|like|expect|expects|getting|having) )(the|our) (contract|order form|agreement|paperwork) (signed|countersigned) (on (mon|tues|wednes|thurs|fri|satur|sun)day|last|yesterday)\\b)\\b|${SIGNED_OPENING}`,
  'i',
);
/** A signature made as the call goes: "There, signed.", "Signing. Done.", "I just signed it." */
const SIGNED_NOW =
  /^\s*((there|okay|ok|and|right|so|done),?\s+)?(all |now )?signed( it)?[.!]|\bsigning\W+done\b|\b(i'm|i am|we're|we are) signing (it )?(now|as we speak)\b|\b(i|we)('ve| have)? just (signed|countersigned|docusigned)\b/i;
/**
 * "It's signed, I'm sending it now", "I signed it and sent it right back": the signed
 * document on its way back, no other subject.
 */
const SENDING_IT_BACK =
  /\b(i'm|i am|we're|we are|i'll|we'll|i|we|and|then) (just )?(sending|send|sent|emailing|email|emailed) (it|this|that|them)( right)?( back| over| across| now| to you)*\b/gi;
/** "Purchasing sent you the PO": the purchase order made out is the close, no paperwork. */
const PO_SENT = new RegExp(PO_ISSUED, 'gi');

/**
 * "Let's target January 15th and I'll hold the price until then": the speaker's own
 * promise after the date is another clause, and its "until" conditions nothing.
 */
const PROMISE_TAIL = /,?\s+\b(and|but) (i|we)('ll| will)\b/i;

/** The part of a sentence whose conditions bind the dates said in it. */
function conditionScope(text: string, mentions: readonly DateMention[]): string {
  const tail = PROMISE_TAIL.exec(text);
  if (!tail || mentions.length === 0 || mentions.some((m) => m.index >= tail.index)) return text;
  return text.slice(0, tail.index);
}

/** "There, signed." in one sentence, or "Signing. ...Done." in two. */
function signsNow(sentence: string, next: string | undefined): boolean {
  return SIGNED_NOW.test(sentence) || signingThenDone(sentence, next);
}

/** How far back a signature may be and still be this deal's close. */
const SIGNED_WITHIN_DAYS = 62;

/** A few words going on from the sentence before: "Like April.", "Say the tenth." */
const FRAGMENT = /^\W*(?:like|say|maybe|probably|around|roughly)\b(?:\s+[\w'-]+){1,3}\W*$/i;

const IF_CHOSEN =
  /\bif (?:it's|it is|it's going to be) you\b|\bif we (?:go|went) with you\b|\bif you(?:'re| are) (?:chosen|selected|the one)\b/gi;

/** A sentence about what is still to come: "He said he'll do it first thing Monday." */
const AHEAD = /\b(will|going to|gonna|first thing|tomorrow|next)\b|\w'll\b/i;

/** A quarter or year-end of the customer's own: "our Q2" said by them, "your Q2" to them. */
const OUR_QUARTER = /\b(our|fiscal) (fiscal )?(q[1-4]|quarter|year[- ]end|fy|fiscal year)\b/i;
const YOUR_QUARTER = /\byour (fiscal )?(q[1-4]|quarter|year[- ]end|fy|fiscal year)\b/i;

const MONTH_WORD =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** The customer telling their fiscal year: "our fiscal runs October to September". */
const FISCAL_STARTS = new RegExp(
  `\\bfiscal(?: year)? (?:runs|goes|is|starts|begins|start|begin)(?: (?:from|in|on|the first of))* ${MONTH_WORD}\\b`,
  'i',
);
const FISCAL_ENDS = new RegExp(
  `\\bfiscal(?: year)? (?:ends|closes|end|close)(?: (?:in|on|at the end of|the \\w+ of))* ${MONTH_WORD}\\b`,
  'i',
);

/** "Our fiscal year is not the calendar year. It runs from July to June." */
const FISCAL_SPAN = new RegExp(
  `\\b(?:runs|goes|is) from ${MONTH_WORD} (?:to|through|till|until) ${MONTH_WORD}\\b`,
  'i',
);

/** The month the customer's fiscal year starts in, when someone on the call says it. */
function customerFiscalStart(utterances: readonly ExtractUtterance[]): number | null {
  for (const u of utterances) {
    if (u.side === 'internal' && !/\byour fiscal\b/i.test(u.text)) continue;
    const span = /\b(fiscal|financial year)\b/i.test(u.text) && FISCAL_SPAN.exec(u.text);
    if (span) return monthNumber(span[1]!);
    const starts = FISCAL_STARTS.exec(u.text);
    if (starts) return monthNumber(starts[1]!);
    const ends = FISCAL_ENDS.exec(u.text);
    if (ends) return (monthNumber(ends[1]!) % 12) + 1;
    if (u.side === 'external' && CALENDAR_YEAR.test(u.text)) return 1;
  }
  return null;
}

/** "We run on a calendar year", "our fiscal year is the calendar year". */
const CALENDAR_YEAR =
  /\b(we|our company|the company) (run|are|work|operate)s? on (a|the) calendar year\b|\b(our|the) (fiscal|financial) year is (just )?(a|the) calendar year\b/i;

/** A date that waits on something else is not a commitment ("on hold until the Q2 budget"). */
const CONDITIONAL =
  /\b(until|till|pending|on hold|depends on|depending on|contingent|subject to|once|as soon as|provided|when the budget|budget (cycle|opens|approval))\b/i;

/**
 * A date that belongs to something other than the deal's signature. Each part names one
 * kind of other subject; the sentence is off the signature when any of them is in it.
 */
const OTHER_SUBJECTS = {
  /** The sentence opens on a document: "The revised proposal, end of next week." */
  documentFirst: new RegExp(
    `^\\W*(a |the |our |my |your )?(new |revised |updated |final )?${SALES_DOCUMENT}\\b(?![^.?!]*\\bsign)`,
  ),
  /**
   * A document handed to someone, or wanted by them: "you'll have the updated order form",
   * "the contract needs to be with our legal by the first week of December".
   * The signature itself handed over ("you'll have signatures by Friday", "the signed
   * contract and the PO") is the close.
   */
  handedOver:
    /\b(put (it|this|that) (to|in front of) (the|our|my) (board|committee|cfo|ceo|exec\w*|leadership)|(be|is|are) with (our|their|the|your) (legal|lawyers?|counsel|procurement)|inbox|(you'll|you will) have(?! (the |our |both |all |a |an )?(signatures?|signed|countersigned|executed)\b)|(updated|revised|new|final|clean|corrected|written|formal) (order form|proposal|quote|contract|msa|draft|number|price|pricing|figure)|(need|want) the(?! [\w-]+ to \w)(?! ([\w-]+ ){1,2}(signed|countersigned|executed)\b))\b/,
  /** The project after the signature: "live by March", "kick-off in January". */
  project:
    /\b(kick-?off|onboarding|installation|go(es|ing)?[- ]live|(be|^\W*)live (by|in|on|before)|(up and )?running (by|in|before)|to implement|launch(es|ing)?|implementation|rollout|roll out|training|start date|go-live date|set(ting)? (things|everything|it all|you all|your team|the system) up|setup)\b/,
  /**
   * Paperwork on the way to the signature: sending, reviewing, a pilot, an NDA, the minutes
   * of a negotiation session ("Bring someone who can sign the minutes."), a tender's
   * questions ("The deadline for clarifications is the seventh.").
   */
  paperwork:
    /\b(rout(e|ing) (it |this |that |the \w+ )?for signature|send|sent|share|get (a|the|our|my|your) ([\w-]+ )?(proposal|quote|deck|comparison|business case|summary|contract|agreement|order form|msa|docs|documents) (over|across|out|to you)|review(ed|ing)?|redlines?|draft|feedback|comments|pilot|trial|poc|proof of concept|nda|dpa|questionnaire|sign(s|ed|ing)? (the )?(minutes|procès-verbal|attendance (sheet|list))|deadline for (clarifications|questions|bids|submissions|offers))\b/,
  /** The customer's own books and targets: "the November numbers", "our hiring". */
  customersBooks:
    /\b((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* (numbers|figures|data|report|results|statements?|invoices?)|books|budget (ask|request|submission)s?|revenue|sales|growth|quota|hiring|headcount|funding)\b/,
  /** The contract they have now: "their current contract ends in June", "it expires". */
  currentContract:
    /\b(renewal with|current (vendor|contract|provider)|existing contract|their (current )?(contract|subscription|licen[cs]e|agreement) (ends|runs out|finishes|is up))\b|\b(contract|subscription|licen[cs]e|agreement|renewal)\b.{0,30}\bexpir/,
};
const OTHER_SUBJECT = new RegExp(
  Object.values(OTHER_SUBJECTS)
    .map((part) => part.source)
    .join('|'),
  'i',
);

/** Something the seller hands over before the signing: a document, a quote, a call set up. */
const DELIVERABLE = new RegExp(
  [OTHER_SUBJECTS.documentFirst, OTHER_SUBJECTS.handedOver, OTHER_SUBJECTS.paperwork]
    .map((part) => part.source)
    .join('|'),
  'i',
);

/**
 * A delivery with its day ("I can get it to you Thursday", "I'll have the proposal with
 * you by Friday", "I'll get you the revised version by the 11th"): a date for the thing
 * handed over, not for the signature.
 */
const DELIVERY =
  /\b(?:get|have)\s+(?:it|this|that|them|(?:the|a|an|our|my|your)\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:over\s+)?(?:to|with)\s+(?:you|him|her|them)\b|\bget\s+you\s+(?:it|the|a|an|our|my)\b/i;

/**
 * Negations that refuse no signing: a short answer that nothing more is needed for it,
 * and a habit of never signing unread.
 */
const NO_REFUSAL =
  /^\W*(no,? )?not for (the )?(signature|signing)\b|\b(i|we) (don't|do not|never|won't) sign (what|anything|things|stuff|nothing)\b/i;

/** What, handed over, is the close itself: "I can get the signature to you Friday", a PO. */
const CLOSING_PAPER = /\b(?:signatures?|signed|po|purchase orders?)\b/i;

/**
 * The date the seller's own records hold, said to compare: "I have end of September in
 * my system, so that's a big change.", "I had June 30th, so it's only a few days."
 */
const RECORDED = new RegExp(
  String.raw`\b(i|we)('ve| have|'d| had)( got)?\b[^.?!]{0,40}\b(in|on) (my|our|the) (system|crm|forecast|pipeline|salesforce|hubspot)\b|\b(i|we) had (the )?((end|middle) of |mid-?)?(${MONTH})\b`,
  'i',
);

/**
 * A paper on its way to be signed: "I'll send you the contract for signature Monday",
 * "I'll make sure the final contract is with you by Wednesday". Its day is the sending's,
 * so a "Monday's good." after it answers that, not the signing.
 */
const PAPER_ON_ITS_WAY =
  /\b(send|sending|email|get|have)\b[^.?!]{0,40}\bfor (your |his |her |their )?(signature|signing)\b|\b(i|we)('ll| will)\b[^.?!]{0,30}\b(send|have|get|make sure)\b[^.?!]{0,40}\b(contract|agreement|order form|paperwork|documents?|papers?)\b/i;

/** A date ruled out without a "not": "April is too late.", "May would be too tight." */
const TOO_LATE =
  /\b(is|'s|are|would be|will be|was) (already |way |much |far )?too (late|early|soon|tight|far( out)?|risky)\b|\b(is|'s|would be) (impossible|out of the question)\b/i;

/** A feast's date said or checked: "Easter is April 1st this year". */
const FEAST_DATED =
  /\b(easter|christmas|ramadan|eid|diwali|carnival|passover|hanukkah|thanksgiving|lunar new year|chinese new year|tet|songkran)( day)? (is|falls|'s|starts|begins)\b/i;

/** An old plan, not the current one ("we originally targeted March"). */
const PAST =
  /\b(told|said to|mentioned to|promised) (you|us|him|her|them) (in|on|last|back in) |\b(was|were) (to|due|planned|going to|meant to)\b|\b(we've|we have) done (it|this|that)\b|\b(was|were|got|been|already|we) (signed|closed|countersigned)\b|\b(originally|previously|used to|was supposed|were supposed|had (planned|targeted|hoped|wanted|aimed|talked about|spoken of|floated)|you (wanted|were hoping for|hoped for|were aiming (at|for))|last (year|quarter|month)|missed|slipped from)\b/i;

/**
 * Words in front of a date that mark it as the replaced value ("from March to April",
 * "forget what I said about January").
 */
const REPLACED_BEFORE =
  /\b(from|instead of|rather than|(faster|earlier|sooner|quicker) than|not|no longer|moved off|away from|no (point|sense|use) (in )?(pushing|aiming|going|hoping|rushing) for|(forget|scratch|ignore|disregard) (what (i|we) said )?(about )?)\s*((on|in|by|at)\s+)?(the\s+)?$/i;

/** The start of a period is not a close date; these make the sentence undecided. */
const PERIOD_START_BEFORE =
  /\b(start|beginning|begin|early|middle|first half|second half|h1|h2)\b\s*(of\s+)?(the\s+)?$/i;

const AFFIRMATION =
  /^\s*(yes|yeah|yep|yup|correct|right|agreed|that works|works for us|sounds good|sounds right|exactly|definitely|absolutely|confirmed|we can do that)\b/i;

type Precision = 'day' | 'month' | 'quarter-end' | 'quarter' | 'year-end';

interface DateMention {
  date: LocalDate;
  index: number;
  length: number;
  precision: Precision;
  text: string;
}

/**
 * Whether dates were said and none of them is `held`, the close date already proposed:
 * a sentence that names only other days leaves the one held alone. With `monthWide`, a
 * month said covers every day of it ("December is impossible" reaches December 15), and
 * a quarter or a year is never another time.
 */
function onlyOtherDates(
  dates: readonly DateMention[] | undefined,
  held: string | undefined,
  monthWide = false,
): boolean {
  if (held === undefined || dates === undefined || dates.length === 0) return false;
  return dates.every((m) => {
    if (!monthWide || m.precision === 'day') return formatDate(m.date) !== held;
    // A quarter or a year is too wide to be another time than any day in it.
    return m.precision === 'month' && formatDate(m.date).slice(0, 7) !== held.slice(0, 7);
  });
}

const SPOKEN_MONTH_DAY = new RegExp(
  String.raw`\b(${MONTH}) (${CARDINAL_DAY})\b(?!-|\s(?:${ORDINAL_ONES})\b)(?![- ](?:hundred|thousand|million|percent|people|users|seats))`,
  'gi',
);

/** "Thirty January": a cardinal day before its month. */
const SPOKEN_DAY_MONTH = new RegExp(String.raw`\b(${CARDINAL_DAY}) (${MONTH})\b`, 'gi');

/** Where a sentence speaks of the signature itself. */
const SIGN_WORD = /\b(sign(s|ed|ing)?|signature|countersign\w*|close|closing)\b/i;
/** A day counted from another ("the next day") says nothing on its own. */
const RELATIVE_DAY = /\b(next|same|following|previous) (day|week)\b/i;

const MONTH_THE_ORDINAL = new RegExp(
  String.raw`\b(${MONTH}) the (twenty[- ]|thirty[- ])?(${ORDINAL_DAY})\b`,
  'gi',
);

/**
 * "the eleventh" said as a day: followed by the end of the clause or a small word, not by
 * a noun it counts ("the second shop", "the third option").
 */
const BARE_ORDINAL_WORD = new RegExp(
  String.raw`\bthe (twenty[- ]|thirty[- ])?(${ORDINAL_DAY})\b(?!\s+to\s+(?:know|hear|tell|say|admit|try|ask|reply|respond|answer|find out)\b)(?!\s+(?:i|we|you|they|he|she)(?:'m|'re|'ve| am| are| have)?\s+(?:talk|speak|see|hear|meet|ask|call|spoke|saw|heard|met|contact|tri|use|bought)\w*)(?=\s*([.,;:!?)\u2014-]|$)|\s+(at|is|works?|would|will|should|could|then|for|and|or|it|that|we|i|if|so|but|too|as|to|latest|instead|sounds|fine|ok|okay|please|yes|yeah|right|in|on|by|with|since|when|which|we'll|i'll|they|he|she|you|was|is|are|looks|suits|after|before|maybe|probably|perhaps|hopefully|though|anyway|still|already|now|officially|exactly|sharp|latest)\b)`,
  'gi',
);

const OPENING_ORDINAL = new RegExp(
  String.raw`^\W*((?:twenty|thirty)[- ]|)(${ORDINAL_DAY})\b(?=\s*[,.!?]|\s+(?:then|please|latest|at the latest|is|works|it is|before|or|of)\b)`,
  'gi',
);

/** A day of the month without its month ("the 10th"). */
const BARE_DAY = new RegExp(
  String.raw`^(?:the )?(\d{1,2}(st|nd|rd|th)|((twenty|thirty)[- ])?(${ORDINAL_DAY}))$`,
  'i',
);

/** A date said outright: a month, a day's number, a weekday, a quarter or a period's end. */
const EXPLICIT_DATE = new RegExp(
  String.raw`\b(twenty|thirty)[- ](${ORDINAL_ONES})\b|\b(${ORDINAL_TENTH_UP})\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\d|\b(days?|weeks?|months?) (from|after) (today|now)\b|\b(weeks?|fortnight) (from )?(today|tomorrow)\b|\bin \w+ (days|weeks|months)\b|\b(thanksgiving|christmas|halloween|new year)|\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b|\b(eo[mqy]|end of|q[1-4]|quarter|fiscal|fy|year[- ]end)\b|\bthe ((twenty|thirty)[- ])?(${ORDINAL_DAY})\b`,
  'i',
);

const PRECISION_PENALTY: Record<Precision, number> = {
  day: 0,
  'year-end': 0.03,
  'quarter-end': 0.03,
  month: 0.1,
  quarter: 0.15,
};

/**
 * A slip denied keeps the date: "Don't let it slip into January", "it won't slip". The
 * sentence is passed over whole, before any cue is read; `AFFIRMING_NOT` is the other
 * "not" that says yes, blanked later inside a sentence that does date the deal.
 */
const HELD =
  /\b(won't|will not|not going to|(don't|do not|never) let (it|this|that|the (deal|contract|signature|signing|date)))\s+(slip|slide|drift|move)\b/i;

/** A later sentence that takes a date back ("signing is on hold", "we won't make the 15th"). */
const RETRACT = new RegExp(
  String.raw`\b(on hold|slip(s|ped|ping)?|push(ed|ing)? (it |this |that )?(out|back)|delay(ed|s)?|won't work|doesn't work|not going to happen|off the table|at risk|no longer|paused|(in|into) stone|depends on|impossible|unrealistic|out of the question)\b|` +
    // "December is off, then.", "Q4's out.": a time named, then called off.
    String.raw`\b(${MONTH}|q[1-4]|this (month|quarter|year))('s| is) (off|out)\b(?! (of|to|on|for|with)\b)`,
  'i',
);

/**
 * A general truth about a period, not a plan for it: "Q1 is always hell for us",
 * "nobody here has time to breathe in Q1", "December is usually dead"; a greeting or a
 * wish ("Happy Thanksgiving", "then we can all have a quiet December"); a date not promised.
 */
const GENERAL =
  /\b(always|usually|typically|normally|every (year|quarter|month)|each (year|quarter)|nobody|no one|(no|zero) time|(is|are|'s|goes|go|gets|get) (always |usually |pretty |really |just |going to be |gonna be )?(rough|busy|crazy|hectic|slammed|a mess|dead|tough|chaos|chaotic|nuts|insane|a zoo)\b|(happy|merry) (thanksgiving|holidays?|new year|christmas|xmas|hanukkah|chanukah|diwali|easter|eid|birthday)|(have|enjoy) (a|an|the) (quiet|good|nice|great|relaxing|restful|calm|peaceful|lovely|happy|proper) |(i|we) (don't|do not|can't|cannot) promise|(is|'s|are) (our|the) (biggest|busiest|slowest|quietest|peak|best|worst|big) (month|season|time|week|quarter|period)s?)\b/i;

/**
 * The reason given after a date ("the twentieth at the latest, because after that nobody
 * in the Rathaus answers the phone", "by the end of November, otherwise onboarding doesn't
 * fit"): it explains the date and is no subject of its own.
 */
const REASON_GIVEN = /,\s+(?:because|otherwise|or else)\b.*$/i;

/** A date the call commits to, or a sentence that takes the date back. */
type ScanEntry = Dated | 'retracted';

/** A committed date; `signedInCall` when the customer signed as the call went. */
interface Dated extends Candidate<string> {
  signedInCall?: true;
}

/** The candidate without the scan's own marks. */
const candidateOf = ({ signedInCall: _, ...candidate }: Dated): Candidate<string> => candidate;

/**
 * "Sign in January as planned", "say end of February" of a deal closing on the 29th of
 * January or the 26th of February: a month said loosely that holds the CRM's date says
 * that date, so the call restates it. A quarter's or year's end is a day of its own.
 */
function loosely(mention: DateMention, dealCloseDate: string | null | undefined): string | null {
  if (!dealCloseDate) return null;
  const said = formatDate(mention.date);
  if (dealCloseDate.slice(0, 7) !== said.slice(0, 7)) return null;
  if (mention.precision === 'month') return dealCloseDate;
  // "Sign end of January, as planned" of a deal closing on Friday the 29th, the last
  // working day: a month's end said loosely is the CRM's date when that is near it.
  // "End of next week" is a week's end, which names its own day.
  const nearEnd = Math.abs(Number(said.slice(8)) - Number(dealCloseDate.slice(8))) <= 3;
  const monthEnd = PERIOD_END.test(mention.text) && !/\bweek\b/i.test(mention.text);
  return monthEnd && nearEnd ? dealCloseDate : null;
}

/**
 * What a signing is for, said after it: "sign by the end of Q1 so the rollout happens
 * before the summer". The project named there is no other subject of the date.
 */
const PURPOSE_AFTER = /\s+so (that )?(the|our|your|we|they|it)\b.*$/i;

/** Two dates offered as open ("maybe February, maybe later"): nothing is settled. */
const OPEN_ENDED =
  /\b(or|maybe|could be|possibly|perhaps|probably) (later|earlier|after that|before that)\b|\bwho knows\b|\b(let's|let us|we'll|we will) see\b|\bno (rush|hurry)\b/i;

/**
 * Every close-date commitment in the call, in order. A sentence yields one only when
 * it carries a commitment cue, exactly one date (after dropping a replaced one), and
 * none of the guards: question, hypothesis, condition, negation, a meeting's date, or
 * an old plan. Dates before the meeting or more than three years after it are dropped.
 */
export function closeDateCandidates(
  utterances: readonly ExtractUtterance[],
  ctx: ExtractContext,
): Candidate<string>[] {
  return scan(utterances, ctx)
    .filter((e) => e !== 'retracted')
    .map(candidateOf);
}

/**
 * The close date the call settles on: the last commitment wins. When the call said
 * different dates, the winner loses a little confidence, since a later revision may
 * have been missed by the guards; when a later sentence takes the date back
 * ("on hold", "we won't make the 15th"), nothing is proposed.
 */
export function extractCloseDate(
  utterances: readonly ExtractUtterance[],
  ctx: ExtractContext,
): Candidate<string> | null {
  const entries = scan(utterances, ctx);
  // "Okay... signed. Done." "Now get my cards here before the 1st.": once the deal is
  // signed in the call, later dates are of delivery or onboarding, not of the close.
  const signed = entries.find((e) => e !== 'retracted' && e.signedInCall);
  if (signed !== undefined && signed !== 'retracted') return candidateOf(signed);
  let last = entries[entries.length - 1];
  if (last === undefined || last === 'retracted') return null;
  // "He will sign tomorrow." ... "So it is done before the end of the month.": a bound
  // the day said before already keeps is no new date.
  if (BOUND_ONLY.test(last.quote)) {
    const bounded = last.value;
    const earlier = entries
      .slice(0, -1)
      .reverse()
      .find((e): e is Dated => e !== 'retracted');
    // The same bound said again ("Before Christmas would be wonderful") is no day.
    const sameBound = earlier && BOUND_ONLY.test(earlier.quote) && earlier.value === bounded;
    if (earlier && keeps(earlier.value, bounded) && !sameBound) last = earlier;
    // "We still want this signed before Christmas" of a deal closing on the 18th: the
    // CRM's date already keeps the bound, so the call changes nothing.
    else if (
      ctx.dealCloseDate &&
      ctx.dealCloseDate >= formatDate(localDate(new Date(ctx.startedAt), ctx.timeZone)) &&
      keeps(ctx.dealCloseDate, bounded)
    )
      return null;
  }
  const revised = entries.some((c) => c !== 'retracted' && c.value !== last.value);
  const chosen = candidateOf(last);
  return revised ? { ...chosen, confidence: clamp(chosen.confidence - 0.05) } : chosen;
}

/** A day put after a date as what it means: ", that's the 18th", ", which is the 30th". */
const RESTATED_BEFORE = /,\s*(?:that's|that is|which is|which would be|i\.e\.,?)\s+$/i;

/** Whether a date (YYYY-MM-DD) falls on or before a bound in the bound's month. */
function keeps(date: string, bound: string): boolean {
  return date <= bound && date.slice(0, 7) === bound.slice(0, 7);
}

function scan(utterances: readonly ExtractUtterance[], ctx: ExtractContext): ScanEntry[] {
  const instant = new Date(ctx.startedAt);
  const today = localDate(instant, ctx.timeZone);
  const reference = { instant, timezone: offsetMinutes(instant, ctx.timeZone) };
  const out: ScanEntry[] = [];
  // The deal's timing as the subject of the talk: set by a sentence with a commitment
  // cue (a question too: "if I put it at the end of our Q3, does that feel safe?").
  // A signature already made ("It was signed on Friday") puts the dates of the answers
  // after it in the past too ("Yes, Friday the 6th.").
  let topic: { base: number; utteranceIndex: number; past: boolean } | undefined;
  const topicDates: LocalDate[] = [];
  // Those said as a month ("mid-January", "January"): they lend their month to a bare
  // day, but their own day was never said ("the 15th of December ... until mid-January"
  // ... "The 15th works." is December's).
  const monthsOnly = new Set<LocalDate>();
  // "Are we still on for the 30th?" of a deal closing on the 30th of December: a bare
  // day is the CRM's date when nothing else was said on the subject.
  const crm = crmDate(ctx.dealCloseDate, today);
  // "Our fiscal runs October to September. ... the very end of our Q2": the customer's
  // quarters are their own year's, when they tell it.
  const theirs = customerFiscalStart(utterances);
  const fyFor = (text: string, side: ExtractUtterance['side']): number =>
    theirs !== null && (side === 'internal' ? YOUR_QUARTER : OUR_QUARTER).test(text)
      ? theirs
      : ctx.fiscalYearStartMonth;
  // "The board meets on the 9th of December. ... Let's say by the 18th": the decision the
  // signing waits on, dated with its month, that a bare day after it follows.
  let decided: { date: LocalDate; utteranceIndex: number } | undefined;
  // Once the customer said they chose another vendor, a signature is theirs.
  let choseOther = false;
  // A signature made, dated in the call: a purchase order issued after it keeps its date.
  let signatureDated = false;
  // The last sentence was about something handed over or done before the signing ("we'll
  // send you a quote"), with no commitment cue of its own.
  let handedOver = false;
  utterances.forEach((u, utteranceIndex) => {
    if (
      u.side !== 'internal' &&
      CHOSE_OTHER.test(u.text) &&
      mentionsVendor(u.text, ctx.competitors ?? [])
    )
      choseOther = true;
    const sentences = splitSentences(u.text);
    handedOver = false;
    for (const [sentenceIndex, s] of sentences.entries()) {
      // "It was signed on Friday, didn't you get it?" is read without its tag; the quote keeps it.
      let said = withoutQuestionTag(s.text);
      const asked = utterances[utteranceIndex - 1]?.text ?? '';
      // "So, proposal and questionnaire Thursday, Board on the 24th, and we work toward
      // signature by the 18th": a recap off the subject as a whole is read by its one
      // clause on the signing, when that clause is on it.
      let whole = subjectOf(said, asked, choseOther, ctx);
      // "By the end of November, otherwise onboarding doesn't fit": a sentence off the
      // subject only for the reason after its date is read without that reason.
      const reasonless = said.replace(REASON_GIVEN, '');
      if (whole.offTopic && reasonless !== said) {
        const without = subjectOf(reasonless, asked, choseOther, ctx);
        if (!without.offTopic && without.own) [said, whole] = [reasonless, without];
      }
      // "We did exactly that with the document people last year. Signed on the thirtieth
      // of December and regretted it for a year.": a signing in a story of the past.
      if (whole.own && inStoryOfThePast(sentences[sentenceIndex - 1]?.text, said)) continue;
      const clause = whole.offTopic ? signingClause(said) : null;
      const inClause = clause === null ? null : subjectOf(clause, asked, choseOther, ctx);
      const narrowed =
        inClause !== null &&
        !inClause.offTopic &&
        (inClause.own?.base ?? 0) >= CLAUSE_CUE_MIN &&
        !HEDGED.test(inClause.text);
      const { text, signedAlready, own, story, ...picked } = narrowed ? inClause : whole;
      // "Once we have the list, we'll send you a quote. Realistically by the 23rd.", "Then
      // let's get you the revised offer. Anna, by Monday?": a sentence with no word of the
      // signing that follows one goes on with it.
      const offTopic =
        picked.offTopic ||
        (handedOver &&
          EXPLICIT_DATE.test(text) &&
          !SIGN_WORD.test(`${asked} ${text}`) &&
          !CLOSING_PAPER.test(text) &&
          (own?.base ?? 0) < CLAUSE_CUE_MIN);
      handedOver = picked.offTopic && !own && (DELIVERABLE.test(text) || DELIVERY.test(text));
      if (DECISION_EVENT.test(said) && !isQuestion(said) && EXPLICIT_DATE.test(said)) {
        const on = findDates(said, today, reference, fyFor(said, u.side))?.find(
          (m) =>
            m.precision === 'day' &&
            compareDates(m.date, today) > 0 &&
            // "Board on the 24th": the decision is named just before its day; "the last
            // board meeting before Christmas" is not on Christmas.
            DECISION_BEFORE.test(said.slice(Math.max(0, m.index - 40), m.index)),
        );
        if (on) decided = { date: on.date, utteranceIndex };
      }
      // A date said in answer or in recap ("End of October, yes.", "Tuesday the 20th.")
      // carries the cue of the sentence that opened the subject, a little less surely.
      // "The budget is there, it was approved in October": an event past, no signing.
      const pastEvent = !own && PAST_EVENT.test(text);
      const cue = pastEvent
        ? undefined
        : (own ??
          (topic &&
          utteranceIndex - topic.utteranceIndex <= TOPIC_SPAN &&
          !OTHER_EVENT.test(text) &&
          !SLOT.test(text)
            ? { re: /$^/, base: topic.base - TOPIC_DISCOUNT }
            : undefined));
      // An aside ("the commission meets on the 14th") is skipped but keeps the subject.
      // "Please don't ask me for a signing date" opens no subject for the dates after it.
      // "We'll not sign before that then. Say the twelfth." bounds the signing, and the
      // day said next answers it.
      const refused = NEGATION.test(text) && !EXPLICIT_DATE.test(text) && !NOT_BEFORE.test(text);
      // "Last year we signed everything in December.": no date, but the subject.
      if (story && !narrowed) topic = { base: STORY_TOPIC_BASE, utteranceIndex, past: false };
      // The rest of a narrowed recap is about other things: what follows answers those.
      if (own && !offTopic && !refused && !narrowed) {
        topic = { base: own.base, utteranceIndex, past: signedAlready };
        // Its dates name the month a later "the 10th it is" means; a signature made is
        // dated back ("the order form was signed Tuesday").
        const said = findDates(text, today, reference, fyFor(text, u.side), signedAlready) ?? [];
        // A bare day ("the twenty-sixth") names no month; it is resolved below.
        for (const m of said) {
          if (BARE_DAY.test(m.text) || STARTS_ON.test(text.slice(0, m.index))) continue;
          topicDates.push(m.date);
          if (m.precision === 'month') monthsOnly.add(m.date);
        }
      }
      // A date for something else ("I'll send both options in the proposal by Wednesday")
      // moves the subject on: "Grand, Wednesday." answers that, not the signing talk.
      // So does a question about a meeting ("Shall I book a scoping workshop with Ben?").
      if (
        offTopic &&
        (!own || PAPER_ON_ITS_WAY.test(text)) &&
        !story &&
        (EXPLICIT_DATE.test(text) || isQuestion(text))
      )
        topic = undefined;
      const softened = text.replace(GOES_WELL, '');
      // "Which date in January?" "Say the 22nd.": the month asked about is the answer's.
      if (isQuestion(text) && cue && !offTopic && EXPLICIT_DATE.test(text)) {
        const asked = findDates(text, today, reference, fyFor(text, u.side)) ?? [];
        topicDates.push(...asked.filter((m) => m.precision === 'month').map((m) => m.date));
      }
      if (isQuestion(text) || HYPOTHETICAL.test(softened) || offTopic) continue;
      // "If it's approved, we'd sign right away. Like April.": the fragment goes on the if.
      const previous = sentences[sentenceIndex - 1]?.text;
      // "Same week if it's you. Say the 18th.": choosing us is the deal's own condition.
      if (
        previous !== undefined &&
        FRAGMENT.test(text) &&
        HYPOTHETICAL.test(previous.replace(IF_CHOSEN, ''))
      ) {
        continue;
      }
      if (GENERAL.test(text.replace(REASON_GIVEN, '')) || OPEN_ENDED.test(text)) continue;
      // "There, signed.": the customer signing as they speak closes the deal today.
      if (
        u.side !== 'internal' &&
        !choseOther &&
        signsNow(text, sentences[sentenceIndex + 1]?.text) &&
        !EXPLICIT_DATE.test(text) &&
        !aboutAnotherVendor(asked, ctx)
      ) {
        topicDates.push(today);
        out.push({
          value: formatDate(today),
          confidence: u.side === 'external' ? 0.86 : 0.8,
          quote: s.text,
          utteranceIndex,
          startSeconds: u.startSeconds,
          signedInCall: true,
        });
        continue;
      }
      // Date parsing is the costly part: only a commitment or a possible retraction needs it.
      if (!cue && !NEGATION.test(text) && !RETRACT.test(text)) continue;
      // An answer on a signature already made ("Which Friday?" "Friday the 6th.") is in
      // the past when every date in it can be; "Mid-February, the 15th." after "last year
      // we signed in December" is not.
      const earlier =
        !own && topic?.past === true && !AHEAD.test(text)
          ? findDates(text, today, reference, fyFor(text, u.side), true)
          : undefined;
      const past = own
        ? signedAlready
        : earlier !== undefined &&
          earlier.some((m) => compareDates(m.date, addDays(today, -SIGNED_WITHIN_DAYS)) >= 0) &&
          earlier.every((m) => compareDates(m.date, today) <= 0);
      // "She's been on the road since Thanksgiving": a time since is a past one.
      const raw = (
        past
          ? (earlier ?? findDates(text, today, reference, fyFor(text, u.side), true))
          : findDates(text, today, reference, fyFor(text, u.side))
      )?.filter((m) => !SINCE_BEFORE.test(text.slice(0, m.index)));
      // "December tenth, and we'd sign the next day, the eleventh": a bare day after a
      // month said in the same sentence is in that month (or the next, if it has passed).
      // "End of January, the 29th", "mid-March, the 15th": a bare day after a month said
      // as a period is in it.
      const periodSaid = raw?.find(
        (m) => !BARE_DAY.test(m.text) && (m.precision === 'month' || PERIOD_END.test(m.text)),
      );
      // "The contract with the start date on the first of January ... we sign on the
      // fifteenth": a start date lends its month to no other day.
      const monthSaid = raw?.find(
        (m) =>
          !BARE_DAY.test(m.text) &&
          m.precision === 'day' &&
          m !== periodSaid &&
          !STARTS_ON.test(text.slice(0, m.index)),
      );
      const found = raw
        ?.map((m) =>
          !BARE_DAY.test(m.text)
            ? m
            : periodSaid && m.index > periodSaid.index
              ? { ...m, date: inMonthOf(periodSaid.date, m.date.day) ?? m.date }
              : monthSaid && m.index > monthSaid.index
                ? {
                    ...m,
                    // "before Christmas, that's the 18th": the day restates, in its month.
                    date:
                      (RESTATED_BEFORE.test(text.slice(0, m.index))
                        ? inMonthOf(monthSaid.date, m.date.day)
                        : dayOnOrAfter(monthSaid.date, m.date.day)) ?? m.date,
                  }
                : topicDates.length > 0
                  ? { ...m, date: sameDaySaid(m.date, topicDates, monthsOnly, past) }
                  : { ...m, date: crm.find((d) => d.day === m.date.day) ?? m.date },
        )
        .map((m) =>
          BARE_DAY.test(m.text) &&
          !past &&
          decided &&
          utteranceIndex - decided.utteranceIndex <= DECISION_SPAN &&
          compareDates(m.date, decided.date) < 0
            ? { ...m, date: dayOnOrAfter(decided.date, m.date.day) ?? m.date }
            : m,
        )
        .map((m) =>
          // "That is a Friday, right?" "Friday, yes.": the weekday of the date just said.
          WEEKDAY_ONLY.test(m.text)
            ? { ...m, date: sameWeekdaySaid(m.date, topicDates) }
            : { ...m, date: onItsWeekday(m.text, m.date, today, past) },
        );
      // Borrowing the cue, only a date said outright counts: not "now" or "a day later".
      // "The decision is the end of March now": "now" beside a date said outright is no date.
      // "What I need now is to put it in front of my banker": "now" is a date only of a
      // signature made as it is said ("I'm signing it right now").
      const dated =
        found?.some((m) => EXPLICIT_DATE.test(m.text)) || !SIGNING_NOW.test(text)
          ? found?.filter((m) => !/^(now|right now)$/i.test(m.text))
          : found;
      // "Okay, then April 30th. That's the date. We'll sign by then.": the date said just
      // before is the one "then" means.
      const undated = own !== undefined && (dated === undefined || dated.length === 0);
      // "The eighteenth. We'll sign it at the bank.": a day said alone, then the signing.
      const dayAlone =
        undated &&
        sentenceIndex > 0 &&
        SIGN_WORD.test(text) &&
        saidAlone(sentences[sentenceIndex - 1]!.text, today, reference, fyFor(text, u.side));
      const pointedAt =
        undated && (BY_THEN.test(text) || dayAlone)
          ? dateSaidBefore(
              sentences,
              sentenceIndex,
              today,
              reference,
              fyFor(text, u.side),
              dayAlone,
            )
          : undefined;
      // "December 18th works." ... "The eighteenth. We'll sign it then.": a day said alone
      // keeps the month of the date held, not the nearest month with that day.
      const meant = pointedAt && dayAlone ? inHeldMonth(pointedAt, out) : pointedAt;
      const mentions = meant
        ? [meant]
        : own
          ? dated
          : dated?.filter(
              (m) =>
                EXPLICIT_DATE.test(m.text) ||
                TOMORROW_ALONE.test(text) ||
                // "I signed it." "About an hour ago.": when a signature made was.
                (past && SIGNED_WHEN.test(m.text)),
            );
      // "Don't let it slip into January.", "It won't slip from our side.": the date held.
      if (HELD.test(text) && !own) continue;
      // "Not for the signature.", "I don't sign what I ain't heard.": a negation that
      // refuses nothing of the signing.
      if (NO_REFUSAL.test(text)) continue;
      const replaced = (mentions ?? []).filter((m) => REPLACED_BEFORE.test(text.slice(0, m.index)));
      // "not the 15th" names the replaced date; any other negation turns the commitment round.
      const negated = negatedNear(text, mentions ?? [], replaced) || TOO_LATE.test(text);
      // "On hold" near the subject takes the date back; a negation only with a date or
      // cue of its own ("we won't sign by March"), not "and not a day later".
      const saysDate = own !== undefined || (mentions !== undefined && mentions.length > 0);
      const retracts = RETRACT.test(text) && (cue !== undefined || found !== undefined);
      // "Not January, no way procurement finishes by January" rules January out, not
      // the March 31 said before it.
      const held = [...out].reverse().find((e) => e !== 'retracted')?.value;
      if (negated && onlyOtherDates(mentions, held) && !retracts) continue;
      // "I'll sign it first thing tomorrow morning. Today's impossible.": the day the
      // sentence opens on is ruled out, not the one held; "December is impossible now"
      // rules out December 15.
      const opensOnOtherDay =
        (found?.[0]?.index ?? Infinity) <= 2 && onlyOtherDates(found, held, true);
      if (retracts && opensOnOtherDay) continue;
      // "I signed yesterday evening. I didn't want to sign with him watching me.": a
      // negation in the past after a signature made in the call explains it.
      if (negated && signatureDated && PAST_NEGATION.test(text) && !retracts) continue;
      if ((saysDate && negated) || retracts) {
        out.push('retracted');
        continue;
      }
      // "We want to sign until the twentieth" (Portuguese "até", Spanish "hasta"): by it.
      const conditional = CONDITIONAL.test(
        conditionScope(text, mentions ?? []).replace(/\b(sign(ed|ing)?|signature) until\b/gi, ''),
      );
      // "The board is in the first week of February, so the 5th of February, not January":
      // a date put in place of one said on the subject is on the subject, whatever else
      // the sentence names.
      // "November 19th, not end of October", however long after "we'll sign by the end of
      // October": the date held, named as replaced, keeps the subject whatever came between.
      const corrects =
        (topic !== undefined &&
          utteranceIndex - topic.utteranceIndex <= TOPIC_SPAN &&
          replaced.some((r) =>
            topicDates.some((d) => d.year === r.date.year && d.month === r.date.month),
          )) ||
        (held !== undefined &&
          opensOnDate(text, mentions ?? []) &&
          replaced.some((r) => formatDate(r.date).slice(0, 7) === held.slice(0, 7)));
      const correctedBase = (topic?.base ?? CORRECTION_BASE) - TOPIC_DISCOUNT;
      const cueHere = cue ?? (corrects ? { re: /$^/, base: correctedBase } : undefined);
      if (!cueHere || mentions === undefined || conditional) continue;
      const current = withoutStarts(
        text,
        mentions.filter((m) => !replaced.includes(m)),
      );
      // "The contract period starts on the first of January": a start alone is no signing.
      if (!SIGN_WORD.test(text) && current.every((m) => saidAsStart(text, m))) continue;
      const distinct = new Set(current.map((m) => formatDate(m.date)));
      let mention = current[current.length - 1]!;
      const narrowing = distinct.size > 1 ? narrows(text, current) : null;
      if (narrowing) mention = narrowing;
      // "by November 30 or December 15" offers a choice, which is no date.
      else if (distinct.size !== 1 && !/\bor\b/i.test(text)) {
        // "The board meets on the 10th and we'd sign the next day, the eleventh": the
        // first date said outright after the signing word is the signing's.
        const at = own ? SIGN_WORD.exec(text)?.index : undefined;
        const after =
          at === undefined
            ? undefined
            : current.find(
                // A signature made may be dated loosely: "signed last night", "yesterday".
                (m) =>
                  m.index > at &&
                  (EXPLICIT_DATE.test(m.text) || signedAlready) &&
                  !RELATIVE_DAY.test(m.text),
              );
        if (!after) continue;
        // "before we break up for Christmas, that's the 18th": the day says what it meant.
        const restated = current.find(
          (m) =>
            m.index > after.index &&
            m.precision === 'day' &&
            RESTATED_BEFORE.test(text.slice(0, m.index)) &&
            keeps(formatDate(m.date), formatDate(after.date)),
        );
        // "Sign in January, let's say by the 15th of January, and install in February": a
        // day of the month said next, in the month the signing was put in, narrows it.
        const refined =
          after.precision === 'month'
            ? current.find(
                (m) =>
                  m.index > after.index &&
                  m.precision === 'day' &&
                  DAY_OF_MONTH.test(m.text) &&
                  formatDate(m.date).slice(0, 7) === formatDate(after.date).slice(0, 7),
              )
            : undefined;
        mention = restated ?? refined ?? after;
      } else if (distinct.size !== 1) continue;
      // "I'd love to get this signed before the end of April." "We'll see. No promises.": the
      // rep's hope, which the customer does not take up.
      if (u.side === 'internal' && NONCOMMITTAL.test(utterances[utteranceIndex + 1]?.text ?? ''))
        continue;
      const earliest = past ? addDays(today, -SIGNED_WITHIN_DAYS) : today;
      if (compareDates(mention.date, earliest) < 0) continue;
      if (past && compareDates(mention.date, today) > 0) continue;
      if (compareDates(mention.date, addDays(today, 3 * 366)) > 0) continue;
      // "The director signed the contract yesterday. And Hang issued the PO this morning.":
      // the purchase order follows the signature the call dated; it does not move it.
      const signature = signedAlready && SIGN_WORD.test(text);
      if (signedAlready && !signature && signatureDated) continue;
      if (signature) signatureDated = true;
      let confidence = cueHere.base - PRECISION_PENALTY[mention.precision];
      // Lowercase "may" hedges; capitalised it is usually the month.
      if (HEDGE.test(text) || /\bmay\b/.test(text)) confidence -= 0.15;
      if (u.side === 'unknown') confidence -= 0.05;
      if (u.side === 'internal' && !affirmedByCustomer(utterances, utteranceIndex))
        confidence -= 0.1;
      // The date taken names the month a later "the fifteenth" means, and a correction
      // keeps the subject going ("But then January, not December." "Which date in
      // January?" "Say the 22nd.").
      topicDates.push(mention.date);
      if (mention.precision === 'month') monthsOnly.add(mention.date);
      if (corrects)
        topic = topic
          ? { ...topic, utteranceIndex }
          : { base: CORRECTION_BASE, utteranceIndex, past: false };
      out.push({
        value: loosely(mention, ctx.dealCloseDate) ?? formatDate(mention.date),
        confidence: clamp(confidence),
        quote: s.text,
        utteranceIndex,
        startSeconds: u.startSeconds,
      });
    }
  });
  return out;
}

/** "since the 3rd", "after April first": a day counted from, not a day the deal signs. */
const SINCE_BEFORE = /\b(since|ever since|after)\s+(the\s+)?$/i;

/** What a date may be the day of besides the signature: "April 1st start", "the 5th go-live". */
const STARTS_AFTER = /^\s*(start|go[- ]?live|kick-?off|launch|rollout|onboarding)\b/i;

/**
 * "March 26th for signature, April 1st start": with a date said as a start beside
 * others, the start is left out.
 */
function withoutStarts(text: string, mentions: readonly DateMention[]): DateMention[] {
  const others = mentions.filter((m) => !STARTS_AFTER.test(text.slice(m.index + m.length)));
  return others.length > 0 ? others : [...mentions];
}

/** A date said as the day something starts: "starts on the first", "April 1st start". */
function saidAsStart(text: string, m: DateMention): boolean {
  return (
    STARTS_ON.test(text.slice(0, m.index)) || STARTS_AFTER.test(text.slice(m.index + m.length))
  );
}

/** The deal's close date in the CRM, when it is a day still to come. */
function crmDate(date: string | null | undefined, today: LocalDate): LocalDate[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!m) return [];
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return compareDates(day, today) >= 0 ? [day] : [];
}

const DAY_OF_MONTH = /\d|\b(first|second|third|\w+th)\b/i;

/** When a signature already made was, said loosely: "about an hour ago", "just now". */
const SIGNED_WHEN = new RegExp(String.raw`\b${MOMENTS_AGO}\b`, 'i');

const SHORT_MONTH_ALONE = /^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?[,;:!?]?$/i;

/** Something done before the call: "it was approved in October", "they were told last week". */
const PAST_EVENT =
  /\b(was|were)\s+(\w+ed|done|given|told|sent|paid)\s+(in|on|last|back|at|by)\b|\b(we|they|i|he|she) (got|bought|hired|added|opened|lost|received|ordered|replaced|sold|changed|renamed|merged|rebranded|switched|installed)\b[^.?!]{0,30}\b(in|on|last|back in)\b/i;

/** A month's end said as a period ("end of January"), which chrono dates to its last day. */
const PERIOD_END = /^(the )?end of\b/i;

/** Words that make a date said before a day a bound the day falls within. */
const BOUND_BEFORE = /\b(before|by|until|till|no later than|ahead of)\s+(the\s+)?$/i;

/**
 * "Before Christmas, let us say by the eighteenth of December", "before the year end,
 * the 22nd of December", "end of January, the 29th": a day said after a period or bound
 * that holds it narrows it, and is the date. Null unless every other date said is such.
 */
function narrows(text: string, mentions: readonly DateMention[]): DateMention | null {
  const last = mentions[mentions.length - 1]!;
  // A day of the month said as one: "the 22nd", "the eighteenth of December", not a
  // holiday or a weekday.
  if (last.precision !== 'day' || !DAY_OF_MONTH.test(last.text)) return null;
  const day = formatDate(last.date);
  const holds = (m: DateMention) =>
    m.index < last.index &&
    keeps(day, formatDate(m.date)) &&
    (m.precision !== 'day' || PERIOD_END.test(m.text) || BOUND_BEFORE.test(text.slice(0, m.index)));
  return mentions.slice(0, -1).every(holds) ? last : null;
}

/** The day of the month in a date's own month, when the month has it. */
function inMonthOf(date: LocalDate, day: number): LocalDate | null {
  return day <= daysInMonth(date.year, date.month) ? { ...date, day } : null;
}

const HOLIDAY = new RegExp(
  String.raw`\b(?:the (${WORKDAY}) (before|after) )?(thanksgiving|christmas eve|christmas|halloween|new year'?s eve|new year'?s day|new year'?s|new year)\b`,
  'gi',
);

/** The holiday's next date on or after `today` (US Thanksgiving: November's fourth Thursday). */
function holidayOnOrAfter(name: string, today: LocalDate): LocalDate {
  const inYear = (year: number): LocalDate => {
    switch (name.toLowerCase()) {
      case 'thanksgiving': {
        const firstWeekday = dayOfWeek({ year, month: 11, day: 1 });
        return { year, month: 11, day: 1 + ((4 - firstWeekday + 7) % 7) + 21 };
      }
      case 'christmas eve':
        return { year, month: 12, day: 24 };
      case 'christmas':
        return { year, month: 12, day: 25 };
      case 'halloween':
        return { year, month: 10, day: 31 };
      case "new year's eve":
      case 'new years eve':
        return { year, month: 12, day: 31 };
      default:
        // New Year's (Day): the first of January.
        return { year, month: 1, day: 1 };
    }
  };
  const thisYear = inYear(today.year);
  return compareDates(thisYear, today) >= 0 ? thisYear : inYear(today.year + 1);
}

/** The Friday of ISO week `week` of this year, or of next year once it has passed. */
function fridayOfIsoWeek(week: number, today: LocalDate): LocalDate | null {
  if (week < 1 || week > 53) return null;
  for (const year of [today.year, today.year + 1]) {
    // ISO week 1 holds January 4th; its Monday starts the count.
    const jan4 = { year, month: 1, day: 4 };
    const monday = addDays(jan4, -((dayOfWeek(jan4) + 6) % 7));
    const friday = addDays(monday, (week - 1) * 7 + 4);
    if (compareDates(friday, today) >= 0) return friday;
  }
  return null;
}

function weekdayAfter(d: LocalDate, weekday: number): LocalDate {
  const ahead = (weekday - dayOfWeek(d) + 7) % 7 || 7;
  return addDays(d, ahead);
}

function weekdayBefore(d: LocalDate, weekday: number): LocalDate {
  const back = (dayOfWeek(d) - weekday + 7) % 7 || 7;
  return addDays(d, -back);
}

/** This week's Friday (or next week's), the business week's end. */
function fridayOf(today: LocalDate, weeksAhead: number): LocalDate {
  return addDays(today, ((5 - dayOfWeek(today) + 7) % 7) + 7 * weeksAhead);
}

/** "The 10th" after "signing on December 10th" is that day, not the next 10th to come. */
/** The first date on or after `from` whose day of the month is `day`. */
function dayOnOrAfter(from: LocalDate, day: number): LocalDate | null {
  let { year, month } = from;
  if (day < from.day) [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  return day <= daysInMonth(year, month) ? { year, month, day } : null;
}

const NTH_WEEKDAY_OF_MONTH = new RegExp(
  String.raw`\bthe (first|second|third|fourth|last) (${WEEKDAY}) (?:in|of) (jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b`,
  'gi',
);

/** "The last working day of January": the month's last weekday from Monday to Friday. */
const LAST_WORKING_DAY =
  /\bthe last (?:working|business|work) day (?:in|of) (jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/gi;

function lastWorkingDay(year: number, month: number): LocalDate {
  const end = endOfMonth(year, month);
  const weekday = dayOfWeek(end);
  return addDays(end, weekday === 0 ? -2 : weekday === 6 ? -1 : 0);
}

/** The first to fourth, or the last, given weekday (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, nth: string): LocalDate {
  if (nth === 'last') {
    const end = endOfMonth(year, month);
    return addDays(end, -((dayOfWeek(end) - weekday + 7) % 7));
  }
  const first = { year, month, day: 1 };
  const offset = (weekday - dayOfWeek(first) + 7) % 7;
  const index = ['first', 'second', 'third', 'fourth'].indexOf(nth);
  return addDays(first, offset + 7 * index);
}

/** Words right before the date something starts on. */
const STARTS_ON =
  /\b(?:start(?:s|ing)?(?: date)?|go-?live|begin(?:s|ning)?)(?: (?:is|on|of|from))?(?: the)?\s*$/i;

/** A signature as it is said: "I'm signing it right now", "the link now, you sign online". */
const SIGNING_NOW =
  /\bsign(?:s|ed|ing)?\b[^.?!]{0,20}\b(?:right |just )?now\b|\bnow\b[^.?!]{0,20}\bsign(?:s|ed|ing)?\b/i;

/** A weekday said alone ("Friday, yes."). */
const WEEKDAY_ONLY = /^(on )?(mon|tues|wednes|thurs|fri|satur|sun)day,?$/i;

/** "Friday the fourth": a weekday and a day of the month, the month unsaid. */
const WEEKDAY_AND_DAY = new RegExp(
  String.raw`^(?:on )?(${WEEKDAY}),?\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?|(?:(?:twenty|thirty)[- ])?(?:${ORDINAL_DAY}))$`,
  'i',
);

/**
 * "Friday the fourth" is the next fourth that is a Friday (the 4th of December when the
 * 4th of November is a Wednesday): the weekday says which month.
 */
function onItsWeekday(text: string, date: LocalDate, today: LocalDate, past: boolean): LocalDate {
  const m = WEEKDAY_AND_DAY.exec(text.trim());
  if (!m) return date;
  const weekday = WEEKDAYS.indexOf(m[1]!.toLowerCase().slice(0, 3));
  // Of a signature made ("he signed on Friday the twenty-seventh", said on December
  // 2nd), the latest such day up to today; else the next from the month said on.
  const from = past ? today : date;
  for (let step = 0; step < 12; step++) {
    const index = from.year * 12 + from.month - 1 + (past ? -step : step);
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    if (date.day > daysInMonth(year, month)) continue;
    const candidate = { year, month, day: date.day };
    if (past && compareDates(candidate, today) > 0) continue;
    if (dayOfWeek(candidate) === weekday) return candidate;
  }
  return date;
}

/** The last date said on the subject that falls on the same weekday, else `date`. */
function sameWeekdaySaid(date: LocalDate, said: readonly LocalDate[]): LocalDate {
  for (let i = said.length - 1; i >= 0; i--)
    if (dayOfWeek(said[i]!) === dayOfWeek(date)) return said[i]!;
  return date;
}

function sameDaySaid(
  date: LocalDate,
  said: readonly LocalDate[],
  monthsOnly: ReadonlySet<LocalDate>,
  past = false,
): LocalDate {
  for (let i = said.length - 1; i >= 0; i--) {
    if (said[i]!.day === date.day && !monthsOnly.has(said[i]!)) return said[i]!;
  }
  // "Signed by the end of February. The twenty-sixth, say.": the month just named, unless
  // that puts a day still to come behind it ("the signature last week" ... "we sign it
  // before the fifteenth").
  const last = said[said.length - 1];
  if (last && date.day <= daysInMonth(last.year, last.month)) {
    const inMonth = { year: last.year, month: last.month, day: date.day };
    if (past || compareDates(inMonth, date) >= 0) return inMonth;
  }
  return date;
}

/** The rep asking for the steps before a date just agreed. */
const PROCESS_ASKED =
  /\b(process|steps?|what (needs|has) to happen|what happens)\b[^?]*\b(between now and then|before (then|that)|until then|to get there)\b/i;

/** What a sentence says of the signing: its own cue, a signature made, or another subject. */
interface SigningSubject {
  text: string;
  signedAlready: boolean;
  own: { re: RegExp; base: number } | undefined;
  offTopic: boolean;
  /** A signature told of another time: the subject, with no date of its own. */
  story: boolean;
}

/**
 * Reads one sentence (or one clause of it) for the scan. `asked` is the turn before,
 * `choseOther` whether the customer said they went with another vendor.
 */
function subjectOf(
  text: string,
  asked: string,
  choseOther: boolean,
  ctx: ExtractContext,
): SigningSubject {
  // "Last year we signed everything in December.": a story, which dates nothing but
  // makes the signing the subject ("And this year?" "Mid-February, the 15th.").
  const signature = SIGNED_ALREADY.test(text) || NAMED_SIGNER.test(text);
  const story = signature && toldOfAnotherTime(text);
  // "The contract with them is signed?" "Signed last Friday.": someone else's.
  const signedAlready =
    signature &&
    !story &&
    !choseOther &&
    !isQuestion(text) &&
    !aboutAnotherVendor(`${text} ${asked}`, ctx);
  const own = signedAlready
    ? { re: SIGNED_ALREADY.test(text) ? SIGNED_ALREADY : NAMED_SIGNER, base: 0.9 }
    : COMMITMENT_CUES.find((c) => c.re.test(text));
  const offTopic =
    (MEETING.test(text.replace(REFERENCE_MEETING, '')) && !SIGN_THERE.test(text)) ||
    // "Let's set it for the fourteenth, at ten.": a day at an hour is a meeting's.
    (SLOT.test(text) && !SIGN_WORD.test(text) && !CLOSING_PAPER.test(text)) ||
    // "We check in a week from Monday?" "Make it Tuesday.": the meeting moved, not the deal.
    (own?.re === MAKE_IT && MEETING.test(asked) && !SIGN_WORD.test(asked)) ||
    // "What's your process between now and then?" "The partners approve the budget in
    // December.": a step on the way to the date just agreed, not the signing.
    (PROCESS_ASKED.test(asked) && !SIGN_WORD.test(text)) ||
    // "Easter is April 1st this year", and the answer to "Easter is early next year, April
    // 1st, right?": the feast's day, not the signing's.
    (FEAST_DATED.test(text) && !SIGN_WORD.test(text)) ||
    (FEAST_DATED.test(asked) && isQuestion(asked) && !SIGN_WORD.test(`${asked} ${text}`)) ||
    (PAST.test(text) && !signedAlready) ||
    RECORDED.test(text) ||
    // "Now I need the contract in final form, I sign on the twenty-first": the
    // document is wanted for the signing the sentence dates.
    ((OTHER_SUBJECT.test(
      text
        .replace(GOES_WELL, '')
        .replace(signedAlready ? SENDING_IT_BACK : /$^/, '')
        .replace(signedAlready ? PO_SENT : /$^/, '')
        .replace(own ? PURPOSE_AFTER : /$^/, ''),
    ) ||
      (DELIVERY.test(text) && !CLOSING_PAPER.test(text))) &&
      !SIGNS_ON.test(text)) ||
    mentionsVendor(text, ctx.competitors ?? []);
  return { text, signedAlready, own, offTopic, story };
}

/** How sure the signing subject a story opens is, as a signature made would be. */
const STORY_TOPIC_BASE = 0.9;

/** A signing clause read alone needs a firm cue of its own, said without a hedge. */
const CLAUSE_CUE_MIN = 0.86;
const HEDGED = /\b(maybe|perhaps|possibly|might|could|hopefully|probably)\b/i;

/** The one clause of a sentence that dates a signing, if one does: "..., and we sign by the 18th". */
function signingClause(text: string): string | null {
  const clauses = text.split(/,\s*(?:(?:and|then|so)\s+)?|;\s*/);
  if (clauses.length < 2) return null;
  const signing = clauses.filter((c) => SIGN_WORD.test(c) && EXPLICIT_DATE.test(c));
  return signing.length === 1 ? signing[0]! : null;
}

/** Talk of someone else's contract: "the contract with them", a competitor named. */
function aboutAnotherVendor(text: string, ctx: ExtractContext): boolean {
  return (
    /\bwith (them|him|her|another|the other)\b/i.test(text) ||
    mentionsVendor(text, ctx.competitors ?? [])
  );
}

function withoutReplaced(text: string, replaced: readonly DateMention[]): string {
  let out = text;
  for (const m of [...replaced].reverse()) {
    const before = out.slice(0, m.index).replace(REPLACED_BEFORE, '');
    out = before + out.slice(m.index + m.length);
  }
  return out;
}

/**
 * Whether a negation turns the sentence's dates round: one in the clause of a date
 * ("we won't sign by March"), or anywhere when no date is said. "Wrapped up by the end
 * of this quarter, and I don't see a blocker" denies the blocker, not the date.
 */
function negatedNear(
  said: string,
  mentions: readonly DateMention[],
  replaced: readonly DateMention[],
): boolean {
  // Blanked, not cut, so the mentions' places in the text still hold.
  const text = said.replace(AFFIRMING_NOT, (m) => ' '.repeat(m.length));
  const kept = withoutReplaced(text, replaced);
  if (!NEGATION.test(kept)) return false;
  const current = mentions.filter((m) => !replaced.includes(m));
  if (current.length === 0) return true;
  const bounds = [...text.matchAll(CLAUSE_BREAK)].map((m) => m.index);
  return current.some((m) => {
    const start = Math.max(0, ...bounds.filter((b) => b < m.index));
    const end = Math.min(text.length, ...bounds.filter((b) => b > m.index));
    // A replaced date's own "not" ("not the 15th, the 20th") in the clause denies nothing.
    const replacedHere = replaced
      .filter((r) => r.index >= start && r.index < end)
      .map((r) => ({ ...r, index: r.index - start }));
    return NEGATION.test(withoutReplaced(text.slice(start, end), replacedHere));
  });
}

/** A signing the speaker dates in the sentence: "I sign on the twenty-first". */
const SIGNS_ON = /\b(i|we)('ll| will| can)? sign (it |this |the \w+ )?(on|by) (the |\w+day)/i;

/** "Tomorrow, for sure.": tomorrow said as the whole answer is a date said outright. */
const TOMORROW_ALONE =
  /^\W*tomorrow\b(?:,?\s+(?:then|for sure|definitely|latest|at the latest|morning|first thing))*\W*$/i;

/** A signing said of a date named before it: "We'll sign by then." */
const BY_THEN =
  /\b(by|before|on|for) (then|that (date|day))\b|\bsign (it |them |that |the (contract|agreement|order form) )?(then|that (night|day|evening|afternoon|morning)|the same (night|day|evening))\b/i;

/**
 * The last day said outright in the two sentences before, in the same turn, as the
 * date of a sentence that points back at it. Its place is the pointing sentence's start.
 */
function dateSaidBefore(
  sentences: readonly { text: string }[],
  index: number,
  today: LocalDate,
  reference: { instant: Date; timezone: number },
  fiscalYearStartMonth: number,
  /** The sentence just before is a day said alone ("The eighteenth."), which then counts. */
  bareDay = false,
): DateMention | undefined {
  for (let i = index - 1; i >= Math.max(0, index - 2); i--) {
    const said = (
      findDates(sentences[i]!.text, today, reference, fiscalYearStartMonth) ?? []
    ).filter(
      (m) =>
        m.precision === 'day' &&
        (EXPLICIT_DATE.test(m.text) || /\btomorrow\b/i.test(m.text)) &&
        (!BARE_DAY.test(m.text) || (bareDay && i === index - 1)),
    );
    const last = said[said.length - 1];
    if (last) return { ...last, index: 0 };
  }
  return undefined;
}

/** A day said alone, in the month of the date the call holds when that date has the same day. */
function inHeldMonth(mention: DateMention, out: readonly ScanEntry[]): DateMention {
  const held = [...out].reverse().find((e) => e !== 'retracted')?.value;
  if (held === undefined || Number(held.slice(8, 10)) !== mention.date.day) return mention;
  return {
    ...mention,
    date: {
      year: Number(held.slice(0, 4)),
      month: Number(held.slice(5, 7)),
      day: mention.date.day,
    },
  };
}

/** Whether a sentence is one day and nothing more: "The eighteenth.", "Friday the 14th, then." */
function saidAlone(
  sentence: string,
  today: LocalDate,
  reference: { instant: Date; timezone: number },
  fiscalYearStartMonth: number,
): boolean {
  if (sentence.split(/\s+/).length > 7) return false;
  const found = findDates(sentence, today, reference, fiscalYearStartMonth) ?? [];
  if (found.length !== 1 || found[0]!.precision !== 'day') return false;
  const rest =
    sentence.slice(0, found[0]!.index) + sentence.slice(found[0]!.index + found[0]!.length);
  return /^\W*(?:(?:so|okay|ok|then|yes|yeah|fine|right|on|the)\b\W*)*$/i.test(rest);
}

/** A signing put after something, not refused: "we'll not sign before that", "can't sign without". */
const NOT_BEFORE =
  /\b(not|n't|cannot) (be )?sign(ing)?( it| this| the \w+)? (before|until|till|without)\b/i;

/** A negation in the past: "I didn't want to sign with him watching me." */
const PAST_NEGATION = /\b(didn't|did not|wasn't|was not|weren't|were not|couldn't|could not)\b/i;

/** A "not" that says yes: "We'll sign by the 18th, I'd be dumb not to." */
const AFFIRMING_NOT =
  /\b(i|we|you)('d| would) be (dumb|crazy|stupid|silly|mad|foolish|nuts|insane) not to\b|\bnot (before|earlier than|sooner than)\b/gi;

/** Where one clause gives way to another (", and from what I've seen..."). */
const CLAUSE_BREAK = /,\s*(?:and|but|though|although)\s+|;\s*/gi;

/** A reply that takes up nothing: "We'll see. No promises.", "I can't promise anything." */
const NONCOMMITTAL =
  /^\W*((well|hmm|look),? )?(we'?ll see|no promises|(i|we) (can'?t|cannot|won'?t) promise\b|don'?t count on it)/i;

function affirmedByCustomer(utterances: readonly ExtractUtterance[], index: number): boolean {
  const next = utterances[index + 1];
  return next !== undefined && next.side === 'external' && AFFIRMATION.test(next.text);
}

function clamp(x: number): number {
  return Math.round(Math.min(0.97, Math.max(0.05, x)) * 100) / 100;
}

/**
 * Dates in one sentence: the quarter and fiscal forms chrono does not know first, then
 * chrono's. Returns undefined when the sentence names the start of a period, which no
 * close date can be read from.
 */
function findDates(
  text: string,
  today: LocalDate,
  reference: { instant: Date; timezone: number },
  fyStart: number,
  /** Read "April 10" as the last one, for a signature already made. */
  past = false,
): DateMention[] | undefined {
  const found: DateMention[] = [];
  const taken: [number, number][] = [];
  let undecided = false;
  const add = (
    index: number,
    length: number,
    date: LocalDate | null,
    precision: Precision,
  ): void => {
    if (taken.some(([a, b]) => index < b && index + length > a)) return;
    taken.push([index, index + length]);
    if (PERIOD_START_BEFORE.test(text.slice(0, index))) undecided = true;
    else if (date)
      found.push({ date, index, length, precision, text: text.slice(index, index + length) });
  };
  // "Before the first of April": the last day of March, the next one to come.
  for (const m of text.matchAll(
    new RegExp(
      String.raw`\bbefore (?:the )?(?:first|1st) of (${MONTH})\b|\bbefore (${MONTH}) (?:the )?(?:first|1st|1)\b(?![\d,])`,
      'gi',
    ),
  )) {
    const month = monthNumber((m[1] ?? m[2])!);
    const year = month > today.month ? today.year : today.year + 1;
    const start = m.index + m[0].search(/\s/) + 1;
    add(start, m.index + m[0].length - start, addDays({ year, month, day: 1 }, -1), 'day');
  }
  const currentFy = fiscalYearOf(today, fyStart);
  for (const m of text.matchAll(
    /\b(end of (the )?(fiscal year|fiscal|fy)|eofy|fiscal[- ]year[- ]end)\b/gi,
  )) {
    add(m.index, m[0].length, endOfFiscalYear(currentFy, fyStart), 'year-end');
  }
  for (const m of text.matchAll(
    /\b(end of |by the end of )?(fy|fiscal year )\s?'?(\d{4}|\d{2})\b/gi,
  )) {
    add(m.index, m[0].length, endOfFiscalYear(fullYear(m[3]!), fyStart), 'year-end');
  }
  for (const m of text.matchAll(
    /\b(eoq|end of (the |this |your |our )?quarter|quarter[- ]end|end of next quarter)\b/gi,
  )) {
    const q = quarterOf(today, fyStart);
    const date = /next/i.test(m[0])
      ? nextEndOfQuarter(addDays(endOfQuarter(currentFy, q, fyStart), 1), (q % 4) + 1, fyStart)
      : endOfQuarter(currentFy, q, fyStart);
    add(m.index, m[0].length, date, 'quarter-end');
  }
  for (const m of text.matchAll(
    /\b(end of (the )?)?f?q([1-4])(\s*(of\s+)?(fy\s?)?'?(\d{4}|\d{2})\b)?/gi,
  )) {
    const q = Number(m[3]);
    // "Calendar Q2, so the end of June": the calendar's quarter, whatever the fiscal year.
    const fy = /\bcalendar\s+$/i.test(text.slice(0, m.index)) ? 1 : fyStart;
    const date = m[7] ? endOfQuarter(fullYear(m[7]), q, fy) : nextEndOfQuarter(today, q, fy);
    add(m.index, m[0].length, date, m[1] ? 'quarter-end' : 'quarter');
  }
  for (const m of text.matchAll(
    /\b(eoy|end of (the |this )?(calendar )?year|year[- ]end|calendar year[- ]end)\b/gi,
  )) {
    // "No later than our year end", of a customer whose fiscal year runs July to June,
    // is the 30th of June.
    const fiscal =
      /^year[- ]end$/i.test(m[0]) && /\b(our|your|fiscal)\s+$/i.test(text.slice(0, m.index));
    const date = fiscal ? endOfFiscalYear(currentFy, fyStart) : endOfMonth(today.year, 12);
    add(m.index, m[0].length, date, 'year-end');
  }
  // "I want this done this year": by the year's end.
  for (const m of text.matchAll(/\b(?:this|within the) (?:calendar )?year\b/gi)) {
    add(m.index, m[0].length, endOfMonth(today.year, 12), 'year-end');
  }
  // "The last Friday in January", "the first Monday of March": chrono reads the weekday
  // alone. The month is the next one of that name (this one while its day is ahead).
  for (const m of text.matchAll(NTH_WEEKDAY_OF_MONTH)) {
    const weekday = WEEKDAYS.indexOf(m[2]!.toLowerCase().slice(0, 3));
    const month = monthNumber(m[3]!);
    const inYear = (year: number) => nthWeekday(year, month, weekday, m[1]!.toLowerCase());
    const thisYear = inYear(today.year);
    const date = compareDates(thisYear, today) >= 0 ? thisYear : inYear(today.year + 1);
    add(m.index, m[0].length, date, 'day');
  }
  for (const m of text.matchAll(LAST_WORKING_DAY)) {
    const month = monthNumber(m[1]!);
    const thisYear = lastWorkingDay(today.year, month);
    const date =
      compareDates(thisYear, today) >= 0 ? thisYear : lastWorkingDay(today.year + 1, month);
    add(m.index, m[0].length, date, 'day');
  }
  for (const m of text.matchAll(/\bthe (\d{1,2})(st|nd|rd|th)? of (this|next) month\b/gi)) {
    const next = /next/i.test(m[3]!);
    const month = next ? (today.month % 12) + 1 : today.month;
    const year = next && today.month === 12 ? today.year + 1 : today.year;
    const day = Number(m[1]);
    add(m.index, m[0].length, day <= daysInMonth(year, month) ? { year, month, day } : null, 'day');
  }
  for (const m of text.matchAll(HOLIDAY)) {
    const date = holidayOnOrAfter(m[3]!, today);
    const weekday = m[1] ? WEEKDAYS.indexOf(m[1].toLowerCase().slice(0, 3)) : -1;
    // "the Wednesday before Thanksgiving", "the Monday after New Year's": the nearest such
    // weekday before or after the holiday.
    // "Before New Year" is before the year ends: its day is the 31st.
    const yearTurn = /^new years?'?s?$/i.test(m[3]!.replace(/\s+/g, ' ').trim());
    const day =
      weekday < 0
        ? yearTurn
          ? addDays(date, -1)
          : date
        : /after/i.test(m[2]!)
          ? weekdayAfter(date, weekday)
          : weekdayBefore(date, weekday);
    add(m.index, m[0].length, day, 'day');
  }
  // "Friday week": chrono reads the coming Friday.
  for (const m of text.matchAll(WEEKDAY_WEEK))
    add(m.index, m[0].length, weekdayWeek(m, today), 'day');
  for (const m of text.matchAll(/\b(by )?(the )?end of (the |this |next )?week\b/gi)) {
    add(m.index, m[0].length, fridayOf(today, /next/i.test(m[0]) ? 1 : 0), 'day');
  }
  // "mid-March", "the middle of Feb": its fifteenth, the next one to come.
  for (const m of text.matchAll(
    new RegExp(String.raw`\b(?:mid[- ]|(?:the )?middle of )(${MONTH_OR_SHORT})\b`, 'gi'),
  )) {
    const month = monthNumber(m[1]!);
    const year =
      month > today.month || (month === today.month && today.day <= 15)
        ? today.year
        : today.year + 1;
    add(m.index, m[0].length, { year, month, day: 15 }, 'month');
  }
  // "latest in the week 12", "KW 12": the Friday of that ISO week, this year or next.
  for (const m of text.matchAll(
    /\b(?:(?:in |by )?(?:the )?(?:calendar )?week|kw|cw)\s?(\d{1,2})\b/gi,
  )) {
    add(m.index, m[0].length, fridayOfIsoWeek(Number(m[1]), today), 'day');
  }
  for (const m of text.matchAll(/\beom\b/gi))
    add(m.index, m[0].length, endOfMonth(today.year, today.month), 'day');
  // "January fifteen": a day said as a cardinal, which chrono reads as a year.
  for (const m of text.matchAll(SPOKEN_MONTH_DAY)) {
    const month = monthNumber(m[1]!);
    const day = wordsToNumber(m[2]!);
    if (day === null || day < 1 || day > daysInMonth(today.year, month)) continue;
    const year =
      compareDates({ year: today.year, month, day }, today) < 0 ? today.year + 1 : today.year;
    add(m.index, m[0].length, { year, month, day }, 'day');
  }
  for (const m of text.matchAll(MONTH_THE_ORDINAL)) {
    const month = monthNumber(m[1]!);
    const tens = m[2] ? (/^twenty/i.test(m[2]) ? 20 : 30) : 0;
    const day =
      tens + (/thirtieth/i.test(m[3]!) ? 30 : DAY_ORDINALS.indexOf(m[3]!.toLowerCase()) + 1);
    if (day < 1 || day > daysInMonth(today.year, month)) continue;
    const year =
      compareDates({ year: today.year, month, day }, today) < 0 ? today.year + 1 : today.year;
    add(m.index, m[0].length, { year, month, day }, 'day');
  }
  for (const m of text.matchAll(SPOKEN_DAY_MONTH)) {
    const month = monthNumber(m[2]!);
    const day = wordsToNumber(m[1]!);
    if (day === null || day < 1 || day > daysInMonth(today.year, month)) continue;
    const year =
      compareDates({ year: today.year, month, day }, today) < 0 ? today.year + 1 : today.year;
    add(m.index, m[0].length, { year, month, day }, 'day');
  }
  // "This morning": chrono knows the time of day but leaves the day implied.
  for (const m of text.matchAll(/\b(this (morning|afternoon|evening)|earlier today|tonight)\b/gi))
    add(m.index, m[0].length, today, 'day');
  // "Friday the 22nd": chrono reads the weekday alone (this Friday) and drops the day.
  for (const m of text.matchAll(
    new RegExp(String.raw`\b(?:${WEEKDAY}),? the (\d{1,2})(?:st|nd|rd|th)?\b(?!\s+of\b)`, 'gi'),
  )) {
    const day = Number(m[1]);
    if (day >= 1 && day <= 31)
      add(m.index, m[0].length, closestDayOfMonth(today, day, past), 'day');
  }
  // "Friday the eleventh": the same, with the day as an ordinal word.
  for (const m of text.matchAll(
    new RegExp(
      String.raw`\b(?:${WEEKDAY}),? the (twenty[- ]|thirty[- ])?(${ORDINAL_DAY})\b(?!\s+of\b)`,
      'gi',
    ),
  )) {
    const tens = m[1] ? (/^twenty/i.test(m[1]) ? 20 : 30) : 0;
    const day =
      tens + (/thirtieth/i.test(m[2]!) ? 30 : DAY_ORDINALS.indexOf(m[2]!.toLowerCase()) + 1);
    if (day >= 1 && day <= 31)
      add(m.index, m[0].length, closestDayOfMonth(today, day, past), 'day');
  }
  // "Signed last night" is the day before the meeting's local day; chrono counts the
  // night from the reference's hour in the machine's zone, a day early east of it.
  for (const m of text.matchAll(/\blast night\b/gi))
    add(m.index, m[0].length, addDays(today, -1), 'day');
  // "The day after tomorrow", "the day before yesterday": chrono sets their day in the
  // machine's zone, not the meeting's, a day off on either side of it.
  for (const m of text.matchAll(/\b(the )?day after tomorrow\b|\bovermorrow\b/gi))
    add(m.index, m[0].length, addDays(today, 2), 'day');
  for (const m of text.matchAll(/\b(the )?day before yesterday\b/gi))
    add(m.index, m[0].length, addDays(today, -2), 'day');
  for (const r of chrono.parse(text, reference, { forwardDate: !past })) {
    // "God jul!": a month's short name alone is a word more often than a date.
    if (SHORT_MONTH_ALONE.test(r.text)) continue;
    // "I need a W-9": chrono reads "a W" as a week and "-9" as hours before it.
    if (/\bW-\d/i.test(r.text)) continue;
    // "Make it an hour.": a length of time, which chrono reads as that long from now. Bare
    // days and weeks stay dates: authors read "give me two weeks" as one.
    if (BARE_DURATION.test(r.text) && !COUNTED_FROM_NOW.test(text.slice(0, r.index))) continue;
    // "You people chased me for eight months": how long something went on, in the past.
    if (LASTED.test(text.slice(0, r.index)) && LASTED_FOR.test(r.text)) continue;
    if (r.end) {
      // "from November 30 to December 15" is a move when a verb says so, else a range.
      if (!MOVED.test(text)) undecided = true;
      else {
        // Anchor at the new date, so "from" before the range does not mark it as replaced.
        const at = Math.max(0, r.text.search(/\S+\s*$/));
        add(r.index + at, r.text.length - at, movedTo(r, reference, past), precisionOf(r.end));
      }
      continue;
    }
    // "As we said in November", "we discussed it in November", said in January: the
    // month the talk was in, behind the meeting, not the next November to come.
    if (!past && saidBackThen(text.slice(0, r.index))) {
      add(r.index, r.text.length, null, precisionOf(r.start));
      continue;
    }
    const date = lastWeekdayIfPast(r.start, today, past && SAID_IN_PAST.test(text));
    add(r.index, r.text.length, date, precisionOf(r.start));
  }
  // "Twenty-third, before everyone leaves.": an ordinal past the ninth opening the
  // sentence is a day ("First, ..." or "Second, ..." may be a list).
  for (const m of text.matchAll(OPENING_ORDINAL)) {
    const tens = m[1] ? (/^twenty/i.test(m[1]) ? 20 : 30) : 0;
    const day =
      tens + (/thirtieth/i.test(m[2]!) ? 30 : DAY_ORDINALS.indexOf(m[2]!.toLowerCase()) + 1);
    if (day < 10 || day > 31) continue;
    const at = m.index + m[0].length - m[1]!.length - m[2]!.length;
    add(at, m[1]!.length + m[2]!.length, closestDayOfMonth(today, day, past), 'day');
  }
  // "the eleventh": a day said as an ordinal word, without its month.
  for (const m of text.matchAll(BARE_ORDINAL_WORD)) {
    const tens = m[1] ? (/^twenty/i.test(m[1]) ? 20 : 30) : 0;
    const day =
      tens + (/thirtieth/i.test(m[2]!) ? 30 : DAY_ORDINALS.indexOf(m[2]!.toLowerCase()) + 1);
    if (day < 1 || day > 31) continue;
    add(m.index, m[0].length, closestDayOfMonth(today, day, past), 'day');
  }
  // "by the 15th": chrono wants a month; the next such day on or after the meeting.
  for (const m of text.matchAll(/\bthe (\d{1,2})(st|nd|rd|th)\b(?!\s+of\b)/gi)) {
    const day = Number(m[1]);
    if (day < 1 || day > 31) continue;
    add(m.index, m[0].length, closestDayOfMonth(today, day, past), 'day');
  }
  if (undecided) return undefined;
  return found.sort((a, b) => a.index - b.index);
}

/** A verb in the past and the time it happened at, just before a date: "as we said in". */
const SAID_BACK =
  /\b(said|discussed|agreed|talked|spoke|mentioned|decided|promised|met|sent|received|told|asked|wrote|presented|showed)\b([^.,;!?]{0,30}?)\b(in|on|back in|during)\s+(the\s+)?$/i;
/** Words that turn the verb toward what is to come: "we agreed to sign in March". */
const TOWARD_LATER = /\b(to|will|'ll|would|going|gonna|for|by|until|till|next)\b/i;

function saidBackThen(before: string): boolean {
  const m = SAID_BACK.exec(before);
  return m !== null && !TOWARD_LATER.test(m[2]!);
}

/**
 * The date a move goes to. chrono reads "from end of March to end of February" as a
 * range and puts its end after its start, a year on; a move may go earlier, so the new
 * date is read on its own, from the meeting like any other.
 */
function movedTo(
  range: chrono.ParsedResult,
  reference: { instant: Date; timezone: number },
  past: boolean,
): LocalDate | null {
  const parts = range.text.split(/\s+(?:to|until|till|through)\s+|\s*[-–]\s*/i);
  const alone = chrono.parse(parts[parts.length - 1] ?? '', reference, { forwardDate: !past })[0];
  return componentsDate(alone && !alone.end ? alone.start : range.end!);
}

/**
 * "We sign in December", said on the 2nd of December: this month, which has not ended,
 * not next year's (chrono, looking forward, takes the month's unsaid first day as past).
 */
/**
 * "It was countersigned on Friday", said on a Tuesday: chrono, not looking forward, takes
 * the nearer Friday, which is still to come; a signature made was on the one before. Only
 * when a verb says it in the past: "then Thursday it's signed" is a plan.
 */
const SAID_IN_PAST =
  /\b(was|were|got|came|went|had|did)\b|\b(signed|countersigned|docusigned|executed|issued|raised|sent) (it|them|the|our|this|that|on|last)\b/i;

function lastWeekdayIfPast(c: chrono.ParsedComponents, today: LocalDate, past: boolean) {
  const date = thisMonthStill(c, today, past);
  const weekdayOnly = c.isCertain('weekday') && !c.isCertain('day');
  return date && past && weekdayOnly && compareDates(date, today) > 0 ? addDays(date, -7) : date;
}

function thisMonthStill(c: chrono.ParsedComponents, today: LocalDate, past: boolean) {
  const date = componentsDate(c);
  const monthOnly = !c.isCertain('day') && !c.isCertain('weekday') && !c.isCertain('year');
  return date && monthOnly && !past && date.year === today.year + 1 && date.month === today.month
    ? endOfMonth(today.year, today.month)
    : date;
}

/** A length of time under a day said alone: "an hour", "half an hour", "two hours". */
const BARE_DURATION =
  /^(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|half an?|\d+)\s+(?:hours?|minutes?)$/i;

/** A length of time said with "for" after a verb in the past: "chased me for eight months". */
const LASTED = /\b(\w{3,}ed|had|was|were|been)\b[^.;!?]{0,30}$/i;
const LASTED_FOR =
  /^for\s+(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|a couple of|\d+)\s+(?:days?|weeks?|months?|years?)$/i;

/** Words that count a bare length of time from now: "within an hour", "in two hours". */
const COUNTED_FROM_NOW = /\b(?:within|in|inside(?: of)?|after)\s*$/i;

/** A day when chrono knows one, else the month's last day; undefined when neither is known. */
function componentsDate(c: chrono.ParsedComponents): LocalDate | null {
  const date = { year: c.get('year')!, month: c.get('month')!, day: c.get('day')! };
  if (c.isCertain('day') || c.isCertain('weekday')) return date;
  return c.isCertain('month') ? endOfMonth(date.year, date.month) : null;
}

function precisionOf(c: chrono.ParsedComponents): Precision {
  return c.isCertain('day') || c.isCertain('weekday') ? 'day' : 'month';
}

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/**
 * The first day `day` of a month on or after today, or, for a signature already made,
 * the last one on or before it; null when none is within three months.
 */
function closestDayOfMonth(today: LocalDate, day: number, past = false): LocalDate | null {
  const step = past ? -1 : 1;
  for (let i = 0; i < 3; i++) {
    const months = today.month - 1 + step * i;
    const month = (((months % 12) + 12) % 12) + 1;
    const year = today.year + Math.floor(months / 12);
    const candidate = { year, month, day };
    if (endOfMonth(year, month).day >= day && compareDates(candidate, today) * step >= 0)
      return candidate;
  }
  return null;
}

/** The time a signature is said to be made at, said next to it alone: "This morning." */
const SIGNED_TODAY = new RegExp(String.raw`^\W*${EARLIER_TODAY}\b`, 'i');

/**
 * "I signed it. This morning, first thing, before the chair could think of another
 * question.": a win read from a sentence with no date, whose time follows alone. The
 * close date is the meeting's day, on the win's quote. `won` is the stage reader's
 * answer for the call; a win with no time said is not dated.
 */
export function winDatedToday(
  utterances: readonly ExtractUtterance[],
  ctx: ExtractContext,
  won: Candidate<unknown> | null,
): Candidate<string> | null {
  if (won?.value !== 'closed_won') return null;
  const said = utterances[won.utteranceIndex]?.text ?? '';
  const after = said.slice(said.indexOf(won.quote) + won.quote.length);
  if (!SIGNED_TODAY.test(after)) return null;
  return { ...won, value: formatDate(localDate(new Date(ctx.startedAt), ctx.timeZone)) };
}
