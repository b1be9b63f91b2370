import type {
  CrmSeed,
  SeedAccount,
  SeedContact,
  SeedDeal,
  SeedDealContact,
  SeedOwner,
  SeedStageChange,
} from '../crm/emulator/dataset.js';

export type { DemoPipeline, DemoStage, NormalizedStage } from './pipelines.js';
export type { ForecastCategory } from '../crm/emulator/dataset.js';

/** A user of the seller's CRM: a rep or a manager at the demo's own company. */
export type DemoOwner = SeedOwner;
export type DemoAccount = SeedAccount;
export type DemoContact = SeedContact;
export type DemoDeal = SeedDeal;
export type DemoDealContact = SeedDealContact;
export type DemoStageChange = SeedStageChange;

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

/** The demo's data set: what both emulated CRMs are seeded with, and the meetings. */
export interface DemoDataset extends CrmSeed {
  seed: number;
  /** The seller's own email domain: participants there are internal. */
  sellerDomain: string;
  conversations: DemoConversation[];
}
