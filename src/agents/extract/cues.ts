import { MONTH, WEEKDAY } from './date-words.js';
import { isQuestion, splitSentences } from './sentences.js';
import type { ExtractUtterance, SpeakerSide } from './types.js';

/** A reply that agrees with what the other side just said. */
export const AGREEMENT =
  /^\s*((actually|basically|essentially|formally|officially|honestly|broadly),?\s+)?(yes|yeah|yep|yup|ja|sure|ok(ay)?|correct|right|agreed|absolutely|definitely|exactly|of course|perfect|great(?! to hear)|good(?! to hear)|sounds (good|great|right|like a plan)|that works|works for (us|me)|will do|please do|yes please|confirmed|sweet|excellent|brilliant|lovely|wonderful|happy to|good idea|with pleasure|gladly|deal|let's do (it|that)|we can do that|i can do that|that's right|makes sense|that would be (helpful|great|useful|perfect|good|ideal)|that (helps|is helpful)|appreciate (it|that)|please\b(?!,? (don't|do not|hold|wait))|(please )?send (it|that|them|the \w+)( over)?\b)\b/i;

/** A reply that does not agree, even when it starts politely ("sure, but not yet"). */
export const DISAGREEMENT =
  /\b(no|not (yet|sure|now|really)|maybe|perhaps|we'll see|i'll think|think about it|let me think|hold off|don't|can't|won't|not ready)\b/i;

/**
 * "I'm not going to argue over five hundred quid", "we won't fight you on it": a
 * concession, not a refusal. Cut from a sentence before it is tested for a negation.
 */
export const NOT_ARGUING =
  /\b(?:i'm|i am|we're|we are|i|we)?\s*(?:not|n't|won't|will not) (?:going to |gonna )?(?:argue|fight|quibble|haggle|split hairs|fall out) (?:(?:with )?you )?(?:over|about|for|on)\b.*$/gi;

/** A goodbye after "great" acknowledges the call, not what was just asked. */
const SIGN_OFF =
  /\b(follow up by email|talk soon|speak soon|bye|see you|have a good (one|day|week|weekend))\b/i;

/** A greeting said before the answer: "Morning.", "Hi Jana,". */
const GREETING =
  /^\s*(?:(?:good )?(?:morning|afternoon|evening)|hi|hello|hey)(?: [A-Z][a-z]+)?[.,!]\s*/i;

/** Who is on the other side from `side`; an unknown side agrees with no one. */
export function otherSide(side: SpeakerSide): SpeakerSide | null {
  return side === 'internal' ? 'external' : side === 'external' ? 'internal' : null;
}

/**
 * The next utterance when it is the other side agreeing; null otherwise (no reply, the
 * same side going on, which makes any later "okay" about something else, a refusal, or
 * a goodbye). A question asked first and answered by the proposer puts the yes one
 * exchange later: "We can set up a sandbox with your real inventory." "In parallel,
 * with real staff?" "With real staff, fake bookings." "That's good. Do it."
 */
export function agreementAfter(
  utterances: readonly ExtractUtterance[],
  index: number,
): number | null {
  const proposer = utterances[index]!.side;
  const other = otherSide(proposer);
  const reply = utterances[index + 1];
  if (other === null || reply === undefined || reply.side !== other) return null;
  if (agrees(reply.text)) return index + 1;
  const answer = utterances[index + 2];
  const after = utterances[index + 3];
  const clarified =
    asksFirst(reply.text) &&
    answer?.side === proposer &&
    !isQuestion(answer.text) &&
    after?.side === other &&
    agrees(after.text);
  return clarified ? index + 3 : null;
}

/** A reply that says yes, and not to a goodbye. "Morning. Yes, Monday.": a greeting first. */
function agrees(reply: string): boolean {
  const text = reply.replace(GREETING, '');
  const firstClause = text.split(/[.!?;]/, 1)[0]!;
  return AGREEMENT.test(text) && !DISAGREEMENT.test(firstClause) && !SIGN_OFF.test(text);
}

/** A reply that opens with a question: "In parallel, with real staff?" */
function asksFirst(reply: string): boolean {
  const first = splitSentences(reply)[0]?.text ?? '';
  return isQuestion(first);
}

/** Second-level labels a country's domains sit under: "acme.co.uk" is Acme. */
const SECOND_LEVEL = /^(co|com|org|net|gov|ac|edu)$/;

/**
 * The seller's name as its domains spell it: the label before the public suffix
 * ("compraxis.es", "mail.qirtas.ae", "acme.co.uk"), when four letters or more.
 */
export function sellerNames(internalDomains: readonly string[]): string[] {
  const names = new Set<string>();
  for (const domain of internalDomains) {
    const labels = domain.trim().toLowerCase().split('.').slice(0, -1);
    if (labels.length > 1 && SECOND_LEVEL.test(labels[labels.length - 1]!)) labels.pop();
    const name = labels[labels.length - 1];
    if (name !== undefined && /^[a-z][a-z0-9-]{3,}$/.test(name)) names.add(name);
  }
  return [...names];
}

/**
 * A whole-word, case-insensitive pattern for a name ("Clari", "Salesforce Inbox"). Its
 * parts may be written apart, hyphenated or together ("OwnBackup", "Own Backup",
 * "Own-Backup"; "project44", "Project 44"); a possessive ("Gong's") is a mention.
 */
export function namePattern(name: string): RegExp {
  const parts = name
    .trim()
    .split(/[\s-]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/)
    .filter((part) => part.length > 0)
    .map(escapeRegExp);
  return new RegExp(`(?<![\\w-])${parts.join('[\\s-]?')}(?![\\w-])`, 'i');
}

/** Text as a pattern that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "Signing." then "...Done.": a signature made as the call goes, said in two sentences. */
const SIGNING_ALONE = /^\s*((okay|ok|right|so),?\s+)?signing( (it|now))?\W*$/i;
const DONE_NEXT = /^\W*(done|finished|completed|there)\b/i;

export function signingThenDone(sentence: string, next: string | undefined): boolean {
  return SIGNING_ALONE.test(sentence) && next !== undefined && DONE_NEXT.test(next);
}

/** Raw confidences stay inside 0.05..0.97: nothing rule-based is certain. */
export function clamp(x: number): number {
  return Math.round(Math.min(0.97, Math.max(0.05, x)) * 100) / 100;
}

/** The days of the week, their capital optional, so case-sensitive patterns take them. */
const WEEKDAY_EITHER_CASE = WEEKDAY.replace(/\b\w/g, (c) => `[${c.toUpperCase()}${c}]`);

/**
 * A moment earlier on the day, said loosely: "an hour ago", "a few minutes ago", "just
 * now", "earlier today". Chrono dates none of these.
 */
export const MOMENTS_AGO =
  '(?:earlier today|just now|(?:an?|one|two|three|a few|a couple of|ten|twenty|thirty) (?:hours?|minutes?) ago)';

/**
 * Earlier on the day it is said: "this morning", "today", or a moment ago. A signature
 * made then is dated the meeting's day. Lower-case words, so the pattern holds inside
 * case-sensitive patterns as well.
 */
export const EARLIER_TODAY = `(?:this (?:morning|afternoon)|today|${MOMENTS_AGO})`;

/**
 * When a signature already made was made, said after "signed": earlier today, "earlier",
 * "first thing", "yesterday", "last night", "on Monday", "Friday afternoon". Every reader
 * that hears a signature timed takes its times from here.
 */
export const SIGNED_AT = `(?:${EARLIER_TODAY}|earlier|first thing|yesterday|last night|in the morning|(?:on )?(?:${WEEKDAY_EITHER_CASE})(?: (?:morning|afternoon|evening|night))?)`;

/**
 * A day still to come, the other side of `SIGNED_AT`: "then Thursday it's signed", "by
 * EOQ", "end of next month", "in two weeks", "then the contract is signed". A signature
 * said with one is a plan, not a paper signed.
 */
export const LATER_DAY = new RegExp(
  String.raw`\bthen (the \w+|it|it's|it is|everything|we)\b|\b(tomorrow|tonight|later today|next week|(on |by )?(${WEEKDAY}))\b|\b(the )?end of (the |this |next )?(month|quarter|year|q[1-4]|${MONTH})\b|\beo[mqy]\b|,? (at the )?latest\b|\b(give|allow) (me|us) (\w+ ){1,3}(days?|weeks?|months?)\b|\b(\w+ )(days?|weeks?) from (today|now)\b|\bin (\w+ ){1,2}(days?|weeks?)\b|\bin (${MONTH})\b`,
  'i',
);

/**
 * A short sentence that only names a day to come ("Ja, end of next month."): the state of
 * a paper said just after it ("Signed.") is the plan for that day.
 */
export function dayToCome(sentence: string): boolean {
  return (
    sentence.split(/\s+/).length <= 6 &&
    LATER_DAY.test(sentence) &&
    !/\b(signed|sent|did|was|were|had|came|went|last)\b/i.test(sentence)
  );
}

/**
 * Someone named signing the deal's paper: "Arnaud signed it on Monday", "Dr. Okafor
 * countersigned the contract", "Seth sahib signed it yesterday evening" (with the
 * honorific after the name), "Michał signed yesterday evening" (the paper left unsaid,
 * the time said). Case-sensitive: the name has its capital, in any alphabet.
 */
export const NAMED_SIGNER = new RegExp(
  String.raw`(?<!\p{L})(?!(?:I|We|He|She|They|Who|Nobody|Someone|Everyone|It|That|This|Finally|Just|Already|Then|Once|If|When|Never|Not|Also|And|But|So|Yes|No|Has|Have|Had)(?!\p{L}))\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?(?: (?:sahib|saheb|sahab|ji|san|sama|bey|hanım|efendi))? (?:has |had )?(?:just |already |finally )?(?:signed|countersigned)(?: (?:it|the contract|the agreement|the order form)(?!\p{L})(?! off(?!\p{L}))| (?=${SIGNED_AT}(?!\p{L})))`,
  'u',
);

/**
 * A sentence that opens on a signature made, its signer left unsaid: "Signed it this
 * morning, first thing.", "Well, signed April 10." Not a plan ("Signed by Friday",
 * "signed within two weeks", "signed this quarter"). Its words sit inside a
 * case-insensitive pattern.
 */
export const SIGNED_OPENING =
  '^\\W*(?:(?:well|so|yes|okay|ok|and|right),?\\s+)?(?:just |already |finally )?signed\\b(?!\\s+(?:by|before|within|in|on|no later|next|this(?! morning| afternoon)|for|two|three|four|five|six)\\b)';

/**
 * Who signs for a customer, by role: "our Geschäftsführer signed it this morning", "the
 * board has signed". Its words sit inside a case-insensitive pattern.
 */
export const SIGNER_ROLE =
  '(?:father|mother|dad|mum|mom|ceo|cfo|coo|md|gm|dg|pdg|prezes|president|mayor|board|boss|owner|chair|chairman|chairwoman|manager|general manager|managing director|managing partner|city manager|superintendent|commissioner|principal|dean|treasurer|director|directora|directeur|direktor|gerente|(?:gerente|director|directora|directeur) g(?:e|é)n(?:e|é)ral|presidente|gesch(?:ä|a)ftsf(?:ü|u)hrer)';

/**
 * A paper sealed where others sign it, as Japanese, Korean, Chinese and Gulf companies do:
 * "The president put the seal on it at ten", "our MD affixed the company chop".
 */
export const SEAL = '(?:seal|stamp|hanko|inkan|chop|dojang)';
export const SEAL_PUT = `(?:put|affixed|pressed) (?:the|his|her|their|our) (?:company |corporate |official |red )?${SEAL} on (?:it|the (?:contract|agreement|order form))`;

/**
 * The signed paper in hand: "We got the signed agreement back from your MD yesterday
 * evening", "I've received your countersigned copy".
 */
export const SIGNED_PAPER_RECEIVED =
  "(?:we|i)(?:'ve| have)? (?:just |finally |already )?(?:got|received) (?:the|your) (?:signed|countersigned|executed) (?:contract|agreement|order form|copy|paperwork)";

/** A purchase order, in the languages calls carry it in: "the PO", "die Bestellung". */
export const PURCHASE_ORDER =
  '(?:po|purchase order|bestellung|orden de compra|bon de commande|pedido de compra)';

/**
 * A purchase order made out, said in the past: "procurement issued the purchase order",
 * "the PO was raised", "the Bestellung went out". It dates and wins the deal as a
 * signature does; "before the borough can cut a purchase order" is still to come. Its
 * words sit inside a case-insensitive pattern.
 */
export const PO_ISSUED = `(?:(?<!\\b(?:can|could|will|would|to|must|should|shall|may|might|cannot|can't|'ll) )(?:issued|raised|released|cut|sent|submitted) (?:you )?(?:the|a|our|your) ${PURCHASE_ORDER}|${PURCHASE_ORDER} (?:was|has been|got) (?:issued|raised|released)|${PURCHASE_ORDER}\\b.{0,20}\\b(?:is out|went out|has gone out))`;

/**
 * The papers one side hands the other on the way to a signature: "the revised proposal",
 * "a one-pager", "the redlines". Each reader adds its own: the next-step reader the
 * contract, the antecedent finder every other thing a step can hand over.
 */
export const SALES_DOCUMENT =
  '(?:proposal|quote|offer|order form|draft|deck|one-pager|summary|redlines?|(?:signing|signature|execution) (?:version|copy|pack))';

/** A sentence telling of another time: "We did exactly that last year.", "Two years almost." */
const ANOTHER_TIME =
  /\b(last (year|quarter|month|spring|summer|autumn|fall|winter)|years? ago|(two|three|four|five|\d+) years,? (almost|nearly|already)|(it's|it has) been (a while|ages|(two|three|four|five|\d+) years)|you('ll| will)? remember|back in (19|20)\d\d|a while (back|ago)|previously|in the past|used to|back then|originally|(was|were) supposed to|in (19|20)\d\d,? (we|they|he|she|i) (\w+ed|had|did|were|was|went|saw|got|took|chose|bought))\b/i;

/** Words that bring a story back to now: "This time we'll sign by the 15th", "we signed this morning". */
const BACK_TO_NOW =
  /\b(will|'ll|going to|gonna|want|wants|need|needs|plan|hope|aim|this (year|time|quarter|morning)|now|today|yesterday|last night|just|finally)\b/i;

/**
 * Whether a signing is told as part of a story of the past: "Last year we changed the
 * PMS. We signed on the thirty-first of March." The sentence before tells of another
 * time and the signing's own sentence does not bring it back to now.
 */
export function inStoryOfThePast(previous: string | undefined, sentence: string): boolean {
  return previous !== undefined && ANOTHER_TIME.test(previous) && !BACK_TO_NOW.test(sentence);
}

/** A sentence that is itself a story: "Last year we signed three contracts on the 30th." */
export function toldOfAnotherTime(sentence: string): boolean {
  return inStoryOfThePast(sentence, sentence);
}
