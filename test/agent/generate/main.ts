import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../../src/paths.js';
import { GENERATED, generateCases, toJsonLines } from './generate.js';

/**
 * Writes the generated labelled set: `fit.jsonl` (phrasings of group A, what the
 * calibration table is fitted on) and `holdout.jsonl` (group B, another seed: what the
 * figures are reported on). `node --import tsx test/agent/generate/main.ts`
 */

const dir = path.join(projectRoot, 'test/agent/generated');
for (const [name, options] of Object.entries(GENERATED)) {
  const cases = generateCases(options);
  await writeFile(path.join(dir, `${name}.jsonl`), toJsonLines(cases));
  process.stdout.write(`${name}: ${cases.length} cases\n`);
}
