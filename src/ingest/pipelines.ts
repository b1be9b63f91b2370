import type { NormalizedStage } from './stages.js';

/** A deal stage as a CRM defines it, with the Pandora stage it normalizes to. */
export interface StageDefinition {
  id: string;
  label: string;
  displayOrder: number;
  probability: number;
  normalized: NormalizedStage;
  isClosed: boolean;
  isWon: boolean;
}

/** A deal pipeline and its stages, in the shape CRMs are seeded and read with. */
export interface PipelineDefinition {
  id: string;
  label: string;
  stages: StageDefinition[];
}

/** A stage whose closed and won flags follow from its normalized stage. */
export function defineStage(
  id: string,
  label: string,
  displayOrder: number,
  probability: number,
  normalized: NormalizedStage,
): StageDefinition {
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

/** HubSpot's default sales pipeline: its real stage ids and probabilities. */
export const HUBSPOT_DEFAULT_PIPELINE: PipelineDefinition = {
  id: 'default',
  label: 'Sales Pipeline',
  stages: [
    defineStage('appointmentscheduled', 'Appointment Scheduled', 0, 0.2, 'prospecting'),
    defineStage('qualifiedtobuy', 'Qualified To Buy', 1, 0.4, 'qualification'),
    defineStage('presentationscheduled', 'Presentation Scheduled', 2, 0.6, 'discovery'),
    defineStage('decisionmakerboughtin', 'Decision Maker Bought-In', 3, 0.8, 'evaluation'),
    defineStage('contractsent', 'Contract Sent', 4, 0.9, 'negotiation'),
    defineStage('closedwon', 'Closed Won', 5, 1, 'closed_won'),
    defineStage('closedlost', 'Closed Lost', 6, 0, 'closed_lost'),
  ],
};
