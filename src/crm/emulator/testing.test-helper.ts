import { generateDemoData } from '../../demo/generate.js';
import type { DemoDataset } from '../../demo/types.js';
import type { CallGate } from '../gate.js';
import type { EmulatedApi, RequestLogEntry } from './controls.js';
import { buildEmulator, type EmulatedCrm, type Emulator, type EmulatorOptions } from './server.js';

/** A small fixed data set: the same ids and values on every run. */
export function smallDataset(accounts = 12): DemoDataset {
  return generateDemoData({ seed: 7, accounts, now: new Date('2025-06-01T12:00:00Z') });
}

export interface RunningCrmEmulator {
  emulator: Emulator;
  baseUrl: string;
  dataset: DemoDataset | undefined;
  /** The CRM's requests the emulator answered after `since` (a `lastSeq`). */
  requests(since: number): RequestLogEntry[];
  close(): Promise<void>;
}

export interface SingleCrmOptions {
  /** The small fixed data set by default; null for an empty CRM. */
  dataset?: DemoDataset | null;
  settings?: EmulatorOptions['settings'];
  now?: () => Date;
}

/**
 * The emulator with only one CRM in it, listening on a free port, for tests and
 * scripts; `create` builds the CRM from the data set (each CRM's helper passes its own).
 */
export async function startSingleCrmEmulator<C extends EmulatedCrm>(
  api: EmulatedApi,
  options: SingleCrmOptions,
  create: (dataset: DemoDataset | undefined) => C,
): Promise<RunningCrmEmulator & { crm: C }> {
  const dataset = options.dataset === null ? undefined : (options.dataset ?? smallDataset());
  const crm = create(dataset);
  const emulator = await buildEmulator({
    dataset,
    settings: options.settings,
    now: options.now,
    crms: () => [crm],
  });
  const baseUrl = await emulator.listen(0);
  return {
    emulator,
    crm,
    baseUrl,
    dataset,
    requests: (since) => emulator.ctx.log.listFor({ api, afterSeq: since }),
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

/**
 * A gate that remembers what it was told. With `waits`, `pause` really waits, so 429
 * retries are real; without, it returns at once and tests stay fast.
 */
export function recordingGate(options: { waits: boolean }): RecordingGate {
  const gate: RecordingGate = {
    acquired: 0,
    usage: [],
    pauses: [],
    acquire: async () => {
      gate.acquired += 1;
    },
    pause: async (ms, policy) => {
      gate.pauses.push({ ms, policy });
      if (options.waits) await new Promise((resolve) => setTimeout(resolve, ms));
    },
    reportUsage: async (used, max) => {
      gate.usage.push({ used, max });
    },
  };
  return gate;
}
