import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { baseContext, call } from '../extract/test-utterances.js';
import { startFakeOpenAi, type FakeOpenAi } from './fake-openai.test-helper.js';
import { configuredLlmExtractor } from './from-config.js';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());

const input = {
  utterances: call(['external', 'We can sign by Friday.']),
  ctx: baseContext,
  fields: ['close_date'],
};

describe('LLM configuration', () => {
  it('reads the PANDORA_LLM_ variables, with OpenAI as the default base URL', () => {
    const config = loadConfig({
      PANDORA_LLM_MODEL: 'gpt-4o-mini',
      PANDORA_LLM_API_KEY: 'sk-1',
      PANDORA_LLM_TIMEOUT_MS: '5000',
    });
    expect(config).toMatchObject({
      llmModel: 'gpt-4o-mini',
      llmApiKey: 'sk-1',
      llmBaseUrl: 'https://api.openai.com/v1',
      llmTimeoutMs: 5000,
      llmAllowLocal: false,
    });
    expect(loadConfig({}).llmModel).toBeUndefined();
  });

  it('refuses a model without a key, and a base URL that is not a URL', () => {
    expect(() => loadConfig({ PANDORA_LLM_MODEL: 'm' })).toThrow(ConfigError);
    expect(() => loadConfig({ PANDORA_LLM_BASE_URL: 'not a url' })).toThrow(
      /PANDORA_LLM_BASE_URL must be a URL/,
    );
  });

  it('is off when no model is configured', () => {
    expect(configuredLlmExtractor(loadConfig({}))).toBeUndefined();
  });

  it('asks the configured provider, and refuses its loopback URL without PANDORA_LLM_ALLOW_LOCAL', async () => {
    const env = {
      PANDORA_LLM_MODEL: fake.model,
      PANDORA_LLM_API_KEY: fake.apiKey,
      PANDORA_LLM_BASE_URL: fake.baseUrl,
    };
    fake.answer({
      close_date: { value: '2026-10-30', confidence: 0.7, quote: 'sign by Friday', utterance: 0 },
    });
    const local = configuredLlmExtractor(loadConfig({ ...env, PANDORA_LLM_ALLOW_LOCAL: 'true' }));
    expect((await local!.extractFields(input)).close_date?.value).toBe('2026-10-30');

    const since = fake.log.lastSeq;
    const guarded = configuredLlmExtractor(loadConfig(env));
    await expect(guarded!.extractFields(input)).rejects.toMatchObject({
      code: 'llm_url_not_allowed',
    });
    expect(fake.log.list(since)).toHaveLength(0);
  });
});
