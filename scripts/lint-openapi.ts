import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openApiDocument } from './openapi-document.js';

/**
 * `npm run lint:api`: lints the OpenAPI document a fresh server serves, as a user's
 * tooling would (Redocly CLI, the recommended rules, redocly.yaml), and fails on any
 * error or warning: the CLI fails on errors only. The exceptions we allow are in
 * redocly.yaml and .redocly.lint-ignore.yaml, each with its reason. Runs offline.
 */
const DOCUMENT = 'dist/openapi.json';

interface Problem {
  ruleId: string;
  severity: string;
  message: string;
  location: { pointer?: string }[];
}

await mkdir(path.dirname(DOCUMENT), { recursive: true });
await writeFile(DOCUMENT, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);

const require = createRequire(import.meta.url);
const cliPackage = require.resolve('@redocly/cli/package.json');
const { bin } = require(cliPackage) as { bin: Record<string, string> };
const result = spawnSync(
  process.execPath,
  [
    path.join(path.dirname(cliPackage), bin.redocly!),
    'lint',
    DOCUMENT,
    '--config',
    'redocly.yaml',
    '--format',
    'json',
    '--max-problems',
    '10000',
  ],
  {
    encoding: 'utf8',
    // No telemetry and no update check: the lint must not need (or use) the network.
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  },
);
if (result.error) throw result.error;

let report: { totals: { errors: number; warnings: number; ignored: number }; problems: Problem[] };
try {
  report = JSON.parse(result.stdout) as typeof report;
} catch {
  process.stderr.write(result.stdout + result.stderr);
  throw new Error(`redocly lint gave no report (exit ${result.status})`);
}
for (const problem of report.problems) {
  const where = problem.location.map((l) => l.pointer).join(', ');
  console.error(`${problem.severity} ${problem.ruleId} at ${where}: ${problem.message}`);
}
const { errors, warnings, ignored } = report.totals;
console.log(
  `${DOCUMENT}: ${errors} errors, ${warnings} warnings, ${ignored} allowed in .redocly.lint-ignore.yaml`,
);
if (errors + warnings > 0 || result.status !== 0) process.exitCode = 1;
