import type { TSchema } from '@sinclair/typebox';
import type { ProposedAction } from '../actions/store.js';
import type { Queryable } from '../db/pool.js';

/** What a skill proposes: an action card, always with a dedupe key. */
export type SkillProposal = Omit<
  ProposedAction,
  'sourceType' | 'sourceId' | 'sourceName' | 'actor' | 'dedupeKey'
> & { dedupeKey: string };

export interface SkillOutput {
  proposals: SkillProposal[];
  /** Records that qualified before the top-N cut. */
  candidates: number;
  /** Records that qualified but could not become an action (e.g. a rep with no deal). */
  skipped: number;
  /**
   * The dedupe key of every record that qualifies now, beyond the top-N cut: an open
   * action of this skill whose key is not here no longer applies and is closed.
   */
  qualifying: string[];
  /** What the skill's checks counted, beyond actions (the audit's conversation coverage). */
  checks?: Record<string, unknown>;
}

/**
 * A deterministic compute skill: given the database and `now`, the same proposals.
 * It only reads; `runSkill` records the run and turns proposals into actions.
 */
export interface SkillDefinition<Options extends object = object> {
  name: string;
  description: string;
  /** The options beyond `now`, validated before `propose` sees them. */
  optionsSchema: TSchema;
  propose(
    db: Queryable,
    workspaceId: string,
    options: { now?: Date } & Options,
  ): Promise<SkillOutput>;
}
