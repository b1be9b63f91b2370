import { describe, expect, it } from 'vitest';
import type { Definition } from './types';
import { diffLines, diffVersions } from './version-diff';

const v1: Definition = {
  trigger: { type: 'manual' },
  steps: [
    { key: 'a', type: 'set_variable', config: { name: 'x', type: 'number', value: 1 } },
    { key: 'b', type: 'condition', config: { rules: [], match: 'all' } },
    { key: 'c', type: 'send_webhook', config: { url: 'https://one.example' } },
  ],
};

describe('the diff between two versions', () => {
  it('is empty for equal definitions, whatever the key order', () => {
    const reordered: Definition = {
      trigger: { type: 'manual' },
      steps: v1.steps.map((s) => ({ config: s.config, type: s.type, key: s.key })),
    };
    expect(diffVersions(v1, reordered)).toEqual({ trigger: null, steps: [], same: true });
  });

  it('names added, removed, changed and moved steps, and a changed trigger', () => {
    const v2: Definition = {
      trigger: { type: 'schedule', cron: '0 9 * * 1', timezone: 'Europe/Paris' },
      steps: [
        { key: 'b', type: 'condition', config: { rules: [], match: 'all' } },
        { key: 'a', type: 'set_variable', config: { name: 'x', type: 'number', value: 2 } },
        { key: 'd', type: 'delay', config: { ms: 1000 } },
      ],
    };
    const diff = diffVersions(v1, v2);
    expect(diff.same).toBe(false);
    expect(diff.trigger?.filter((l) => l.kind === 'removed').map((l) => l.text.trim())).toEqual([
      '"type": "manual"',
    ]);
    expect(diff.steps.map((s) => [s.kind, s.key])).toEqual([
      ['moved', 'b'],
      ['changed', 'a'],
      ['added', 'd'],
      ['removed', 'c'],
    ]);
    const changed = diff.steps[1]!;
    expect(changed.kind === 'changed' && changed.moved).toBe(true);
    expect(
      changed.kind === 'changed' &&
        changed.lines.filter((l) => l.kind !== 'same').map((l) => [l.kind, l.text.trim()]),
    ).toEqual([
      ['removed', '"value": 1'],
      ['added', '"value": 2'],
    ]);
  });

  it('diffs lines by their longest common run', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'c' },
    ]);
  });
});
