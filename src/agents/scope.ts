import type { AgentScope, CallType } from './config-schema.js';
import type { AgentConfig } from './configs.js';

/**
 * Which active agents run on a meeting. The call type is read from words: the title
 * first, since people name meetings for what they are ("Acme pricing review",
 * "Renewal sync"); when the title names none, the first words of the transcript
 * ("thanks for joining this demo"). A call whose type cannot be told runs only the
 * agents that take every call (no call types), never one meant for another kind of call.
 */

const CUES: Record<CallType, RegExp> = {
  // Order matters only for the transcript, where the first cue said wins.
  renewal: /\b(renewals?|renewing|renew|contract (?:is )?up for renewal)\b/i,
  negotiation:
    /\b(negotiation|negotiating|pricing|price review|commercials?|redlines?|procurement|terms review|contract review|legal review|order form)\b/i,
  demo: /\b(demo|demos|demonstration|walk-?through|product tour|show you the product)\b/i,
  discovery:
    /\b(discovery|intro|introduction|introductory|first call|initial call|qualification)\b/i,
};
const TITLE_ORDER: CallType[] = ['renewal', 'negotiation', 'demo', 'discovery'];
/** How much of the transcript's opening is read for a cue. */
export const OPENING_CHARACTERS = 1500;

/** The call type a meeting's title or opening words name, or null when they name none. */
export function callTypeOf(meeting: {
  title: string;
  transcript?: string | null;
}): CallType | null {
  for (const type of TITLE_ORDER) if (CUES[type].test(meeting.title)) return type;
  const opening = (meeting.transcript ?? '').slice(0, OPENING_CHARACTERS);
  let first: { type: CallType; at: number } | null = null;
  for (const type of TITLE_ORDER) {
    const at = opening.search(CUES[type]);
    if (at >= 0 && (!first || at < first.at)) first = { type, at };
  }
  return first?.type ?? null;
}

/** What of a meeting the scope is checked against. */
export interface ConversationForScope {
  title: string;
  transcript?: string | null;
  /** Pandora owner ids of the reps involved: the linked deal's owner, reps on the call. */
  ownerIds: readonly string[];
  /** The linked deal's pipeline, when a deal is linked. */
  pipeline: string | null;
  recordType?: 'deal' | 'contact' | 'account';
}

/**
 * Whether a meeting falls in an agent's scope. An owner list needs one of the reps
 * involved in it; a pipeline list needs the linked deal's pipeline in it, and a meeting
 * with no linked deal yet passes (the deal is matched by the run, which checks the
 * matched deal with `dealInScope` before proposing anything).
 */
export function inScope(scope: AgentScope, conversation: ConversationForScope): boolean {
  if (scope.ownerIds && !conversation.ownerIds.some((id) => scope.ownerIds!.includes(id))) {
    return false;
  }
  if (scope.pipelines && conversation.pipeline !== null) {
    if (!scope.pipelines.includes(conversation.pipeline)) return false;
  }
  return scope.recordTypes.includes(conversation.recordType ?? 'deal');
}

/** Whether a matched deal is one the agent may update (owner and pipeline lists). */
export function dealInScope(
  scope: AgentScope,
  deal: { ownerId: string | null; pipeline: string | null },
): boolean {
  if (!scope.recordTypes.includes('deal')) return false;
  if (scope.ownerIds && (deal.ownerId === null || !scope.ownerIds.includes(deal.ownerId))) {
    return false;
  }
  if (scope.pipelines && (deal.pipeline === null || !scope.pipelines.includes(deal.pipeline))) {
    return false;
  }
  return true;
}

export function callTypeMatches(config: Pick<AgentConfig, 'callTypes'>, type: CallType | null) {
  return config.callTypes.length === 0 || (type !== null && config.callTypes.includes(type));
}
