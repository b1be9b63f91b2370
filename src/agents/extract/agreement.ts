import { AGREEMENT, DISAGREEMENT, otherSide } from './cues.js';
import { HYPOTHETICAL, POLITE_IF, isQuestion, splitSentences } from './sentences.js';
import type { ExtractUtterance } from './types.js';

/**
 * Agreement on a next step across turns. `cues.ts` reads only the very next utterance
 * starting with a yes; calls on unread sets agree in other ways: the other side names a
 * day that "works", says thanks to a promise, restates the step ("November 10th pilot
 * review"), sends the invite for the meeting just put forward, or the proposer's own
 * colleague speaks first and the yes comes after. A promise also settles what the other
 * side asked for a few turns before ("Send me the revised proposal." ... "I'll send the
 * revised proposal today.").
 */

/** Yes-words `AGREEMENT` leaves out: thanks to a promise, and the yes of other languages. */
const ACCEPT_START =
  /^\s*(?:thanks|thank you|cheers|fine|done|noted|please|top|gut|prima|perfeito|perfecto|parfait|d'accord|claro|vale|genial|oui|ja|sim|s[ií]|merci|danke|dank je|gracias|grazie|obrigad[oa]|tr[eè]s bien|combinado|yoroshiku|arigat\w*)\b/i;

/** The other side telling where the promised thing goes ("Send it to me and our lawyer"). */
const SEND_IT =
  /^\s*(?:(?:yes|yeah|ok(?:ay)?|good|great|perfect)[,.!\s]+)*(?:please\s+)?(?:send|forward|share|email)\s+(?:it|them|both|that|those|everything)\b/i;

/** Agreement said inside the first sentence ("Thursday the 24th at ten works"). */
const ACCEPT_INSIDE =
  /\b(?:works|would work|sounds (?:good|great|like a plan)|good idea|agreed|i(?:'d| would)? (?:like|love) that|please do|will do|(?:is|'s) (?:fine|good|great|perfect)|good for (?:us|me|both of us|everyone)|suits (?:us|me)|that's fine|let's do (?:it|that|the)|let us do (?:it|that|the))\b/i;

/**
 * A reply agreeing inside its first sentence rather than opening with a yes:
 * "Wednesday is fine.", "Thursday the 24th at ten works for us."
 */
export function agreesInside(text: string): boolean {
  const first = splitSentences(text)[0]?.text ?? '';
  return ACCEPT_INSIDE.test(first) && !DISAGREEMENT.test(first) && !isQuestion(first);
}

/** Sending the invite or the times for what the other side put forward confirms it. */
const FOLLOW_THROUGH =
  /\b(?:i|we)(?:'ll| will)\s+(?:send|set up|book|schedule|get|coordinate)\b[^.?!]{0,30}?\b(?:invite|invitation|calendar|it|times|that|this|with you)\b/i;

/** A reply promising what was asked, in any words ("I will send...", "you'll have it"). */
export const PROMISED =
  /^\s*(?:(?:ok(?:ay)?|so|and|then|great|sure|yes|yeah|absolutely|of course|perfect|understood|noted)[,.!\s]+)*(?:(?:i|we)(?:'ll| will)\b(?! (?:think|see|try|check if|follow up)\b)|you(?:'ll| will) have (?:it|them|that)\b|will do\b)/i;

/** A goodbye acknowledges the call, not the step. */
const SIGN_OFF =
  /\b(?:follow up by email|talk soon|speak soon|bye|see you|have a good (?:one|day|week|weekend))\b/i;

/** The proposer's side going on with the step ("And I'll include the sizing"), not off it. */
const GOES_ON = /^\s*(?:and|also|plus|oh,? and)\b|\b(?:i|we)(?:'ll| will)\b/i;

/** What a request or a need sounds like, so a later promise can be its answer. */
const ASKED =
  /\b(?:need|needs|want|wants|would like|send me|send us|can you|could you|have (?:the|it|that) ready|asked for|please)\b/i;

/** A question back that only settles the day ("How about Tuesday the 17th?"). */
const WHEN =
  /\b(?:how about|what about|would .{0,30}(?:suit|work)|does .{0,30}work|(?:mon|tues|wednes|thurs|fri)day|\d{1,2}(?:st|nd|rd|th)|(?:january|february|march|april|june|july|august|september|october|november|december)|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+teenth|twentieth|thirtieth)|tomorrow|next week|o'clock|[ap]\.?m\b)/i;

/** A yes anywhere in a sentence ("Early June, yes."). */
const YES = /\b(?:yes|yeah|sure|absolutely|of course)\b/i;

/** Words too common to show that two turns are about the same thing. */
const COMMON =
  /^(?:send|sent|over|with|that|this|them|then|will|have|your|yours|mine|ours|from|into|about|after|before|today|tomorrow|week|next|just|also|some|more|please|thanks|would|could|should|there|their|they|what|when|where|which|make|sure|okay|great|good|right|works|work|time|let's|yeah|fine|done|call|meet|meeting)$/i;

export function contentWords(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[a-z][a-z&'-]{3,}/g) ?? []).filter((w) => !COMMON.test(w)),
  );
}

function shares(a: string, b: string): boolean {
  const words = contentWords(a);
  return [...contentWords(b)].some((w) => words.has(w));
}

/**
 * The utterance that accepts the step proposed at `index` (its phrase `phrase`): the
 * first utterance of the other side within the next three, the proposer's own side
 * allowed to go on before it. It accepts with a yes, agreement inside its first
 * sentence, by restating the step, or by following it through (sending the invite).
 * A refusal, a hypothesis, a question back or a goodbye is no acceptance. Null when the
 * other side does not accept.
 */
export function acceptedAcrossTurns(
  utterances: readonly ExtractUtterance[],
  index: number,
  phrase: string,
): number | null {
  const side = utterances[index]!.side;
  const other = otherSide(side);
  if (other === null) return null;
  for (let j = index + 1; j <= index + 3 && j < utterances.length; j++) {
    const u = utterances[j]!;
    if (u.side === side) {
      if (GOES_ON.test(u.text)) continue;
      return null;
    }
    if (u.side !== other) return null;
    const first = splitSentences(u.text)[0]?.text ?? '';
    if (DISAGREEMENT.test(first) || HYPOTHETICAL.test(first) || SIGN_OFF.test(first)) return null;
    if (
      AGREEMENT.test(u.text) ||
      ACCEPT_START.test(u.text) ||
      ACCEPT_INSIDE.test(first) ||
      SEND_IT.test(u.text)
    )
      return j;
    if (isQuestion(first)) return settlesDay(utterances, j, side, first);
    if (FOLLOW_THROUGH.test(u.text) || shares(phrase, first)) return j;
    return null;
  }
  return null;
}

/**
 * A promise that answers what the other side asked for in the four turns before it
 * ("We need the contract in Portuguese." ... "I'll send the Portuguese version of the
 * contract by Monday."), unless the other side's next word refuses it. Returns the
 * promise's own index (the ask came first), or null.
 */
export function answersAsk(
  utterances: readonly ExtractUtterance[],
  index: number,
  phrase: string,
): number | null {
  const side = utterances[index]!.side;
  const other = otherSide(side);
  if (other === null) return null;
  const next = utterances.slice(index + 1).find((u) => u.side !== side);
  if (next) {
    const first = splitSentences(next.text)[0]?.text ?? '';
    if (DISAGREEMENT.test(first) || HYPOTHETICAL.test(first)) return null;
  }
  for (let j = index - 1; j >= Math.max(0, index - 4); j--) {
    const u = utterances[j]!;
    if (u.side !== other) continue;
    for (const s of splitSentences(u.text)) {
      if (HYPOTHETICAL.test(s.text) || !ASKED.test(s.text)) continue;
      if (shares(phrase, s.text)) return index;
    }
  }
  return null;
}

/**
 * A reply that takes the step up by asking only the day ("How about Tuesday the 17th?")
 * accepts it when it says yes after ("September third? Yes, I'll bring our engineer.") or
 * the proposer's side takes the day next ("The 17th works."). Returns the reply's index.
 */
function settlesDay(
  utterances: readonly ExtractUtterance[],
  j: number,
  side: ExtractUtterance['side'],
  first: string,
): number | null {
  if (!WHEN.test(first)) return null;
  const rest = splitSentences(utterances[j]!.text).slice(1);
  if (rest.some((s) => AGREEMENT.test(s.text) && !DISAGREEMENT.test(s.text))) return j;
  const back = utterances[j + 1];
  if (!back || back.side !== side) return null;
  const said = splitSentences(back.text)[0]?.text ?? '';
  if (DISAGREEMENT.test(said) || isQuestion(said)) return null;
  return AGREEMENT.test(back.text) || ACCEPT_START.test(back.text) || ACCEPT_INSIDE.test(said)
    ? j
    : null;
}

/**
 * A proposal that is itself the yes to what the other side just offered: it starts
 * agreeing, or says yes in its first sentence, and names what the offer named ("We can
 * do an MSL demo next week." "Good, let us book the MSL demo."; "Please send the contract
 * draft to me directly."). Returns the proposal's own index, or null.
 */
export function echoesOffer(
  utterances: readonly ExtractUtterance[],
  index: number,
  phrase: string,
): number | null {
  const u = utterances[index]!;
  const offer = utterances[index - 1];
  if (!offer || offer.side !== otherSide(u.side) || isQuestion(offer.text)) return null;
  const first = splitSentences(u.text)[0]?.text ?? '';
  if (DISAGREEMENT.test(first)) return null;
  const agrees = AGREEMENT.test(u.text) || ACCEPT_START.test(u.text) || YES.test(first);
  return agrees && shares(phrase, offer.text) ? index : null;
}

/**
 * A promise with its object and its day ("I will send the final agreement with the new
 * price today."), refused by no one: the speaker is held to it even without a yes.
 */
export function standsAlone(
  utterances: readonly ExtractUtterance[],
  index: number,
  hasDay: boolean,
): number | null {
  if (!hasDay) return null;
  const side = utterances[index]!.side;
  const next = utterances.slice(index + 1).find((u) => u.side !== side);
  if (next) {
    const first = splitSentences(next.text)[0]?.text ?? '';
    if (DISAGREEMENT.test(first) || HYPOTHETICAL.test(first.replace(POLITE_IF, ''))) return null;
  }
  return index;
}
