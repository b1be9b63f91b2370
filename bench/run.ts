/**
 * `npm run bench -- <suite> [<suite>...] [--quick]`: runs benchmark suites one after
 * another and prints one JSON object per line: {"suite", "metric", "value", "unit",
 * "baseline"?}. Each suite runs its baseline in the same process, so figures compare
 * as ratios on any machine. Several suites in one run share the process's start-up
 * (CI runs every quick suite this way).
 */
import { suites } from './suites/index.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const names = args.filter((arg) => !arg.startsWith('--'));
const unknown = names.filter((name) => !(name in suites));

if (names.length === 0 || unknown.length > 0) {
  process.stderr.write(
    (unknown.length > 0 ? `unknown suite: ${unknown.join(', ')}\n` : '') +
      `usage: npm run bench -- <suite> [<suite>...] [--quick]\nsuites: ${Object.keys(suites).join(', ')}\n`,
  );
  process.exit(2);
}

for (const name of names) {
  try {
    await suites[name]!({
      quick,
      report: (line) => process.stdout.write(`${JSON.stringify({ suite: name, ...line })}\n`),
    });
  } catch (error) {
    process.stderr.write(
      `bench ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  }
}
process.exit(0);
