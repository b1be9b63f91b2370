import { generateDemoData } from '../../../demo/generate.js';
import type { DemoDataset } from '../../../demo/types.js';
import type { CallGate } from '../../gate.js';
import type { RequestLogEntry } from '../controls.js';
import { buildEmulator, type Emulator, type EmulatorOptions } from '../server.js';
import type { HubspotEmulatorOptions } from './context.js';
import { createHubspotEmulator, type HubspotEmulator } from './emulator.js';
import { createRecord } from './writes.js';

/** A small fixed data set: the same ids and values on every run. */
export function smallDataset(accounts = 12): DemoDataset {
  return generateDemoData({ seed: 7, accounts, now: new Date('2025-06-01T12:00:00Z') });
}

export interface RunningHubspot {
  emulator: Emulator;
  hubspot: HubspotEmulator;
  baseUrl: string;
  dataset: DemoDataset | undefined;
  /** HubSpot requests the emulator answered after `since` (a `lastSeq`). */
  requests(since: number): RequestLogEntry[];
  close(): Promise<void>;
}

/** The emulator with only HubSpot in it, listening on a free port, for tests and scripts. */
export async function startHubspotEmulator(
  options: {
    dataset?: DemoDataset | null;
    hubspot?: HubspotEmulatorOptions;
    settings?: EmulatorOptions['settings'];
    now?: () => Date;
  } = {},
): Promise<RunningHubspot> {
  const dataset = options.dataset === null ? undefined : (options.dataset ?? smallDataset());
  const hubspot = createHubspotEmulator(dataset, options.hubspot);
  const emulator = await buildEmulator({
    dataset,
    settings: options.settings,
    now: options.now,
    crms: () => [hubspot],
  });
  const baseUrl = await emulator.listen(0);
  return {
    emulator,
    hubspot,
    baseUrl,
    dataset,
    requests: (since) => emulator.ctx.log.listFor({ api: 'hubspot', afterSeq: since }),
    close: async () => {
      emulator.app.server.closeAllConnections();
      await emulator.close();
    },
  };
}

export interface RecordingGate extends CallGate {
  acquired: number;
  usage: { used: number; max: number }[];
  pauses: { ms: number; policy?: string }[];
}

/** A gate that remembers what it was told; `pause` really waits, so 429 retries are real. */
export function recordingGate(): RecordingGate {
  const gate: RecordingGate = {
    acquired: 0,
    usage: [],
    pauses: [],
    acquire: async () => {
      gate.acquired += 1;
    },
    pause: async (ms, policy) => {
      gate.pauses.push({ ms, policy });
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
    reportUsage: async (used, max) => {
      gate.usage.push({ used, max });
    },
  };
  return gate;
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
