import path from 'node:path';
import { readCases } from '../../src/agents/cases.js';
import { Worker } from 'node:worker_threads';
import { agentCore, runCore } from '../../src/agents/core.js';
import { predictCases } from '../../src/agents/eval.js';
import { scorePredictions, type Ratio } from '../../src/agents/score.js';
import { projectRoot } from '../../src/paths.js';
import { benchInputs } from './agent-calls.js';
import type { WorkerResult } from './agent-worker.js';
import { round } from './figures.js';
import type { Suite } from './types.js';

/**
 * The meeting agent's core, offline:
 * - `conversations_per_s`: runCore (match, all five extractors, calibration, routing)
 *   over 10,000 generated calls (2,000 with --quick) padded to 40-80 utterances, a
 *   call's usual length, on two threads (the two cores the goal names); the baseline,
 *   in the same process, is one extractor (close date) alone over the same calls, so
 *   the ratio is what the whole core costs over it.
 * - per labelled set (the generated holdout, the hand-written files, the outside check): match accuracy,
 *   auto-apply precision, recall and calibration error, as `pandora agent eval` prints.
 */
export const agentSuite: Suite = async ({ quick, report }) => {
  const count = quick ? 2_000 : 10_000;
  const threads = 2;
  const results = await Promise.all(
    Array.from({ length: threads }, (_, i) =>
      runWorker({ seed: 2026 + i, count: Math.ceil(count / threads) }),
    ),
  );
  const calls = results.reduce((sum, r) => sum + r.calls, 0);
  const slowest = (key: 'coreSeconds' | 'singleSeconds') => Math.max(...results.map((r) => r[key]));
  report({
    metric: 'conversations_per_s',
    value: Math.round(calls / slowest('coreSeconds')),
    unit: 'conversations/s',
    baseline: Math.round(calls / slowest('singleSeconds')),
  });
  // The same work timed in CPU on this thread alone: the figure per core, whatever else
  // the machine is running (the wall-clock figure above shares it with everyone).
  const sample = benchInputs(7, quick ? 300 : 1_000);
  for (const input of sample.slice(0, 50)) runCore(input);
  const cpu = process.cpuUsage();
  for (const input of sample) runCore(input);
  const used = process.cpuUsage(cpu);
  report({
    metric: 'conversations_per_cpu_s',
    value: Math.round(sample.length / ((used.user + used.system) / 1e6)),
    unit: 'conversations/s per core',
  });
  report({
    metric: 'proposals_per_conversation',
    value: round(results.reduce((sum, r) => sum + r.proposals, 0) / calls),
    unit: 'proposals',
  });

  const sets: [string, string][] = [
    ['holdout', 'test/agent/generated/holdout.jsonl'],
    ['labelled', 'test/agent/labelled/cases.jsonl'],
    // Written after the generator, in phrasings it never uses: the check on generalizing.
    ['phrasings', 'test/agent/labelled/core-phrasings.jsonl'],
    // Written for fitting the calibration: fitted figures, not a check.
    ['calib', 'test/agent/labelled/calib-phrasings.jsonl'],
    // Twenty-three outside sets, written blind, measured once or more, then read and fitted on.
    ['first_check', 'test/agent/labelled/first-check.jsonl'],
    ['second_check', 'test/agent/labelled/second-check.jsonl'],
    ['third_check', 'test/agent/labelled/third-check.jsonl'],
    ['fourth_check', 'test/agent/labelled/fourth-check.jsonl'],
    ['fifth_check', 'test/agent/labelled/fifth-check.jsonl'],
    ['sixth_check', 'test/agent/labelled/sixth-check.jsonl'],
    ['seventh_check', 'test/agent/labelled/seventh-check.jsonl'],
    ['eighth_check', 'test/agent/labelled/eighth-check.jsonl'],
    ['ninth_check', 'test/agent/labelled/ninth-check.jsonl'],
    ['tenth_check', 'test/agent/labelled/tenth-check.jsonl'],
    ['eleventh_check', 'test/agent/labelled/eleventh-check.jsonl'],
    ['twelfth_check', 'test/agent/labelled/twelfth-check.jsonl'],
    ['thirteenth_check', 'test/agent/labelled/thirteenth-check.jsonl'],
    ['fourteenth_check', 'test/agent/labelled/fourteenth-check.jsonl'],
    ['fifteenth_check', 'test/agent/labelled/fifteenth-check.jsonl'],
    ['sixteenth_check', 'test/agent/labelled/sixteenth-check.jsonl'],
    ['seventeenth_check', 'test/agent/labelled/seventeenth-check.jsonl'],
    ['eighteenth_check', 'test/agent/labelled/eighteenth-check.jsonl'],
    ['nineteenth_check', 'test/agent/labelled/nineteenth-check.jsonl'],
    ['twentieth_check', 'test/agent/labelled/twentieth-check.jsonl'],
    ['twenty_first_check', 'test/agent/labelled/twenty-first-check.jsonl'],
    ['twenty_second_check', 'test/agent/labelled/twenty-second-check.jsonl'],
    ['twenty_third_check', 'test/agent/labelled/twenty-third-check.jsonl'],
    // Written blind, never read: the calibration's outside fit counts their proposals.
    ['outside_fit', 'test/agent/calibration/outside-fit.jsonl'],
    ['outside_fit_2', 'test/agent/calibration/outside-fit-2.jsonl'],
    ['outside_fit_3', 'test/agent/calibration/outside-fit-3.jsonl'],
    ['outside_fit_4', 'test/agent/calibration/outside-fit-4.jsonl'],
    ['outside_fit_5', 'test/agent/calibration/outside-fit-5.jsonl'],
    ['outside_fit_6', 'test/agent/calibration/outside-fit-6.jsonl'],
    ['outside_fit_7', 'test/agent/calibration/outside-fit-7.jsonl'],
    ['outside_fit_8', 'test/agent/calibration/outside-fit-8.jsonl'],
    ['outside_fit_9', 'test/agent/calibration/outside-fit-9.jsonl'],
    ['outside_fit_10', 'test/agent/calibration/outside-fit-10.jsonl'],
    ['outside_fit_11', 'test/agent/calibration/outside-fit-11.jsonl'],
    ['outside_fit_12', 'test/agent/calibration/outside-fit-12.jsonl'],
    ['outside_fit_13', 'test/agent/calibration/outside-fit-13.jsonl'],
    ['outside_fit_14', 'test/agent/calibration/outside-fit-14.jsonl'],
    ['outside_fit_15', 'test/agent/calibration/outside-fit-15.jsonl'],
    ['outside_fit_16', 'test/agent/calibration/outside-fit-16.jsonl'],
    ['outside_fit_17', 'test/agent/calibration/outside-fit-17.jsonl'],
    // The outside checks nobody has read: the figures on unseen phrasing.
    ['check', 'test/agent/check/cases.jsonl'],
    ['check_2', 'test/agent/check/second.jsonl'],
  ];
  for (const [name, file] of sets) {
    const cases = await readCases(path.join(projectRoot, file));
    const scores = scorePredictions(cases, predictCases(cases, agentCore));
    const rate = (ratio: Ratio) => (ratio.rate === null ? -1 : round(ratio.rate * 100));
    report({ metric: `${name}_cases`, value: scores.cases, unit: 'cases' });
    report({ metric: `${name}_match_accuracy`, value: rate(scores.matchAccuracy), unit: '%' });
    report({
      metric: `${name}_auto_apply_precision`,
      value: rate(scores.autoApplyPrecision),
      unit: '%',
    });
    report({
      metric: `${name}_auto_applied`,
      value: scores.autoApplyPrecision.total,
      unit: 'proposals',
    });
    report({ metric: `${name}_recall`, value: rate(scores.recall), unit: '%' });
    report({
      metric: `${name}_calibration_error`,
      value: Math.round((scores.calibrationError ?? 0) * 1000) / 1000,
      unit: 'ECE',
    });
  }
};

/**
 * Runs one share of the calls on its own thread. Node 20 does not pass the parent's
 * tsx loader to a worker, so the worker registers it before importing its TypeScript.
 */
function runWorker(workerData: { seed: number; count: number }): Promise<WorkerResult> {
  const file = new URL('./agent-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file)}); });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData });
    worker.once('message', (result: WorkerResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`agent bench worker exited with ${code}`));
    });
  });
}
