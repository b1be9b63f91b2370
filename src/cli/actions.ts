import { userInfo } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import type pg from 'pg';
import { ACTION_STATUSES, SEVERITIES, type ActionStatus, type Severity } from '../actions/store.js';
import { loadConfig } from '../config.js';
import { DEMO_SLUG } from '../demo/constants.js';
import { HttpError } from '../errors.js';
import { createLogger } from '../logger.js';
import { SKILL_NAMES } from '../skills/names.js';
import { loadSecretKey } from '../tenancy/secrets.js';
import { actionLines, batchSummary, skillRunLine } from './action-output.js';
import type { ActionsBackend, BatchWatcher } from './actions-backend.js';
import { remoteActions } from './actions-remote.js';
import { progressBar, type Progress } from './progress.js';
import { connectRemote, remoteTarget } from './remote.js';

/** What the CLI needs from main.ts: the database for one command, and the workspace. */
export interface CliSupport {
  withDatabase<T>(
    config: ReturnType<typeof loadConfig>,
    log: ReturnType<typeof createLogger>,
    fn: (pool: pg.Pool) => Promise<T>,
  ): Promise<T>;
  resolveWorkspace(pool: pg.Pool, ref: string): Promise<{ id: string; slug: string }>;
}

interface Target {
  workspace?: string;
  server?: string;
}

function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('must be a positive integer');
  return parsed;
}

/** Progress on the bar; a line on stderr when a server took the batch, or it waits for a worker. */
function batchWatcher(bar: Progress): BatchWatcher {
  const say = (line: string) => process.stderr.write(`${line}\n`);
  return {
    progress: (done, total) => bar.update(done, total),
    started: (batchId) =>
      say(
        `Batch ${batchId} runs on the server and goes on if you stop here; ` +
          `follow it again with \`pandora actions watch ${batchId}\``,
      ),
    stillQueued: (batchId) =>
      say(`Batch ${batchId} is still queued: is a worker running (\`pandora worker\`)?`),
  };
}

/**
 * `pandora actions ...`: list, run the skills, batch-execute with a progress bar, watch
 * a batch. On the local database by default; on a server over its REST API when one is
 * given (`--server` or PANDORA_SERVER_URL) with an API key in PANDORA_API_KEY.
 */
export function actionCommands(support: CliSupport): Command {
  const actions = new Command('actions').description(
    'Actions: proposed CRM changes (on a server with --server and PANDORA_API_KEY)',
  );
  const withOptions = (command: Command) =>
    command
      .addOption(
        new Option(
          '--workspace <slug>',
          `workspace slug or id (default: the API key's with a server, else ${DEMO_SLUG})`,
        ),
      )
      .addOption(
        new Option(
          '--server <url>',
          'work on this Pandora server over its REST API, with the API key in PANDORA_API_KEY ' +
            '(default: PANDORA_SERVER_URL; without either, the local database)',
        ),
      );

  /** Runs `fn` on the server when one is given, else on the local database. */
  async function withBackend<T>(
    options: Target,
    fn: (backend: ActionsBackend, remote: boolean) => Promise<T>,
  ): Promise<T> {
    const target = remoteTarget(options.server);
    if (target) return fn(remoteActions(await connectRemote(target, options.workspace)), true);
    const config = loadConfig();
    const log = createLogger(config.logLevel);
    return support.withDatabase(config, log, async (pool) => {
      const workspace = await support.resolveWorkspace(pool, options.workspace ?? DEMO_SLUG);
      const secretKey = () => loadSecretKey(config.secretKey, config.dataDir);
      // Loaded here: the actions' engine is not needed to talk to a server or show help.
      const { localActions } = await import('./actions-local.js');
      return fn(localActions({ pool, log, secretKey }, workspace), false);
    });
  }

  withOptions(actions.command('list'))
    .description('List actions, most urgent first')
    .addOption(new Option('--status <status>', 'only this status').choices(ACTION_STATUSES))
    .addOption(new Option('--severity <severity>', 'only this severity').choices(SEVERITIES))
    .option('--limit <n>', 'how many', positiveInt, 50)
    .action(
      async (options: Target & { status?: ActionStatus; severity?: Severity; limit: number }) => {
        const found = await withBackend(options, (backend) => backend.list(options));
        process.stdout.write(actionLines(found));
      },
    );

  withOptions(actions.command('run-skills'))
    .description('Run the skills that propose actions, now')
    .addOption(new Option('--skill <name>', 'only this skill').choices(SKILL_NAMES))
    .action(async (options: Target & { skill?: string }) => {
      const names = options.skill ? [options.skill] : SKILL_NAMES;
      await withBackend(options, async (backend) => {
        // Each as it finishes: a later skill failing leaves the earlier ones reported.
        for (const name of names)
          process.stdout.write(skillRunLine(name, await backend.runSkill(name)));
      });
    });

  withOptions(actions.command('execute'))
    .description(
      'Execute actions as one batch (writes coalesced into batch calls) with a progress bar; workspace policies apply',
    )
    .argument('[ids...]', 'action ids (default: every open action matching the filters)')
    .addOption(
      new Option('--severity <severity>', 'only open actions of this severity').choices(SEVERITIES),
    )
    .option('--type <actionType>', 'only open actions of this type')
    .option(
      '--actor <name>',
      `who is executing, for the audit trail (default: cli:${userInfo().username}; a server records the API key's name)`,
    )
    .action(
      async (
        ids: string[],
        options: Target & { severity?: Severity; type?: string; actor?: string },
      ) => {
        const batch = await withBackend(options, async (backend, remote) => {
          if (remote && options.actor !== undefined) {
            process.stderr.write(
              "pandora: warning: --actor is ignored with a server, which records the API key's name\n",
            );
          }
          const chosen =
            ids.length > 0
              ? ids
              : await backend.openActionIds({
                  severity: options.severity,
                  actionType: options.type,
                });
          if (chosen.length === 0)
            throw new HttpError(404, 'not_found', 'No open actions match; nothing to execute');
          const bar = progressBar(`Executing ${chosen.length} actions`);
          try {
            const actor = options.actor ?? `cli:${userInfo().username}`;
            return await backend.execute(chosen, actor, batchWatcher(bar));
          } finally {
            bar.stop();
          }
        });
        process.stdout.write(batchSummary(batch));
        if (batch.status !== 'succeeded') process.exitCode = 1;
      },
    );

  withOptions(actions.command('watch'))
    .description('Follow a batch started from the console or the API until it finishes')
    .argument('<batchId>', 'the batch id')
    .action(async (batchId: string, options: Target) => {
      const batch = await withBackend(options, async (backend) => {
        const bar = progressBar('Batch');
        try {
          return await backend.watch(batchId, batchWatcher(bar));
        } finally {
          bar.stop();
        }
      });
      process.stdout.write(batchSummary(batch));
      if (batch.status !== 'succeeded') process.exitCode = 1;
    });

  return actions;
}
