import type { CrmError } from './errors.js';

/**
 * The one port through which Pandora talks to a CRM (DESIGN.md principle 1). Feature
 * code calls these methods and never an SDK. Every method speaks the CRM's own
 * property names (`closedate`, `CloseDate`); `crmField` maps Pandora's names to them.
 * Results of multi-record calls are per record, in input order, and never throw for
 * one record's failure; whole-call failures throw a `CrmError`.
 */
export type CrmType = 'hubspot' | 'salesforce';

/** Pandora's object types; each CRM names them its own way (company/Account...). */
export type CrmObjectType = 'deal' | 'contact' | 'account';
export const CRM_OBJECT_TYPES: readonly CrmObjectType[] = ['deal', 'contact', 'account'];

/** A property value as the CRM returns it: HubSpot sends strings, Salesforce JSON types. */
export type CrmValue = string | number | boolean | null;
export type CrmProperties = Record<string, CrmValue>;

export interface CrmRecord {
  id: string;
  objectType: CrmObjectType;
  properties: CrmProperties;
  /** Last modification time in the CRM, ISO 8601. */
  updatedAt: string;
  createdAt?: string;
  archived?: boolean;
  /**
   * Ids of the associated records per object type, in the CRM's order: set by
   * `listChanged` for the types its `associations` option asked for, complete.
   */
  associations?: Partial<Record<CrmObjectType, string[]>>;
}

/** The outcome for one record of a multi-record call, in the input's order. */
export type RecordResult<T = CrmRecord> =
  { ok: true; id: string; value: T } | { ok: false; id: string | null; error: CrmError };

export interface UpdateInput {
  id: string;
  properties: CrmProperties;
}

/**
 * What makes a create safe to send again. Neither CRM takes an idempotency key, so a
 * create carries a marker derived from the caller's idempotency key, stored with the
 * object where the CRM can be searched by it; when a call's answer is lost (timeout,
 * dropped connection, a 5xx after the CRM applied it) the connector looks the object
 * up by its marker before sending it again, and adopts one it finds.
 */
export interface CreateMarking {
  /** Stable for one intended object, unique among the caller's creates. */
  marker?: string;
  /** An earlier attempt may have made it (its answer was lost): look it up first. */
  mayExist?: boolean;
}

export interface CreateInput extends CreateMarking {
  properties: CrmProperties;
  /** Records to associate the new one with, where the CRM allows it inline. */
  associations?: RecordRef[];
}

export interface NoteQuery {
  attachedTo: RecordRef;
  text: string;
}

export interface RecordRef {
  objectType: CrmObjectType;
  id: string;
}

export interface Association {
  from: RecordRef;
  to: RecordRef;
  /** Deal-contact role (Salesforce OpportunityContactRole.Role). */
  role?: string;
  primary?: boolean;
}

/** A note's marker goes in its title (added at the end when the title lacks it). */
export interface NoteInput extends CreateMarking {
  /** Plain text or simple HTML; HubSpot allows 65,536 characters. */
  body: string;
  title?: string;
  /** When the note is dated; defaults to now. */
  timestamp?: string;
  attachTo: RecordRef[];
}

export type CrmPropertyType =
  | 'string'
  | 'text'
  | 'number'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'enumeration'
  | 'id'
  | 'reference'
  | 'other';

export interface CrmPropertyOption {
  value: string;
  label: string;
}

export interface CrmProperty {
  name: string;
  label: string;
  type: CrmPropertyType;
  /** The CRM's own type words (HubSpot `type`/`fieldType`, Salesforce `type`). */
  crmType: string;
  options: CrmPropertyOption[];
  readOnly: boolean;
  /** Maximum length of a text value, when the CRM states one. */
  maxLength?: number;
  custom: boolean;
}

export interface CrmStage {
  id: string;
  label: string;
  displayOrder: number;
  /** 0..1 */
  probability: number | null;
  isClosed: boolean;
  isWon: boolean;
}

export interface CrmPipeline {
  id: string;
  label: string;
  stages: CrmStage[];
}

export interface CrmOwner {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  active: boolean;
}

export interface ChangedPage {
  records: CrmRecord[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  cursor?: string;
}

export interface ListChangedOptions {
  properties: string[];
  /** Only records modified at or after this instant (ISO); all records when absent. */
  since?: string;
  cursor?: string;
  /** Page size; the connector caps it at what the CRM allows. */
  limit?: number;
  /**
   * Associated record types to return with each record (`CrmRecord.associations`),
   * read with the page where the CRM allows it (HubSpot list pages, Salesforce
   * relationship queries) rather than by separate association calls.
   */
  associations?: CrmObjectType[];
}

/** What a successful connection test learned about the account. */
export interface CrmAccountInfo {
  /** HubSpot portal id or Salesforce org id. */
  accountId: string;
  /** The user or app the credentials act as, when the CRM says. */
  user?: string;
  /** API usage the CRM reported, when it did. */
  usage?: { used: number; max: number };
  /** The account's time zone (IANA name), whose midnight starts the CRM's quota day. */
  timeZone?: string;
}

export interface CrmConnector {
  readonly crm: CrmType;
  /** Records per batch call: HubSpot 100, Salesforce 200. */
  readonly batchSize: number;
  /**
   * The step of the CRM's modification times, which `listChanged`'s `since` compares
   * at: HubSpot 1 ms, Salesforce 1 s. `since` = a time + this reads strictly after it.
   */
  readonly changeResolutionMs: number;

  /** The CRM's property name for a Pandora field (`close_date` -> `closedate`); unknown names pass through. */
  crmField(objectType: CrmObjectType, field: string): string;

  testConnection(): Promise<CrmAccountInfo>;
  readRecords(
    objectType: CrmObjectType,
    ids: string[],
    properties: string[],
  ): Promise<RecordResult[]>;
  listChanged(objectType: CrmObjectType, options: ListChangedOptions): Promise<ChangedPage>;
  updateRecords(objectType: CrmObjectType, inputs: UpdateInput[]): Promise<RecordResult[]>;
  createRecords(objectType: CrmObjectType, inputs: CreateInput[]): Promise<RecordResult[]>;
  archiveRecords(objectType: CrmObjectType, ids: string[]): Promise<RecordResult<null>[]>;
  addNote(note: NoteInput): Promise<{ id: string }>;
  /**
   * Many notes in the CRM's batch calls (HubSpot 100, Salesforce 200 per call), one
   * result per note in input order; throws only when a whole call fails.
   */
  addNotes(notes: NoteInput[]): Promise<RecordResult<{ id: string }>[]>;
  /**
   * For each query, the notes attached to its record whose title or text contains its
   * text, in the CRM's batch reads: how a process that was stopped while creating
   * notes finds out which the CRM has.
   */
  findNotes(queries: NoteQuery[]): Promise<{ id: string }[][]>;
  associate(associations: Association[]): Promise<RecordResult<null>[]>;
  /** Ids of the `to` records associated with each `from` record. */
  listAssociations(
    from: CrmObjectType,
    ids: string[],
    to: CrmObjectType,
  ): Promise<Map<string, string[]>>;
  listProperties(objectType: CrmObjectType): Promise<CrmProperty[]>;
  listPipelines(): Promise<CrmPipeline[]>;
  listOwners(): Promise<CrmOwner[]>;
  findOwnerByEmail(email: string): Promise<CrmOwner | null>;
  /**
   * The manager of the owner with this email, from the CRM's owner hierarchy (null when
   * the owner has none). Absent where the CRM keeps no hierarchy (HubSpot's owners).
   */
  findManagerOf?(email: string): Promise<CrmOwner | null>;
  /**
   * Campaign membership of a contact: a HubSpot list (MANUAL or SNAPSHOT; the v3 lists
   * memberships API) or a Salesforce campaign (CampaignMember). Absent on connectors
   * that have no campaigns.
   */
  campaigns?: CampaignPort;
}

export interface CampaignPort {
  /** The campaign's (list's) name; throws a `not_found` CrmError when there is none. */
  describe(campaignId: string): Promise<{ id: string; name: string }>;
  isMember(campaignId: string, contactId: string): Promise<boolean>;
  /** `added: false` when the contact was a member already (both CRMs accept that). */
  add(campaignId: string, contactId: string): Promise<{ added: boolean }>;
  /** `removed: false` when the contact was not a member. */
  remove(campaignId: string, contactId: string): Promise<{ removed: boolean }>;
}
