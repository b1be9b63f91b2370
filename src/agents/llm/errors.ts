/**
 * Why the LLM extractor gave no answer. Every failure of the provider (or of its
 * answer as a whole) leaves as this one type, so a caller can fall back to the
 * deterministic extractor on `instanceof LlmExtractorError` alone; raw SDK errors
 * never escape.
 */
export type LlmErrorCode =
  /** The base URL is refused by the outbound-URL guard; nothing was sent. */
  | 'llm_url_not_allowed'
  /** 401/403: the API key is wrong or lacks access. Not retried. */
  | 'llm_auth'
  /** 400/404/422: the provider refused the request (unknown model, unsupported schema). Not retried. */
  | 'llm_bad_request'
  /** 429 after the retries, or a Retry-After longer than the extractor may wait. */
  | 'llm_rate_limited'
  /** 5xx or a broken connection after the retries. */
  | 'llm_unavailable'
  /** No answer within the time allowed, after the retries. */
  | 'llm_timeout'
  /** An answer that is not the JSON object asked for (malformed, cut off, refused). */
  | 'llm_bad_answer';

export class LlmExtractorError extends Error {
  override name = 'LlmExtractorError';
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(
    readonly code: LlmErrorCode,
    message: string,
    options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * Retry-After as the provider sends it, in milliseconds: OpenAI's `retry-after-ms`,
 * else `retry-after` in seconds or as an HTTP date. Undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Headers | undefined, nowMs = Date.now()): number | undefined {
  const ms = headers?.get('retry-after-ms')?.trim();
  if (ms && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const raw = headers?.get('retry-after')?.trim();
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
