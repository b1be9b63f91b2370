import type { DemoPipeline, NormalizedStage } from './pipelines.js';

export type { DemoPipeline, DemoStage, NormalizedStage } from './pipelines.js';

export type ForecastCategory = 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted';

/** A user of the seller's CRM: a rep or a manager at the demo's own company. */
export interface DemoOwner {
  sourceId: string;
  email: string;
  name: string;
  title: string;
}

export interface DemoAccount {
  sourceId: string;
  name: string;
  domain: string;
  industry: string;
  employeeCount: number;
  annualRevenue: number;
  ownerSourceId: string;
}

export interface DemoContact {
  sourceId: string;
  accountSourceId: string;
  email: string;
  firstName: string;
  lastName: string;
  title: string;
  phone: string | null;
}

export interface DemoDeal {
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

export interface DemoDealContact {
  dealSourceId: string;
  contactSourceId: string;
  role: string;
  isPrimary: boolean;
}

export interface DemoStageChange {
  dealSourceId: string;
  fromStage: string | null;
  toStage: string;
  changedAt: string;
}

/** Someone on a call; `isInternal` means they work at the seller. */
export interface DemoParticipant {
  name: string;
  email: string;
  isInternal: boolean;
}

/** A recorded meeting; internal ones have only seller participants and no account. */
export interface DemoConversation {
  sourceId: string;
  title: string;
  startedAt: string;
  durationSeconds: number;
  participants: DemoParticipant[];
  /** One "Speaker Name: text" line per utterance. */
  transcript: string;
  isInternal: boolean;
  accountSourceId: string | null;
  dealSourceId: string | null;
}

export interface DemoDataset {
  seed: number;
  /** The instant every relative date was computed from (ISO). */
  generatedAt: string;
  /** The seller's own email domain: participants there are internal. */
  sellerDomain: string;
  pipelines: DemoPipeline[];
  owners: DemoOwner[];
  accounts: DemoAccount[];
  contacts: DemoContact[];
  deals: DemoDeal[];
  dealContacts: DemoDealContact[];
  stageHistory: DemoStageChange[];
  conversations: DemoConversation[];
}
