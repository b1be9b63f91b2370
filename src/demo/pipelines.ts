import {
  defineStage,
  HUBSPOT_DEFAULT_PIPELINE,
  type PipelineDefinition,
  type StageDefinition,
} from '../ingest/pipelines.js';

export type { NormalizedStage } from '../ingest/stages.js';
export type DemoStage = StageDefinition;
export type DemoPipeline = PipelineDefinition;

/** HubSpot's default sales pipeline and a renewals pipeline of our own. */
export const DEMO_PIPELINES: DemoPipeline[] = [
  HUBSPOT_DEFAULT_PIPELINE,
  {
    id: 'renewals',
    label: 'Renewals',
    stages: [
      defineStage('renewal_upcoming', 'Upcoming Renewal', 0, 0.5, 'qualification'),
      defineStage('renewal_review', 'Usage Review', 1, 0.6, 'evaluation'),
      defineStage('renewal_quote', 'Renewal Quote Sent', 2, 0.8, 'proposal'),
      defineStage('renewal_negotiation', 'Negotiation', 3, 0.9, 'negotiation'),
      defineStage('renewal_won', 'Renewed', 4, 1, 'closed_won'),
      defineStage('renewal_lost', 'Churned', 5, 0, 'closed_lost'),
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
