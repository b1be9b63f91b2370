import type { EmulatorSettings } from './controls.js';
import type { CrmSeed } from './dataset.js';
import { createHubspotEmulator } from './hubspot/index.js';
import { createSalesforceEmulator } from './salesforce/index.js';
import { buildEmulator, type Emulator } from './server.js';

export type { Emulator } from './server.js';
export type { CrmSeed } from './dataset.js';

export interface CrmEmulatorOptions {
  /** The records both CRMs start with; without one they start empty. */
  dataset?: CrmSeed;
  settings?: Partial<Omit<EmulatorSettings, 'limits'>> & {
    limits?: Partial<EmulatorSettings['limits']>;
  };
  now?: () => Date;
}

/** The CRM emulator with both CRMs, seeded from `dataset` (the demo passes its own). */
export async function createCrmEmulator(options: CrmEmulatorOptions = {}): Promise<Emulator> {
  return buildEmulator({
    dataset: options.dataset,
    settings: options.settings,
    now: options.now,
    crms: (data) => [createHubspotEmulator(data), createSalesforceEmulator(data)],
  });
}
