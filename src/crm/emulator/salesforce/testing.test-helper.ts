import { generateDemoData } from '../../../demo/generate.js';
import type { DemoDataset } from '../../../demo/types.js';
import type { CallGate } from '../../gate.js';
import type { RequestLogEntry } from '../controls.js';
import { buildEmulator, type Emulator, type EmulatorOptions } from '../server.js';
import {
  createSalesforceEmulator,
  type SalesforceEmulator,
  type SalesforceEmulatorOptions,
} from './emulator.js';

/** A small fixed data set: the same ids and values on every run. */
export function smallDataset(accounts = 12): DemoDataset {
  return generateDemoData({ seed: 7, accounts, now: new Date('2025-06-01T12:00:00Z') });
}

export interface RunningSalesforce {
  emulator: Emulator;
  salesforce: SalesforceEmulator;
  baseUrl: string;
  dataset: DemoDataset | undefined;
  /** Salesforce requests the emulator answered after `since` (a `lastSeq`). */
  requests(since: number): RequestLogEntry[];
  close(): Promise<void>;
}

/** The emulator with only Salesforce in it, listening on a free port, for tests and scripts. */
export async function startSalesforceEmulator(
  options: {
    dataset?: DemoDataset | null;
    salesforce?: SalesforceEmulatorOptions;
    settings?: EmulatorOptions['settings'];
    now?: () => Date;
  } = {},
): Promise<RunningSalesforce> {
  const dataset = options.dataset === null ? undefined : (options.dataset ?? smallDataset());
  const salesforce = createSalesforceEmulator(dataset, options.salesforce);
  const emulator = await buildEmulator({
    dataset,
    settings: options.settings,
    now: options.now,
    crms: () => [salesforce],
  });
  const baseUrl = await emulator.listen(0);
  return {
    emulator,
    salesforce,
    baseUrl,
    dataset,
    requests: (since) => emulator.ctx.log.listFor({ api: 'salesforce', afterSeq: since }),
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

/** A gate that never waits and remembers what it was told. */
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
    },
    reportUsage: async (used, max) => {
      gate.usage.push({ used, max });
    },
  };
  return gate;
}
