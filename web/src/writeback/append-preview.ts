/**
 * What an append write leaves in the property, computed in the browser for the
 * mapping panel's live preview. The server's rules (src/writeback/rules.ts) decide
 * for real; this mirrors their text format: a dated entry added last, the oldest
 * dropped past the maximum.
 */
import type { TimestampFormat } from './types';

const DAY = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

export function appendEntry(value: string, format: TimestampFormat, at: Date): string {
  if (format === 'prefix') return `[${DAY.format(at)}] ${value}`;
  if (format === 'suffix') return `${value} (${DAY.format(at)})`;
  return value;
}

export function appendPreview(
  current: string,
  value: string,
  options: { separator: string; format: TimestampFormat; maxEntries: number | null; at: Date },
): string {
  const entries = current.trim() === '' ? [] : current.split(options.separator);
  entries.push(appendEntry(value, options.format, options.at));
  const kept = options.maxEntries ? entries.slice(-options.maxEntries) : entries;
  return kept.join(options.separator);
}

/** The separator as typed in a text input: `\n` stands for a line break. */
export function separatorFromInput(text: string): string {
  return text.replace(/\\n/g, '\n');
}

export function separatorToInput(separator: string): string {
  return separator.replace(/\n/g, '\\n');
}
