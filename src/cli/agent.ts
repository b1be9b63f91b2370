import { Command } from 'commander';
import type { AgentCore } from '../agents/core-types.js';

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
    .action(async (options: { file: string; config?: string; out: string; extractor: string }) =>
      (await import('./agent-eval.js')).evaluate(options, given),
    );
  return agent;
}
