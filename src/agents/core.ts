import { FIELDS, type CrmDeal, type FieldName, type ProposedField } from './cases.js';
import type { AgentCore, CoreField, CoreInput, CorePrediction, CoreResult } from './core-types.js';
import { calibrate, matchConfidenceFor } from './calibration/calibration.js';
import type { CallFeatures } from './calibration/calibration.js';
import { callWords, followUp } from './calibration/features.js';
import { decide } from './decide.js';
import {
  bareFigureCurrency,
  currenciesNamed,
  currencyOfDomain,
  findMoney,
  localCurrencyOf,
  type AmountValue,
  type Place,
} from './extract/amount.js';
import { deterministicExtractor } from './extract/index.js';
import { sellerNames } from './extract/cues.js';
import type { ExtractContext, ExtractUtterance, SpeakerSide } from './extract/types.js';
import { matchDeal, type MatchBasis } from './match/match-deal.js';
import { domainWithin, emailDomain } from './match/words.js';

/**
 * The meeting agent's core, pure: the meeting, the CRM records it may be about, the
 * config and the reference time in; the matched deal, the proposed changes with their
 * calibrated confidence, quote and decision out. Nothing is proposed without a deal,
 * a value equal to the deal's current one is not a change, and a field whose rule is
 * 'never' is left alone.
 */
export interface CoreOptions {
  /** Raw score -> confidence; the fitted table by default (the refit script passes raw scores through). */
  calibrate?: (field: string, raw: number, features: Required<CallFeatures>) => number;
  /** Match basis -> confidence; the fitted table's by default. */
  matchConfidence?: (basis: MatchBasis) => number;
}

export function runCore(input: CoreInput, options: CoreOptions = {}): CoreResult {
  const match = matchDeal({
    meeting: input.meeting,
    crm: input.crm,
    internalDomains: input.config.internalDomains,
  });
  const { dealId, basis, ...described } = match;
  const deal = dealId === null ? undefined : input.crm.deals.find((d) => d.id === dealId);
  if (!deal) {
    return {
      dealId: null,
      matchConfidence: 0,
      match: described,
      fields: [],
      warnings: match.question ? [match.question] : [],
    };
  }
  const matchConfidence = (options.matchConfidence ?? matchConfidenceFor)(basis);
  const allowed = input.fields ?? FIELDS;
  const utterances = speakerUtterances(input);
  const given = input.extracted !== undefined;
  const place: Place = {
    timeZone: input.config.timeZone,
    buyerCurrency: buyerCurrency(input, deal),
  };
  const extracted =
    input.extracted ??
    deterministicExtractor.extractFields({
      utterances,
      // The call changes the deal's competitors; one it does not mention stays in play.
      ctx: {
        ...extractContext(input),
        heldCompetitors: deal.competitors,
        dealAmount: deal.amount,
        dealName: deal.name,
        dealStage: deal.stage,
        dealCloseDate: deal.closeDate,
        buyerCurrency: place.buyerCurrency,
      },
      fields: allowed,
    });
  const warnings: string[] = [];
  const fields: CoreField[] = [];
  let words: number | undefined;
  for (const field of allowed) {
    const candidate = extracted[field];
    if (!candidate) continue;
    const value = predictionValue(
      field,
      field === 'amount' && !given
        ? withCallCurrency(candidate.value, utterances, place)
        : candidate.value,
    );
    if (value === undefined) {
      warnings.push(`${field}: the extracted value has an unknown form and was dropped.`);
      continue;
    }
    if (sameAsDeal(field, value, deal)) {
      warnings.push(`${field}: the call restates the CRM's value; nothing to change.`);
      continue;
    }
    const confidence = given
      ? candidate.confidence
      : (options.calibrate ?? calibrate)(field, candidate.confidence, {
          follow: followUp(field, utterances, candidate.utteranceIndex),
          words: (words ??= callWords(utterances)),
        });
    const decision = decide(field, confidence, matchConfidence, input.rules);
    if (decision === null) continue;
    fields.push({
      field,
      value,
      confidence,
      quote: candidate.quote,
      utteranceIndex: candidate.utteranceIndex,
      startSeconds: candidate.startSeconds,
      decision,
    });
  }
  return { dealId: deal.id, matchConfidence, match: described, fields, warnings };
}

/** The eval's view of runCore: the five eval fields in the prediction format. */
export const agentCore: AgentCore = (input) => predictionOf(runCore(input));

export function predictionOf(result: CoreResult): CorePrediction {
  return {
    dealId: result.dealId,
    matchConfidence: result.matchConfidence,
    fields: result.fields
      .filter((f) => (FIELDS as readonly string[]).includes(f.field))
      .map(
        (f) =>
          ({
            field: f.field,
            value: f.value,
            confidence: f.confidence,
            decision: f.decision,
            quote: f.quote,
          }) as ProposedField,
      ),
  };
}

export function extractContext({ config, meeting, referenceTime }: CoreInput): ExtractContext {
  return {
    startedAt: referenceTime,
    meetingTitle: meeting.title,
    timeZone: config.timeZone,
    fiscalYearStartMonth: config.fiscalYearStartMonth,
    competitors: config.competitors,
    sellers: sellerNames(config.internalDomains),
  };
}

/**
 * The transcript with each speaker's side: a participant of that name on an internal
 * domain is internal, on another domain external; a speaker known only as a CRM
 * contact is external; anyone else unknown.
 */
export function speakerUtterances({ meeting, crm, config }: CoreInput): ExtractUtterance[] {
  const sides = new Map<string, SpeakerSide>();
  const key = (name: string) => name.trim().toLowerCase();
  for (const contact of crm.contacts) sides.set(key(contact.name), 'external');
  for (const p of meeting.participants) {
    const domain = emailDomain(p.email);
    if (domain === null) continue;
    const internal = config.internalDomains.some((base) => domainWithin(domain, base));
    sides.set(key(p.name), internal ? 'internal' : 'external');
  }
  return meeting.transcript.map((u) => ({
    speaker: u.speaker,
    text: u.text,
    startSeconds: u.startSeconds,
    side: sides.get(key(u.speaker)) ?? 'unknown',
  }));
}

/**
 * The currency of the buyer's country, from the deal's account's web domain
 * ("alrowad.edu.jo": JOD). A generic one ("acme.com") names no country; only an account
 * with no domain at all falls back to the domain most of the buyer's participants
 * write from.
 */
function buyerCurrency({ crm, meeting, config }: CoreInput, deal: CrmDeal): string | null {
  const account = crm.accounts.find((a) => a.id === deal.accountId);
  const fromAccount = currencyOfDomain(account?.domain);
  if (fromAccount !== null || account?.domain) return fromAccount;
  const counts = new Map<string, number>();
  for (const p of meeting.participants) {
    const domain = emailDomain(p.email);
    if (domain === null || config.internalDomains.some((base) => domainWithin(domain, base)))
      continue;
    const currency = currencyOfDomain(domain);
    if (currency !== null) counts.set(currency, (counts.get(currency) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * An amount said without its currency ("so 90k a year") takes the currency the same
 * figure was said in earlier ("One hundred and two." after "one hundred and two thousand
 * dollars in total"); else the one currency the call names elsewhere ("€270,000 over
 * three years", "the new pricing in dollars"); with none, the buyer's (its web domain's
 * country's), else the workspace's own (its time zone's country's), unless the figure is
 * too small to be a price in it (`bareFigureCurrency`); with several it stays as said.
 */
function withCallCurrency(
  value: unknown,
  utterances: readonly ExtractUtterance[],
  place: Place,
): unknown {
  const amount = value as AmountValue | null;
  if (!amount) return value;
  if (amount.currency !== null) return value;
  const mentions = utterances.flatMap((u) => findMoney(u.text, place));
  const saidWith = new Set(
    mentions.filter((m) => m.amount === amount.amount).flatMap((m) => m.currency ?? []),
  );
  if (saidWith.size === 1) return { ...amount, currency: [...saidWith][0]! };
  const named = new Set([
    ...mentions.flatMap((m) => m.currency ?? []),
    ...utterances.flatMap((u) => currenciesNamed(u.text, place)),
  ]);
  if (named.size > 1) return value;
  const local = localCurrencyOf(place);
  const currency =
    named.size === 1
      ? [...named][0]!
      : local === null
        ? null
        : bareFigureCurrency(amount.amount, local);
  return currency === null ? value : { ...amount, currency };
}

/** An extracted value in the prediction format of its field; undefined when unreadable. */
function predictionValue(field: string, value: unknown): unknown {
  if (field === 'amount') {
    if (typeof value === 'number') return value;
    const v = value as { amount?: unknown; value?: unknown; currency?: unknown } | null;
    const amount = typeof v?.amount === 'number' ? v.amount : v?.value;
    if (typeof amount !== 'number' || !Number.isFinite(amount)) return undefined;
    return typeof v?.currency === 'string' ? { value: amount, currency: v.currency } : amount;
  }
  if (field === 'competitors') {
    return Array.isArray(value) && value.every((c) => typeof c === 'string') ? value : undefined;
  }
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Whether a proposed value only restates what the deal holds. */
function sameAsDeal(field: string, value: unknown, deal: CrmDeal): boolean {
  const norm = (s: string) => s.trim().toLowerCase();
  switch (field as FieldName) {
    case 'close_date':
      return value === deal.closeDate;
    case 'amount':
      return (
        (typeof value === 'number' ? value : (value as { value: number }).value) === deal.amount
      );
    case 'stage':
      return value === deal.stage;
    case 'next_step':
      return deal.nextStep !== null && norm(value as string) === norm(deal.nextStep);
    case 'competitors': {
      const now = new Set((value as string[]).map(norm));
      const held = new Set(deal.competitors.map(norm));
      return now.size === held.size && [...now].every((c) => held.has(c));
    }
    default:
      return false;
  }
}
