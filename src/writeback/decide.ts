import type { CrmValue } from '../crm/port.js';
import { canonicalValue, sameCrmValue } from '../crm/values.js';
import type { Mapping, MappingRules } from './mappings.js';
import {
  appendEntry,
  appendTo,
  applyTransform,
  conditionHolds,
  isBlank,
  lastEntry,
} from './rules.js';

/** A computed value of one record, with what Pandora last wrote through the mapping. */
export interface Candidate {
  entityId: string;
  /** The record's id in the CRM. */
  recordId: string;
  value: CrmValue;
  computedAt: string;
  state: {
    lastValue: CrmValue;
    computedAt: string;
    lastWritten: CrmValue;
    writtenAt: string;
  } | null;
}

export type Decision =
  /** Nothing to send: the CRM holds it already, as far as Pandora knows or just read. */
  | { kind: 'unchanged'; reason: string }
  /** The condition (or never_overwrite) says no. */
  | { kind: 'skipped'; reason: string }
  /** The mode or condition needs the CRM's current value first. */
  | { kind: 'needs_current' }
  /** `valueBefore` undefined: the ledger reads it, and sends nothing if it is the same. */
  | { kind: 'write'; value: CrmValue; valueBefore: CrmValue | undefined };

type MappingShape = Pick<
  Mapping,
  'writeMode' | 'appendSeparator' | 'timestampFormat' | 'maxEntries'
>;

/**
 * What to do with one record: transform its value, check the condition, apply the
 * write mode. Called first without `current`; the modes and conditions that need
 * the CRM's value answer `needs_current`, and are asked again once it is read
 * (`current.value` null for a blank property). Values known to be in the CRM
 * already are `unchanged` without any read.
 */
export function decide(
  mapping: MappingShape,
  rules: MappingRules,
  candidate: Candidate,
  current?: { value: CrmValue },
): Decision {
  const { state } = candidate;
  const output = applyTransform(rules.transform, candidate.value);
  const appending = mapping.writeMode === 'append' || mapping.writeMode === 'append_if_changed';

  // Known without asking the CRM.
  if (state) {
    if (mapping.writeMode === 'overwrite' && sameCrmValue(state.lastWritten, output))
      return { kind: 'unchanged', reason: 'the CRM holds this value since Pandora wrote it' };
    if (mapping.writeMode === 'never_overwrite')
      return { kind: 'unchanged', reason: 'never_overwrite: the property was filled before' };
    if (mapping.writeMode === 'append_if_changed' && sameCrmValue(state.lastValue, candidate.value))
      return { kind: 'unchanged', reason: 'the last entry Pandora added has this value' };
    if (
      mapping.writeMode === 'append' &&
      Date.parse(state.computedAt) >= Date.parse(candidate.computedAt)
    )
      return { kind: 'unchanged', reason: 'this computation was added already' };
  }
  if (rules.condition && rules.condition.kind !== 'field_is_blank') {
    const holds = conditionHolds(rules.condition, candidate.value, {
      lastWritten: state?.lastValue,
      current: undefined,
    });
    if (!holds) return { kind: 'skipped', reason: conditionReason(mapping, rules, candidate) };
  }
  const needsCurrent =
    appending ||
    mapping.writeMode === 'never_overwrite' ||
    rules.condition?.kind === 'field_is_blank';
  if (!needsCurrent) {
    return { kind: 'write', value: output, valueBefore: state ? state.lastWritten : undefined };
  }
  if (!current) return { kind: 'needs_current' };

  if (rules.condition?.kind === 'field_is_blank' && !isBlank(current.value))
    return { kind: 'skipped', reason: 'field_is_blank: the property holds a value' };
  if (mapping.writeMode === 'never_overwrite' && !isBlank(current.value))
    return { kind: 'skipped', reason: 'never_overwrite: the property holds a value' };
  if (!appending) return { kind: 'write', value: output, valueBefore: current.value };

  const entry = appendEntry(output, mapping.timestampFormat, new Date(candidate.computedAt));
  // A retry after a lost answer finds its entry already there and adds nothing.
  if (lastEntry(current.value, mapping.appendSeparator) === entry)
    return { kind: 'unchanged', reason: 'the property ends with this entry already' };
  const text = appendTo(current.value, entry, {
    separator: mapping.appendSeparator,
    maxEntries: mapping.maxEntries,
  });
  return { kind: 'write', value: text, valueBefore: current.value };
}

function conditionReason(mapping: MappingShape, rules: MappingRules, candidate: Candidate): string {
  const condition = rules.condition!;
  const value = canonicalValue(candidate.value) ?? 'no value';
  switch (condition.kind) {
    case 'score_above':
      return `score_above:${condition.threshold}: the score is ${value}`;
    case 'score_below':
      return `score_below:${condition.threshold}: the score is ${value}`;
    case 'score_changed_by':
      return `score_changed_by:${condition.delta}: ${value} against ${canonicalValue(candidate.state?.lastValue) ?? 'nothing'} last written`;
    default:
      return `${mapping.writeMode}: condition not met`;
  }
}
