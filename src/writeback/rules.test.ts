import { describe, expect, it } from 'vitest';
import {
  appendEntry,
  appendTo,
  applyTransform,
  conditionHolds,
  lastEntry,
  parseCondition,
  parseTransform,
  scoreLabel,
  transformFits,
} from './rules.js';

const FEB_21 = new Date('2026-02-21T23:30:00Z');
const transform = (text: string) => {
  const parsed = parseTransform(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};
const condition = (text: string) => {
  const parsed = parseCondition(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};

describe('transforms', () => {
  it.each([
    ['raw', 72.4, 72.4],
    ['round:0', 72.5, 73],
    ['round:1', 72.44, 72.4],
    ['truncate:5', 'At risk: stale', 'At r…'],
    ['truncate:14', 'At risk: stale', 'At risk: stale'],
    ['date_only', '2026-02-21T06:00:00.000Z', '2026-02-21'],
    ['uppercase', 'on track', 'ON TRACK'],
    ['score_label', 80, 'Excellent'],
    ['score_label', 79.9, 'Good'],
    ['score_label', 60, 'Good'],
    ['score_label', 40, 'Fair'],
    ['score_label', 39, 'At Risk'],
  ] as const)('%s turns %j into %j', (text, value, expected) => {
    expect(applyTransform(transform(text), value)).toBe(expected);
  });

  it('keeps null as null', () => {
    expect(applyTransform(transform('uppercase'), null)).toBeNull();
  });

  it.each([
    ['truncate', 'truncate:n needs a whole number'],
    ['truncate:0', 'truncate:n needs a whole number'],
    ['round:7', 'round:n needs a number of decimals from 0 to 6'],
    ['uppercase:1', 'uppercase takes no argument'],
    ['shout', 'unknown transform "shout"'],
  ])('refuses %s', (text, message) => {
    const parsed = parseTransform(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain(message);
  });

  it('fits transforms to the kind of value', () => {
    expect(transformFits(transform('round:0'), 'score')).toBe(true);
    expect(transformFits(transform('round:0'), 'text')).toBe(false);
    expect(transformFits(transform('truncate:10'), 'score')).toBe(false);
    expect(transformFits(transform('date_only'), 'datetime')).toBe(true);
    expect(scoreLabel(100)).toBe('Excellent');
  });
});

describe('conditions', () => {
  const none = { lastWritten: undefined, current: undefined };
  it.each([
    ['score_above:70', 71, none, true],
    ['score_above:70', 70, none, false],
    ['score_below:40', 39, none, true],
    ['score_below:40', 40, none, false],
    ['score_changed_by:5', 60, { lastWritten: 56, current: undefined }, false],
    ['score_changed_by:5', 61, { lastWritten: 56, current: undefined }, true],
    ['score_changed_by:5', 51, { lastWritten: 56, current: undefined }, true],
    ['score_changed_by:5', 60, none, true],
    ['field_is_blank', 60, { lastWritten: undefined, current: '' }, true],
    ['field_is_blank', 60, { lastWritten: undefined, current: '  ' }, true],
    ['field_is_blank', 60, { lastWritten: undefined, current: 'kept' }, false],
  ] as const)('%s with %j (%j) holds: %s', (text, value, context, holds) => {
    expect(conditionHolds(condition(text), value, context)).toBe(holds);
  });

  it.each([
    ['score_above', 'score_above:n needs a number'],
    ['score_changed_by:0', 'n above 0'],
    ['score_above:ten', 'needs a number'],
    ['is_big', 'unknown condition'],
  ])('refuses %s', (text, message) => {
    const parsed = parseCondition(text);
    expect(!parsed.ok && parsed.message).toContain(message);
  });
});

describe('append', () => {
  const options = { separator: '\n---\n', maxEntries: null };
  it('dates entries as a prefix, a suffix or not at all (UTC day)', () => {
    expect(appendEntry('Score 72', 'prefix', FEB_21)).toBe('[Feb 21, 2026] Score 72');
    expect(appendEntry('Score 72', 'suffix', FEB_21)).toBe('Score 72 (Feb 21, 2026)');
    expect(appendEntry(72, 'none', FEB_21)).toBe('72');
  });

  it('adds after what is there, the first entry alone into a blank property', () => {
    expect(appendTo(null, 'a', options)).toBe('a');
    expect(appendTo('', 'a', options)).toBe('a');
    expect(appendTo('a', 'b', options)).toBe('a\n---\nb');
  });

  it('keeps the newest max entries, dropping the oldest', () => {
    const three = { separator: ' | ', maxEntries: 3 };
    expect(appendTo('1 | 2 | 3', '4', three)).toBe('2 | 3 | 4');
    expect(appendTo('1', '2', three)).toBe('1 | 2');
    expect(lastEntry('1 | 2 | 3', ' | ')).toBe('3');
    expect(lastEntry('', ' | ')).toBeNull();
  });
});
