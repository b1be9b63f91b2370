import {
  createFirefliesEmulator,
  type FirefliesEmulator,
  type FirefliesEmulatorOptions,
} from '../conversations/emulator/fireflies/index.js';
import { generateDemoData } from './generate.js';

export interface DemoFirefliesEmulatorOptions extends FirefliesEmulatorOptions {
  /** Generate the demo data set with this seed (default 42) unless `dataset` is given. */
  demoSeed?: number;
  accounts?: number;
}

/** The Fireflies emulator holding the demo's meetings: tests and benches. */
export function createDemoFirefliesEmulator(
  options: DemoFirefliesEmulatorOptions = {},
): Promise<FirefliesEmulator> {
  const { demoSeed = 42, accounts, ...rest } = options;
  return createFirefliesEmulator({
    ...rest,
    dataset:
      rest.dataset ??
      (rest.seed
        ? undefined
        : generateDemoData({ seed: demoSeed, accounts, now: options.now?.() })),
  });
}
