import {
  recordingGate as gate,
  startSingleCrmEmulator,
  type RecordingGate,
  type RunningCrmEmulator,
  type SingleCrmOptions,
} from '../testing.test-helper.js';
import type { HubspotEmulatorOptions } from './context.js';
import { createHubspotEmulator, type HubspotEmulator } from './emulator.js';
import { createRecord } from './writes.js';

export { smallDataset, type RecordingGate } from '../testing.test-helper.js';

export interface RunningHubspot extends RunningCrmEmulator {
  hubspot: HubspotEmulator;
}

/** The emulator with only HubSpot in it, listening on a free port, for tests and scripts. */
export async function startHubspotEmulator(
  options: SingleCrmOptions & { hubspot?: HubspotEmulatorOptions } = {},
): Promise<RunningHubspot> {
  const running = await startSingleCrmEmulator('hubspot', options, (dataset) =>
    createHubspotEmulator(dataset, options.hubspot),
  );
  return { ...running, hubspot: running.crm };
}

/** A gate that remembers what it was told; `pause` really waits, so 429 retries are real. */
export function recordingGate(): RecordingGate {
  return gate({ waits: true });
}

/**
 * Fills the store with `count` plain deals, a second apart from 2025-01-01, half of
 * them closed won: a large table for scale tests and the emulator benchmark.
 */
export function fillDeals(store: HubspotEmulator['store'], count: number): void {
  const base = Date.parse('2025-01-01T00:00:00Z');
  for (let i = 0; i < count; i += 1) {
    createRecord(
      store,
      'deals',
      {
        dealname: `Deal ${i}`,
        amount: String(i % 1000),
        pipeline: 'default',
        dealstage: i % 2 ? 'closedwon' : 'appointmentscheduled',
      },
      [],
      new Date(base + i * 1000).toISOString(),
    );
  }
}
