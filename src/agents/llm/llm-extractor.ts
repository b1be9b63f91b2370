import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { checkOutboundUrl, OutboundUrlError, type OutboundPolicy } from '../../net/outbound-url.js';
import type { ExtractInput, FieldExtractions, FieldExtractor } from '../extract/index.js';
import { answerSchema, askableFields, checkAnswer, type Rejection } from './answer.js';
import { LlmExtractorError, retryAfterMs } from './errors.js';
import { LLM_FIELDS } from './fields.js';
import { buildMessages } from './prompt.js';

export interface LlmExtractorOptions {
  /** An OpenAI-compatible API root, e.g. `https://api.openai.com/v1`. */
  baseUrl: string;
  model: string;
  apiKey: string;
  /** One request's time limit; default 30 s. */
  timeoutMs?: number;
  /** Tries after the first on 429, 5xx, timeouts and broken connections; default 2. */
  maxRetries?: number;
  /** The first backoff when the provider names no delay; it doubles per retry. Default 500 ms. */
  retryBaseMs?: number;
  /**
   * The longest Retry-After waited out; a provider asking for more fails the call at
   * once (`llm_rate_limited`) so the caller falls back instead of stalling. Default 20 s.
   */
  maxRetryAfterMs?: number;
  /**
   * Confidence is capped here: a model's own confidence is not calibrated, so its
   * values reach auto-apply only where an admin's threshold sits below the cap.
   * Default 0.9.
   */
  maxConfidence?: number;
  /** Sampling temperature; left to the provider when unset (some models accept only theirs). */
  temperature?: number;
  /** The operator's outbound allowlist; the base URL must pass it before anything is sent. */
  outbound?: OutboundPolicy;
  /** Lets a loopback base URL through (a model server on this machine, in development). */
  allowLocal?: boolean;
  /** Told which fields' values were refused and why (bad quote, bad value). */
  onRejected?: (rejections: Rejection[]) => void;
}

export interface LlmExtractor extends FieldExtractor {
  extractFields(input: ExtractInput): Promise<FieldExtractions>;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

function isLoopback(url: URL): boolean {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The SSRF guard for the configured base URL: https to a public address, or the operator's allowlist. */
async function checkBaseUrl(options: LlmExtractorOptions): Promise<void> {
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch (error) {
    throw new LlmExtractorError(
      'llm_url_not_allowed',
      `PANDORA_LLM_BASE_URL "${options.baseUrl}" is not a URL`,
      { cause: error },
    );
  }
  if (options.allowLocal && isLoopback(url)) return;
  try {
    await checkOutboundUrl(options.baseUrl, {
      purpose: 'public',
      field: 'PANDORA_LLM_BASE_URL',
      policy: options.outbound ?? { allowedHosts: [] },
    });
  } catch (error) {
    if (!(error instanceof OutboundUrlError)) throw error;
    const code = error.reason === 'unresolvable' ? 'llm_unavailable' : 'llm_url_not_allowed';
    throw new LlmExtractorError(code, error.message, { cause: error });
  }
}

interface Failure {
  error: LlmExtractorError;
  retryable: boolean;
}

/** Any SDK or parse error as the extractor's own, and whether trying again can help. */
function classify(error: unknown): Failure {
  if (error instanceof LlmExtractorError) return { error, retryable: false };
  if (error instanceof APIConnectionTimeoutError) {
    const timeout = new LlmExtractorError(
      'llm_timeout',
      'The LLM provider did not answer in time',
      {
        cause: error,
      },
    );
    return { error: timeout, retryable: true };
  }
  if (error instanceof APIConnectionError) {
    const message = `The LLM provider could not be reached: ${error.message}`;
    return {
      error: new LlmExtractorError('llm_unavailable', message, { cause: error }),
      retryable: true,
    };
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    const body = error.error as { message?: string; code?: string | null } | undefined;
    const detail = `The LLM provider refused the request (${status}${body?.code ? ` ${body.code}` : ''}): ${body?.message ?? error.message}`;
    const options = { status, retryAfterMs: retryAfterMs(error.headers), cause: error };
    if (status === 401 || status === 403) {
      return { error: new LlmExtractorError('llm_auth', detail, options), retryable: false };
    }
    if (status === 429) {
      // OpenAI says "out of credit" with a 429 too: waiting does not help that one.
      const retryable = body?.code !== 'insufficient_quota';
      return { error: new LlmExtractorError('llm_rate_limited', detail, options), retryable };
    }
    if (status === 408 || status === 409 || status >= 500) {
      return { error: new LlmExtractorError('llm_unavailable', detail, options), retryable: true };
    }
    return { error: new LlmExtractorError('llm_bad_request', detail, options), retryable: false };
  }
  const message = `The LLM provider's answer could not be read: ${error instanceof Error ? error.message : String(error)}`;
  return {
    error: new LlmExtractorError('llm_bad_answer', message, { cause: error }),
    retryable: false,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The JSON object in the completion's message, or why there is none. */
function answerOf(completion: unknown): Record<string, unknown> {
  const bad = (why: string) => new LlmExtractorError('llm_bad_answer', `The LLM answer ${why}`);
  const choice = (completion as OpenAI.ChatCompletion | null)?.choices?.[0];
  if (!choice?.message) throw bad('is not a chat completion');
  if (choice.message.refusal) throw bad(`is a refusal: ${choice.message.refusal}`);
  if (choice.finish_reason === 'length') throw bad('was cut off at the token limit');
  let parsed: unknown;
  try {
    parsed = JSON.parse(choice.message.content ?? '');
  } catch (error) {
    throw new LlmExtractorError('llm_bad_answer', 'The LLM answer is not valid JSON', {
      cause: error,
    });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw bad('is not a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/**
 * The LLM extractor: one chat completion per call, answering in a strict JSON schema
 * for the fields asked. A value is kept only when its entry fits the schema, its
 * value normalizes to the deterministic extractors' form and its quote is verbatim
 * in the transcript. When the provider fails it throws `LlmExtractorError`; see
 * `llmExtracted` (core-extracted.ts) for how a run falls back then.
 */
export function createLlmExtractor(options: LlmExtractorOptions): LlmExtractor {
  const maxRetries = options.maxRetries ?? 2;
  const retryBaseMs = options.retryBaseMs ?? 500;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 20_000;
  const maxConfidence = options.maxConfidence ?? 0.9;
  const client = new OpenAI({
    baseURL: options.baseUrl,
    apiKey: options.apiKey,
    timeout: options.timeoutMs ?? 30_000,
    // Retries are ours: the SDK would wait out a long Retry-After by its own backoff instead.
    maxRetries: 0,
  });

  async function complete(
    body: OpenAI.ChatCompletionCreateParamsNonStreaming,
  ): Promise<Record<string, unknown>> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return answerOf(await client.chat.completions.create(body));
      } catch (caught) {
        const { error, retryable } = classify(caught);
        if (!retryable || attempt >= maxRetries) throw error;
        if (error.retryAfterMs !== undefined && error.retryAfterMs > maxRetryAfterMs) throw error;
        const backoff = retryBaseMs * 2 ** attempt * (0.5 + Math.random() / 2);
        await sleep(error.retryAfterMs ?? backoff);
      }
    }
  }

  return {
    async extractFields({ utterances, ctx, fields }: ExtractInput): Promise<FieldExtractions> {
      const competitors = ctx.competitors ?? [];
      const asked = askableFields(fields, competitors);
      // Known fields that cannot be asked (competitors without a list) are looked at: nothing.
      const out: FieldExtractions = Object.fromEntries(
        fields.filter((field) => Object.hasOwn(LLM_FIELDS, field)).map((field) => [field, null]),
      );
      if (asked.length === 0 || utterances.length === 0) return out;
      await checkBaseUrl(options);
      const answer = await complete({
        model: options.model,
        messages: buildMessages(utterances, ctx, asked),
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'crm_field_updates',
            strict: true,
            schema: answerSchema(asked, competitors) as Record<string, unknown>,
          },
        },
        ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
      });
      const checked = checkAnswer(answer, {
        fields: asked,
        competitors,
        utterances,
        maxConfidence,
      });
      if (checked.rejections.length > 0) options.onRejected?.(checked.rejections);
      return { ...out, ...checked.candidates };
    },
  };
}
