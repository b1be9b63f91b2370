import type { Rand } from './rand.js';

/**
 * Phrasings are split in two halves by position: the calibration is fitted on cases
 * written with group A and reported on cases written only with group B, so the
 * reported figures are for phrasings the fit never saw.
 */
export type Group = 'A' | 'B';

export function say(r: Rand, group: Group, templates: readonly string[]): string {
  const half = templates.filter((_, i) => (i % 2 === 0) === (group === 'A'));
  return r.pick(half.length > 0 ? half : templates);
}

export function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? `{${key}}`);
}

export const FIRST = [
  'Dana',
  'Peter',
  'Priya',
  'Omar',
  'Lena',
  'Marcus',
  'Yuki',
  'Sofia',
  'Tom',
  'Aisha',
  'Jonas',
  'Mei',
  'Carlos',
  'Hannah',
  'Ravi',
  'Elena',
  'Kwame',
  'Julia',
  'Ben',
  'Fatima',
  'Lucas',
  'Ingrid',
];
export const LAST = [
  'Ruiz',
  'Gibbons',
  'Patel',
  'Haddad',
  'Fischer',
  'Brown',
  'Tanaka',
  'Rossi',
  'Walsh',
  'Okafor',
  'Berg',
  'Lin',
  'Mendez',
  'Schmidt',
  'Iyer',
  'Novak',
  'Mensah',
  'Costa',
  'Cohen',
  'Rahman',
];
export const COMPANIES = [
  'Acme',
  'Initech',
  'Globex',
  'Umbrella',
  'Hooli',
  'Stark Industries',
  'Wayne Enterprises',
  'Soylent',
  'Vandelay',
  'Tyrell',
  'Cyberdyne',
  'Wonka',
  'Pied Piper',
  'Dunder Mifflin',
  'Oscorp',
  'Massive Dynamic',
  'Aperture',
  'Blue Sun',
  'Monarch',
  'Nakatomi',
  'Gekko',
  'Prestige Worldwide',
  'Bluth',
  'Sterling Cooper',
  'Duff',
  'Krusty',
  'Octan',
  'Virtucon',
  'Zorg',
  'Rekall',
];
export const VENDORS = ['relay.io', 'pandora.dev', 'northwind.io', 'brightcall.com', 'signalhq.ai'];
export const PRODUCTS = [
  'Platform',
  'Analytics add-on',
  'Forecasting module',
  'EMEA seats expansion',
  'Conversation intelligence',
  'Data warehouse connector',
  'Enablement suite',
  'APAC rollout',
  'Premium support',
  'Mobile app',
  'Coaching workspace',
  'Territory planning',
];
export const COMPETITORS = ['Gong', 'Clari', 'Chorus', 'Outreach', 'Salesloft', 'People.ai'];
export const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'America/Chicago',
  'Europe/Berlin',
  'Europe/London',
  'Asia/Tokyo',
  'Australia/Sydney',
  'UTC',
];

export const FILLER_EXT = [
  'Thanks for making the time today.',
  'Good to see everyone again.',
  'The team has been busy with the reorg.',
  'We had a good internal discussion about this last week.',
  'Sorry, I was a couple of minutes late, back-to-back meetings.',
  'Our RevOps lead could not join today.',
  'The demo last time landed well with the managers.',
  'I shared the deck with a few people internally.',
  'It has been a hectic week on our side.',
  'Most of the feedback so far has been about reporting.',
];
export const FILLER_INT = [
  'Let me share my screen.',
  'Can everyone hear me okay?',
  'Let me pull up the notes from last time.',
  'How was the offsite?',
  'Anything else on your side?',
  'That covers it for me.',
  'Thanks, talk soon.',
  'Great to hear.',
  'Understood.',
  'Happy to walk through anything again.',
];
