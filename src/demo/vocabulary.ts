import type { Weighted } from './random.js';

/** The fictional company whose CRM the demo shows; its people are the internal participants. */
export const SELLER_DOMAIN = 'pandora-demo.com';

export const REP_TITLES = ['Account Executive', 'Senior Account Executive', 'Account Manager'];
export const MANAGER_TITLES = ['Sales Manager', 'Director of Sales'];

/** Industries with the words their company names tend to end in. */
export const INDUSTRIES: Weighted<{ name: string; suffixes: string[] }>[] = [
  {
    weight: 5,
    value: {
      name: 'Software',
      suffixes: ['Software', 'Labs', 'Cloud', 'Systems', 'AI', 'Data', 'Technologies'],
    },
  },
  {
    weight: 2,
    value: { name: 'Financial Services', suffixes: ['Capital', 'Financial', 'Pay', 'Lending'] },
  },
  { weight: 2, value: { name: 'Healthcare', suffixes: ['Health', 'Medical', 'Care', 'Bio'] } },
  {
    weight: 2,
    value: { name: 'Manufacturing', suffixes: ['Industries', 'Manufacturing', 'Robotics'] },
  },
  { weight: 1, value: { name: 'Logistics', suffixes: ['Logistics', 'Freight', 'Supply Co'] } },
  { weight: 1, value: { name: 'Retail', suffixes: ['Commerce', 'Brands', 'Retail'] } },
  { weight: 1, value: { name: 'Education', suffixes: ['Learning', 'Education', 'Academy'] } },
  { weight: 1, value: { name: 'Marketing Services', suffixes: ['Media', 'Digital', 'Agency'] } },
  { weight: 1, value: { name: 'Telecommunications', suffixes: ['Networks', 'Telecom'] } },
  { weight: 1, value: { name: 'Professional Services', suffixes: ['Partners', 'Consulting'] } },
];

/** Brand-like first words of company names; the rest come from surnames. */
export const BRAND_WORDS = [
  'Acme',
  'Northwind',
  'Bluepeak',
  'Brightline',
  'Cobalt',
  'Crescent',
  'Evergreen',
  'Fathom',
  'Granite',
  'Harbor',
  'Helix',
  'Ironwood',
  'Juniper',
  'Keystone',
  'Lumen',
  'Meridian',
  'Nimbus',
  'Northstar',
  'Onyx',
  'Orbit',
  'Pinnacle',
  'Quantum',
  'Redwood',
  'Sable',
  'Silverline',
  'Summit',
  'Tandem',
  'Terra',
  'Vantage',
  'Vertex',
  'Wavelength',
  'Zenith',
];

/** Buyer titles with the role such a person usually plays on a deal. */
export const BUYER_TITLES: Weighted<{ title: string; role: string }>[] = [
  { weight: 3, value: { title: 'VP Sales', role: 'Decision Maker' } },
  { weight: 2, value: { title: 'Chief Revenue Officer', role: 'Economic Buyer' } },
  { weight: 1, value: { title: 'CFO', role: 'Economic Buyer' } },
  { weight: 3, value: { title: 'RevOps Manager', role: 'Champion' } },
  { weight: 2, value: { title: 'Director of Revenue Operations', role: 'Champion' } },
  { weight: 3, value: { title: 'Sales Operations Analyst', role: 'Technical Evaluator' } },
  { weight: 3, value: { title: 'Sales Manager', role: 'Influencer' } },
  { weight: 1, value: { title: 'Head of Sales Enablement', role: 'Influencer' } },
  { weight: 1, value: { title: 'IT Director', role: 'Technical Evaluator' } },
  { weight: 1, value: { title: 'Procurement Manager', role: 'Procurement' } },
  { weight: 1, value: { title: 'Legal Counsel', role: 'Legal' } },
];

export const NEW_BUSINESS_THEMES = [
  'New Business',
  'Platform Expansion',
  'Pilot',
  'Forecasting Add-on',
  'Enterprise Upgrade',
  'Team Seats',
  'Data Quality Package',
  'Salesforce Rollout',
  'EMEA Expansion',
  'Multi-year Agreement',
];

export const NEXT_STEPS = [
  'Send revised proposal',
  'Security review with IT',
  'Schedule demo for the sales managers',
  'Follow up on pricing questions',
  'Legal review of the MSA',
  'Book exec sponsor call',
  'Confirm budget with finance',
  'Send order form',
  'Kick off the pilot',
  'Share ROI analysis',
  'Procurement onboarding paperwork',
  'Renewal quote to champion',
];

/** US area codes, for phone numbers in the fictional 555-01xx range. */
export const AREA_CODES = ['212', '312', '415', '512', '617', '646', '720', '206', '404', '303'];
