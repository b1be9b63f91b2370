import { describe, expect, it } from 'vitest';
import { badgeCount, consoleLink } from './links';

describe('consoleLink', () => {
  it("puts a workspace path under the workspace's console", () => {
    expect(consoleLink('w1', '/inbox/abc')).toBe('/w/w1/inbox/abc');
    expect(consoleLink('w1', '/w/w2/anomalies/x')).toBe('/w/w2/anomalies/x');
  });

  it('leads nowhere for no link or one off the console', () => {
    expect(consoleLink('w1', null)).toBeNull();
    expect(consoleLink('w1', '')).toBeNull();
    expect(consoleLink('w1', 'https://evil.example/x')).toBeNull();
    expect(consoleLink('w1', '//evil.example/x')).toBeNull();
    expect(consoleLink('w1', 'javascript:alert(1)')).toBeNull();
  });
});

describe('badgeCount', () => {
  it('caps at 99+', () => {
    expect(badgeCount(0)).toBe('0');
    expect(badgeCount(99)).toBe('99');
    expect(badgeCount(100)).toBe('99+');
  });
});
