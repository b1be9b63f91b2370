/**
 * `npm run bench -- <suite> [--quick]`: runs one benchmark suite and prints one JSON
 * object per line: {"suite", "metric", "value", "unit", "baseline"?}. Each suite runs
 * its baseline in the same process, so figures compare as ratios on any machine.
 */
import { suites } from './suites/index.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const name = args.find((arg) => !arg.startsWith('--'));

if (!name || !(name in suites)) {
  process.stderr.write(
    `usage: npm run bench -- <suite> [--quick]\nsuites: ${Object.keys(suites).join(', ')}\n`,
  );
  process.exit(2);
}

try {
  await suites[name]!({
    quick,
    report: (line) => process.stdout.write(`${JSON.stringify({ suite: name, ...line })}\n`),
  });
  process.exit(0);
} catch (error) {
  process.stderr.write(
    `bench ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}
