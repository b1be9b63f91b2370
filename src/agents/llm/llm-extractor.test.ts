import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { baseContext, call } from '../extract/test-utterances.js';
import type { Rejection } from './answer.js';
import { LlmExtractorError } from './errors.js';
import { startFakeOpenAi, type FakeOpenAi } from './fake-openai.test-helper.js';
import { createLlmExtractor, type LlmExtractorOptions } from './llm-extractor.js';

let fake: FakeOpenAi;

beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => fake.faults.clear());

const utterances = call(
  ['internal', 'So where did you land on timing and price?'],
  ['external', 'We can sign by December 15th, and $64,000 a year works for us.'],
  ['internal', 'Great. Are you still looking at Clari?'],
  ['external', 'Yes, Clari is still in the running. Our CFO Maria signs off.'],
  ['internal', 'I will send the security review questionnaire tomorrow.'],
);

function extractor(overrides: Partial<LlmExtractorOptions> = {}) {
  return createLlmExtractor({
    baseUrl: fake.baseUrl,
    model: fake.model,
    apiKey: fake.apiKey,
    allowLocal: true,
    retryBaseMs: 5,
    timeoutMs: 2_000,
    ...overrides,
  });
}

const entry = (value: unknown, quote: string, utterance: number, confidence = 0.8) => ({
  value,
  confidence,
  quote,
  utterance,
});

describe('createLlmExtractor against an OpenAI-compatible server', () => {
  it('asks for the wanted fields in a strict JSON schema and returns verbatim-quoted candidates', async () => {
    const since = fake.log.lastSeq;
    fake.answer({
      close_date: entry('2026-12-15', 'We can sign by December 15th', 1, 0.85),
      amount: entry({ amount: 64000, currency: 'USD' }, '$64,000 a year works for us', 1),
      stage: null,
      competitors: entry(['Clari'], 'Clari is still in the running', 3),
      economic_buyer: entry('  Maria, the CFO  ', 'Our CFO Maria signs off.', 3),
    });
    const got = await extractor().extractFields({
      utterances,
      ctx: baseContext,
      fields: ['close_date', 'amount', 'stage', 'competitors', 'economic_buyer', 'custom__c'],
    });

    expect(got).toEqual({
      close_date: {
        value: '2026-12-15',
        confidence: 0.85,
        quote: 'We can sign by December 15th',
        utteranceIndex: 1,
        startSeconds: 10,
      },
      amount: {
        value: { amount: 64000, currency: 'USD' },
        confidence: 0.8,
        quote: '$64,000 a year works for us',
        utteranceIndex: 1,
        startSeconds: 10,
      },
      stage: null,
      competitors: {
        value: ['Clari'],
        confidence: 0.8,
        quote: 'Clari is still in the running',
        utteranceIndex: 3,
        startSeconds: 30,
      },
      economic_buyer: {
        value: 'Maria, the CFO',
        confidence: 0.8,
        quote: 'Our CFO Maria signs off.',
        utteranceIndex: 3,
        startSeconds: 30,
      },
    });

    const [request] = fake.log.list(since);
    expect(request!.authorization).toBe(`Bearer ${fake.apiKey}`);
    const body = request!.body as {
      model: string;
      messages: { role: string; content: string }[];
      response_format: {
        type: string;
        json_schema: { name: string; strict: boolean; schema: Record<string, unknown> };
      };
    };
    expect(body.model).toBe(fake.model);
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.strict).toBe(true);
    const schema = body.response_format.json_schema.schema as {
      properties: Record<string, unknown>;
      required: string[];
    };
    // Only the fields asked and known; the unknown custom id is not sent.
    expect(Object.keys(schema.properties)).toEqual([
      'close_date',
      'amount',
      'stage',
      'competitors',
      'economic_buyer',
    ]);
    expect(JSON.stringify(schema.properties.competitors)).toContain('"enum":["Gong","Clari"]');
    const user = body.messages.find((m) => m.role === 'user')!.content;
    expect(user).toContain('[1] 0:10 Buyer (external): We can sign by December 15th');
    expect(user).toContain('Wednesday 2026-10-14 12:00 in America/New_York');
  });

  it('rejects a value whose quote is not verbatim in the transcript, keeping the others', async () => {
    fake.answer({
      // Paraphrased: the buyer never said these words.
      close_date: entry('2026-12-15', 'We will sign on December 15', 1, 0.95),
      amount: entry({ amount: 64000, currency: 'USD' }, '$64,000 a year works for us', 1),
    });
    const rejections: Rejection[] = [];
    const got = await extractor({ onRejected: (r) => rejections.push(...r) }).extractFields({
      utterances,
      ctx: baseContext,
      fields: ['close_date', 'amount'],
    });
    expect(got.close_date).toBeNull();
    expect(got.amount?.value).toEqual({ amount: 64000, currency: 'USD' });
    expect(rejections).toEqual([
      {
        field: 'close_date',
        reason: 'the quote "We will sign on December 15" is not verbatim in the transcript',
      },
    ]);
  });

  it('finds a verbatim quote in the utterance nearest the one the model miscounted, and refuses a quote too short to prove anything', async () => {
    fake.answer({
      next_step: entry(
        'Send the security review questionnaire',
        'security review questionnaire',
        2,
      ),
      champion: entry('Maria', 'CFO', 3),
    });
    const got = await extractor().extractFields({
      utterances,
      ctx: baseContext,
      fields: ['next_step', 'champion'],
    });
    expect(got.next_step?.utteranceIndex).toBe(4);
    expect(got.next_step?.startSeconds).toBe(40);
    expect(got.champion).toBeNull();
  });

  it('refuses values outside the deterministic forms: an impossible date, a stage or competitor not in the lists, a zero amount', async () => {
    const rejections: Rejection[] = [];
    fake.answer({
      close_date: entry('2026-02-30', 'We can sign by December 15th', 1),
      amount: entry({ amount: 0, currency: 'USD' }, '$64,000 a year works for us', 1),
      stage: entry('verbal_commit', 'works for us', 1),
      competitors: entry(['Clari', 'Chorus'], 'Clari is still in the running', 3),
    });
    const got = await extractor({ onRejected: (r) => rejections.push(...r) }).extractFields({
      utterances,
      ctx: baseContext,
      fields: ['close_date', 'amount', 'stage', 'competitors'],
    });
    expect(got).toEqual({ close_date: null, amount: null, stage: null, competitors: null });
    expect(rejections.map((r) => r.field)).toEqual([
      'close_date',
      'amount',
      'stage',
      'competitors',
    ]);
    expect(rejections[0]!.reason).toBe('2026-02-30 is not a calendar date');
    expect(rejections[2]!.reason).toMatch(/does not fit the schema/);
  });

  it('rejects a verbatim quote that cannot carry the value: an invented figure pinned on a real sentence', async () => {
    const rejections: Rejection[] = [];
    fake.answer({
      amount: entry({ amount: 90000, currency: 'USD' }, 'Are you still looking at Clari?', 2),
    });
    const got = await extractor({ onRejected: (r) => rejections.push(...r) }).extractFields({
      utterances,
      ctx: baseContext,
      fields: ['amount'],
    });
    expect(got.amount).toBeNull();
    expect(rejections).toEqual([
      { field: 'amount', reason: 'the quote "Are you still looking at Clari?" names no figure' },
    ]);
  });

  it('caps the model’s own confidence, which is not calibrated', async () => {
    fake.answer({ close_date: entry('2026-12-15', 'We can sign by December 15th', 1, 0.99) });
    const got = await extractor({ maxConfidence: 0.7 }).extractFields({
      utterances,
      ctx: baseContext,
      fields: ['close_date'],
    });
    expect(got.close_date?.confidence).toBe(0.7);
  });

  it('asks nothing when no known field is wanted, and competitors only with a list to choose from', async () => {
    const since = fake.log.lastSeq;
    const got = await extractor().extractFields({
      utterances,
      ctx: { ...baseContext, competitors: [] },
      fields: ['competitors', 'custom__c'],
    });
    expect(got).toEqual({ competitors: null });
    expect(fake.log.list(since)).toHaveLength(0);
  });
});

describe('provider failures', () => {
  const ask = (options: Partial<LlmExtractorOptions> = {}) =>
    extractor(options).extractFields({ utterances, ctx: baseContext, fields: ['close_date'] });

  async function failure(promise: Promise<unknown>): Promise<LlmExtractorError> {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(LlmExtractorError);
    return error as LlmExtractorError;
  }

  it('waits out a 429’s Retry-After, then succeeds', async () => {
    const since = fake.log.lastSeq;
    fake.faults.add({ kind: 'rate_limit', retryAfterSeconds: 1, times: 1 });
    fake.answer({ close_date: entry('2026-12-15', 'We can sign by December 15th', 1) });
    const got = await ask();
    expect(got.close_date?.value).toBe('2026-12-15');
    const [limited, answered] = fake.log.list(since);
    expect(limited!.status).toBe(429);
    expect(answered!.status).toBe(200);
    expect(answered!.at - limited!.at).toBeGreaterThanOrEqual(950);
  });

  it('fails at once when the Retry-After is longer than it may wait', async () => {
    const since = fake.log.lastSeq;
    fake.faults.add({ kind: 'rate_limit', retryAfterSeconds: 120, times: 1 });
    const error = await failure(ask({ maxRetryAfterMs: 5_000 }));
    expect(error.code).toBe('llm_rate_limited');
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.message).toContain('rate_limit_exceeded');
    expect(fake.log.list(since)).toHaveLength(1);
  });

  it('does not retry a 429 that means the account is out of credit', async () => {
    const since = fake.log.lastSeq;
    fake.faults.add({ kind: 'rate_limit', code: 'insufficient_quota', times: 1 });
    const error = await failure(ask());
    expect(error.code).toBe('llm_rate_limited');
    expect(error.message).toContain('insufficient_quota');
    expect(fake.log.list(since)).toHaveLength(1);
  });

  it('retries 5xx with backoff and gives up after the retries with llm_unavailable', async () => {
    const since = fake.log.lastSeq;
    fake.faults.add({ kind: 'server_error', times: 2 });
    fake.answer({ close_date: entry('2026-12-15', 'We can sign by December 15th', 1) });
    expect((await ask()).close_date?.value).toBe('2026-12-15');
    expect(fake.log.list(since).map((r) => r.status)).toEqual([500, 500, 200]);

    const next = fake.log.lastSeq;
    fake.faults.add({ kind: 'server_error', status: 503 });
    const error = await failure(ask({ maxRetries: 1 }));
    expect(error.code).toBe('llm_unavailable');
    expect(error.status).toBe(503);
    expect(error.message).toContain('The server had an error');
    expect(fake.log.list(next)).toHaveLength(2);
  });

  it('gives up on a provider that does not answer in time with llm_timeout', async () => {
    const since = fake.log.lastSeq;
    fake.faults.add({ kind: 'slow', delayMs: 400, times: 2 });
    const error = await failure(ask({ timeoutMs: 150, maxRetries: 1 }));
    expect(error.code).toBe('llm_timeout');
    // The fake logs a slow request once it has answered, after the client gave up.
    await vi.waitFor(() => expect(fake.log.list(since)).toHaveLength(2));
  });

  it('does not retry a wrong API key or an unknown model', async () => {
    const since = fake.log.lastSeq;
    const auth = await failure(ask({ apiKey: 'sk-wrong' }));
    expect(auth.code).toBe('llm_auth');
    expect(auth.status).toBe(401);
    expect(auth.message).toContain('invalid_api_key');
    const model = await failure(ask({ model: 'no-such-model' }));
    expect(model.code).toBe('llm_bad_request');
    expect(model.message).toContain('model_not_found');
    expect(fake.log.list(since).map((r) => r.status)).toEqual([401, 404]);
  });

  it('treats malformed JSON, a cut-off answer and a refusal as llm_bad_answer', async () => {
    fake.reply({ content: '{"close_date": {"value": "2026-12-15", "conf' });
    expect((await failure(ask())).message).toBe('The LLM answer is not valid JSON');
    fake.reply({ content: '{"close_date": null', finishReason: 'length' });
    expect((await failure(ask())).message).toContain('cut off');
    fake.reply({ refusal: 'I cannot help with that.' });
    expect((await failure(ask())).message).toContain('refusal: I cannot help with that.');
    fake.reply({ content: '["not", "an", "object"]' });
    expect((await failure(ask())).code).toBe('llm_bad_answer');
    fake.faults.add({ kind: 'malformed_body', times: 1 });
    expect((await failure(ask())).code).toBe('llm_bad_answer');
  });

  it('sends nothing to a base URL the outbound guard refuses', async () => {
    const since = fake.log.lastSeq;
    const local = await failure(ask({ allowLocal: false }));
    expect(local.code).toBe('llm_url_not_allowed');
    expect(local.message).toContain('PANDORA_LLM_BASE_URL');
    // allowLocal covers loopback only, never a private network address.
    const resolve = async () => ['10.0.0.5'];
    const internal = await failure(
      ask({ baseUrl: 'https://llm.internal.example/v1', outbound: { allowedHosts: [], resolve } }),
    );
    expect(internal.code).toBe('llm_url_not_allowed');
    expect(internal.message).toContain('10.0.0.5');
    expect(fake.log.list(since)).toHaveLength(0);
    // The operator's allowlist lets its own origin through.
    fake.answer({ close_date: null });
    const allowed = await ask({
      allowLocal: false,
      outbound: { allowedHosts: [new URL(fake.baseUrl).origin] },
    });
    expect(allowed).toEqual({ close_date: null });
  });
});

describe('the fake provider', () => {
  it('refuses a schema OpenAI’s strict mode refuses, so the extractor’s schema passing it means something', async () => {
    const client = new OpenAI({ baseURL: fake.baseUrl, apiKey: fake.apiKey, maxRetries: 0 });
    const request = client.chat.completions.create({
      model: fake.model,
      messages: [{ role: 'user', content: 'hi' }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'lax',
          strict: true,
          schema: { type: 'object', properties: { a: { type: 'string' } }, required: [] },
        },
      },
    });
    await expect(request).rejects.toMatchObject({
      status: 400,
      error: { type: 'invalid_request_error', param: 'response_format' },
    });
  });
});
