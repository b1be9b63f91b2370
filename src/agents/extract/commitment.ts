import { DISAGREEMENT, SALES_DOCUMENT, otherSide } from './cues.js';
import { HYPOTHETICAL, NEGATION, isQuestion, splitSentences } from './sentences.js';
import type { ExtractUtterance } from './types.js';

/**
 * The call's last commitments, for a call whose agreement on a step the next-step reader
 * did not see. Calls end on a promise or a request far more often than on nothing
 * ("I'll send both tomorrow." "Great, thanks."; "Can we get on a call with your
 * security team on the third?" "Yes, I'll bring our engineer."), said in more ways than
 * the reader's verbs and frames hold. This takes what either side undertook near the
 * end, in any verb, and leaves the doubt to the confidence: the calibration table keeps
 * these apart from agreed steps (their raw score is below every agreed one's).
 */

/** "I'll / we will / I can ..." followed by the verb of what is undertaken. */
const PROMISE =
  /\b(?:i|we)(?:'ll| will|'m going to| am going to|'re going to| are going to| can| shall)\s+(?:(?:also|then|just|quickly|definitely|first|now)\s+)*(?!(?:be|think|see|try|wait|leave|keep|let|need|have to|do my best|look forward|miss|remember|hear|talk to you soon|say|tell you|admit)\b)(?=[a-z])/i;

/**
 * Asked of the other side: "can you send...", "please include...", "send me..."; an
 * imperative keeps its verb (`verb`), the match ending on it.
 */
const REQUEST =
  /\b(?:can|could|would|will) you (?:please )?(?!hear|see me|repeat|say)(?=[a-z])|\bplease (?!hold|wait)(?=[a-z]{3,})|^(?:(?:yes|yeah|ok(?:ay)?|great|so|and|then|good)[,\s]+)*(?<verb>send|share|include|add|bring|forward|email)\b/i;

/** A meeting put forward: "can we talk Tuesday?", "let's do a checkpoint Friday". */
const MEETING =
  /\b(?:can|could|shall|should) we (?:talk|meet|do|get|have|schedule|book|set up|reconvene|regroup|sync|speak|review|go through)\b|\blet's (?:talk|meet|do|get|have|schedule|book|set up|reconvene|regroup|sync|speak|review|go through|make|plan|book)\b/i;

/** Courtesy and small talk that are no step of the deal. */
const SMALL_TALK =
  /\b(?:coffee|lunch|drinks?|weekend|holiday|congrat\w*|good luck|bye|talk soon|speak soon|see you|thank|enjoy)\b/i;

/**
 * What a step is done to: a thing named with its article ("the updated order form", "a
 * one-pager", "our security team"), or a meeting word. Undertakings about the speaker's
 * own records, plans or thinking ("I'll update on my side", "we'll have a think",
 * "I'll plan for three weeks from today") are no step the other side waits on.
 */
const OBJECT =
  /\b(?:the|a|an|our|your|my|some|two|three|their|his|her)\s+(?!(?:same|rest|target|number|date|time|side|thing|way|point|end|beginning|morning|afternoon|evening|week|weekend|month|day|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|twentieth|thirtieth|twenty|thirty|monday|tuesday|wednesday|thursday|friday)\b)[a-z][\w-]*|\b(?:call|meeting|session|demo|workshop|review|kick-?off|visit|invite|invitation|checkpoint|dates|times|options)\b/i;

/**
 * Verbs of one's own bookkeeping, thinking and chasing, not of something the other side
 * gets ("I'll talk to our director", "I'll come back to you when I've talked to the
 * directors", "I'll nudge them"); and a phrase that starts with its pronoun.
 */
const NO_STEP_VERB =
  /^(?:sign\b|chat (?:to|with)|adjust|work (?:to|towards?) (?:it|that|this|the date)\b|digest|close (?:it|the file|our file|the deal)|put (?:it|that|this) (?:on|in) the|take (?:it|this|that|[\w-]+) to (?:the|my|our) (?:partners|board|boss|team|director|directors|cfo|ceo|committee|owners|management)|call (?:you|me|us)(?: back)?(?! (?:on|next|this|tomorrow|in|at|\w+day)\b)|move|plan|line|figure (?:it|this|that|them) out|work (?:it|this|that) out|reflect|take (?:it|this|that) (?:from here|forward)|talk internally|have a think|add|make sure|sort|keep|update (?:on|our|my)|circle|come back|hold|note|mark|put (?:it|that) in|leave|walk you through [\w\s-]+ now|run (?:it|this|that) (?:past|by)|talk to|speak to|nudge|carry on|be open|reach out|check in|get back|touch base|follow up|chase|know\b|stay out of (?:your|the) (?:hair|way)|share (?:it |this |that )?with (?:my|our) (?:father|mother|dad|mum|mom|uncle|boss|partners?|wife|husband|brother|sister|team|owners?|board)|take (?:us|me) off|believe\b|take (?:you|u) up on|bring (?:a|an|your) (?:good |warm |heavy )?(?:jacket|coat|umbrella|boots|appetite)\b|take (?:it |this |that )?to (?:them|him|her)|give (?:me|us) (?:a|an|some) (?:ballpark|idea|sense|feel)|(?:it|this|that|them)\b)\b/i;

/**
 * Chores of a call, not steps of the deal: an invite or times with no meeting named, the
 * notes, the recording, following up by email; agenda for the call itself ("let's go
 * through the dashboards") unless put later.
 */
const CHORE =
  /^(?:send|share|forward)\s+(?:(?:you|us|me|them)\s+)?(?:the |an? |some )?(?:calendar |meeting )?(?:(?:invite|invitation|times|slots|availability)(?! for (?:the |a |our )?(?:[\w-]+ )?(?:kick-?off|workshop|demo|review|visit|session|training|call|meeting))|notes|recording|link|screen)\b|^follow up\b|^(?:share my screen|show you)\b/i;
const AGENDA = /^(?:go through|review|walk (?:you |us )?through|present|demo|look at)\b/i;
const LATER =
  /\b(?:again|tomorrow|next|later|after (?:the|this) call|offline|this week|(?:mon|tues|wednes|thurs|fri)day|by|on the)\b/i;

/** A pronoun object: the thing is named by the other side's ask before it. */
const POINTER = /\b(?:both|it|them|that|those|these|this|one)\b/i;

/** How far from the end of the call a commitment may be: the last share of its turns. */
const TAIL_SHARE = 0.4;
const TAIL_MIN = 6;

export interface Commitment {
  /** The sentence from its verb on, with who undertook it first ("Ben to send both tomorrow"). */
  text: string;
  quote: string;
  utteranceIndex: number;
}

/** Someone named as the sentence turns to them: "Priya, can you get Amira the spec?" */
const ADDRESSED = /(?:^|[.,!?]\s+)(?<name>[A-Z][a-z]+),\s+$/;

/**
 * What a sentence undertakes, from the undertaking on; null when it undertakes nothing.
 * A request names whom it asks when it turns to them by name.
 */
function undertaking(
  sentence: string,
): { phrase: string; asked: boolean; addressee?: string } | null {
  if (HYPOTHETICAL.test(sentence) || NEGATION.test(sentence) || SMALL_TALK.test(sentence)) {
    return null;
  }
  const promise = PROMISE.exec(sentence);
  if (promise && !isQuestion(sentence)) {
    return { phrase: sentence.slice(promise.index + promise[0].length), asked: false };
  }
  const request = REQUEST.exec(sentence);
  if (request) {
    // "Send us the proposal": the verb stays; the one asked does it.
    const from = request.index + request[0].length - (request.groups?.['verb']?.length ?? 0);
    const addressee = ADDRESSED.exec(sentence.slice(0, request.index))?.groups?.['name'];
    return {
      phrase: sentence.slice(from).replace(/^(?:please )/i, ''),
      asked: true,
      ...(addressee ? { addressee } : {}),
    };
  }
  const meeting = MEETING.exec(sentence);
  if (meeting) {
    const phrase = sentence
      .slice(meeting.index)
      .replace(/^(?:(?:can|could|shall|should) we|let's) /i, '');
    return { phrase, asked: false };
  }
  return null;
}

/**
 * The last two commitments in the end of the call, oldest first, that the other side's
 * next turn does not refuse. A commitment to "send both" carries the other side's ask
 * it answers ("(the W-9 and your insurance certificate)").
 */
export function lastCommitments(utterances: readonly ExtractUtterance[]): Commitment[] {
  const from = Math.max(
    0,
    Math.min(utterances.length - TAIL_MIN, Math.floor(utterances.length * (1 - TAIL_SHARE))),
  );
  const found: Commitment[] = [];
  for (let i = from; i < utterances.length; i += 1) {
    const u = utterances[i]!;
    if (u.side === 'unknown') continue;
    const reply = utterances.slice(i + 1).find((next) => next.side === otherSide(u.side));
    const refused = reply
      ? DISAGREEMENT.test(splitSentences(reply.text)[0]?.text ?? '') ||
        HYPOTHETICAL.test(splitSentences(reply.text)[0]?.text ?? '')
      : false;
    if (refused) continue;
    for (const s of splitSentences(u.text)) {
      const said = undertaking(s.text);
      if (said === null) continue;
      const phrase = said.phrase.replace(/[.!?]+$/, '').trim();
      if (phrase.split(/\s+/).length < 2 || NO_STEP_VERB.test(phrase) || CHORE.test(phrase)) {
        continue;
      }
      if (AGENDA.test(phrase) && !LATER.test(phrase)) continue;
      const object = OBJECT.test(phrase);
      // What "that" points at: named earlier in its sentence, or in the turns before.
      const at = s.start + Math.max(0, s.text.indexOf(phrase));
      const named = !object && POINTER.test(phrase) ? antecedent(utterances, i, at) : null;
      if (!object && named === null) continue;
      // A request is the other side's to do, who answers it does it; unless it names
      // whom it asks ("Priya, can you ...?"), on either side.
      const addressed =
        said.addressee === undefined
          ? undefined
          : utterances.find((x) => firstName(x.speaker) === said.addressee)?.speaker;
      const doer = said.asked ? (addressed ?? reply?.speaker) : u.speaker;
      const owner = doer === undefined ? undefined : firstName(doer);
      const body = named ? `${phrase} (${named})` : phrase;
      found.push({
        text: owner ? `${owner} to ${body.charAt(0).toLowerCase()}${body.slice(1)}` : body,
        quote: s.text,
        utteranceIndex: i,
      });
    }
  }
  return found.slice(-2);
}

/** A title before a name: "Dr. Meena Rao" does the step as Meena. */
const TITLE = /^(?:(?:dr|mr|mrs|ms|mx|prof|md|col|capt|eng|engr|sr|sra|herr|frau)\.?\s+)+(?=\S)/i;

/** The name a speaker is called by: "Eng. Salim Al Wahaibi" is Salim. */
function firstName(speaker: string): string {
  return speaker.trim().replace(TITLE, '').split(/\s+/, 1)[0] ?? '';
}

/**
 * A thing named with its article, up to four words, ending where the phrase does: "a
 * short case study" (from "A short case study from another council would be gold"), "our
 * own toll data", "the W-9 and your insurance certificate".
 */
const NOUN_PHRASE =
  /\b(?:the|a|an|our|your|their|my)\s+(?!(?:same|rest|way|point|thing|one|other|end|time|moment|call|meeting|moment|idea|question)\b)(?!(?:\d{1,2}(?:st|nd|rd|th)|(?:twenty|thirty)(?:[\s-]\w+)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|twentieth|thirtieth|(?:mon|tues|wednes|thurs|fri|satur|sun)day|week|weekend|month|quarter|year|morning|afternoon|evening|holidays?|break|summer|spring|autumn|fall|winter|meantime)\b)(?:[\w'&-]+\s+){0,3}?[\w'&-]+(?:\s+and\s+(?:the|a|an|our|your|their|my)\s+(?:[\w'&-]+\s+){0,3}?[\w'&-]+)?(?=\s+(?:from|for|to|by|would|will|is|are|was|were|that|which|and|as|so|because|if)\b|\s*[,.;:!?]|\s*$)/i;

const NOUN_PHRASES = new RegExp(NOUN_PHRASE.source, 'gi');

/** A noun phrase that names no thing of its own: "a new version", "a copy". */
const VAGUE_HEAD = /\b(version|copy|copies|update)$/i;

/** Where the pointer's own clause starts: "- I'll", ", and we'll", "I will". */
const CLAUSE_START =
  /\s[-–—]\s|[,;:]\s|\b(?:and|but|so|then)\s+(?=(?:i|we|you)\b)|\b(?:i|we|you)(?:'ll|'d| will| would| can| shall)\b/gi;
/** A thing named, with what it is for, fits in a note; a longer span is a sentence. */
const MAX_NAMED_WORDS = 8;

/**
 * The thing named before the pointer's clause in its own sentence: from the first thing
 * named to the clause ("Then next step is a proposal for the seven sites - I'll get that
 * to you" names "a proposal for the seven sites"), or the last thing named when that is
 * too long to be one.
 */
function namedBefore(head: string): string | null {
  const starts = [...head.matchAll(CLAUSE_START)];
  const last = starts[starts.length - 1];
  const clause = (last ? head.slice(0, last.index) : head).replace(
    /(?:[\s,;:–—-]|\b(?:and|but|so|then)\b)+$/i,
    '',
  );
  const nps = [...clause.matchAll(NOUN_PHRASES)];
  if (nps.length === 0) return null;
  const span = clause.slice(nps[0]!.index).trim();
  return span.split(/\s+/).length <= MAX_NAMED_WORDS ? span : nps[nps.length - 1]![0];
}

/**
 * What a step hands over or holds: a document, an offer or a meeting ("a one-page
 * summary", "the security questionnaire", "best and final", "the workshop").
 */
const DELIVERABLE = new RegExp(
  `\\b(?:${SALES_DOCUMENT}|best and final(?: offer)?|bafo|one pager|quotation|estimate|slides|case stud(?:y|ies)|contract|agreement|sow|statement of work|msa|nda|dpa|addendum|amendment|questionnaire|pack|report|business case|roi(?: model| analysis| calculator)?|(?:pricing|cost|savings) model|pricing|price list|breakdown|comparison|side-by-side|references?|reference call|(?:project|pilot|rollout|implementation|migration|training|onboarding|test|action) plan|timeline|invoice|purchase order|paperwork|forms?|certificates?|w-9|specs?|specification|sizing|documents?|documentation|checklist|template|sample|export|write-up|recap|letter|terms|figures|numbers|workshop|demo|trial|pilot|poc|proof of concept|sandbox|list|files?|clauses?|survey|mapping|logs|environment|scenarios|credentials|results|analysis|assessment|audit|matrix|agenda|brochure|datasheet|pdf|spreadsheet|sheet|calculation|calculator)\\b`,
  'i',
);
const DELIVERABLES = new RegExp(DELIVERABLE.source, 'gi');

/** Words that start no name of a thing: "Maybe a one-pager", "send me the deck". */
const NOT_MODIFIER =
  /^(?:maybe|just|also|and|or|but|so|then|if|as|whatever|yes|yeah|okay|ok|please|send|get|share|need|want|like|have|had|has|do|did|is|are|was|were|be|will|would|can|could|with|on|in|to|for|of|at|by|from|about|me|us|you|it|i|we|they|him|her|them|what|that|this|which|there|here|no|not|your|our|my|their|the|a|an|any|some)$/i;

/** The last thing handed over named in `text`, with its article and up to two words before. */
function lastDeliverable(text: string): string | null {
  const found = [...text.matchAll(DELIVERABLES)];
  const head = found[found.length - 1];
  if (!head) return null;
  const before = text.slice(0, head.index).split(/\s+/).filter(Boolean);
  const words: string[] = [];
  while (words.length < 2 && before.length > 0) {
    const w = before[before.length - 1]!;
    if (NOT_MODIFIER.test(w) || /[,.;:!?]$/.test(w)) break;
    words.unshift(before.pop()!);
  }
  const article = before[before.length - 1];
  if (article && /^(?:the|a|an|our|your|my|their)$/i.test(article)) words.unshift(article);
  return [...words, head[0]].join(' ');
}

/**
 * What "it", "them" or "both" at `start` of utterance `index` stands for: a thing named
 * before it in its own sentence; else a thing handed over named last in its turn or the
 * two before, asked about or not ("A one-page summary in plain English. Half the
 * committee are retired shepherds." "I'll send it in January."); else the thing named
 * last (`namedLast`). Null when none is named.
 */
export function antecedent(
  utterances: readonly ExtractUtterance[],
  index: number,
  start: number,
): string | null {
  const named = namedLast(utterances, index, start);
  if (named !== null && (named.inSentence || DELIVERABLE.test(named.thing))) return named.thing;
  for (let j = index; j >= Math.max(0, index - 2); j -= 1) {
    const text = j === index ? utterances[j]!.text.slice(0, start) : utterances[j]!.text;
    const thing = lastDeliverable(text);
    if (thing) return thing;
  }
  return named?.thing ?? null;
}

/**
 * The thing named last before "it": earlier in its sentence ("a proposal for the seven
 * sites - I'll get that to you Thursday"), in the same turn or in the two before (not in
 * a question).
 */
function namedLast(
  utterances: readonly ExtractUtterance[],
  index: number,
  start: number,
): { thing: string; inSentence: boolean } | null {
  for (let j = index; j >= Math.max(0, index - 2); j -= 1) {
    const before = splitSentences(utterances[j]!.text).filter(
      (s) => (j < index || s.start < start) && !isQuestion(s.text),
    );
    for (const s of [...before].reverse()) {
      if (j === index && s.start + s.text.length > start) {
        const named = namedBefore(s.text.slice(0, start - s.start));
        if (named) return { thing: named, inSentence: true };
        continue;
      }
      const np = NOUN_PHRASE.exec(s.text);
      // "procurement needs the security questionnaire. They sent a new version.": a new
      // version of the thing named before is that thing.
      if (np && !VAGUE_HEAD.test(np[0])) return { thing: np[0], inSentence: false };
    }
  }
  return null;
}
