import * as chrono from 'chrono-node';
import {
  WEEKDAY_WEEK,
  compareDates,
  daysInMonth,
  localDate,
  offsetMinutes,
  weekdayWeek,
  type LocalDate,
} from './calendar.js';
import {
  PROMISED,
  acceptedAcrossTurns,
  answersAsk,
  contentWords,
  echoesOffer,
  standsAlone,
} from './agreement.js';
import { antecedent, lastCommitments } from './commitment.js';
import { DISAGREEMENT, SALES_DOCUMENT, agreementAfter, clamp, otherSide } from './cues.js';
import {
  HEDGE,
  HYPOTHETICAL,
  NEGATION,
  POLITE_IF,
  isQuestion,
  splitSentences,
} from './sentences.js';
import type { Candidate, ExtractContext, ExtractUtterance } from './types.js';

/**
 * Verbs of a follow-up someone can do and be held to. "Get back to you" is not one,
 * and signing is the close itself (the close date's), not a step towards it.
 */
const VERB =
  '(?:send(?: over)?|ship|update|rework|revise|redo|reissue|re-?send|export|hold(?! off)|check in|reconnect|turn (?:\\w+ ){0,2}around|propose dates|have (?:the|our|my|an?|both|all the) (?!look|think|chat|word|quick|meeting|call|good|great|nice)(?![\\w -]{0,40}\\b(?:signed|done|approved|closed)\\b)|organi[sz]e|contact|write (?:down|up)|agree (?:on )?(?:the|a|an|our)|do (?:a|an|the) (?:[\\w-]+ ){0,2}(?:review|test|workshop|demo|session|call|visit|walkthrough|kickoff|pilot|training|discovery|inspection|audit|survey|assessment|readout)|put (?:the|a|an|our) (?:[\\w-]+ ){0,2}(?:kick-?off|demo|session|workshop|call|meeting|review|visit|training)(?= (?:on|for|in|at)\\b)|get (?:you|us|them)|share|forward|email|schedule|set up|book|arrange|review|route|introduce|loop in|connect (?:us|you|me)|put together|prepare|draft|finali[sz]e|walk (?:you |us )?through|go through|meet|visit (?=(?:us|you|them|the|our|your|[A-Z]))|come (?:to|and (?:visit|see)) (?=(?:us|you|the|our|your|[A-Z]))|come (?:in |over |out |up |down )?for (?=(?:a|an|the) (?:[\\w-]+ ){0,2}(?:visit|demo|walk|workshop|session|meeting|tour|kick-?off|training)\\b)|demo|provide|complete|fill (?:out|in)|return|confirm|check with|present|deliver|pull together|circulate|submit|reach out\\b|coordinate|come back (?:to (?:you|us) )?(?:(?:on |by )?(?:(?:mon|tues|wednes|thurs|fri)day|tomorrow|next week) )?(?:with|on)\\b|(?:get|come) back (?:to (?:you|us) )?(?:on |by )?(?:(?:mon|tues|wednes|thurs|fri)day|tomorrow|next week)\\b|follow up (?=(?:in|on|by|next|this|after|with|early|first thing)\\b)|set (?:a|up a) (?:call|meeting|time)\\b|(?:call|ring|phone) (?:you|me|us)(?: again| back)?(?= (?:on|in|next|this|tomorrow|after|before|(?:mon|tues|wednes|thurs|fri)day|the (?:first|second|third|last|week))\\b)|run (?:it|this|that) by|kick off|start the (?:pilot|trial|poc|test(?: system| phase)?)|set (?:the|a) (?:pilot|trial|poc)|lock(?: in)?(?= (?:the |a |an |our )?(?:(?:mon|tues|wednes|thurs|fri)day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|time|slot|date)\\b)|run (?:a|an|the) (?:[\\w-]+ ){0,3}(?:test|pilot|trial|poc|session|workshop|review)|get (?:the|a|an|our) (?:[\\w-]+ ){0,3}(?:booked|scheduled|set up|organi[sz]ed|arranged|started)|(?:raise|issue|cut|release) (?:the|a|our) (?:po|purchase order)\\b)';

/** Things one side sends the other, named with their day as a step ("A one-pager by Thursday."). */
const DELIVERABLE = `(?:${SALES_DOCUMENT}|offerte|contract|agreement|plan)`;

const DELIVERABLE_FIRST = new RegExp(
  `^(?:(?:an?|the|new|updated|revised|final|formal)\\s+)*${DELIVERABLE}\\b`,
  'i',
);

/** Meetings that are a step in themselves when both sides agree to one. */
const EVENT =
  '(?:kick-?off|workshop|site visit|reference call|pricing review|pilot review|business review|technical review|security review|legal review|integration test|deep dive|walkthrough|session|demo|proof of concept|poc|architecture review|review call|q&a|comparison|(?:questionnaire|contract|msa|roadmap|results|design|usage|quarterly|final) review|executive (?:call|meeting|session|briefing)|kick-?off call|(?:seeding|restore|recovery|failover|load) test|onboarding (?:call|session|meeting)|(?:final |formal )?presentation|(?:roof |site |safety )?inspection|site survey|sandbox|signing ceremony|final round|pilot|trial|[\\w-]+ call(?= with\\b))';

const EVENT_WORD = new RegExp(`\\b${EVENT}\\b`, 'i');

/** Words a sentence may open with before its step, either case. */
const OPENERS = '[Ss]o|[Tt]hen|[Oo]k(?:ay)?|[Aa]nd|[Pp]erfect|[Gg]ood|[Gg]reat|[Rr]ight|[Ff]ine';
/** A first name, not a pronoun or an opener (case-sensitive). */
const NAMED =
  '(?!(?:I|We|You|They|He|She|It|That|This|There|Then|So|And|Everyone|Nobody)\\b)[A-Z][a-z]+';
/** Verbs of a step in the third person present. */
const PRESENT_VERB =
  '(?:sends|prepares|updates|books|schedules|organi[sz]es|brings|shares|re-?runs|sets up|calls)';

const VERB_START = new RegExp(`^${VERB}\\b`, 'i');
const ANY_STEP = new RegExp(
  `\\b${VERB}\\b|\\b${PRESENT_VERB}\\b|\\bnext steps?\\b|\\b${EVENT}\\b|\\b(?:suggest|propose|recommend|you'll (?:have|get)|you will (?:have|get)|do you want|would you like|do you need|would help|be (?:great|helpful|useful|good|ideal|perfect))\\b|^(?:\\w+[,\\s]+)?(?:sending|booking|scheduling|setting up|preparing|drafting|organi[sz]ing)\\b|\\b${DELIVERABLE}\\b[^.?!]{0,40}\\b(?:by|before|today|tomorrow)\\b`,
  'i',
);

/** Frames whose phrase needs rewording (indexes into FRAMES). */
const IMPERATIVE = 4;
const TEAM = 7;
const OFFER = 8;
const YOU_WILL_HAVE = 10;
const EVENT_NAMED = 11;
const UNDER_WAY = 12;
const THEN_PRESENT = 13;
const TERSE = 14;
const PLAIN_PRESENT = 15;
const NAMED_FUTURE = 17;
const NAMED_PRESENT = 18;
const GERUNDS: Record<string, string> = {
  sending: 'send',
  booking: 'book',
  scheduling: 'schedule',
  'setting up': 'set up',
  preparing: 'prepare',
  drafting: 'draft',
  organising: 'organise',
  organizing: 'organize',
};

/** What is done before the step: "I'll ask and get back to you Monday", "let me talk to my manager and come back Friday". */
const ASK_FIRST =
  '(?:(?:ask|check|confirm|see|talk to (?:my|our) [\\w-]+|speak (?:to|with) (?:my|our) [\\w-]+)\\s+and\\s+)?';

/** An offer said gladly: "Happy to do a demo for the physicians", "we'd be glad to send it". */
const GLAD_TO =
  "^(?:(?:sure|yes|oh|absolutely|of course)[,!.\\s]+)*(?:(?:i'm|we're|i am|we are|i'd be|we'd be|i would be|we would be) )?(?:more than )?(?:happy|glad) to";
const GLAD_START = new RegExp(GLAD_TO, 'i');

/** The ways a follow-up is put: a promise, a suggestion, a request, a stated next step. */
const FRAMES: readonly RegExp[] = [
  new RegExp(
    `(?:\\b(?:i|we)(?:'ll| will| can| could|'m going to| am going to|'re going to| are going to| plan to| need to| have to| should)|${GLAD_TO})\\s+(?:(?:also|then|just|probably|definitely|certainly|happily|quickly|get)\\s+)*${ASK_FIRST}(?<phrase>${VERB}\\b.*)`,
    'i',
  ),
  new RegExp(`\\b(?:let me|let's|let us)\\s+${ASK_FIRST}(?<phrase>${VERB}\\b.*)`, 'i'),
  new RegExp(
    `\\b(?:(?:can|could|would|will) you|(?:i|we)(?:'d| would) (?:like|love|want) (?:for )?you to|(?:i|we) (?:want|need) you to)\\s+(?:please\\s+)?(?:also\\s+)?(?<phrase>${VERB}\\b.*)`,
    'i',
  ),
  new RegExp(
    `\\b(?:shall|should|can|could) (?:we|i)\\s+(?<phrase>${VERB}\\b.*)|\\bwould it (?:make sense|help|be (?:ok|okay|good|useful|worth it)) (?:for us )?to\\s+(?<phrase2>${VERB}\\b.*)`,
    'i',
  ),
  new RegExp(
    `^(?:(?:yes|yeah|ok(?:ay)?|sure|great|perfect|so|and|then|now|absolutely|definitely|please|just|fine|good|alright|right)\\b[,\\s]*)*(?<phrase>${VERB}\\b.*)`,
    'i',
  ),
  /\bnext (?:steps?|thing(?: we do| to do)?)(?: in (?:our|the) process)? (?:on our side |for us |from our side |on your side )?(?:is|are|would be|will be)\s+(?:to\s+|that\s+)?(?:(?:we|i|you)(?: will| can|'ll)?\s+)?(?<phrase>.+)|^\W*(?:(?:so|and|then|okay|ok)[,\s]+)*(?:next (?:up )?is|what (?:i|we)(?:'d| would) like (?:next |to see next |to do next )?is)\s+(?<phrase2>(?:the|a|an|our)\s.+)/i,
  // A suggestion: "I suggest a site visit", "I propose we hold a pilot review", "What I'd
  // suggest is a proper demo with Simon there", "So how about a proper demo?"
  /\b(?:i|we)(?: would|'d)? (?:suggest|propose|recommend)(?:\s+is)?\s+(?:that\s+)?(?:(?:we|you)\s+)?(?<phrase>.+)|^\W*(?:(?:so|and|then|okay|ok|well)[,\s]+)*(?:how|what) about\s+(?<phrase2>(?:a|an|the)\s+.+)/i,
  // A team that will do it: "Onboarding will contact you this week."
  new RegExp(
    `\\b(?<team>onboarding|support|legal|procurement|finance|our (?:[\\w-]+ )?team|my team)(?: will|'ll| is going to)\\s+(?<phrase>${VERB}\\b.*)`,
    'i',
  ),
  // An offer: "Do you want the updated order form before Monday?"
  /\b(?:do you want|would you like|do you need)\s+(?<phrase>(?:the|a|an|our|my)\s+(?!call\b|meeting\b|chat\b)[\w&-]+.*)/i,
  // A deliverable or meeting put forward: "Would a TCO comparison help?", "A one-pager
  // would be great, by Monday."
  /\bwould (?<phrase>(?:a|an|the)\s+(?:[\w&-]+\s+){0,3}[\w&-]+) help\b|^(?:[^,]{1,30},\s*)?(?:(?:yes|yeah|then|so|and|ok(?:ay)?|great|actually)[,.\s]+)*(?<phrase2>(?:a|an|the)\s+(?:[\w&-]+\s+){0,3}[\w&-]+)\s+would (?:help|be (?:great|helpful|useful|good|ideal|perfect))/i,
  // A promise put from the other side: "you will have the updated quote tonight".
  /\byou(?:'ll| will) (?:have|get|receive)\s+(?<phrase>(?:the|a|an|our|my)\s+(?:[\w-]+\s+){0,3}(?:quote|proposal|contract|order form|redline|deck|pricing|questionnaire|msa|sow|agreement|invite|summary|draft|plan|offer|best and final|answer|slide|comparison|report|template|case stud(?:y|ie)|reference|documentation)s?\b.*)/i,
  // A meeting named as the step: "Kickoff next week with your team?", "the integration
  // test is the next step?", "a reference call would help?"
  new RegExp(
    `^(?:[^,]{1,30},\\s*){0,2}(?:(?:then|so|and|ok(?:ay)?|great|there's|there is)[,\\s]+)*(?<phrase>(?:(?:the|a|an)\\s+)?(?:[\\w-]+\\s+){0,2}${EVENT}\\b.*)`,
    'i',
  ),
  // Said as under way: "Sending the MSA today for legal review." A gerund in a list of
  // things wanted ("Scheduling and results.") is a noun.
  /^(?:(?:ok(?:ay)?|so|and|yes)[,\s]+)*(?<phrase>(?:sending|booking|scheduling|setting up|preparing|drafting|organi[sz]ing)\b(?!\s*(?:and\b|or\b|[,.;!?]|$)).*)/i,
  // The plain present for the future: "Then I send the catalogue tomorrow."
  new RegExp(
    `^(?:[^,]{1,20},\\s*)?(?:then|so)\\s+(?:i|we)\\s+(?:(?:also|just)\\s+)?(?<phrase>${VERB}\\b.*)`,
    'i',
  ),
  // A deliverable and its day, said tersely: "A one-pager by Thursday.", "Redline by Wednesday."
  new RegExp(
    `^(?:(?:yes|ok(?:ay)?|so|then|good|fine|perfect|great|right|alright|excellent)[,.!\\s]+)*(?<phrase>(?:(?:an?|the|new|updated|revised|final|formal)\\s+)*(?:[\\w-]+\\s+){0,2}${DELIVERABLE}\\b(?:[\\s,][^.?!]{0,40}?)?,?\\s+(?:by|before|on|today|tomorrow|this|next)\\b.*)`,
    'i',
  ),
  // The plain present for a promise or a request: "You send a proposal for Sandviken."
  /^(?:(?:so|then|ok(?:ay)?|and)[,:\s]+)*(?:you|i|we)\s+(?<phrase>(?:send|make|prepare|update)\s+(?:an?|the|our|your|me|us|you|them)\b.*)/i,
  // Someone named before it will do it: "Our onboarding person, Shay, she'll email you
  // tomorrow to book the kickoff."
  new RegExp(
    `\\b(?:he|she|they)(?:'ll| will| is going to| are going to)\\s+(?<phrase>${VERB}\\b.*)`,
    'i',
  ),
  // Someone named who will do it: "Mariana will send Memo the sandbox access tomorrow."
  new RegExp(
    `^(?:(?:${OPENERS})[,.!\\s]+)*(?<who>${NAMED})(?: will|'ll| is going to)\\s+(?:(?:also|then|just)\\s+)?(?<phrase>${VERB}\\b.*)`,
  ),
  // Someone named doing it, in the plain present: "Marc sends the new contract tomorrow",
  // "Romain sends the extract, you come back with something concrete".
  new RegExp(
    `^(?:(?:${OPENERS})[,.!\\s]+)*(?<who>${NAMED})\\s+(?<phrase>${PRESENT_VERB}\\s+(?:an?|the|our|your|me|us|you|them|it)\\b.*)`,
  ),
];

/** Where the follow-up ends: another clause with its own subject, a reason, a purpose. */
const CLAUSE_END =
  /\s*(?:[,;:]\s*(?:and\s+|but\s+|so\s+)?(?=(?:i|we|you(?!'ll| will)|they|he|she|it|that|this|legal|our|my)\b)|\s(?:and|but|so|then|because|since|while|which)\s+(?=(?:i|we|you(?!'ll| will)|they|he|she|it|that|this|legal|the team)\b|(?:our|my)(?:\s+[\w-]+){1,2}(?:'ll|\s+(?:will|can|could|should|would|is|are|has|have|needs?|must))\b)|\s(?:so that|so|because|since|while|which|if|unless)\s|[.!?]+\s*$)/i;

/** Things that are not a follow-up of the deal: calendar chores and small talk. */
const NOT_A_STEP =
  /^(?:send(?: over)?|share|forward)\s+(?:(?:you|us|me|them)\s+)?(?:some |a few |a couple of |my |our )?(?:time )?(?:slots|times|availability|options for times)\b|^(?:send(?: over)?|share|forward)\s+(?:(?:you|us|me|them)\s+)?(?:the |a |an )?(?:calendar |meeting )?(?:(?:invite|invitation)(?! for (?:the |a |our )?(?:[\w-]+ )?(?:kick-?off|workshop|demo|review|visit|session|training|signing))|notes|recording|link)\b|\b(?:coffee|lunch|drinks?|weekend|holiday|screen)\b|^hold (?:you|me|us|them) to\b|^hold (?:the|that|this|our|your|at) (?:price|pricing|number|rate|discount|figure|quote|one)\b/i;

/** A day named for a meeting: a weekday, a date, "tomorrow". */
const DAY_WORD =
  /\b(?:(?:mon|tues|wednes|thurs|fri)day|tomorrow|(?:jan|feb|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d|\d{1,2}(?:st|nd|rd|th)|the (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|twentieth|twenty-\w+|thirtieth|thirty-first))\b/i;

const DAY_WORDS = new RegExp(DAY_WORD.source, 'gi');

/**
 * A meeting's day said in words ("January third", "the week of the 11th"), beside
 * DAY_WORD for a named meeting only: adding it to DAY_WORD made the recap take up
 * signing dates ("Sign by January eighth") as steps.
 */
const DAY_IN_WORDS =
  /\b(?:jan|feb|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|twentieth|twenty-\w+|thirtieth|thirty-first)\b|\bweek of\b/i;

/**
 * Whether a meeting step names a day the other side said in one of the three turns
 * before it, without turning it down ("Next Thursday, the nineteenth." ... "So, a demo
 * for Ray on the nineteenth.").
 */
function dayTakenBefore(
  utterances: readonly ExtractUtterance[],
  index: number,
  step: Step,
): boolean {
  if (!EVENT_WORD.test(step.phrase) || PAST.test(step.quote)) return false;
  const days = [...step.quote.matchAll(DAY_WORDS)].map((m) => m[0].toLowerCase());
  if (days.length === 0) return false;
  const other = otherSide(utterances[index]!.side);
  for (let j = index - 1; j >= Math.max(0, index - 3); j -= 1) {
    const u = utterances[j]!;
    const text = u.text.toLowerCase();
    if (u.side === other && days.some((d) => text.includes(d)) && !NEGATION.test(u.text))
      return true;
  }
  return false;
}

/**
 * A meeting put forward and answered by the other side with its day: "I can do a demo
 * for the litigation partners." "Thursday the nineteenth in the morning?"; "Happy to do a
 * demo for the physicians." "Our provider meeting is December second, over lunch." The
 * day given is the yes. Returns the answer's index, or null.
 */
function dayGiven(
  utterances: readonly ExtractUtterance[],
  index: number,
  step: Step,
): number | null {
  if (!EVENT_WORD.test(step.phrase) || PAST.test(step.quote)) return null;
  const reply = utterances[index + 1];
  if (!reply || reply.side !== otherSide(utterances[index]!.side)) return null;
  const first = splitSentences(reply.text)[0]?.text ?? '';
  if (DISAGREEMENT.test(first) || HYPOTHETICAL.test(first) || PAST.test(first)) return null;
  return DAY_WORD.test(first) || DAY_IN_WORDS.test(first) ? index + 1 : null;
}

/** A meeting that already took place is no step. */
const PAST = /\b(?:was|were|went|did|had|last|ago|yesterday)\b/i;

/**
 * Agenda talk for the call itself ("let's go through the dashboards") needs a time after
 * it. Presenting to someone else ("present to the steering committee") is no agenda.
 */
const AGENDA_VERB =
  /^(?:review|go through|walk (?:you |us )?through|present(?! (?:(?:it|this|that|them|both|ours) )?to (?!you\b))|demo)\b/i;
/** A meeting set in the clause after a step: ", and we'll schedule the demo for ...". */
const MEETING_CLAUSE = new RegExp(
  `^\\W*(?:and|then)?\\s*(?:we|i)(?:'ll| will| can)\\s+(?<clause>(?:schedule|book|set up|do|hold|run|plan)\\s+(?:the|a|an|our)\\s+(?:[\\w-]+\\s+){0,3}${EVENT}\\b.*)`,
  'i',
);

/**
 * Where the thing sent goes next, said in the clause after the step: "I'll send the Word
 * version today, and you can pass it to legal", "send the proposal and I'll take it to
 * the board". Whose desk it is bound for is part of the step.
 */
const HANDOFF_CLAUSE =
  /^\W*(?:and|so|then)?\s*(?:(?:i|we|you|he|she|they)(?:'ll| will| can| could| need to|'d)?|so (?:i|we|you|he|she|they) can)\s+(?:pass|forward|send|take|run|put|bring)\s+(?:it|that|them|this|those)(?:\s+(?:on|over|along|straight on|straight))?\s+(?:to|past|by|in front of|before)\s+(?<dest>(?!(?:him|her|them|me|us|you)\b)[^.?!;]+)/i;

/** What a meeting is for, said after its day and place: "meet on the 28th, at the head office, for the signing ceremony". */
const MEETING_PURPOSE = new RegExp(
  `^[^.?!]{0,80}?\\s(?<purpose>for (?:the|a|an|our) (?:[\\w-]+\\s+){0,2}${EVENT})\\b`,
  'i',
);
const MEETING_START = /^(?:meet|come|visit|see you|get together)\b/i;

/** A visit to no place (case-sensitive: a place is named with a capital). */
const VISIT_NOWHERE =
  /^(?:[Cc]ome (?:to|and (?:visit|see))|[Vv]isit) (?!(?:us|you|them|the|our|your|one|a|an|his|her|their)\b)[a-z]/;

/** An agenda verb with nothing to go over: "we'll review in two weeks". */
const AGENDA_ALONE =
  /^(?:review|go through)(?: (?:it|this|that|them))?(?: (?:again|together))?\s+(?:in|on|at|by|after|once|next|later|tomorrow)\b/i;
const LATER =
  /\b(?:again|tomorrow|next|later|after (?:the|this) call|offline|this week|on (?:mon|tues|wednes|thurs|fri)day|by|at the end of|after the (?:pilot|trial|poc|test|survey|visit|workshop)|in (?:a|one|two|three|four|\d+) (?:days?|weeks?)|once)\b/i;

/** An object that only points back ("send it over") says nothing on its own. */
const ONLY_POINTERS =
  /^\S+(?:\s+(?:over|out|back|along|through|up))?(?:\s+(?:it|this|that|them|those|these|both|one|something|everything|things))?(?:\s+(?:over|out|back|along|again|together|later|soon|today|tomorrow|now|asap|this (?:morning|afternoon|evening)))*\s*$/i;

/** A step whose object is only a pronoun or "the file": it leans on what was said before. */
const POINTER_OBJECT =
  /^\S+(?: over| back| out)?\s+(?:(?:it|them|this|that|both)\b|(?:you |me |us )?the (?:file|document|doc|thing|stuff)\b)/i;

/** The word a step's object points back with ("get that to you Thursday"). */
const POINTER_WORD = /\b(?:it|them|this|that)\b/i;

function stripOwner(value: string): string {
  return value.replace(/^\S+ to (?=\S)/, '');
}

const MEETING_VERB = new RegExp(
  `^(?:meet|demo|present|walk|go through|schedule|book|hold|(?:(?:the|a|an)\\s+)?(?:[\\w-]+\\s+){0,2}${EVENT})`,
  'i',
);

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Step {
  phrase: string;
  quote: string;
  utteranceIndex: number;
  hedged: boolean;
  /** Who does it: the speaker of "I'll...", the one asked "can you...?" (null: "we", "let's"). */
  owner: 'speaker' | 'listener' | null;
  /** Asked of the other side: "can you send...?", "send me the paperwork". */
  request: boolean;
  /** Said without a verb ("Quote tomorrow."): no "X to" is put before it. */
  terse?: true;
}

interface Reference {
  today: LocalDate;
  chrono: { instant: Date; timezone: number };
}

function referenceOf(ctx: ExtractContext): Reference {
  const instant = new Date(ctx.startedAt);
  return {
    today: localDate(instant, ctx.timeZone),
    chrono: { instant, timezone: offsetMinutes(instant, ctx.timeZone) },
  };
}

/**
 * Every next step both sides agreed on, in order. One side proposes (a promise, a
 * request, a suggestion), and the other side's next reply agrees; the value is the
 * action as said ("Send the security questionnaire"), with the day it is due when one
 * was named ("by Fri Oct 16"). An offer no one accepts, a hypothetical ("if you want"),
 * calendar chores and small talk are not next steps.
 */
export function nextStepCandidates(
  utterances: readonly ExtractUtterance[],
  ctx: ExtractContext,
): Candidate<string>[] {
  return candidatesAt(utterances, referenceOf(ctx));
}

function candidatesAt(
  utterances: readonly ExtractUtterance[],
  ref: Reference,
): Candidate<string>[] {
  const out: Candidate<string>[] = [];
  const accepting = new Set<number>();
  utterances.forEach((u, i) => {
    if (u.side === 'unknown') return;
    const proposed = firstStep(u, i);
    if (!proposed) return;
    const reply =
      agreementAfter(utterances, i) ??
      takenUp(utterances, i, proposed) ??
      acceptedAcrossTurns(utterances, i, proposed.phrase) ??
      (proposed.owner === 'speaker' ? answersAsk(utterances, i, proposed.phrase) : null) ??
      // A yes that already accepted the step before it is not a step of its own.
      (accepting.has(i) ? null : echoesOffer(utterances, i, proposed.phrase));
    // A promise with its object and day holds without a yes, less surely.
    // A terse reply that took a request up ("Proposal for Sandviken, by Monday.") is
    // that step's answer, not a step of its own.
    const alone =
      reply === null &&
      proposed.owner === 'speaker' &&
      !pointsOnly(proposed.phrase) &&
      !(proposed.terse && accepting.has(i))
        ? standsAlone(utterances, i, dueDate(utterances[i]!.text, ref) !== null)
        : null;
    // "The seventeenth works." ... "So, the pilot kickoff at the Saltillo yard, Tuesday the
    // seventeenth.": a meeting recapped on the day the other side already took.
    const recap = reply === null && alone === null && dayTakenBefore(utterances, i, proposed);
    const at = reply ?? alone ?? (recap ? i : dayGiven(utterances, i, proposed));
    if (at === null) return;
    accepting.add(at);
    // The reply often names the thing the proposal only pointed at ("send it over").
    const restated = at === i ? null : firstStep(utterances[at]!, at);
    const sameMeeting =
      restated !== null && EVENT_WORD.test(proposed.phrase) && !VERB_START.test(restated.phrase);
    const step =
      !sameMeeting &&
      restated &&
      !pointsOnly(restated.phrase) &&
      !POINTER_OBJECT.test(restated.phrase) &&
      (pointsOnly(proposed.phrase) ||
        !VERB_START.test(proposed.phrase) ||
        sharesVerb(proposed.phrase, restated.phrase))
        ? restated
        : proposed;
    if (pointsOnly(step.phrase)) return;
    // A step said with its own time ("next week") takes a day only from the words that
    // answer it ("Yes, Tuesday."): a date said after them is another matter ("Yes. And
    // we want to sign earlier than planned. End of January.").
    const timed = saysWhen(step.quote, ref);
    const due =
      dueDate(step.phrase, ref) ??
      (timed ? dueDate(step.quote, ref) : null) ??
      dueDate(timed ? firstSentence(utterances[at]!.text) : utterances[at]!.text, ref) ??
      (timed ? null : dueDate(utterances[i]!.text, ref));
    // "I'll send it tomorrow." "Tomorrow is Friday." "Sunday then.": the last day said counts.
    const movedTo = due ? movedDay(utterances, Math.max(at, step.utteranceIndex), ref) : null;
    const moved =
      due && movedTo && compareDates(movedTo.date, due.date) !== 0
        ? { from: due, to: movedTo }
        : null;
    const phrase =
      moved && step.phrase.includes(moved.from.text)
        ? step.phrase.replace(moved.from.text, moved.to.text)
        : step.phrase;
    let confidence = restated ? 0.84 : 0.8;
    if (step.hedged || proposed.hedged) confidence -= 0.15;
    if (reply === null) confidence -= 0.1;
    // Without a day it may be a courtesy ("I'll send a recap") more than a step.
    if (!due) confidence -= 0.15;
    const said = utterances[step.utteranceIndex]!;
    const other = utterances[step === restated ? i : at]!;
    const owner = step.terse
      ? null
      : step.owner === 'speaker'
        ? said.speaker
        : step.owner === 'listener'
          ? other.speaker
          : null;
    out.push({
      value: render(phrase, moved?.to ?? due, owner),
      confidence: clamp(confidence),
      quote: step.quote,
      utteranceIndex: step.utteranceIndex,
      startSeconds: utterances[step.utteranceIndex]!.startSeconds,
    });
  });
  return out;
}

/** A day put in place of the one just agreed: "Ha, Sunday then.", "Make it Monday instead." */
const DAY_MOVED =
  /^\W*(?:(?:ha|ah|oh|ok(?:ay)?|right|fine|sorry|true|yes)[,!.\s]+)*(?:make it |let's say |say )?(?<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|the [a-z]+(?:[- ][a-z]+)?)(?: then| instead)\b/i;

/** The day a step was moved to in the three turns after it was agreed, unless refused. */
function movedDay(utterances: readonly ExtractUtterance[], at: number, ref: Reference): Due | null {
  for (let j = at + 1; j <= Math.min(utterances.length - 1, at + 3); j += 1) {
    const m = DAY_MOVED.exec(utterances[j]!.text);
    if (!m) continue;
    const reply = utterances[j + 1];
    if (reply && DISAGREEMENT.test(firstSentence(reply.text))) return null;
    return dueDate(m.groups!['day']!, ref);
  }
  return null;
}

/** The next step the call ends on: the last one both sides agreed. */
export function extractNextStep(
  utterances: readonly ExtractUtterance[],
  ctx: ExtractContext,
): Candidate<string> | null {
  return agreedStep(utterances, referenceOf(ctx));
}

function agreedStep(
  utterances: readonly ExtractUtterance[],
  ref: Reference,
): Candidate<string> | null {
  const all = candidatesAt(utterances, ref);
  const last = all[all.length - 1];
  if (!last) return null;
  // The close of a call often adds a chore to the step just agreed ("send it to me and
  // to Herr Brandt", "I'll send you the file"): the one that names the thing and its day
  // wins over it.
  const recent = all.filter((c) => c.utteranceIndex >= last.utteranceIndex - 2);
  const named = recent.filter((c) => !POINTER_OBJECT.test(stripOwner(c.value)));
  const pool = named.length > 0 ? named : recent;
  // A meeting agreed with a chore for it ("a data review session... I'll send you the
  // usage export"): the meeting is the step.
  const meetings = pool.filter((c) => EVENT_WORD.test(c.value));
  const main = meetings[meetings.length - 1] ?? pool[pool.length - 1]!;
  // The customer's own step and the rep's summing up go after the agreed ones.
  const agreed = withOtherSteps(named.length > 0 ? main : withAntecedent(main, utterances), all);
  return withPart(withPart(agreed, customerStep(utterances, ref)), recapOf(utterances));
}

/** Summing up the plan: "So: sixty-day pilot at the Albuquerque yard starting the seventh." */
const RECAP =
  /^\W*(?:(?:okay|ok|right|good|great|perfect|alright|excellent|done)[,.!]?\s+)*(?:so|then it'?s settled|to recap|so to confirm|just to confirm|to confirm|let me recap|to sum up|to wrap up|let me sum up|let me wrap up|to summari[sz]e|in summary)\b[,:]?\s*/i;

/** A summing up announced in a sentence of its own: "So, to wrap up." */
const RECAP_HEADING =
  /^\W*(?:(?:okay|ok|right|good|so)[,.!]?\s+)*(?:to recap|let me recap|to sum up|to wrap up|let me sum up|let me wrap up|to summari[sz]e|in summary)\W*$/i;

/**
 * The plan as one side sums it up near the end of the call, when the other does not turn
 * it down and it names a step or a day: it goes beside the steps read one by one. Buyers
 * sum up too ("So next, you send the revised offer and I take it to the board").
 */
function recapOf(utterances: readonly ExtractUtterance[]): string | null {
  for (let i = utterances.length - 1; i >= utterances.length / 2; i -= 1) {
    const u = utterances[i]!;
    if (u.side === 'unknown') continue;
    const reply = utterances[i + 1];
    if (reply?.side === otherSide(u.side) && DISAGREEMENT.test(reply.text.split(/[.!?;]/, 1)[0]!))
      continue;
    const sentences = [...splitSentences(u.text)];
    for (let k = sentences.length - 1; k >= 0; k -= 1) {
      const s = sentences[k]!;
      const m = RECAP.exec(s.text);
      if (!m || HYPOTHETICAL.test(s.text)) continue;
      // "So, to wrap up. You'll send...": the plan is the sentence after the heading.
      const heading = RECAP_HEADING.test(s.text) ? sentences[k + 1] : undefined;
      const plan = (heading ? heading.text : s.text.slice(m[0].length))
        .replace(/[.!?]+$/, '')
        .trim();
      if (plan.length < 20 || !(ANY_STEP.test(plan) || DAY_WORD.test(plan))) continue;
      return plan.charAt(0).toUpperCase() + plan.slice(1);
    }
  }
  return null;
}

/**
 * The customer's own step through their process, which a rep notes beside the agreed
 * ones: "I'll take it to the board", "I'll pass it to Lorena, our lawyer", "I'll talk
 * to Mr. Okafor tomorrow", "I'll raise the PO next week", "our legal will review the MSA".
 */
const CUSTOMER_PROCESS = new RegExp(
  String.raw`\b(?:i|we)(?:'ll| will|'m going to| am going to|'re going to| are going to)\s+(?:(?:also|then|just|personally|first)\s+)*(?<phrase>(?:take|bring|present|show|put|run|pass|forward|give|escalate)\s+(?:it|this|that|them|both|(?:the|your|our)\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:to|through|in front of|before|past|by)\s+.+|walk\s+(?:him|her|them|(?:the|my|our)\s+[\w-]+)\s+through\b.*|(?:talk|speak|sit down|sit|meet)\s+(?:to|with)\s+.+|(?:raise|create|issue|open|generate|cut|submit)\s+(?:the|a|our)\s+(?:po|purchase order|requisition|vendor (?:form|code|registration)|supplier form)\b.*)` +
    String.raw`|\b(?<team>(?:our|my|the) (?:legal|lawyers?|procurement|finance|board|cfo|ceo|security)(?: team| people| department)?)\s+(?:will|'ll|is going to|are going to)\s+(?<phrase2>(?:review|look at|check|approve|sign off|go through)\b.*)`,
  'i',
);

/** The last such step the customer's side said, as a step of its own. */
function customerStep(utterances: readonly ExtractUtterance[], ref: Reference): string | null {
  for (let i = utterances.length - 1; i >= 0; i -= 1) {
    const u = utterances[i]!;
    if (u.side !== 'external') continue;
    for (const s of [...splitSentences(u.text)].reverse()) {
      if (isQuestion(s.text) || HYPOTHETICAL.test(s.text) || NEGATION.test(s.text)) continue;
      const m = CUSTOMER_PROCESS.exec(s.text);
      if (!m) continue;
      const team = m.groups?.team;
      const phrase = cut(m.groups?.phrase ?? m.groups?.phrase2 ?? '');
      if (phrase.length < 3) continue;
      const said = team ? `${team.replace(/^(?:our|my|the)\s+/i, '')} to ${phrase}` : phrase;
      const whom = PRONOUN_RECIPIENT.test(phrase) ? roleBefore(utterances, i, s.start) : null;
      const step = render(said, dueDate(phrase, ref), team ? null : u.speaker);
      return whom ? `${step} (${whom})` : step;
    }
  }
  return null;
}

/** A step handed to "him" or "them", who were named before it. */
const PRONOUN_RECIPIENT =
  /\b(?:to|in front of|past|by|with|through)\s+(?:him|her|them)\b|^walk\s+(?:him|her|them)\b/i;
/** Whom a customer takes a deal to: "the CEO", "our owners", "Mr. Okafor". */
const ROLE =
  /\b(?:(?:the|our|my)\s+(?:ceo|cfo|coo|cto|president|owners?|board|partners|director(?: general)?|gm|general manager|boss|lawyers?|committee|chairman|md|managing director|founder|family)|(?:mr|mrs|ms|dr|don|doña)\.?\s+[A-Z][\w-]+)\b/gi;

/** The last role or titled name said in the turn before `at`, or in the turn before it. */
function roleBefore(
  utterances: readonly ExtractUtterance[],
  index: number,
  at: number,
): string | null {
  const texts = [utterances[index]!.text.slice(0, at), utterances[index - 1]?.text ?? ''];
  for (const text of texts) {
    const found = [...text.matchAll(ROLE)];
    const last = found[found.length - 1];
    if (last) return last[0].replace(/^(?:the|our|my)\s+/i, 'the ');
  }
  return null;
}

/** Salesforce's Next Step holds 255 characters: a part that would not fit is left out. */
const MAX_NEXT_STEP = 255;

/** The step with one more part after it, when the part says something new and fits. */
function withPart(step: Candidate<string>, part: string | null): Candidate<string> {
  if (part === null) return step;
  const said = contentWords(step.value);
  if ([...contentWords(stripOwner(part))].every((w) => said.has(w))) return step;
  const value = `${step.value}; ${part}`;
  return value.length > MAX_NEXT_STEP ? step : { ...step, value };
}

/** "Send it through by Friday" says what "it" is: "(a short case study)". */
function withAntecedent(
  step: Candidate<string>,
  utterances: readonly ExtractUtterance[],
): Candidate<string> {
  const u = utterances[step.utteranceIndex]!;
  const at = Math.max(0, u.text.indexOf(step.quote));
  // From the pointer on: a thing named before it in the quote is what it points at.
  const pointer = POINTER_WORD.exec(step.quote);
  const thing = antecedent(utterances, step.utteranceIndex, at + (pointer?.index ?? 0));
  return thing ? { ...step, value: `${step.value} (${thing})` } : step;
}

/**
 * The next step for the CRM: the agreed one with the call's last commitments it does not
 * say yet ("I'll get them to legal on Monday" after the order form agreed), else those
 * commitments alone at a low score (most calls end on one; a person approving it sees
 * the quote).
 */
export function extractNextStepOrCommitment(
  utterances: readonly ExtractUtterance[],
  ctx: ExtractContext,
): Candidate<string> | null {
  const ref = referenceOf(ctx);
  const agreed = agreedStep(utterances, ref);
  if (agreed) {
    return lastCommitments(utterances).reduce(
      (step, c) => (saysAlready(step.value, c.text) ? step : withPart(step, c.text)),
      agreed,
    );
  }
  // The customer's own step alone is no next step: as often wrong as right. A summing up
  // goes beside the last commitments as it goes beside agreed steps.
  const said = unconfirmed(utterances);
  return said && withPart(withPart(said, customerStep(utterances, ref)), recapOf(utterances));
}

/** Whether a step already holds a commitment: its first three words after the doer. */
function saysAlready(step: string, commitment: string): boolean {
  const head = stripOwner(commitment).split(/\s+/).slice(0, 3).join(' ').toLowerCase();
  return step.toLowerCase().includes(head);
}

/** Below every agreed step's raw score, so the calibration table keeps these apart. */
const UNCONFIRMED_SCORE = 0.3;

/** The call's last commitments (commitment.ts) as one value, quoting the last. */
function unconfirmed(utterances: readonly ExtractUtterance[]): Candidate<string> | null {
  const commitments = lastCommitments(utterances);
  const last = commitments[commitments.length - 1];
  if (!last) return null;
  return {
    value: commitments.map((c) => c.text).join('; '),
    confidence: UNCONFIRMED_SCORE,
    quote: last.quote,
    utteranceIndex: last.utteranceIndex,
    startSeconds: utterances[last.utteranceIndex]!.startSeconds,
  };
}

/**
 * The other steps the call agreed go with the main one, latest first, at most two, each
 * adding something the text does not say yet: a call that agrees on a proof of concept
 * and then on sending its setup instructions has both as its next steps.
 */
function withOtherSteps(main: Candidate<string>, all: readonly Candidate<string>[]) {
  let step = main;
  let added = 0;
  for (const c of [...all].reverse()) {
    if (added === 2) break;
    if (c === main || POINTER_OBJECT.test(stripOwner(c.value))) continue;
    const next = withPart(step, c.value);
    if (next !== step) added += 1;
    step = next;
  }
  return step;
}

/** The first follow-up an utterance proposes, skipping hypotheses, refusals and chores. */
function firstStep(u: ExtractUtterance, utteranceIndex: number): Step | null {
  for (const s of splitSentences(u.text)) {
    // One test for a verb or "next step" skips the six frames for most sentences.
    if (!ANY_STEP.test(s.text)) continue;
    // The earliest proposal in the sentence is its main one ("send X and I'll route it").
    let best: { phrase: string; at: number; frame: number; team?: string } | null = null;
    FRAMES.forEach((frame, index) => {
      const m = frame.exec(s.text);
      const phrase = m?.groups?.phrase ?? m?.groups?.phrase2;
      if (phrase === undefined) return;
      const at = s.text.length - phrase.length;
      const team = m?.groups?.team ?? m?.groups?.who;
      if (!best || at < best.at) best = { phrase, at, frame: index, team };
    });
    if (!best) continue;
    const { phrase: raw, frame, team } = best as { phrase: string; frame: number; team?: string };
    let phrase = cut(raw);
    // What the sentence goes on to say after the step's own clause.
    const rest = raw.slice(phrase.length);
    // A refusal or a supposition counts in the step's own clause only: "so it's not
    // sitting in your inbox" refuses nothing, and "Prepare the ROI model, and if it shows
    // savings, we go on" supposes nothing of the model. "If you can" only asks politely.
    const head = s.text.slice(0, s.text.length - raw.length) + phrase;
    if (NEGATION.test(head) || HYPOTHETICAL.test(head.replace(POLITE_IF, ''))) continue;
    // "I'll reach out to your IT today, and we'll schedule the write-back demo": the
    // meeting set in the clause after the step goes with it.
    const meetingAfter = MEETING_CLAUSE.exec(rest);
    if (meetingAfter && !EVENT_WORD.test(phrase)) {
      phrase = `${phrase}, and ${cut(meetingAfter.groups!.clause!)}`;
    }
    const handoff = HANDOFF_CLAUSE.exec(rest);
    if (handoff) phrase = `${phrase}, for ${cut(handoff.groups!.dest!)}`;
    const purpose = MEETING_START.test(phrase) && MEETING_PURPOSE.exec(rest);
    if (purpose && !EVENT_WORD.test(phrase)) phrase = `${phrase}, ${purpose.groups!.purpose!}`;
    if (frame === EVENT_NAMED) {
      // A meeting named on its own is a step only when it is put forward.
      // A meeting named with its day ("November 10th pilot review") is one too.
      if (
        !isQuestion(s.text) &&
        !/\b(?:would help|next step|good idea|let's|let us)\b/i.test(s.text) &&
        !((DAY_WORD.test(s.text) || DAY_IN_WORDS.test(s.text)) && !PAST.test(s.text))
      ) {
        continue;
      }
      phrase = phrase.replace(/\s+(?:would|will|could|is|are)\b.*$/i, '');
    } else if (frame === TEAM && team) {
      // Who does it is part of the step: "Onboarding to contact you this week".
      phrase = `${team} to ${phrase}`;
    } else if (frame === NAMED_FUTURE && team) {
      // "Mariana will send Memo the access": "Mariana to send Memo the access".
      phrase = `${team} to ${phrase}`;
    } else if (frame === NAMED_PRESENT && team) {
      // "Marc sends the new contract tomorrow": "Marc to send the new contract tomorrow".
      phrase = `${team} to ${phrase.replace(/^(\S+?)s\b/, '$1')}`;
    } else if (frame === YOU_WILL_HAVE || frame === OFFER) {
      phrase = `send ${phrase}`;
    } else if (frame === UNDER_WAY) {
      phrase = phrase.replace(
        /^(sending|booking|scheduling|setting up|preparing|drafting|organi[sz]ing)\b/i,
        (g) => GERUNDS[g.toLowerCase()] ?? g,
      );
    }
    // A chore for a named meeting ("send over a few times for the CFO demo") is the meeting's step.
    if (phrase.length < 3 || (NOT_A_STEP.test(phrase) && !EVENT_WORD.test(phrase))) continue;
    // A day named for it ("Demo on the 17th") is a meeting to come, not this call's agenda.
    const later = LATER.test(phrase) || DAY_WORD.test(phrase);
    if (AGENDA_VERB.test(phrase) && (!later || AGENDA_ALONE.test(phrase))) continue;
    // A visit goes to a place by its name or to someone's: "come to Lucknow", "visit the
    // store", not "come to numbers".
    if (VISIT_NOWHERE.test(phrase)) continue;
    // A question is a proposal only when it asks for an action ("can you send...?").
    // "I'll check in with you on the eighth then?" is a promise checking the day.
    if (isQuestion(s.text) && frame === 0 && !/\b(?:i|we)(?:'ll| will)\b/i.test(s.text)) continue;
    const before = s.text.slice(0, s.text.length - raw.length);
    const promise =
      ((frame === 0 || frame === THEN_PRESENT || frame === PLAIN_PRESENT) &&
        /\bi\b/i.test(before)) ||
      (frame === 0 && GLAD_START.test(before) && !/\bwe\b/i.test(before)) ||
      // "Quote tomorrow.", said by the rep, is the rep's promise.
      (frame === TERSE && u.side === 'internal') ||
      (frame === 1 && /\blet me\b/i.test(before)) ||
      frame === YOU_WILL_HAVE ||
      frame === OFFER ||
      frame === UNDER_WAY;
    return {
      phrase,
      quote: s.text,
      utteranceIndex,
      hedged: HEDGE.test(s.text) || /\bmay\b/.test(s.text),
      owner: promise ? 'speaker' : frame === 2 ? 'listener' : null,
      request: frame === 2 || frame === IMPERATIVE,
      ...(frame === TERSE ? { terse: true as const } : {}),
    };
  }
  return null;
}

/**
 * The other side's next reply taking the step up without a "yes": a request answered
 * by a promise ("Send me the order form." "I'll send it this afternoon."), or a reply
 * that proposes the same thing in its own words ("I'll send the contract." "Send the
 * contract to me and I'll route it."). Null when the reply is about something else.
 */
function takenUp(
  utterances: readonly ExtractUtterance[],
  index: number,
  proposed: Step,
): number | null {
  const other = otherSide(utterances[index]!.side);
  const reply = utterances[index + 1];
  if (other === null || reply === undefined || reply.side !== other) return null;
  const firstClause = reply.text.split(/[.!?;]/, 1)[0]!;
  if (DISAGREEMENT.test(firstClause) || HYPOTHETICAL.test(firstClause)) return null;
  // A request answered by a promise, whatever its words ("Send me the paperwork." "I will
  // send the expansion order form today." / "You'll have it by Monday.").
  if (proposed.request && PROMISED.test(reply.text)) return index + 1;
  const answer = firstStep(reply, index + 1);
  if (!answer) return null;
  const said = contentWords(proposed.phrase);
  return [...contentWords(answer.phrase)].some((w) => said.has(w)) ? index + 1 : null;
}

function cut(phrase: string): string {
  const end = CLAUSE_END.exec(phrase);
  return (
    (end ? phrase.slice(0, end.index) : phrase)
      .trim()
      .replace(/[,;:]+$/, '')
      .replace(/,\s*(?:then|too|as well|please)$/i, '')
      // "Sandbox in January, and then we regroup": the clause ends before "then".
      .replace(/,?\s+(?:and|but|or)$/i, '')
  );
}

function pointsOnly(phrase: string): boolean {
  // "Proposal by next Friday": the thing itself, named in one word.
  if (EVENT_WORD.test(phrase) || DELIVERABLE_FIRST.test(phrase)) return false;
  const bare = phrase
    .replace(/\b(?:to|over to) (?:you|us|me)\b/i, '')
    // The day goes, what follows it ("on the 2nd with our compliance team") stays.
    .replace(
      /\s+(?:(?:by|on|before|no later than|until)\b|(?:this|next) (?:week|month|morning|afternoon|evening|time)\b).*?(?=\s+(?:with|for|to|about|at|in)\s|$)/i,
      '',
    );
  return ONLY_POINTERS.test(bare.trim());
}

function sharesVerb(a: string, b: string): boolean {
  return a.split(/\s+/, 1)[0]!.toLowerCase() === b.split(/\s+/, 1)[0]!.toLowerCase();
}

interface Due {
  date: LocalDate;
  /** Where the date was said inside the text it was read from, so it can be cut out. */
  text: string;
}

/** "Tuesday the 8th": a weekday with its day of the month, the day deciding. */
const WEEKDAY_THE_DAY =
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,? the (\d{1,2})(?:st|nd|rd|th)\b/i;

/** The next date on or after `today` that falls on day `day` of its month. */
function nextDayOfMonth(today: LocalDate, day: number): LocalDate | null {
  for (let step = 0; step < 3; step += 1) {
    const month = ((today.month - 1 + step) % 12) + 1;
    const year = today.year + Math.floor((today.month - 1 + step) / 12);
    if (day > daysInMonth(year, month)) continue;
    const date = { year, month, day };
    if (compareDates(date, today) >= 0) return date;
  }
  return null;
}

/** The first day named in the text, when chrono is sure of the day and it is not past. */
function dueDate(text: string, ref: Reference): Due | null {
  // chrono reads "Tuesday the 8th" as the coming Tuesday, whatever its date.
  const said = WEEKDAY_THE_DAY.exec(text);
  const onDay = said ? nextDayOfMonth(ref.today, Number(said[1])) : null;
  if (said && onDay) return { date: onDay, text: said[0] };
  // chrono reads "Friday week" as the coming Friday.
  const weekLater = [...text.matchAll(WEEKDAY_WEEK)][0];
  if (weekLater) return { date: weekdayWeek(weekLater, ref.today), text: weekLater[0] };
  for (const r of chrono.parse(text, ref.chrono, { forwardDate: true })) {
    const c = r.start;
    // chrono gives "next week" a day; a week or month is not a due day.
    if (!c.isCertain('day') && !c.isCertain('weekday')) continue;
    if (/\b(week|month|year|quarter)\b/i.test(r.text)) continue;
    // "Now the next thing is the kick-off": "now" opens the sentence, it dates nothing.
    if (/^(?:right )?now$/i.test(r.text.trim())) continue;
    // "A workshop, two hours": a length, not a time; "in an hour" is today.
    if (
      /^(?:an?|one|two|three|four|five|six|\d+|half an?|a couple of)\s+(?:hours?|minutes?|mins?)$/i.test(
        r.text,
      )
    )
      continue;
    const date = { year: c.get('year')!, month: c.get('month')!, day: c.get('day')! };
    if (compareDates(date, ref.today) < 0) continue;
    return { date, text: r.text };
  }
  return null;
}

function firstSentence(text: string): string {
  return splitSentences(text)[0]?.text ?? text;
}

/** Whether the text names a time of any kind, a day or a week or a month. */
function saysWhen(text: string, ref: Reference): boolean {
  return chrono.parse(text, ref.chrono, { forwardDate: true }).length > 0;
}

/**
 * The step as said, with its owner and the exact day: "Dana to send it over by Friday
 * (Fri Oct 16)"; a day named only in the reply is added ("... by Fri Oct 16").
 */
function render(phrase: string, due: Due | null, owner: string | null): string {
  let text = phrase;
  if (due) {
    const { year, month, day } = due.date;
    const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
    const when = `${weekday} ${MONTHS[month - 1]!} ${day}`;
    // The day as it was said stays, with the exact date beside it.
    const said = /^(?:by|on|before|until|within|in)\b/i.test(due.text)
      ? due.text
      : `${MEETING_VERB.test(text) ? 'on' : 'by'} ${due.text}`;
    text = text.includes(due.text) ? `${text} (${when})` : `${text} ${said} (${when})`;
  }
  const first = owner?.trim().split(/\s+/, 1)[0];
  if (first) return `${first} to ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
