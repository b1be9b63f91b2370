import { userInfo } from 'node:os';
import { Command, Option } from 'commander';
import type pg from 'pg';
import { createBatch, getBatch, runBatch, type ActionBatch } from '../actions/batch.js';
import { policyGate } from '../actions/policy-gate.js';
import { ACTION_STATUSES, SEVERITIES, listActions, type Action } from '../actions/store.js';
import { loadConfig } from '../config.js';
import { DEMO_SLUG } from '../demo/bootstrap.js';
import { HttpError } from '../errors.js';
import { createLogger } from '../logger.js';
import { SKILL_NAMES, runSkill } from '../skills/registry.js';
import { loadSecretKey } from '../tenancy/secrets.js';
import { progressBar } from './progress.js';

/** What the CLI needs from main.ts: the database for one command, and the workspace. */
export interface CliSupport {
  withDatabase<T>(
    config: ReturnType<typeof loadConfig>,
    log: ReturnType<typeof createLogger>,
    fn: (pool: pg.Pool) => Promise<T>,
  ): Promise<T>;
  resolveWorkspace(pool: pg.Pool, ref: string): Promise<{ id: string; slug: string }>;
}

const money = (amount: number | null) =>
  amount === null ? '' : `$${Math.round(amount).toLocaleString('en-US')}`;

function line(action: Action): string {
  return [
    action.id,
    action.severity.padEnd(8),
    action.status.padEnd(17),
    money(action.impactAmount).padStart(11),
    ` ${action.title}`,
  ].join(' ');
}

function summary(batch: ActionBatch): string {
  const byOutcome = new Map<string, number>();
  for (const result of Object.values(batch.results))
    byOutcome.set(result.outcome, (byOutcome.get(result.outcome) ?? 0) + 1);
  const counts = [...byOutcome].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
  const problems = Object.entries(batch.results)
    .filter(([, result]) => result.error)
    .slice(0, 20)
    .map(([id, result]) => `  ${id.slice(0, 8)} ${result.outcome}: ${result.error}\n`)
    .join('');
  return `Batch ${batch.id} ${batch.status}: ${counts || 'nothing to do'}; ${batch.crmCalls} CRM calls.\n${problems}`;
}

/** `pandora actions ...`: list, run the skills, batch-execute with a progress bar, watch a batch. */
export function actionCommands(support: CliSupport): Command {
  const actions = new Command('actions').description('Actions: proposed CRM changes');
  const workspaceOption = () =>
    new Option('--workspace <slug>', 'workspace slug or id').default(DEMO_SLUG);

  actions
    .command('list')
    .description('List actions, most urgent first')
    .addOption(workspaceOption())
    .addOption(new Option('--status <status>', 'only this status').choices(ACTION_STATUSES))
    .addOption(new Option('--severity <severity>', 'only this severity').choices(SEVERITIES))
    .option('--limit <n>', 'how many', (value) => Number(value), 50)
    .action(
      async (options: { workspace: string; status?: string; severity?: string; limit: number }) => {
        const config = loadConfig();
        const log = createLogger(config.logLevel);
        const found = await support.withDatabase(config, log, async (pool) => {
          const workspace = await support.resolveWorkspace(pool, options.workspace);
          return listActions(pool, workspace.id, {
            status: options.status ? [options.status as Action['status']] : undefined,
            severity: options.severity ? [options.severity as Action['severity']] : undefined,
            order: 'impact',
            limit: options.limit,
          });
        });
        process.stdout.write(
          found.actions.length === 0 ? 'No actions.\n' : `${found.actions.map(line).join('\n')}\n`,
        );
      },
    );

  actions
    .command('run-skills')
    .description('Run the skills that propose actions, now')
    .addOption(workspaceOption())
    .addOption(new Option('--skill <name>', 'only this skill').choices(SKILL_NAMES))
    .action(async (options: { workspace: string; skill?: string }) => {
      const config = loadConfig();
      const log = createLogger(config.logLevel);
      const results = await support.withDatabase(config, log, async (pool) => {
        const workspace = await support.resolveWorkspace(pool, options.workspace);
        const names = options.skill ? [options.skill] : SKILL_NAMES;
        const runs = [];
        for (const name of names) {
          const meta = { trigger: 'manual', actor: 'cli' } as const;
          runs.push({ name, result: await runSkill(pool, workspace.id, name, {}, meta) });
        }
        return runs;
      });
      for (const { name, result } of results) {
        process.stdout.write(
          `${name}: ${result.proposed} actions proposed (${result.created} new, ${result.updated} updated) from ${result.candidates} candidates\n`,
        );
      }
    });

  actions
    .command('execute')
    .description(
      'Execute actions as one batch (writes coalesced into batch calls) with a progress bar; workspace policies apply',
    )
    .argument('[ids...]', 'action ids (default: every open action matching the filters)')
    .addOption(workspaceOption())
    .addOption(
      new Option('--severity <severity>', 'only open actions of this severity').choices(SEVERITIES),
    )
    .option('--type <actionType>', 'only open actions of this type')
    .option('--actor <name>', 'who is executing, for the audit trail', `cli:${userInfo().username}`)
    .action(
      async (
        ids: string[],
        options: { workspace: string; severity?: string; type?: string; actor: string },
      ) => {
        const config = loadConfig();
        const log = createLogger(config.logLevel);
        const secretKey = await loadSecretKey(config.secretKey, config.dataDir);
        const batch = await support.withDatabase(config, log, async (pool) => {
          const workspace = await support.resolveWorkspace(pool, options.workspace);
          const chosen = ids.length > 0 ? ids : await openActionIds(pool, workspace.id, options);
          if (chosen.length === 0)
            throw new HttpError(404, 'not_found', 'No open actions match; nothing to execute');
          const created = await createBatch(pool, workspace.id, options.actor, chosen, {
            enqueue: false,
          });
          const bar = progressBar(`Executing ${chosen.length} actions`);
          try {
            return await runBatch({ pool, secretKey, log }, workspace.id, created.id, {
              gate: policyGate(pool, workspace.id),
              onProgress: (done, total) => bar.update(done, total),
            });
          } finally {
            bar.stop();
          }
        });
        process.stdout.write(summary(batch));
        if (batch.status !== 'succeeded') process.exitCode = 1;
      },
    );

  actions
    .command('watch')
    .description('Follow a batch started from the console or the API until it finishes')
    .argument('<batchId>', 'the batch id')
    .addOption(workspaceOption())
    .action(async (batchId: string, options: { workspace: string }) => {
      const config = loadConfig();
      const log = createLogger(config.logLevel);
      const batch = await support.withDatabase(config, log, async (pool) => {
        const workspace = await support.resolveWorkspace(pool, options.workspace);
        const bar = progressBar('Batch');
        try {
          for (;;) {
            const current = await getBatch(pool, workspace.id, batchId);
            bar.update(current.done, current.total);
            if (current.finishedAt) return current;
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
        } finally {
          bar.stop();
        }
      });
      process.stdout.write(summary(batch));
      if (batch.status !== 'succeeded') process.exitCode = 1;
    });

  return actions;
}

async function openActionIds(
  pool: pg.Pool,
  workspaceId: string,
  filters: { severity?: string; type?: string },
): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await listActions(pool, workspaceId, {
      status: ['open'],
      severity: filters.severity ? [filters.severity as Action['severity']] : undefined,
      actionType: filters.type,
      limit: 500,
      after,
    });
    ids.push(...page.actions.map((action) => action.id));
    after = page.nextCursor ?? undefined;
  } while (after);
  return ids;
}
