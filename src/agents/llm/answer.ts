import { Type, type TSchema } from '@sinclair/typebox';
import { Ajv, type ValidateFunction } from 'ajv';
import { STAGES } from '../cases.js';
import type { Candidate, ExtractUtterance } from '../extract/types.js';
import { LLM_FIELDS, type FieldKind } from './fields.js';
import { unsupported } from './support.js';

/**
 * The JSON schema the model must answer with, and the checks its answer passes
 * before any value becomes a candidate. The schema is OpenAI's strict subset (every
 * object closed, every property required, null for "nothing"), and the very same
 * schema validates the answer: a provider that does not enforce it gains nothing.
 */

const closed = { additionalProperties: false } as const;
const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;

/** Text values longer than this are summaries, not what was said; they are refused. */
const MAX_TEXT = 500;
/**
 * A quote shorter than this ("the", "yes") proves nothing even when verbatim, unless
 * it is the whole utterance.
 */
const MIN_QUOTE = 8;

function valueSchema(kind: FieldKind, competitors: readonly string[]): TSchema {
  switch (kind) {
    case 'date':
      return Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
    case 'amount':
      return Type.Object(
        {
          amount: Type.Number({ description: 'the figure in units, e.g. 150000 for "150k"' }),
          currency: Type.Unsafe<string | null>({
            type: ['string', 'null'],
            enum: [...CURRENCIES, null],
            description: 'null when only a number was said or the currency is another one',
          }),
        },
        closed,
      );
    case 'stage':
      return Type.Unsafe<string>({ type: 'string', enum: [...STAGES] });
    case 'competitors':
      return Type.Array(Type.Unsafe<string>({ type: 'string', enum: [...competitors] }));
    case 'text':
      return Type.String();
  }
}

function entrySchema(kind: FieldKind, competitors: readonly string[]): TSchema {
  return Type.Union([
    Type.Object(
      {
        value: valueSchema(kind, competitors),
        confidence: Type.Number({ description: '0 to 1: how likely this value is right' }),
        quote: Type.String({
          description: 'the words the value rests on, copied exactly from one utterance',
        }),
        utterance: Type.Integer({ description: 'the [n] of the utterance the quote is from' }),
      },
      closed,
    ),
    Type.Null(),
  ]);
}

/** The fields this request can ask: known ids, and competitors only with a list to choose from. */
export function askableFields(fields: readonly string[], competitors: readonly string[]): string[] {
  return [...new Set(fields)].filter(
    (field) =>
      Object.hasOwn(LLM_FIELDS, field) &&
      (LLM_FIELDS[field]!.kind !== 'competitors' || competitors.length > 0),
  );
}

/** The response schema for these fields: one nullable entry per field, all required. */
export function answerSchema(fields: readonly string[], competitors: readonly string[]): TSchema {
  return Type.Object(
    Object.fromEntries(
      fields.map((field) => [field, entrySchema(LLM_FIELDS[field]!.kind, competitors)]),
    ),
    closed,
  );
}

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
const validators = new Map<string, ValidateFunction>();

/** Compiled once per distinct entry schema (kinds are few; competitor lists vary by workspace). */
function entryValidator(kind: FieldKind, competitors: readonly string[]): ValidateFunction {
  const key = JSON.stringify([kind, kind === 'competitors' ? competitors : []]);
  let validate = validators.get(key);
  if (!validate) {
    if (validators.size >= 200) validators.clear();
    validate = ajv.compile(entrySchema(kind, competitors));
    validators.set(key, validate);
  }
  return validate;
}

interface Entry {
  value: unknown;
  confidence: number;
  quote: string;
  utterance: number;
}

export interface Rejection {
  field: string;
  reason: string;
}

export interface CheckedAnswer {
  candidates: Record<string, Candidate<unknown> | null>;
  rejections: Rejection[];
}

function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The value in the deterministic extractors' form, or a reason to refuse it. */
function normalize(kind: FieldKind, value: unknown): { value: unknown } | { reason: string } {
  switch (kind) {
    case 'date':
      return isCalendarDate(value as string)
        ? { value }
        : { reason: `${String(value)} is not a calendar date` };
    case 'amount': {
      const { amount, currency } = value as { amount: number; currency: string | null };
      if (!Number.isFinite(amount) || amount <= 0 || amount >= 1e12) {
        return { reason: `${amount} is not a deal amount` };
      }
      return { value: { amount, currency } };
    }
    case 'competitors':
      return { value: [...new Set(value as string[])] };
    case 'text': {
      const text = (value as string).trim();
      if (!text) return { reason: 'the text is empty' };
      if (text.length > MAX_TEXT) return { reason: `the text is over ${MAX_TEXT} characters` };
      return { value: text };
    }
    case 'stage':
      return { value };
  }
}

/**
 * Where the quote is: the utterance the model named when the quote is a verbatim
 * substring of it, else the utterance nearest to that one which contains it (models
 * miscount). Undefined when no utterance contains it word for word.
 */
export function locateQuote(
  quote: string,
  claimed: number,
  utterances: readonly ExtractUtterance[],
): number | undefined {
  const wholeUtterance = utterances.some((u) => u.text.trim() === quote);
  if (!quote || (quote.length < MIN_QUOTE && !wholeUtterance)) return undefined;
  if (utterances[claimed]?.text.includes(quote)) return claimed;
  let best: number | undefined;
  utterances.forEach((utterance, index) => {
    if (!utterance.text.includes(quote)) return;
    if (best === undefined || Math.abs(index - claimed) < Math.abs(best - claimed)) best = index;
  });
  return best;
}

/**
 * Checks the model's answer field by field: a field whose entry breaks the schema,
 * whose value cannot be normalized, whose quote is not verbatim in the transcript or
 * cannot carry the value (support.ts) gets `null` (nothing proposed), with the reason in `rejections`. Confidence is
 * clamped to 0..`maxConfidence`: a model's own confidence is not calibrated.
 */
export function checkAnswer(
  answer: Record<string, unknown>,
  request: {
    fields: readonly string[];
    competitors: readonly string[];
    utterances: readonly ExtractUtterance[];
    maxConfidence: number;
  },
): CheckedAnswer {
  const candidates: Record<string, Candidate<unknown> | null> = {};
  const rejections: Rejection[] = [];
  for (const field of request.fields) {
    candidates[field] = null;
    const kind = LLM_FIELDS[field]!.kind;
    const entry = answer[field];
    if (entry === null) continue;
    const validate = entryValidator(kind, request.competitors);
    if (entry === undefined || !validate(entry)) {
      const why = entry === undefined ? 'missing from the answer' : ajv.errorsText(validate.errors);
      rejections.push({ field, reason: `the answer does not fit the schema: ${why}` });
      continue;
    }
    const { value, confidence, quote, utterance } = entry as Entry;
    const normalized = normalize(kind, value);
    if ('reason' in normalized) {
      rejections.push({ field, reason: normalized.reason });
      continue;
    }
    const trimmed = quote.trim();
    const index = locateQuote(trimmed, utterance, request.utterances);
    if (index === undefined) {
      rejections.push({
        field,
        reason: `the quote "${trimmed}" is not verbatim in the transcript`,
      });
      continue;
    }
    const unsupportedWhy = unsupported(kind, normalized.value, trimmed);
    if (unsupportedWhy) {
      rejections.push({ field, reason: unsupportedWhy });
      continue;
    }
    candidates[field] = {
      value: normalized.value,
      confidence: Math.min(Math.max(confidence, 0), request.maxConfidence),
      quote: trimmed,
      utteranceIndex: index,
      startSeconds: request.utterances[index]!.startSeconds,
    };
  }
  return { candidates, rejections };
}
