import type { AgentConfig, CrmRecords, Meeting, Prediction } from './cases.js';
import type { FieldExtractions } from './extract/index.js';

/** Per field: apply above `threshold`, always ask a person, or never touch it. */
export interface FieldRule {
  rule: 'auto' | 'ask' | 'never';
  /** Calibrated confidence (0..1) at or above which an 'auto' field is applied. */
  threshold: number;
}

/** Field id -> its rule; a field without one follows the default (see decide.ts). */
export type FieldRules = Partial<Record<string, FieldRule>>;

/** Values already extracted (by the LLM extractor, say): field id -> candidate or null. */
export type { FieldExtractions } from './extract/index.js';

/** What the core is given: the meeting, the CRM records it may be about, the resolved config. */
export interface CoreInput {
  meeting: Meeting;
  crm: CrmRecords;
  config: AgentConfig;
  /** Relative dates ("next Friday") are read from here; the meeting's start in an eval. */
  referenceTime: string;
  /** Per-field rules; default: every eval field 'auto' at the calibrated threshold. */
  rules?: FieldRules;
  /** When given, used instead of the deterministic extractors (confidences taken as given). */
  extracted?: FieldExtractions;
  /** Field ids the agent may propose; default the five eval fields (FIELDS). */
  fields?: readonly string[];
}

/** A prediction without its case id: the matched deal and the proposed field values. */
export type CorePrediction = Omit<Prediction, 'id'>;

/**
 * The meeting agent's core: pure (no database, no network, no clock), so each case
 * is tested on its own and the whole labelled set is evaluated offline.
 */
export type AgentCore = (input: CoreInput) => CorePrediction;

/** How the deal was found; 'none' and 'ambiguous' leave dealId null. */
export type MatchMethod =
  | 'contact' // a participant is one of the deal's contacts
  | 'account' // a participant is a contact of the deal's account
  | 'domain' // a participant's email domain is the deal's account's domain
  | 'ambiguous' // several open deals fit equally: a question, never a guess
  | 'none'; // no external participant, unknown company, or no open deal

export interface MatchCandidate {
  dealId: string;
  name: string;
  /** Evidence for this deal relative to the others (0..1); not a probability. */
  score: number;
}

export interface CoreMatch {
  method: MatchMethod;
  /** One sentence a person can read: why this deal, or why none. */
  reason: string;
  /** The open deals considered, best first. */
  candidates: MatchCandidate[];
  /** For 'ambiguous': the question the inbox asks ("Which deal was ... about?"). */
  question?: string;
}

export interface CoreField {
  /** An eval field (FIELDS) or another extractor field id (MEDDICC, BANT). */
  field: string;
  /**
   * In the prediction format for the eval fields: close_date 'YYYY-MM-DD', amount a
   * number (the deal's currency) or { value, currency }, stage a normalized stage,
   * next_step text, competitors a list; text for the others.
   */
  value: unknown;
  /** Calibrated: among values given 0.9, about 9 in 10 are right. */
  confidence: number;
  /** Verbatim substring of the transcript utterance at utteranceIndex. */
  quote: string;
  utteranceIndex: number;
  startSeconds: number;
  decision: 'auto_apply' | 'inbox';
}

/** What the product stores and shows for one run of the core. */
export interface CoreResult {
  dealId: string | null;
  /** How sure the match is right when dealId is set (measured per method); 0 without a deal. */
  matchConfidence: number;
  match: CoreMatch;
  /** Proposed changes to the matched deal; empty without a deal. */
  fields: CoreField[];
  /** Things a person should know ("a value equal to the CRM's was not proposed"...). */
  warnings: string[];
}
