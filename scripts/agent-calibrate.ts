/**
 * Refits the meeting agent's calibration table (src/agents/calibration/table.ts) on the
 * generated fit split and prints the figures on the holdout split, which the fit never
 * sees. Run after changing an extractor or the generator:
 *   node --import tsx scripts/agent-calibrate.ts
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FIELDS, readCases, resolveConfig, type AgentCase } from '../src/agents/cases.js';
import { calibrateWith, type CalibrationTable } from '../src/agents/calibration/calibration.js';
import { fitIsotonic, type Observation } from '../src/agents/calibration/fit.js';
import { predictionOf, runCore, type CoreOptions } from '../src/agents/core.js';
import type { CoreInput } from '../src/agents/core-types.js';
import { predictCases, scoreLines } from '../src/agents/eval.js';
import { matchDeal, type MatchBasis } from '../src/agents/match/match-deal.js';
import { isRight, scorePredictions } from '../src/agents/score.js';
import { projectRoot } from '../src/paths.js';

const generated = path.join(projectRoot, 'test/agent/generated');
const inputOf = (c: AgentCase): CoreInput => ({
  meeting: c.meeting,
  crm: c.crm,
  config: resolveConfig({}, c.config),
  referenceTime: c.meeting.startedAt,
});

export function fitTable(cases: readonly AgentCase[]): CalibrationTable {
  // Raw scores through, each tagged with its follow-up, recorded by proposal order.
  const tags: string[] = [];
  const raw: CoreOptions = {
    calibrate: (field, score, follow) => {
      tags.push(`${field}:${follow}`);
      return score;
    },
    matchConfidence: () => 1,
  };
  const observations = new Map<string, Observation[]>();
  const matches = new Map<MatchBasis, { n: number; right: number }>();
  for (const c of cases) {
    if (!c.expected) continue;
    const input = inputOf(c);
    const { basis, dealId } = matchDeal({
      meeting: c.meeting,
      crm: c.crm,
      internalDomains: input.config.internalDomains,
    });
    const cell = matches.get(basis) ?? { n: 0, right: 0 };
    cell.n += 1;
    cell.right += dealId === c.expected.dealId ? 1 : 0;
    matches.set(basis, cell);
    tags.length = 0;
    const result = runCore(input, raw);
    result.fields.forEach((field, i) => {
      const proposal = predictionOf({ ...result, fields: [field] }).fields[0];
      if (!proposal) return;
      const seen = { raw: field.confidence, right: isRight(proposal, c.expected!.fields) };
      for (const key of [field.field, tags[i]!]) {
        const list = observations.get(key) ?? [];
        list.push(seen);
        observations.set(key, list);
      }
    });
  }
  const share = (basis: MatchBasis) => {
    const cell = matches.get(basis) ?? { n: 0, right: 0 };
    return Math.round(((cell.right + 1) / (cell.n + 2)) * 1000) / 1000;
  };
  const counts = FIELDS.map((f) => `${f} ${observations.get(f)?.length ?? 0}`).join(', ');
  return {
    fittedOn:
      `isotonic regression (pool adjacent violators, blocks of at least 25, (right+1)/(n+2)) of ` +
      `right/wrong on the raw extractor score, per field, over test/agent/generated/fit.jsonl ` +
      `(${cases.length} cases; proposals: ${counts}); match: share right per basis, same split`,
    // A field's steps, and apart for each follow-up seen often enough to fit on its own.
    fields: Object.fromEntries(
      [...observations.entries()]
        .filter(([key, list]) => !key.includes(':') || list.length >= 20)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, list]) => [key, fitIsotonic(list)]),
    ),
    match: {
      'only-deal': share('only-deal'),
      named: share('named'),
      participants: share('participants'),
    },
  };
}

const fit = await readCases(path.join(generated, 'fit.jsonl'));
const table = fitTable(fit);
await writeFile(
  path.join(projectRoot, 'src/agents/calibration/table.ts'),
  `import type { CalibrationTable } from './calibration.js';\n\n` +
    `// Written by scripts/agent-calibrate.ts (node --import tsx scripts/agent-calibrate.ts); do not edit by hand.\n` +
    `export const CALIBRATION: CalibrationTable = ${JSON.stringify(table, null, 2)};\n`,
);
const options: CoreOptions = {
  calibrate: (field, score, follow) => calibrateWith(table, field, score, follow),
  matchConfidence: (basis) => (basis === 'ambiguous' || basis === 'none' ? 0 : table.match[basis]),
};
for (const name of ['fit', 'holdout']) {
  const cases = await readCases(path.join(generated, `${name}.jsonl`));
  const predictions = predictCases(cases, (input) => predictionOf(runCore(input, options)));
  process.stdout.write(
    `--- ${name}\n${scoreLines(scorePredictions(cases, predictions)).join('\n')}\n`,
  );
}
