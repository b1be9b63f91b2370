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

export interface DemoStage {
  id: string;
  label: string;
  displayOrder: number;
  probability: number;
  normalized: NormalizedStage;
  isClosed: boolean;
  isWon: boolean;
}

export interface DemoPipeline {
  id: string;
  label: string;
  stages: DemoStage[];
}

function stage(
  id: string,
  label: string,
  displayOrder: number,
  probability: number,
  normalized: NormalizedStage,
): DemoStage {
  const isClosed = normalized === 'closed_won' || normalized === 'closed_lost';
  return {
    id,
    label,
    displayOrder,
    probability,
    normalized,
    isClosed,
    isWon: normalized === 'closed_won',
  };
}

/**
 * HubSpot's default sales pipeline (its real stage ids and probabilities) and a renewals
 * pipeline of our own.
 */
export const DEMO_PIPELINES: DemoPipeline[] = [
  {
    id: 'default',
    label: 'Sales Pipeline',
    stages: [
      stage('appointmentscheduled', 'Appointment Scheduled', 0, 0.2, 'prospecting'),
      stage('qualifiedtobuy', 'Qualified To Buy', 1, 0.4, 'qualification'),
      stage('presentationscheduled', 'Presentation Scheduled', 2, 0.6, 'discovery'),
      stage('decisionmakerboughtin', 'Decision Maker Bought-In', 3, 0.8, 'evaluation'),
      stage('contractsent', 'Contract Sent', 4, 0.9, 'negotiation'),
      stage('closedwon', 'Closed Won', 5, 1, 'closed_won'),
      stage('closedlost', 'Closed Lost', 6, 0, 'closed_lost'),
    ],
  },
  {
    id: 'renewals',
    label: 'Renewals',
    stages: [
      stage('renewal_upcoming', 'Upcoming Renewal', 0, 0.5, 'qualification'),
      stage('renewal_review', 'Usage Review', 1, 0.6, 'evaluation'),
      stage('renewal_quote', 'Renewal Quote Sent', 2, 0.8, 'proposal'),
      stage('renewal_negotiation', 'Negotiation', 3, 0.9, 'negotiation'),
      stage('renewal_won', 'Renewed', 4, 1, 'closed_won'),
      stage('renewal_lost', 'Churned', 5, 0, 'closed_lost'),
    ],
  },
];

/** The stages of a pipeline split by outcome, in display order. */
export interface StageGroups {
  open: DemoStage[];
  won: DemoStage;
  lost: DemoStage;
}

export function stageGroups(pipeline: DemoPipeline): StageGroups {
  const won = pipeline.stages.find((s) => s.isWon);
  const lost = pipeline.stages.find((s) => s.isClosed && !s.isWon);
  if (!won || !lost) throw new Error(`pipeline ${pipeline.id} needs a won and a lost stage`);
  const open = pipeline.stages.filter((s) => !s.isClosed);
  open.sort((a, b) => a.displayOrder - b.displayOrder);
  return { open, won, lost };
}
