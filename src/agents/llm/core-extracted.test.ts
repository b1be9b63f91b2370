import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCases, resolveConfig, type AgentCase } from '../cases.js';
import { agentCore } from '../core.js';
import { predictCases } from '../eval.js';
import { coreWithLlm, llmExtracted } from './core-extracted.js';
import { startFakeOpenAi, type FakeOpenAi } from './fake-openai.test-helper.js';
import { createLlmExtractor } from './llm-extractor.js';

let fake: FakeOpenAi;
let cases: AgentCase[];
beforeAll(async () => {
  fake = await startFakeOpenAi();
  const all = await readCases('test/agent/labelled/cases.jsonl');
  cases = all.filter((c) => c.id === 'pos-close-date-explicit');
  expect(cases).toHaveLength(1);
});
afterAll(() => fake.close());

const llm = () =>
  createLlmExtractor({
    baseUrl: fake.baseUrl,
    model: fake.model,
    apiKey: fake.apiKey,
    allowLocal: true,
    retryBaseMs: 5,
    maxRetries: 1,
  });

const answer = {
  close_date: {
    value: '2026-11-20',
    confidence: 0.8,
    quote: 'We are targeting signature by November 20th.',
    utterance: 2,
  },
  amount: null,
  stage: {
    value: 'negotiation',
    confidence: 0.6,
    quote: 'Procurement signed off on the vendor form',
    utterance: 1,
  },
  next_step: null,
  competitors: null,
};

describe('llmExtracted', () => {
  const input = () => ({
    meeting: cases[0]!.meeting,
    crm: cases[0]!.crm,
    config: resolveConfig({}, cases[0]!.config),
    referenceTime: cases[0]!.meeting.startedAt,
  });

  it('reads the eval fields with each speaker’s side in the transcript', async () => {
    const since = fake.log.lastSeq;
    fake.answer(answer);
    const got = await llmExtracted(llm(), input());
    expect(got?.stage?.value).toBe('negotiation');
    const [request] = fake.log.list(since);
    const user = (request!.body!.messages as { role: string; content: string }[])[1]!.content;
    expect(user).toContain('Dana Ruiz (external): We are targeting signature by November 20th.');
    expect(user).toContain('Maya Chen (internal)');
  });

  it('is undefined when the provider fails, saying why, and lets other errors escape', async () => {
    fake.faults.add({ kind: 'server_error', times: 2 });
    const codes: string[] = [];
    expect(await llmExtracted(llm(), input(), (e) => codes.push(e.code))).toBeUndefined();
    expect(codes).toEqual(['llm_unavailable']);
    const broken = {
      extractFields: () => Promise.reject(new TypeError('a bug')),
    };
    await expect(llmExtracted(broken, input())).rejects.toThrow(TypeError);
  });
});

describe('coreWithLlm', () => {
  it('runs the core on the values the LLM read', async () => {
    fake.answer(answer);
    const core = await coreWithLlm(cases, agentCore, llm());
    const [prediction] = predictCases(cases, core);
    const byField = Object.fromEntries(prediction!.fields.map((f) => [f.field, f]));
    expect(byField.close_date).toMatchObject({ value: '2026-11-20', confidence: 0.8 });
    // The deterministic extractors read no stage here: this one is the LLM's.
    expect(byField.stage).toMatchObject({ value: 'negotiation', confidence: 0.6 });
  });

  it('gives exactly the deterministic predictions, calibrated, for a case whose call failed', async () => {
    fake.faults.add({ kind: 'server_error', times: 2 });
    const failed: [string, string][] = [];
    const core = await coreWithLlm(cases, agentCore, llm(), {
      onFallback: (id, error) => failed.push([id, error.code]),
    });
    expect(predictCases(cases, core)).toEqual(predictCases(cases, agentCore));
    expect(failed).toEqual([['pos-close-date-explicit', 'llm_unavailable']]);
  });
});
