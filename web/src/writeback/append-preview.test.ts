import { describe, expect, it } from 'vitest';
import { appendPreview, separatorFromInput, separatorToInput } from './append-preview';

const at = new Date('2026-02-21T12:00:00Z');

describe('append preview', () => {
  it('adds a dated entry after what is there, as the server does', () => {
    const options = { separator: '\n---\n', format: 'prefix' as const, maxEntries: null, at };
    expect(appendPreview('', 'Score 72', options)).toBe('[Feb 21, 2026] Score 72');
    expect(appendPreview('Old', 'Score 72', options)).toBe('Old\n---\n[Feb 21, 2026] Score 72');
  });

  it('keeps the newest max entries, with the date as a suffix', () => {
    const options = { separator: ' | ', format: 'suffix' as const, maxEntries: 2, at };
    expect(appendPreview('a | b', '72', options)).toBe('b | 72 (Feb 21, 2026)');
  });

  it('reads \\n in the separator input as a line break, both ways', () => {
    expect(separatorFromInput('\\n---\\n')).toBe('\n---\n');
    expect(separatorToInput('\n---\n')).toBe('\\n---\\n');
  });
});
