import { describe, expect, it } from 'vitest';
import { FaultRules } from './fault-rules.js';
import { DailyCounts, RollingWindow } from './limits.js';
import { RequestLog } from './request-log.js';

describe('FaultRules', () => {
  it('gives the first matching rule and spends a counted one after its hits', () => {
    const rules = new FaultRules<{ kind: string; path?: string; times?: number }>();
    rules.add({ kind: 'rate_limit', path: '/calls', times: 2 });
    rules.add({ kind: 'server_error' });
    const take = (path: string) =>
      rules.takeFirst((rule) => !rule.path || path.includes(rule.path))?.kind;
    expect([take('/v2/calls'), take('/v2/users'), take('/v2/calls'), take('/v2/calls')]).toEqual([
      'rate_limit',
      'server_error',
      'rate_limit',
      'server_error',
    ]);
    expect(rules.list()).toEqual([{ kind: 'server_error' }]);
  });

  it('removes a rule by id and clears them all', () => {
    const rules = new FaultRules<{ kind: string; times?: number }>();
    const first = rules.add({ kind: 'a' });
    rules.add({ kind: 'b' });
    rules.remove(first);
    expect(rules.list()).toEqual([{ kind: 'b' }]);
    rules.clear();
    expect(rules.takeFirst(() => true)).toBeUndefined();
  });
});

describe('RequestLog', () => {
  it('numbers entries, lists those after a mark and keeps only the newest', () => {
    const log = new RequestLog<{ seq: number; path: string }>(2);
    log.add({ path: '/a' });
    const mark = log.lastSeq;
    log.add({ path: '/b' });
    log.add({ path: '/c' });
    expect(log.list(mark).map((entry) => entry.path)).toEqual(['/b', '/c']);
    expect(log.list().map((entry) => entry.seq)).toEqual([2, 3]);
    expect(log.list(undefined, (entry) => entry.path === '/c')).toHaveLength(1);
  });
});

describe('limits', () => {
  it('refuses past the window maximum until the oldest hit leaves the window', () => {
    const window = new RollingWindow();
    const limit = { max: 2, ms: 1_000 };
    expect(window.tryHit(0, limit).ok).toBe(true);
    expect(window.tryHit(400, limit).ok).toBe(true);
    expect(window.tryHit(900, limit)).toEqual({ ok: false, retryAfterMs: 100 });
    expect(window.tryHit(1_000, limit).ok).toBe(true);
    expect(window.size).toBe(2);
  });

  it('counts per key per UTC day and says how long until midnight', () => {
    const counts = new DailyCounts();
    const evening = Date.parse('2026-12-03T23:59:00Z');
    expect(counts.increment(evening, 'key')).toBe(1);
    expect(counts.increment(evening, 'key')).toBe(2);
    expect(counts.get(evening + 120_000, 'key')).toBe(0);
    expect(DailyCounts.untilMidnight(evening)).toBe(60_000);
  });
});
