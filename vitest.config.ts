import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const include = ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'];
const browser = 'test/e2e/**/*.test.ts';

/**
 * Test files that replace a module (`vi.mock`) or a global get a fresh module graph
 * of their own; a replaced module would otherwise stay replaced for the next file in
 * the same fork. Every other file shares its fork's modules: importing the server's
 * graph anew for each of ~300 files was half the suite's time on two cores.
 */
const replacesModules = /\bvi\.(mock|doMock|stubGlobal|stubEnv)\(/;
const isolated = ['src', 'test', 'web']
  .flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file)),
  )
  .filter((file) => file.endsWith('.test.ts') && !file.includes('node_modules'))
  .filter((file) => replacesModules.test(readFileSync(file, 'utf8')));

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    // Two cores: more forks only queue up behind each other.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
    // A guard against hangs, not a speed check (speed is measured in bench/): browser and
    // process tests take 15-20 s alone and have passed 30 s on a loaded 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include,
          exclude: [...isolated, browser],
        },
      },
      // The console in Chromium: its own project so a run can leave it out
      // (`--project shared --project isolated`), as CI does on its second Node version.
      {
        extends: true,
        test: { name: 'browser', include: [browser], exclude: isolated },
      },
      {
        extends: true,
        test: { name: 'isolated', include: isolated, poolOptions: { forks: { isolate: true } } },
      },
    ],
  },
});
