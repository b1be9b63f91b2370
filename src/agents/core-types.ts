import type { AgentConfig, CrmRecords, Meeting, Prediction } from './cases.js';

/** What the core is given: the meeting, the CRM records it may be about, the resolved config. */
export interface CoreInput {
  meeting: Meeting;
  crm: CrmRecords;
  config: AgentConfig;
  /** Relative dates ("next Friday") are read from here; the meeting's start in an eval. */
  referenceTime: string;
}

/** A prediction without its case id: the matched deal and the proposed field values. */
export type CorePrediction = Omit<Prediction, 'id'>;

/**
 * The meeting agent's core: pure (no database, no network, no clock), so each case
 * is tested on its own and the whole labelled set is evaluated offline.
 */
export type AgentCore = (input: CoreInput) => CorePrediction;
