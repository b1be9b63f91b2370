import type { CrmPipeline, CrmStage } from '../crm/port.js';

/** Pandora's stage vocabulary, shared by every CRM's stages. */
export type NormalizedStage =
  | 'prospecting'
  | 'qualification'
  | 'discovery'
  | 'evaluation'
  | 'proposal'
  | 'negotiation'
  | 'closed_won'
  | 'closed_lost';

export const NORMALIZED_STAGES: readonly NormalizedStage[] = [
  'prospecting',
  'qualification',
  'discovery',
  'evaluation',
  'proposal',
  'negotiation',
  'closed_won',
  'closed_lost',
];
const OPEN_STAGES = NORMALIZED_STAGES.slice(0, 6);

/** The stages both CRMs ship with, by HubSpot stage id or Salesforce stage label. */
const DEFAULTS: Record<string, NormalizedStage> = {
  // HubSpot's default sales pipeline.
  appointmentscheduled: 'prospecting',
  qualifiedtobuy: 'qualification',
  presentationscheduled: 'discovery',
  decisionmakerboughtin: 'evaluation',
  contractsent: 'negotiation',
  closedwon: 'closed_won',
  closedlost: 'closed_lost',
  // Salesforce's default opportunity stages.
  prospecting: 'prospecting',
  qualification: 'qualification',
  'needs analysis': 'discovery',
  'value proposition': 'evaluation',
  'id. decision makers': 'evaluation',
  'perception analysis': 'evaluation',
  'proposal/price quote': 'proposal',
  'negotiation/review': 'negotiation',
  'closed won': 'closed_won',
  'closed lost': 'closed_lost',
};

/** Words in custom stage labels, checked in this order (later stages win ties). */
const KEYWORDS: [RegExp, NormalizedStage][] = [
  [/negotiat|contract|legal|procurement|redline|signature/i, 'negotiation'],
  [/proposal|quote|pricing|commercial/i, 'proposal'],
  [/evaluat|trial|pilot|poc|proof|technical|security review|decision maker/i, 'evaluation'],
  [/discover|demo|needs|presentation|solution/i, 'discovery'],
  [/qualif|sql|bant|meeting booked/i, 'qualification'],
  [/prospect|lead|new|outreach|appointment/i, 'prospecting'],
];

/**
 * Pandora's stage for each stage of a pipeline: the connection's own mapping first
 * (keyed by stage id or label), then closed/won flags, the CRMs' default stages,
 * words in the label, and finally the stage's position among the pipeline's open
 * stages. Returns `stageId -> normalized`.
 */
export function normalizePipeline(
  pipeline: CrmPipeline,
  mapping: Record<string, string> = {},
): Map<string, NormalizedStage> {
  const result = new Map<string, NormalizedStage>();
  const open = pipeline.stages
    .filter((stage) => !stage.isClosed)
    .sort((a, b) => a.displayOrder - b.displayOrder);
  for (const stage of pipeline.stages) {
    result.set(stage.id, normalizeStage(stage, open, mapping));
  }
  return result;
}

function normalizeStage(
  stage: CrmStage,
  openStages: CrmStage[],
  mapping: Record<string, string>,
): NormalizedStage {
  const mapped = mapping[stage.id] ?? mapping[stage.label];
  if (mapped && (NORMALIZED_STAGES as readonly string[]).includes(mapped)) {
    return mapped as NormalizedStage;
  }
  if (stage.isClosed) return stage.isWon ? 'closed_won' : 'closed_lost';
  const known = DEFAULTS[stage.id.toLowerCase()] ?? DEFAULTS[stage.label.toLowerCase()];
  if (known && !known.startsWith('closed')) return known;
  for (const [pattern, normalized] of KEYWORDS) {
    if (pattern.test(stage.label)) return normalized;
  }
  const position = openStages.findIndex((candidate) => candidate.id === stage.id);
  if (position < 0 || openStages.length === 0) return 'prospecting';
  const index = Math.floor((position / openStages.length) * OPEN_STAGES.length);
  return OPEN_STAGES[Math.min(index, OPEN_STAGES.length - 1)]!;
}
