import { generateDemoData } from '../../demo/generate.js';
import type { DemoDataset } from '../../demo/types.js';
import type { EmulatorSettings } from './controls.js';
import { createHubspotEmulator } from './hubspot/index.js';
import { createSalesforceEmulator } from './salesforce/index.js';
import { buildEmulator, type Emulator } from './server.js';

export type { Emulator } from './server.js';

export interface CrmEmulatorOptions {
  /** The data both CRMs start with; `seed`/`accounts` generate it when absent. */
  dataset?: DemoDataset;
  seed?: number;
  accounts?: number;
  /** Start empty (tests that create their own records). */
  empty?: boolean;
  settings?: Partial<Omit<EmulatorSettings, 'limits'>> & {
    limits?: Partial<EmulatorSettings['limits']>;
  };
  now?: () => Date;
}

/** The CRM emulator with both CRMs, seeded from the demo generator. */
export async function createCrmEmulator(options: CrmEmulatorOptions = {}): Promise<Emulator> {
  const dataset = options.empty
    ? undefined
    : (options.dataset ??
      generateDemoData({
        seed: options.seed ?? 42,
        accounts: options.accounts,
        now: options.now?.(),
      }));
  return buildEmulator({
    dataset,
    settings: options.settings,
    now: options.now,
    crms: (data) => [createHubspotEmulator(data), createSalesforceEmulator(data)],
  });
}
