import { extractAmount } from './amount.js';
import { extractCloseDate, winDatedToday } from './close-date.js';
import { extractCompetitors } from './competitors.js';
import { extractNextStepOrCommitment } from './next-step.js';
import {
  QUALIFICATION_FIELDS,
  extractQualification,
  type QualificationField,
} from './qualification.js';
import { extractStage } from './stage.js';
import type { Candidate, ExtractContext, ExtractUtterance } from './types.js';

export type { Candidate, ExtractContext, ExtractUtterance, SpeakerSide } from './types.js';

/**
 * Values extracted per field id. A field present with `null` was looked at and left
 * undecided (propose nothing); a field absent was not asked for or has no extractor.
 */
export type FieldExtractions = Partial<Record<string, Candidate<unknown> | null>>;

export interface ExtractInput {
  utterances: ExtractUtterance[];
  ctx: ExtractContext;
  /** The field ids wanted; others are not computed, which keeps a run cheap. */
  fields: readonly string[];
}

/** One way of reading field values from a call: the deterministic rules, or an LLM. */
export interface FieldExtractor {
  extractFields(input: ExtractInput): FieldExtractions | Promise<FieldExtractions>;
}

type Extract = (
  utterances: readonly ExtractUtterance[],
  ctx: ExtractContext,
) => Candidate<unknown> | null;

/** The field ids the deterministic extractor can read, each with its extractor. */
const EXTRACTORS: Readonly<Record<string, Extract>> = {
  close_date: extractCloseDate,
  amount: extractAmount,
  stage: extractStage,
  next_step: extractNextStepOrCommitment,
  competitors: extractCompetitors,
};

const QUALIFICATION: ReadonlySet<string> = new Set(QUALIFICATION_FIELDS);

export { QUALIFICATION_FIELDS, type QualificationField };

/** Field ids the deterministic extractor knows; any other id is left out of its result. */
export const DETERMINISTIC_FIELDS: readonly string[] = [
  ...Object.keys(EXTRACTORS),
  ...QUALIFICATION_FIELDS,
];

/**
 * The offline extractor: pure and synchronous, so the core can call it per meeting
 * without awaiting. Each wanted field it knows gets its candidate or `null`.
 */
export const deterministicExtractor = {
  extractFields({ utterances, ctx, fields }: ExtractInput): FieldExtractions {
    const out: FieldExtractions = {};
    const qualification: QualificationField[] = [];
    for (const field of new Set(fields)) {
      const extract = Object.hasOwn(EXTRACTORS, field) ? EXTRACTORS[field] : undefined;
      if (extract) out[field] = extract(utterances, ctx);
      else if (QUALIFICATION.has(field)) qualification.push(field as QualificationField);
    }
    // MEDDICC and BANT share one pass over the sentences.
    if (qualification.length > 0)
      Object.assign(out, extractQualification(utterances, ctx, qualification));
    // The one reader that leans on another: a win whose time follows it alone ("I signed
    // it. This morning.") dates the deal. The stage read for it is reused when asked for.
    if (out.close_date === null)
      out.close_date = winDatedToday(
        utterances,
        ctx,
        out.stage === undefined ? extractStage(utterances, ctx) : out.stage,
      );
    return out;
  },
} satisfies FieldExtractor;
