import { writeFile } from 'node:fs/promises';
import {
  CaseFileError,
  readCases,
  readConfigFile,
  type AgentCase,
  type CaseConfig,
} from '../agents/cases.js';
import { agentCore } from '../agents/core.js';
import type { AgentCore } from '../agents/core-types.js';
import { CoreOutputError, predictCases, scoreLines } from '../agents/eval.js';
import { scorePredictions } from '../agents/score.js';
import { loadConfig } from '../config.js';
import { CliError } from './cli-error.js';

/** `pandora agent eval`: predictions for labelled cases, written out, and their figures. */
export async function evaluate(
  options: { file: string; config?: string; out: string; extractor: string },
  core: AgentCore = agentCore,
): Promise<void> {
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
}

/** A bad case file or an invalid core output is the user's to fix: its message, no stack. */
async function userErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
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
