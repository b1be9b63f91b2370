import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import type { AgentCase, CaseConfig } from '../agents/cases.js';
import type { AgentCore } from '../agents/core-types.js';
import { loadConfig } from '../config.js';
import { CliError } from './cli-error.js';

/** `pandora agent ...`: the meeting agent, offline (its code loads when a command runs). */
export function agentCommands(given?: AgentCore): Command {
  const agent = new Command('agent').description('The meeting agent');
  agent
    .command('eval')
    .description(
      'Run the agent on labelled cases (JSON Lines), write its predictions and print match accuracy, ' +
        'per-field precision and recall, auto-apply precision and calibration error',
    )
    .requiredOption('--file <cases.jsonl>', 'labelled cases, one JSON object a line')
    .option('--config <agent.json>', "agent configuration; a case's own config wins key by key")
    .requiredOption('--out <predictions.jsonl>', 'where to write one prediction a line')
    .option('--extractor <name>', 'deterministic, or llm (PANDORA_LLM_* settings)', 'deterministic')
    .action(async (options: { file: string; config?: string; out: string; extractor: string }) => {
      const [{ readCases, readConfigFile }, { predictCases, scoreLines }, { scorePredictions }] =
        await Promise.all([
          import('../agents/cases.js'),
          import('../agents/eval.js'),
          import('../agents/score.js'),
        ]);
      const core = given ?? (await import('../agents/core.js')).agentCore;
      const predictions = await userErrors(async () => {
        const cases = await readCases(options.file);
        const fileConfig = options.config ? await readConfigFile(options.config) : {};
        const run = await coreFor(options.extractor, cases, core, fileConfig);
        return { cases, predictions: predictCases(cases, run, fileConfig) };
      });
      const text = predictions.predictions.map((p) => `${JSON.stringify(p)}\n`).join('');
      await writeFile(options.out, text).catch((error: NodeJS.ErrnoException) => {
        throw new CliError(`${options.out}: cannot be written (${error.code ?? error.message})`, {
          cause: error,
        });
      });
      const scores = scorePredictions(predictions.cases, predictions.predictions);
      process.stdout.write(
        `Wrote ${predictions.predictions.length} predictions to ${options.out}\n` +
          scoreLines(scores).join('\n') +
          `\n${JSON.stringify(scores)}\n`,
      );
    });
  return agent;
}

/** A bad case file or an invalid core output is the user's to fix: its message, no stack. */
async function userErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const [{ CaseFileError }, { CoreOutputError }] = await Promise.all([
      import('../agents/cases.js'),
      import('../agents/eval.js'),
    ]);
    if (error instanceof CaseFileError || error instanceof CoreOutputError) {
      throw new CliError(error.message, { cause: error });
    }
    throw error;
  }
}

/** `--extractor llm`: each case read by the configured LLM first; a failed call runs deterministically. */
async function coreFor(
  extractor: string,
  cases: AgentCase[],
  core: AgentCore,
  fileConfig: CaseConfig,
): Promise<AgentCore> {
  if (extractor === 'deterministic') return core;
  if (extractor !== 'llm')
    throw new CliError(`--extractor is deterministic or llm, not "${extractor}"`);
  // Loaded only here: the LLM SDK would otherwise slow every `pandora` command's start.
  const { configuredLlmExtractor } = await import('../agents/llm/from-config.js');
  const { coreWithLlm } = await import('../agents/llm/core-extracted.js');
  const llm = configuredLlmExtractor(loadConfig());
  if (!llm) throw new CliError('--extractor llm needs PANDORA_LLM_MODEL and PANDORA_LLM_API_KEY');
  return coreWithLlm(cases, core, llm, {
    fileConfig,
    onFallback: (id, error) =>
      process.stderr.write(
        `${id}: the LLM failed (${error.code}), read deterministically: ${error.message}\n`,
      ),
  });
}
