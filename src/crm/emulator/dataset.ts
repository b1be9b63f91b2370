import type { PipelineDefinition } from '../../ingest/pipelines.js';
import type { NormalizedStage } from '../../ingest/stages.js';

// The records an emulated CRM starts with, by their source ids: each CRM's seed turns
// them into its own objects. The demo generates one (src/demo/generate.ts); tests
// and scripts pass their own.

export type ForecastCategory = 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted';

/** A user of the seller's CRM: a rep or a manager. */
export interface SeedOwner {
  sourceId: string;
  email: string;
  name: string;
  title: string;
  /** The owner who manages this one (Salesforce `User.ManagerId`); none when absent. */
  managerSourceId?: string;
}

export interface SeedAccount {
  sourceId: string;
  name: string;
  domain: string;
  industry: string;
  employeeCount: number;
  annualRevenue: number;
  ownerSourceId: string;
}

export interface SeedContact {
  sourceId: string;
  accountSourceId: string;
  email: string;
  firstName: string;
  lastName: string;
  title: string;
  phone: string | null;
}

export interface SeedDeal {
  sourceId: string;
  accountSourceId: string;
  ownerSourceId: string;
  name: string;
  amount: number | null;
  /** 'YYYY-MM-DD'. */
  closeDate: string | null;
  /** Pipeline id. */
  pipeline: string;
  /** Stage id within the pipeline. */
  stage: string;
  stageNormalized: NormalizedStage;
  probability: number;
  forecastCategory: ForecastCategory;
  nextStep: string | null;
  /** Last logged activity (call, email, meeting); null when none was ever logged. */
  lastActivityAt: string | null;
  createdAt: string;
}

export interface SeedDealContact {
  dealSourceId: string;
  contactSourceId: string;
  role: string;
  isPrimary: boolean;
}

export interface SeedStageChange {
  dealSourceId: string;
  fromStage: string | null;
  toStage: string;
  changedAt: string;
}

/** What both emulated CRMs are seeded with. */
export interface CrmSeed {
  /** The instant every relative date was computed from (ISO). */
  generatedAt: string;
  pipelines: PipelineDefinition[];
  owners: SeedOwner[];
  accounts: SeedAccount[];
  contacts: SeedContact[];
  deals: SeedDeal[];
  dealContacts: SeedDealContact[];
  stageHistory: SeedStageChange[];
}
