/**
 * Word handling for matching a deal's name against what was said: lowercased words,
 * a light stem so "renewal"/"renewing"/"renew" and "seats"/"seat" meet, and the
 * words that say nothing about which deal it is.
 */

const STOP = new Set(
  (
    'a an and the of for to in on at by with from our your their new deal deals opportunity opp ' +
    'project phase inc ltd llc corp co company group gmbh sa plc ag the call meeting sync review ' +
    'q1 q2 q3 q4 fy h1 h2 2024 2025 2026 2027 2028 year years annual team teams add use get ' +
    'set one two all per via not now out its'
  ).split(' '),
);

/** Lowercase words (letters and digits) of a text. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'als', 'al', 'ies', 'es', 'ed', 's'];

// Words for the same kind of deal said differently ("the expansion" / "expanding").
const SAME: Record<string, string> = { expansion: 'expand', upsell: 'expand', upsells: 'expand' };

/** "-al" takes five letters to leave: "renewal" is "renew", but "portal" is not "Port Antonio". */
const LONGER_STEM: Readonly<Record<string, number>> = { al: 5, als: 5 };

/** A light stem: the word less one common suffix, when at least four letters remain. */
export function stem(word: string): string {
  const same = SAME[word];
  if (same) return same;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= (LONGER_STEM[suffix] ?? 4)) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

/** Stems of a text, for looking words up. */
export function stems(text: string): Set<string> {
  return new Set(words(text).map(stem));
}

/** Whether the stems of `phrase` occur one after the other in `text`'s stems. */
export function hasPhrase(text: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= text.length; i += 1) {
    if (phrase.every((s, j) => text[i + j] === s)) return true;
  }
  return false;
}

/**
 * Words common in deal names that calls also use in passing ("I will support you",
 * "our planning cycle"): alone in a transcript they do not name a deal; in the title,
 * or as the deal's whole phrase, they do.
 */
export const GENERIC = new Set(
  (
    'support platform app mobile suite module workspace plan planning connector data premium ' +
    'service license program tool product package bundle seat expand renew upgrade rollout ' +
    'conversation intelligence integration access user license standard enterprise pro basic'
  )
    .split(' ')
    .map(stem),
);

/** The words of a deal's name that can tell it apart: not stop words, not its account's name. */
export function nameStems(dealName: string, accountName: string | null): string[] {
  const account = accountName ? stems(accountName) : new Set<string>();
  const out: string[] = [];
  for (const word of words(dealName)) {
    if (word.length < 3 || STOP.has(word)) continue;
    const s = stem(word);
    if (!account.has(s) && !out.includes(s)) out.push(s);
  }
  return out;
}

/** The figure each way of counting a part says: "two", "second" and "II" are all 2. */
const PART_NUMBER = new Map(
  ['one first i', 'two second ii', 'three third iii', 'four fourth iv', 'five fifth v'].flatMap(
    (names, i) => names.split(' ').map((name) => [name, String(i + 1)] as const),
  ),
);
const PART = '(phase|wave|lot|tranche|release)';
const COUNT = '(\\d{1,2}|one|two|three|four|five|I{1,3}|IV|V)';
const ORDINAL = '(first|second|third|fourth|fifth)';
const NUMBERED_PART = new RegExp(`\\b(?:${PART}\\s+${COUNT}|${ORDINAL}\\s+${PART})\\b`, 'gi');

/**
 * The numbered parts a text names ("Phase 2", "phase two", "the second wave", "Lot II"),
 * each as "phase 2". "Phase" and a lone figure say nothing alone; together they tell
 * "Phase 1 (Sofia stores)" from "Phase 2 (regional stores)". Roman figures count only in
 * capitals, so "phase I think" is not phase 1.
 */
export function numberedParts(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NUMBERED_PART)) {
    const [, part, count, ordinal, partAfter] = m;
    const figure = count ?? ordinal!;
    if (/^[ivx]+$/i.test(figure) && figure !== figure.toUpperCase()) continue;
    const n = PART_NUMBER.get(figure.toLowerCase()) ?? String(Number(figure));
    const key = `${(part ?? partAfter)!.toLowerCase()} ${n}`;
    if (!out.includes(key)) out.push(key);
  }
  return out;
}

/** The domain of an email address, lowercased; null when it has none. */
export function emailDomain(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at < 0 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

/** Whether `domain` is `base` or one of its subdomains (eu.acme.com is acme.com's). */
export function domainWithin(domain: string, base: string): boolean {
  const b = base
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
  return domain === b || domain.endsWith(`.${b}`);
}

/** Mail providers anyone can use: their domain says nothing about a company. */
export const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'web.de',
]);
