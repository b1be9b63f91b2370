import type { ExtractContext, ExtractUtterance, SpeakerSide } from './types.js';

/** Test shorthand: [side, text] pairs become utterances ten seconds apart. */
export function call(...lines: [SpeakerSide, string][]): ExtractUtterance[] {
  return lines.map(([side, text], i) => ({
    speaker: side === 'internal' ? 'Rep' : 'Buyer',
    side,
    text,
    startSeconds: i * 10,
  }));
}

/** A Wednesday noon in New York with calendar quarters. */
export const baseContext: ExtractContext = {
  startedAt: '2026-10-14T16:00:00Z',
  timeZone: 'America/New_York',
  fiscalYearStartMonth: 1,
  competitors: ['Gong', 'Clari'],
};
