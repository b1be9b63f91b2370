import {
  recordingGate as gate,
  startSingleCrmEmulator,
  type RecordingGate,
  type RunningCrmEmulator,
  type SingleCrmOptions,
} from '../testing.test-helper.js';
import {
  createSalesforceEmulator,
  type SalesforceEmulator,
  type SalesforceEmulatorOptions,
} from './emulator.js';

export { smallDataset, type RecordingGate } from '../testing.test-helper.js';

export interface RunningSalesforce extends RunningCrmEmulator {
  salesforce: SalesforceEmulator;
}

/** The emulator with only Salesforce in it, listening on a free port, for tests and scripts. */
export async function startSalesforceEmulator(
  options: SingleCrmOptions & { salesforce?: SalesforceEmulatorOptions } = {},
): Promise<RunningSalesforce> {
  const running = await startSingleCrmEmulator('salesforce', options, (dataset) =>
    createSalesforceEmulator(dataset, options.salesforce),
  );
  return { ...running, salesforce: running.crm };
}

/** A gate that never waits and remembers what it was told. */
export function recordingGate(): RecordingGate {
  return gate({ waits: false });
}
