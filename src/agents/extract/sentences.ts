export interface Sentence {
  text: string;
  /** Offset of `text` inside the utterance, so a quote stays a verbatim substring. */
  start: number;
}

// A month's abbreviation cut off from its day would turn "Dec. 15" into all of December.
const ABBREVIATIONS =
  'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|mr|mrs|ms|dr|e\\.g|i\\.e|vs|approx|inc|ltd|corp|st|jr|sr|mt|ft';

// A lone letter before the period is an initial ("J. Smith"), unless an apostrophe ends a
// word with it ("You won't.").
const BOUNDARY = new RegExp(
  `(?<!(?<!['’])\\b\\w)(?<!\\b(?:${ABBREVIATIONS})\\.?)[.!?;]+(?=\\s|$)`,
  'gi',
);

const CACHE_LIMIT = 4096;
const CACHE = new Map<string, readonly Sentence[]>();

/**
 * Splits an utterance into sentences. A period between digits ("$1.2M"), after a
 * one-letter initial or after an abbreviation ("Dec. 15", "Mr. Smith") is not a
 * boundary; the sentence keeps its own punctuation so a trailing "?" can be seen by
 * the guards.
 */
export function splitSentences(text: string): readonly Sentence[] {
  const cached = CACHE.get(text);
  if (cached) return cached;
  const out: Sentence[] = [];
  let from = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length;
    push(out, text, from, end);
    from = end;
  }
  push(out, text, from, text.length);
  // Every extractor splits the same utterances; a bounded cache keeps that to once a call.
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(text, Object.freeze(out));
  return out;
}

function push(out: Sentence[], text: string, from: number, to: number): void {
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed.length > 0) out.push({ text: trimmed, start: from + lead });
}

export function isQuestion(sentence: string): boolean {
  return sentence.trimEnd().endsWith('?');
}

/**
 * A question tagged on a statement for a nod: "The contract was signed on Friday, didn't
 * you get it?", "You know Heinsohn quoted us 140 million, right?".
 */
const QUESTION_TAG =
  /,\s*(?:right|correct|true|yeah|yes|no|okay|ok|got it|you know|(?:did|didn't|haven't) you(?: get| see| receive| got| seen| received)?(?: it| that)?|isn't it|wasn't it|(?:(?:can|could|will|would|do|does|did|is|are|was|were|should|have|has)n't|won't|can't) (?:we|you|they|he|she|it|i|there))\?\s*$/i;

/** The statement under a question tag, ended with a full stop; any other sentence as it is. */
export function withoutQuestionTag(sentence: string): string {
  return sentence.replace(QUESTION_TAG, '.');
}

/** A question that waits for its answer; a statement with a tag on it waits for none. */
export function asksQuestion(sentence: string): boolean {
  return isQuestion(withoutQuestionTag(sentence));
}

/** Words that make what follows a supposition rather than a statement. */
export const HYPOTHETICAL =
  /\b(if|whether|unless|assuming|suppose|supposing|hypothetically|in theory|say we|what if|imagine|ever)\b/i;

/**
 * Whether a sentence supposes: `HYPOTHETICAL`, less an "if" that only frames what is said
 * ("if you're wondering, yes, they're still in it", "if I'm honest", "if you ask me").
 */
export function supposes(sentence: string): boolean {
  return HYPOTHETICAL.test(sentence.replace(FRAMING_IF, ''));
}
const FRAMING_IF =
  /\bif (you're|you are) wondering\b|\bif (you must|you want to|you need to) know\b|\bif (i'm|i am) (being )?(honest|frank|blunt)\b|\bif you ask me\b/gi;

/**
 * "If you can", "if possible": a polite request, which supposes nothing. Take it out
 * before testing a sentence for HYPOTHETICAL.
 */
export const POLITE_IF =
  /,?\s*\bif (?:you can|you could|possible|that works(?: for you)?|that's (?:ok|okay|fine|alright)|you don't mind)\b/gi;

/** Negations that turn a commitment round ("we won't sign by March"). */
export const NEGATION =
  /\b(not|no way|never|can't|cannot|won't|wouldn't|couldn't|don't|doesn't|isn't|aren't|unlikely)\b|n't\b/i;

/** Hedges that keep a value but lower its confidence. */
export const HEDGE =
  /\b(probably|hopefully|ideally|roughly|around|about|approximately|ballpark|maybe|perhaps|might|could|should|aiming|tentative(ly)?|i think|i guess|likely)\b/i;
