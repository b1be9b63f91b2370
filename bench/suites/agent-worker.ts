import { parentPort, workerData } from 'node:worker_threads';
import { extractContext, runCore, speakerUtterances } from '../../src/agents/core.js';
import { extractCloseDate } from '../../src/agents/extract/close-date.js';
import { benchInputs } from './agent-calls.js';

/**
 * One thread of the agent bench: its share of the generated calls, timed through the
 * whole core and through the close-date extractor alone (the baseline).
 */
export interface WorkerResult {
  calls: number;
  coreSeconds: number;
  singleSeconds: number;
  proposals: number;
}

const { seed, count } = workerData as { seed: number; count: number };
const inputs = benchInputs(seed, count);
// Warm up (JIT, chrono's first parse) before timing.
for (const input of inputs.slice(0, 100)) runCore(input);

let t0 = performance.now();
let proposals = 0;
for (const input of inputs) proposals += runCore(input).fields.length;
const coreSeconds = (performance.now() - t0) / 1000;
t0 = performance.now();
for (const input of inputs) extractCloseDate(speakerUtterances(input), extractContext(input));
const singleSeconds = (performance.now() - t0) / 1000;
parentPort!.postMessage({
  calls: inputs.length,
  coreSeconds,
  singleSeconds,
  proposals,
} satisfies WorkerResult);
