import {
  createCrmEmulator,
  type CrmEmulatorOptions,
  type Emulator,
} from '../crm/emulator/index.js';
import { generateDemoData } from './generate.js';

export interface DemoCrmEmulatorOptions extends CrmEmulatorOptions {
  /** Generate the demo data set with this seed (default 42) unless `dataset` is given. */
  seed?: number;
  accounts?: number;
}

/** The CRM emulator seeded with the generated demo data: `pandora emulator`, tests, benches. */
export function createDemoCrmEmulator(options: DemoCrmEmulatorOptions = {}): Promise<Emulator> {
  const { seed = 42, accounts, ...rest } = options;
  return createCrmEmulator({
    ...rest,
    dataset: rest.dataset ?? generateDemoData({ seed, accounts, now: options.now?.() }),
  });
}
