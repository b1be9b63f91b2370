import { generateDemoData } from '../../src/demo/generate.js';
import { seedDemoData } from '../../src/demo/seed.js';
import { computeFields } from '../../src/skills/fields/run.js';
import { createWorkspace } from '../../src/tenancy/workspaces.js';
import type { FieldSkill } from '../../src/writeback/fields.js';
import { benchDatabase } from './database.js';
import { round } from './figures.js';
import type { Suite } from './types.js';

/**
 * The skills that compute write-back fields, over a generated workspace of 100,000
 * deals and 41,667 accounts (20,000 and 8,334 with --quick), on Postgres:
 * - `{skill}_first_s`: the first computation, every value new;
 * - `{skill}_unchanged_s`: the same computation again an hour later, nothing changed
 *   (the daily run's usual case), with the first as its baseline;
 * - `{skill}_records_per_s` of that second run.
 */
export const computeSuite: Suite = async ({ quick, report }) => {
  const deals = quick ? 20_000 : 100_000;
  const now = new Date('2026-11-01T00:00:00Z');
  const dataset = generateDemoData({ seed: 5, accounts: Math.ceil(deals / 2.4), now });
  const db = await benchDatabase();
  try {
    const workspace = await createWorkspace(db.pool, { name: 'Compute bench' });
    await seedDemoData(db.pool, workspace.id, dataset);
    await db.pool.query('analyze');
    for (const skill of ['deal-score', 'account-score'] as FieldSkill[]) {
      const timed = async (at: Date) => {
        const t0 = performance.now();
        const result = await computeFields(db.pool, workspace.id, skill, { now: at });
        return { s: (performance.now() - t0) / 1000, result };
      };
      const first = await timed(now);
      await db.pool.query('analyze computed_values');
      const again = await timed(new Date(now.getTime() + 3_600_000));
      const name = skill.replace('-', '_');
      report({ metric: `${name}_first_s`, value: round(first.s), unit: 's' });
      report({
        metric: `${name}_unchanged_s`,
        value: round(again.s),
        unit: 's',
        baseline: round(first.s),
      });
      report({
        metric: `${name}_records_per_s`,
        value: Math.round(again.result.considered / again.s),
        unit: 'records/s',
      });
    }
  } finally {
    await db.close();
  }
};
