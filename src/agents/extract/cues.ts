import type { ExtractUtterance, SpeakerSide } from './types.js';

/** A reply that agrees with what the other side just said. */
export const AGREEMENT =
  /^\s*(yes|yeah|yep|yup|sure|ok(ay)?|correct|right|agreed|absolutely|definitely|exactly|of course|perfect|great|good|sounds (good|great|right|like a plan)|that works|works for (us|me)|will do|please do|yes please|confirmed|deal|let's do (it|that)|we can do that|i can do that|that's right|makes sense)\b/i;

/** A reply that does not agree, even when it starts politely ("sure, but not yet"). */
export const DISAGREEMENT =
  /\b(no|not (yet|sure|now|really)|maybe|perhaps|we'll see|i'll think|think about it|let me think|hold off|don't|can't|won't|not ready)\b/i;

/** Who is on the other side from `side`; an unknown side agrees with no one. */
export function otherSide(side: SpeakerSide): SpeakerSide | null {
  return side === 'internal' ? 'external' : side === 'external' ? 'internal' : null;
}

/**
 * The first reply from the other side within `window` utterances after `index`, when
 * it agrees; null otherwise (no reply, a reply from the same side, or a refusal).
 */
export function agreementAfter(
  utterances: readonly ExtractUtterance[],
  index: number,
  window = 2,
): number | null {
  const other = otherSide(utterances[index]!.side);
  if (other === null) return null;
  for (let i = index + 1; i <= index + window && i < utterances.length; i++) {
    const u = utterances[i]!;
    if (u.side !== other) continue;
    const firstClause = u.text.split(/[.!?;]/, 1)[0]!;
    return AGREEMENT.test(u.text) && !DISAGREEMENT.test(firstClause) ? i : null;
  }
  return null;
}

/** A whole-word, case-insensitive pattern for a name ("Clari", "Salesforce Inbox"). */
export function namePattern(name: string): RegExp {
  const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, 'i');
}

/** Raw confidences stay inside 0.05..0.97: nothing rule-based is certain. */
export function clamp(x: number): number {
  return Math.round(Math.min(0.97, Math.max(0.05, x)) * 100) / 100;
}
