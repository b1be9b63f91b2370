/**
 * The one port every conversation source implements (Gong, Fireflies), as the CRM
 * connectors implement src/crm/port.ts: the sync engine, the two-step connect and the
 * sales roster see only this. Failures are the CRM layer's normalized CrmError
 * (src/crm/errors.ts: auth, rate_limited, not_found, validation, unavailable...), so
 * retries and statuses work the same way for every outside service.
 */

export type SourceType = 'gong' | 'fireflies' | 'webhook';
export const SOURCE_TYPES: readonly SourceType[] = ['gong', 'fireflies', 'webhook'];

/** A person in the recorder's user directory; an admin picks which ones to track. */
export interface SourceUser {
  /** The recorder's own id (Gong user id, Fireflies user_id). */
  id: string;
  email: string;
  name: string;
  title: string | null;
  active: boolean;
}

export interface SourceParticipant {
  email: string | null;
  name: string | null;
  /** What the recorder says of them (Gong's party affiliation), when it says. */
  affiliation: 'internal' | 'external' | 'unknown';
}

/** The CRM records the recorder itself tied a call to (Gong's CRM context): linker tier 2. */
export interface SourceCrmContext {
  crmType: 'hubspot' | 'salesforce';
  accountIds: string[];
  dealIds: string[];
  contactIds: string[];
}

/** One recorded call, normalized; the transcript is fetched separately (it is large). */
export interface RecordedCall {
  /** The recorder's call id, unique within the connection. */
  sourceId: string;
  title: string;
  startedAt: string;
  durationSeconds: number;
  /** The tracked user who hosted or organized it. */
  hostEmail: string | null;
  participants: SourceParticipant[];
  /** The call in the recorder's own app, when it has one. */
  url: string | null;
  crmContext: SourceCrmContext | null;
  /** Whatever else of the recorder's answer is worth keeping. */
  sourceData: Record<string, unknown>;
}

export interface CallPage {
  calls: RecordedCall[];
  /** Pass back to get the next page; null after the last one. */
  cursor: string | null;
}

export interface CallQuery {
  user: SourceUser;
  /** Calls that started in [from, to). */
  from: Date;
  to: Date;
  cursor?: string | null;
}

export interface ConversationSourceConnector {
  readonly sourceType: Exclude<SourceType, 'webhook'>;
  /** The whole user directory (every page). */
  listUsers(): Promise<SourceUser[]>;
  /** One page of the calls `query.user` hosted in the window. */
  listCalls(query: CallQuery): Promise<CallPage>;
  /** Transcripts as one "Speaker Name: text" line per utterance, by call id; absent ids have none. */
  transcripts(callIds: string[]): Promise<Map<string, string>>;
}

/**
 * `CrmError.crmCode` of a list continued with a cursor the source no longer accepts
 * (expired or unknown): the caller starts the list again, no cursor, from where it
 * stands; retrying the same request cannot help.
 */
export const CURSOR_EXPIRED = 'cursor_expired';
