import type { Config } from '../../config.js';
import {
  createLlmExtractor,
  type LlmExtractor,
  type LlmExtractorOptions,
} from './llm-extractor.js';

type LlmConfig = Pick<
  Config,
  'llmModel' | 'llmBaseUrl' | 'llmApiKey' | 'llmTimeoutMs' | 'llmAllowLocal' | 'allowedCrmHosts'
>;

/**
 * The LLM extractor this process's configuration asks for, or undefined when
 * `PANDORA_LLM_MODEL` is unset (the core then reads calls deterministically). Its
 * base URL passes the outbound guard with the operator's allowlist
 * (`PANDORA_ALLOWED_CRM_HOSTS`), loopback only with `PANDORA_LLM_ALLOW_LOCAL`.
 */
export function configuredLlmExtractor(
  config: LlmConfig,
  hooks: Pick<LlmExtractorOptions, 'onRejected'> = {},
): LlmExtractor | undefined {
  if (!config.llmModel || !config.llmApiKey) return undefined;
  return createLlmExtractor({
    baseUrl: config.llmBaseUrl,
    model: config.llmModel,
    apiKey: config.llmApiKey,
    timeoutMs: config.llmTimeoutMs,
    allowLocal: config.llmAllowLocal,
    outbound: { allowedHosts: config.allowedCrmHosts },
    onRejected: hooks.onRejected,
  });
}
