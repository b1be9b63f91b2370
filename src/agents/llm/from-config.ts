import type { Config } from '../../config.js';
import { deterministicExtractor, type FieldExtractor } from '../extract/index.js';
import type { LlmExtractorError } from './errors.js';
import { createLlmExtractor, withFallback, type LlmExtractorOptions } from './llm-extractor.js';

type LlmConfig = Pick<
  Config,
  'llmModel' | 'llmBaseUrl' | 'llmApiKey' | 'llmTimeoutMs' | 'llmAllowLocal' | 'allowedCrmHosts'
>;

/**
 * The extractor this process's configuration asks for: the deterministic one unless
 * `PANDORA_LLM_MODEL` is set, else the LLM with the deterministic one behind it, so a
 * provider outage costs the run its LLM reading, never the run. The base URL passes
 * the outbound guard with the operator's allowlist (`PANDORA_ALLOWED_CRM_HOSTS`).
 */
export function configuredExtractor(
  config: LlmConfig,
  hooks: Pick<LlmExtractorOptions, 'onRejected'> & {
    onFallback?: (error: LlmExtractorError) => void;
  } = {},
): FieldExtractor {
  if (!config.llmModel || !config.llmApiKey) return deterministicExtractor;
  const llm = createLlmExtractor({
    baseUrl: config.llmBaseUrl,
    model: config.llmModel,
    apiKey: config.llmApiKey,
    timeoutMs: config.llmTimeoutMs,
    allowLocal: config.llmAllowLocal,
    outbound: { allowedHosts: config.allowedCrmHosts },
    onRejected: hooks.onRejected,
  });
  return withFallback(llm, deterministicExtractor, hooks.onFallback);
}
