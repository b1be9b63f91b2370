import { describe, expect, it } from 'vitest';
import { formatRelative } from './format';

describe('formatRelative', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');
  const at = (ms: number) => new Date(now + ms).toISOString();

  it('says "just now" under a minute, then the largest whole unit', () => {
    expect(formatRelative(at(-30_000), now)).toBe('just now');
    expect(formatRelative(at(-3 * 60_000), now)).toMatch(/3 minutes ago/);
    expect(formatRelative(at(-2 * 3600_000), now)).toMatch(/2 hours ago/);
    expect(formatRelative(at(-24 * 3600_000), now)).toMatch(/yesterday|1 day ago/);
    expect(formatRelative(at(3 * 24 * 3600_000), now)).toMatch(/in 3 days/);
  });

  it('shows a dash for nothing or an unreadable date', () => {
    expect(formatRelative(null, now)).toBe('—');
    expect(formatRelative('not a date', now)).toBe('—');
  });
});
