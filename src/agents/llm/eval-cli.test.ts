import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../paths.js';
import { readCases, readConfigFile } from '../cases.js';
import { agentCore } from '../core.js';
import { predictCases } from '../eval.js';
import { startFakeOpenAi, type FakeOpenAi } from './fake-openai.test-helper.js';

/** `pandora agent eval --extractor llm` as a user runs it, against the fake provider. */
const CLI = ['--import', 'tsx', path.join(projectRoot, 'src/cli/main.ts'), 'agent', 'eval'];
const cases = path.join(projectRoot, 'test/agent/cases.jsonl');
const agentConfig = path.join(projectRoot, 'test/agent/agent.json');
const run = promisify(execFile);

let fake: FakeOpenAi;
let dir: string;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  dir = await mkdtemp(path.join(os.tmpdir(), 'agent-eval-llm-'));
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => fake.faults.clear());

async function evaluate(extra: string[], env: Record<string, string> = {}) {
  const out = path.join(dir, `${Math.random().toString(36).slice(2)}.jsonl`);
  const args = [...CLI, '--file', cases, '--config', agentConfig, '--out', out, ...extra];
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      cwd: projectRoot,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr, predictions: await readFile(out, 'utf8') };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { ...failed, predictions: '' };
  }
}

/** The predictions file the deterministic core writes, computed in this process. */
async function deterministic(): Promise<string> {
  const fileConfig = await readConfigFile(agentConfig);
  const predictions = predictCases(await readCases(cases), agentCore, fileConfig);
  return predictions.map((p) => `${JSON.stringify(p)}\n`).join('');
}

const llmEnv = () => ({
  PANDORA_LLM_MODEL: fake.model,
  PANDORA_LLM_API_KEY: fake.apiKey,
  PANDORA_LLM_BASE_URL: fake.baseUrl,
  PANDORA_LLM_ALLOW_LOCAL: 'true',
});

// Each test starts the CLI under tsx, which takes seconds on a busy machine.
describe('pandora agent eval --extractor llm', { timeout: 90_000 }, () => {
  it('reads every case with the configured LLM', async () => {
    const since = fake.log.lastSeq;
    // The same answer to all three calls: only the first case's transcript has its quote.
    const clari = {
      value: ['Clari'],
      confidence: 0.8,
      quote: 'Clari is still in the running',
      utterance: 1,
    };
    for (let i = 0; i < 3; i += 1) {
      fake.answer({
        close_date: null,
        amount: null,
        stage: null,
        next_step: null,
        competitors: clari,
      });
    }
    const result = await evaluate(['--extractor', 'llm'], llmEnv());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(fake.log.list(since)).toHaveLength(3);
    const fields = result.predictions
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { fields: unknown[] }).fields);
    expect(fields).toEqual([
      [
        {
          field: 'competitors',
          value: ['Clari'],
          confidence: 0.8,
          decision: expect.any(String),
          quote: 'Clari is still in the running',
        },
      ],
      [],
      [],
    ]);
    expect(result.stdout).toContain('competitors: precision 1/1 (100.0%), recall 1/1 (100.0%)');
    // The LLM's values were used: the deterministic reading (which now finds Clari
    // too, with its own calibrated confidence) would have written something else.
    expect(await deterministic()).not.toBe(result.predictions);
  });

  it('reads a case deterministically when its call fails, and says so', async () => {
    fake.faults.add({ kind: 'rate_limit', code: 'insufficient_quota' });
    const result = await evaluate(['--extractor', 'llm'], llmEnv());
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'one-open-deal: the LLM failed (llm_rate_limited), read deterministically',
    );
    expect(result.predictions).toBe(await deterministic());
  });

  it('needs a configured model, and knows only its two extractors', async () => {
    const unset = await evaluate(['--extractor', 'llm'], { PANDORA_LLM_MODEL: '' });
    expect(unset.code).toBe(1);
    expect(unset.stderr).toContain('--extractor llm needs PANDORA_LLM_MODEL');
    const unknown = await evaluate(['--extractor', 'gpt']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--extractor is deterministic or llm, not "gpt"');
  });
});
