import type { ExtractContext, ExtractUtterance } from '../extract/types.js';
import { LLM_FIELDS } from './fields.js';

/**
 * The instructions carry the same guards as the deterministic extractors (README in
 * ../extract): the model is an alternative reader of the call, not a looser one.
 */
const RULES = `You read a sales call transcript and extract CRM field updates for the vendor's deal.
Rules:
- Answer with the JSON object the schema asks for: one entry per field, or null when the call does not settle it. When unsure, answer null: a wrong update is worse than none.
- Every value rests on a quote: words copied exactly, character for character, from one utterance, and "utterance" is that utterance's [n]. Never paraphrase, join utterances or fix typos in a quote. The quote must itself say the value: a date quote names the date, an amount quote the figure, a competitors quote every competitor listed.
- The last word counts: when a value is changed later in the call, give the later one; when it is taken back (on hold, slipped, too expensive), answer null.
- Only commitments count. Hypotheticals ("if we signed in Q1"), conditions ("on hold until the Q2 budget"), questions, casual remarks ("Q1 is always busy"), old plans and the next meeting's date are not a close date.
- Dates are relative to the meeting's start in the workspace's time zone. A month alone is its last day; a quarter is its last day, quarters following the fiscal year start month; fiscal years are named by the calendar year they end in.
- Amounts: headcount, seat counts without a price, discounts, percentages, what they pay today, budgets hedged and other vendors' prices are not the amount. Give the annual value unless the convention says total contract value: a total over N years divided by N, a monthly figure times twelve.
- Competitors: only names from the workspace's list that are still in play now, never ones mentioned in the past tense.
- Politeness ("this looks great") is not a stage change.
- Confidence is the chance the value is right, from 0 to 1.`;

function localTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

/** The system rules and one user message: the call's context, the fields and the transcript. */
export function buildMessages(
  utterances: readonly ExtractUtterance[],
  ctx: ExtractContext,
  fields: readonly string[],
): ChatMessage[] {
  const context = [
    `Meeting start: ${ctx.startedAt} (${localTime(ctx.startedAt, ctx.timeZone)} in ${ctx.timeZone}).`,
    `Fiscal year starts in month ${ctx.fiscalYearStartMonth}.`,
    `Amount convention: ${ctx.amountConvention === 'total' ? 'total contract value' : 'annual value'}.`,
    `Workspace competitors: ${ctx.competitors?.length ? ctx.competitors.join(', ') : '(none)'}.`,
  ];
  const wanted = fields.map((field) => `- ${field}: ${LLM_FIELDS[field]!.meaning}`);
  // The speaker's side comes from email domains: "internal" is the vendor, "external" the customer.
  const transcript = utterances.map(
    (u, index) => `[${index}] ${clock(u.startSeconds)} ${u.speaker} (${u.side}): ${u.text}`,
  );
  return [
    { role: 'system', content: RULES },
    {
      role: 'user',
      content: [
        ...context,
        '',
        'Fields:',
        ...wanted,
        '',
        'Transcript (internal = vendor, external = customer):',
        ...transcript,
      ].join('\n'),
    },
  ];
}
