import { createHash } from 'node:crypto';
import { transcriptLines, type ConversationDataset, type ConversationSeed } from '../dataset.js';

/** A Gong user as `GET /v2/users` returns it (the fields Pandora reads, and a few more). */
export interface GongUser {
  id: string;
  emailAddress: string;
  created: string;
  active: boolean;
  emailAliases: string[];
  firstName: string;
  lastName: string;
  title: string | null;
  phoneNumber: string | null;
  extension: string | null;
  managerId: string | null;
  meetingConsentPageUrl: string | null;
  spokenLanguages: { language: string; primary: boolean }[];
}

export interface GongContextObject {
  objectType: string;
  objectId: string;
  fields: { name: string; value: string | null }[];
}

export interface GongContext {
  system: 'HubSpot' | 'Salesforce';
  objects: GongContextObject[];
}

export interface GongParty {
  id: string;
  emailAddress: string | null;
  name: string | null;
  title: string | null;
  userId: string | null;
  speakerId: string | null;
  context: GongContext[];
  affiliation: 'Internal' | 'External' | 'Unknown';
  methods: string[];
}

export interface GongMetaData {
  id: string;
  url: string;
  title: string;
  scheduled: string;
  started: string;
  duration: number;
  primaryUserId: string;
  direction: 'Conference';
  system: string;
  scope: 'Internal' | 'External' | 'Unknown';
  media: 'Video';
  language: string;
  workspaceId: string;
  sdrDisposition: null;
  clientUniqueId: string;
  customData: null;
  purpose: null;
  meetingUrl: string;
  isPrivate: boolean;
  calendarEventId: string | null;
}

export interface GongSentence {
  start: number;
  end: number;
  text: string;
}

export interface GongMonologue {
  speakerId: string;
  topic: string | null;
  sentences: GongSentence[];
}

/** One call as the emulator keeps it: what `/v2/calls/extensive` and `/v2/calls/transcript` show. */
export interface GongCall {
  metaData: GongMetaData;
  parties: GongParty[];
  context: GongContext[];
  transcript: GongMonologue[];
}

export const GONG_WORKSPACE_ID = '5562739194953732039';

/** A Gong-like numeric id (Gong's are up to 19-20 digits), stable for the same key. */
export function gongId(kind: string, key: string): string {
  const digest = createHash('sha256').update(`${kind}:${key}`).digest();
  const value = digest.readBigUInt64BE(0) % 8_000_000_000_000_000_000n;
  return (value + 1_000_000_000_000_000_000n).toString();
}

/** Maps a seed's CRM source id to the sandbox CRM's own id, when the CRM has it. */
export type CrmIdLookup = (sourceId: string) => string | undefined;

/** The emulated company's users and calls, in memory. */
export class GongStore {
  readonly users: GongUser[] = [];
  /** Sorted by start, then id: the order lists are paged in. */
  private calls: GongCall[] = [];
  private readonly byId = new Map<string, GongCall>();

  userByEmail(email: string): GongUser | undefined {
    const wanted = email.toLowerCase();
    return this.users.find((user) => user.emailAddress.toLowerCase() === wanted);
  }

  addUser(input: {
    email: string;
    name: string;
    title?: string | null;
    created?: string;
  }): GongUser {
    const existing = this.userByEmail(input.email);
    if (existing) return existing;
    const [firstName = '', ...rest] = input.name.split(' ');
    const user: GongUser = {
      id: gongId('user', input.email.toLowerCase()),
      emailAddress: input.email,
      created: input.created ?? '2023-01-01T00:00:00Z',
      active: true,
      emailAliases: [],
      firstName,
      lastName: rest.join(' '),
      title: input.title ?? null,
      phoneNumber: null,
      extension: null,
      managerId: null,
      meetingConsentPageUrl: null,
      spokenLanguages: [{ language: 'en-US', primary: true }],
    };
    this.users.push(user);
    return user;
  }

  /** Adds (or replaces) a call, keeping the start order. */
  addCall(call: GongCall): void {
    if (this.byId.has(call.metaData.id)) this.removeCall(call.metaData.id);
    this.byId.set(call.metaData.id, call);
    const at = this.calls.findIndex((other) => compareCalls(call, other) < 0);
    if (at < 0) this.calls.push(call);
    else this.calls.splice(at, 0, call);
  }

  removeCall(id: string): void {
    this.byId.delete(id);
    this.calls = this.calls.filter((call) => call.metaData.id !== id);
  }

  call(id: string): GongCall | undefined {
    return this.byId.get(id);
  }

  allCalls(): readonly GongCall[] {
    return this.calls;
  }

  get callCount(): number {
    return this.calls.length;
  }
}

function compareCalls(a: GongCall, b: GongCall): number {
  const at = Date.parse(a.metaData.started) - Date.parse(b.metaData.started);
  return at !== 0 ? at : a.metaData.id.localeCompare(b.metaData.id);
}

/**
 * Seeds a store from a conversation data set: every CRM owner is a Gong user, every
 * meeting a call hosted by its first participant, with parties, the CRM context Gong's
 * CRM integration would have attached (the sandbox CRM's ids, where it has them) and
 * the transcript as monologues.
 */
export function seedGongStore(
  store: GongStore,
  dataset: ConversationDataset,
  crmIdFor: CrmIdLookup = () => undefined,
): void {
  for (const owner of dataset.owners) {
    store.addUser({ email: owner.email, name: owner.name, title: owner.title });
  }
  const contactByEmail = new Map(
    dataset.contacts.map((contact) => [contact.email.toLowerCase(), contact.sourceId]),
  );
  for (const meeting of dataset.conversations) {
    const call = callFromSeed(store, meeting, crmIdFor, contactByEmail);
    if (call) store.addCall(call);
  }
}

/** A Gong call for one seeded meeting; null when its host is not a Gong user. */
export function callFromSeed(
  store: GongStore,
  meeting: ConversationSeed,
  crmIdFor: CrmIdLookup = () => undefined,
  contactByEmail: Map<string, string> = new Map(),
): GongCall | null {
  const host = meeting.participants[0] && store.userByEmail(meeting.participants[0].email);
  if (!host) return null;
  const id = gongId('call', meeting.sourceId);
  const parties: GongParty[] = meeting.participants.map((participant) => {
    const user = participant.isInternal ? store.userByEmail(participant.email) : undefined;
    const contactSourceId = contactByEmail.get(participant.email.toLowerCase());
    const contactId = contactSourceId ? crmIdFor(contactSourceId) : undefined;
    return {
      id: gongId('party', `${meeting.sourceId}:${participant.email}`),
      emailAddress: participant.email,
      name: participant.name,
      title: null,
      userId: user?.id ?? null,
      speakerId: gongId('speaker', `${meeting.sourceId}:${participant.name}`),
      context: contactId
        ? [
            {
              system: 'HubSpot',
              objects: [{ objectType: 'Contact', objectId: contactId, fields: [] }],
            },
          ]
        : [],
      affiliation: participant.isInternal ? 'Internal' : 'External',
      methods: ['Invitee', 'Attendee'],
    };
  });
  const objects: GongContextObject[] = [];
  const accountId = meeting.accountSourceId ? crmIdFor(meeting.accountSourceId) : undefined;
  const dealId = meeting.dealSourceId ? crmIdFor(meeting.dealSourceId) : undefined;
  if (accountId) objects.push({ objectType: 'Account', objectId: accountId, fields: [] });
  if (dealId) objects.push({ objectType: 'Deal', objectId: dealId, fields: [] });
  const internal = meeting.participants.every((participant) => participant.isInternal);
  return {
    metaData: {
      id,
      url: `https://app.gong.io/call?id=${id}`,
      title: meeting.title,
      scheduled: meeting.startedAt,
      started: meeting.startedAt,
      duration: meeting.durationSeconds,
      primaryUserId: host.id,
      direction: 'Conference',
      system: 'Zoom',
      scope: internal ? 'Internal' : 'External',
      media: 'Video',
      language: 'eng',
      workspaceId: GONG_WORKSPACE_ID,
      sdrDisposition: null,
      clientUniqueId: meeting.sourceId,
      customData: null,
      purpose: null,
      meetingUrl: `https://zoom.us/j/${id.slice(0, 11)}`,
      isPrivate: false,
      calendarEventId: null,
    },
    parties,
    context: objects.length > 0 ? [{ system: 'HubSpot', objects }] : [],
    transcript: monologuesOf(meeting, parties),
  };
}

/**
 * Gong's transcript shape: consecutive utterances of one speaker form a monologue of
 * sentences with start and end in milliseconds from the call's start. The demo's lines
 * carry no timing, so they share the call's duration evenly.
 */
function monologuesOf(meeting: ConversationSeed, parties: GongParty[]): GongMonologue[] {
  const lines = transcriptLines(meeting.transcript);
  const speakerOf = new Map(parties.map((party) => [party.name, party.speakerId!]));
  const slot = lines.length > 0 ? Math.floor((meeting.durationSeconds * 1000) / lines.length) : 0;
  const monologues: GongMonologue[] = [];
  lines.forEach((line, index) => {
    const speakerId =
      speakerOf.get(line.speaker) ?? gongId('speaker', `${meeting.sourceId}:${line.speaker}`);
    const sentence = { start: index * slot, end: (index + 1) * slot - 1, text: line.text };
    const last = monologues[monologues.length - 1];
    if (last && last.speakerId === speakerId) last.sentences.push(sentence);
    else monologues.push({ speakerId, topic: null, sentences: [sentence] });
  });
  return monologues;
}
