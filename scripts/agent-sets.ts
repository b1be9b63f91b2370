/**
 * Runs the meeting agent's core on labelled case sets and prints, per set and over all of
 * them, match accuracy, recall, calibration error and the right and wrong proposals of
 * each field: the figures a change to an extractor is judged by. With no files named it
 * runs every hand-written set in test/agent/labelled and test/agent/calibration (the
 * generated ones are the fit's own; the sealed checks are only ever measured whole).
 *
 *   node --import tsx scripts/agent-sets.ts [files...] [--save now.json] [--against before.json]
 *
 * `--save` writes each case's outcome; `--against` prints, case by case, what changed
 * since such a file, and the totals then and now.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FIELDS, readCases, type FieldName } from '../src/agents/cases.js';
import { agentCore } from '../src/agents/core.js';
import { predictCases } from '../src/agents/eval.js';
import { isRight, scorePredictions } from '../src/agents/score.js';
import { projectRoot } from '../src/paths.js';

/** What the core did with one field of one case, and whether the label agrees. */
interface FieldOutcome {
  expected: unknown;
  proposed?: unknown;
  confidence?: number;
  right?: boolean;
}

interface CaseOutcome {
  set: string;
  expectedDeal: string | null;
  deal: string | null;
  fields: Partial<Record<FieldName, FieldOutcome>>;
}

type Outcomes = Record<string, CaseOutcome>;

/** The sealed checks in test/agent/check/ are left out: this script lists cases one by one. */
const SET_FOLDERS = ['test/agent/labelled', 'test/agent/calibration'];

async function repoSets(): Promise<string[]> {
  const lists = await Promise.all(
    SET_FOLDERS.map(async (folder) =>
      (await readdir(path.join(projectRoot, folder)))
        .filter((name) => name.endsWith('.jsonl'))
        .sort()
        .map((name) => path.join(folder, name)),
    ),
  );
  return lists.flat();
}

async function outcomesOf(file: string): Promise<{ outcomes: Outcomes; summary: string }> {
  const cases = await readCases(path.resolve(projectRoot, file));
  const predictions = predictCases(cases, agentCore);
  const byId = new Map(predictions.map((p) => [p.id, p]));
  const outcomes: Outcomes = {};
  for (const agentCase of cases) {
    if (!agentCase.expected) continue;
    const prediction = byId.get(agentCase.id);
    const fields: CaseOutcome['fields'] = {};
    for (const field of FIELDS) {
      const expected = agentCase.expected.fields?.[field] ?? null;
      const proposal = prediction?.fields.find((p) => p.field === field);
      if (expected === null && !proposal) continue;
      fields[field] = proposal
        ? {
            expected,
            proposed: proposal.value,
            confidence: proposal.confidence,
            right: isRight(proposal, agentCase.expected.fields),
          }
        : { expected };
    }
    outcomes[agentCase.id] = {
      set: file,
      expectedDeal: agentCase.expected.dealId,
      deal: prediction?.dealId ?? null,
      fields,
    };
  }
  const scores = scorePredictions(cases, predictions);
  const pct = (rate: number | null) => (rate === null ? '  n/a' : `${(rate * 100).toFixed(1)}%`);
  const summary = [
    path.basename(file).padEnd(28),
    `match ${pct(scores.matchAccuracy.rate)}`,
    `recall ${pct(scores.recall.rate)}`,
    `ECE ${scores.calibrationError?.toFixed(3) ?? 'n/a'}`,
    `auto ${scores.autoApplyPrecision.right}/${scores.autoApplyPrecision.total}`,
  ].join('  ');
  return { outcomes, summary };
}

/** Right and wrong proposals per field, and matches, over a set of outcomes. */
function totals(outcomes: Outcomes) {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, wrong: 0, missed: 0 }]));
  let matched = 0;
  let cases = 0;
  let expected = 0;
  let found = 0;
  for (const outcome of Object.values(outcomes)) {
    cases += 1;
    if (outcome.deal === outcome.expectedDeal) matched += 1;
    for (const [field, o] of Object.entries(outcome.fields)) {
      const tally = fields[field]!;
      if (o.expected !== null) expected += 1;
      if (o.right) found += 1;
      if (o.right === true) tally.right += 1;
      else if (o.right === false) tally.wrong += 1;
      if (o.expected !== null && o.right !== true) tally.missed += 1;
    }
  }
  return { cases, matched, expected, found, fields };
}

function printTotals(label: string, outcomes: Outcomes): void {
  const t = totals(outcomes);
  console.log(
    `${label}: ${t.cases} cases, match ${t.matched}/${t.cases}, recall ${t.found}/${t.expected}` +
      ` (${((t.found / Math.max(t.expected, 1)) * 100).toFixed(1)}%)`,
  );
  for (const field of FIELDS) {
    const { right, wrong, missed } = t.fields[field]!;
    console.log(`  ${field.padEnd(12)} right ${right}  wrong ${wrong}  missed ${missed}`);
  }
}

const show = (value: unknown) => (value === undefined ? '-' : JSON.stringify(value));

/** Each case and field whose outcome differs between two runs. */
function printChanges(before: Outcomes, now: Outcomes): void {
  for (const [id, outcome] of Object.entries(now)) {
    const then = before[id];
    if (!then) continue;
    if (then.deal !== outcome.deal) {
      console.log(
        `${id} deal: ${show(then.deal)} -> ${show(outcome.deal)} (expected ${show(outcome.expectedDeal)})`,
      );
    }
    for (const field of FIELDS) {
      const a = then.fields[field];
      const b = outcome.fields[field];
      if (show(a?.proposed) === show(b?.proposed) && a?.right === b?.right) continue;
      const mark = (o?: FieldOutcome) =>
        o?.right === undefined ? '' : o.right ? ' (right)' : ' (wrong)';
      console.log(
        `${id} ${field}: ${show(a?.proposed)}${mark(a)} -> ${show(b?.proposed)}${mark(b)}` +
          ` (expected ${show(b?.expected ?? a?.expected ?? null)})`,
      );
    }
  }
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { save: { type: 'string' }, against: { type: 'string' } },
});
const files = positionals.length > 0 ? positionals : await repoSets();
const outcomes: Outcomes = {};
for (const file of files) {
  const result = await outcomesOf(file);
  console.log(result.summary);
  for (const [id, outcome] of Object.entries(result.outcomes)) {
    outcomes[`${path.basename(file)}#${id}`] = outcome;
  }
}
if (values.against) {
  const before = JSON.parse(await readFile(values.against, 'utf8')) as Outcomes;
  printChanges(before, outcomes);
  const same = Object.fromEntries(Object.entries(before).filter(([key]) => key in outcomes));
  printTotals('before', same);
}
printTotals(values.against ? 'now' : 'all', outcomes);
if (values.save) await writeFile(values.save, `${JSON.stringify(outcomes)}\n`);
