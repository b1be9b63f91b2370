import pMap from 'p-map';
import { FIELDS, resolveConfig, type AgentCase, type CaseConfig, type Meeting } from '../cases.js';
import { extractContext, speakerUtterances } from '../core.js';
import type { AgentCore, CoreInput } from '../core-types.js';
import type { FieldExtractions, FieldExtractor } from '../extract/index.js';
import { LlmExtractorError } from './errors.js';

/**
 * The LLM's reading of a meeting, for `CoreInput.extracted`; undefined when the
 * provider failed (`onFallback` hears why). Undefined is the fallback: the core then
 * reads the call with its own deterministic extractors and calibrates their
 * confidence, which it does not do for values handed in, so the deterministic
 * result must not be passed as `extracted` in the LLM's place.
 */
export async function llmExtracted(
  llm: FieldExtractor,
  input: CoreInput,
  onFallback?: (error: LlmExtractorError) => void,
): Promise<FieldExtractions | undefined> {
  try {
    return await llm.extractFields({
      utterances: speakerUtterances(input),
      ctx: extractContext(input),
      fields: input.fields ?? FIELDS,
    });
  } catch (error) {
    if (!(error instanceof LlmExtractorError)) throw error;
    onFallback?.(error);
    return undefined;
  }
}

/**
 * For `pandora agent eval --extractor llm`: the core stays pure and synchronous, so
 * each case is read by the LLM first (a few calls at once) and the returned core
 * hands those values in. Cases are told apart by their meeting object, which the
 * eval passes through unchanged; a case whose call failed runs deterministically.
 */
export async function coreWithLlm(
  cases: readonly AgentCase[],
  core: AgentCore,
  llm: FieldExtractor,
  options: {
    fileConfig?: CaseConfig;
    concurrency?: number;
    onFallback?: (caseId: string, error: LlmExtractorError) => void;
  } = {},
): Promise<AgentCore> {
  const extracted = new WeakMap<Meeting, FieldExtractions>();
  await pMap(
    cases,
    async (agentCase) => {
      const input: CoreInput = {
        meeting: agentCase.meeting,
        crm: agentCase.crm,
        config: resolveConfig(options.fileConfig, agentCase.config),
        referenceTime: agentCase.meeting.startedAt,
      };
      const values = await llmExtracted(llm, input, (error) =>
        options.onFallback?.(agentCase.id, error),
      );
      if (values) extracted.set(agentCase.meeting, values);
    },
    { concurrency: options.concurrency ?? 4 },
  );
  return (input) => core({ ...input, extracted: extracted.get(input.meeting) ?? input.extracted });
}
