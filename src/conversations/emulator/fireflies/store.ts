import { FirefliesApiError, invalidArguments, type FieldProblem } from './errors.js';
import {
  sentencesOf,
  stableFirefliesId,
  type FirefliesSeed,
  type FirefliesSeedAttendee,
  type Sentence,
} from './seed.js';

/** Fireflies' page size cap for `transcripts` (docs: "limit: Max 50"). */
export const MAX_TRANSCRIPTS_LIMIT = 50;

export interface StoredUser {
  userId: string;
  email: string;
  name: string;
  isAdmin: boolean;
  apiKey: string | null;
}

export interface StoredTranscript {
  id: string;
  title: string;
  dateMs: number;
  durationSeconds: number;
  organizerEmail: string;
  attendees: FirefliesSeedAttendee[];
  transcript: string;
}

interface TranscriptArgs {
  title?: string | null;
  keyword?: string | null;
  fromDate?: string | null;
  toDate?: string | null;
  limit?: number | null;
  skip?: number | null;
  host_email?: string | null;
  organizer_email?: string | null;
  participant_email?: string | null;
  user_id?: string | null;
  mine?: boolean | null;
  organizers?: string[] | null;
  participants?: string[] | null;
}

const lower = (value: string) => value.trim().toLowerCase();

/** The team's users and meetings, and the answers to the queries the schema declares. */
export class FirefliesStore {
  readonly users: StoredUser[];
  readonly transcripts: StoredTranscript[];
  private readonly sentenceCache = new Map<string, Sentence[]>();

  constructor(seed: FirefliesSeed = { users: [], transcripts: [] }) {
    this.users = seed.users.map((user) => ({
      userId: user.userId ?? stableFirefliesId(`user:${lower(user.email)}`),
      email: user.email,
      name: user.name,
      isAdmin: user.isAdmin ?? false,
      apiKey: user.apiKey ?? null,
    }));
    this.transcripts = seed.transcripts.map((t) => ({
      id: t.id ?? stableFirefliesId(`transcript:${t.sourceKey}`),
      title: t.title,
      dateMs: Date.parse(t.startedAt),
      durationSeconds: t.durationSeconds,
      organizerEmail: t.organizerEmail,
      attendees: t.attendees,
      transcript: t.transcript,
    }));
  }

  userByKey(apiKey: string): StoredUser | undefined {
    return this.users.find((user) => user.apiKey === apiKey);
  }

  /** The first admin: who the emulator's default key stands for. */
  firstAdmin(): StoredUser | undefined {
    return this.users.find((user) => user.isAdmin) ?? this.users[0];
  }

  /** The root resolvers for one authenticated user. */
  rootFor(viewer: StoredUser): Record<string, unknown> {
    return {
      user: (args: { id?: string | null }) => {
        if (!args.id) return this.userView(viewer);
        const user = this.users.find((candidate) => candidate.userId === args.id);
        if (!user) {
          throw new FirefliesApiError('object_not_found', 'User not found', { objectType: 'User' });
        }
        return this.userView(user);
      },
      users: () => this.users.map((user) => this.userView(user)),
      transcript: (args: { id: string }) => {
        const found = this.visibleTo(viewer).find((t) => t.id === args.id);
        if (!found) {
          throw new FirefliesApiError('object_not_found', 'Transcript not found', {
            objectType: 'Transcript',
          });
        }
        return this.transcriptView(found);
      },
      transcripts: (args: TranscriptArgs) => this.listTranscripts(viewer, args),
    };
  }

  private visibleTo(viewer: StoredUser): StoredTranscript[] {
    if (viewer.isAdmin) return this.transcripts;
    const email = lower(viewer.email);
    return this.transcripts.filter(
      (t) =>
        lower(t.organizerEmail) === email ||
        t.attendees.some((attendee) => lower(attendee.email) === email),
    );
  }

  private listTranscripts(viewer: StoredUser, args: TranscriptArgs) {
    const problems: FieldProblem[] = [];
    const limit = args.limit ?? MAX_TRANSCRIPTS_LIMIT;
    const skip = args.skip ?? 0;
    if (limit < 1 || limit > MAX_TRANSCRIPTS_LIMIT) {
      problems.push(problem('limit', limit < 1 ? 'min' : 'max', limitMessage(limit)));
    }
    if (skip < 0) problems.push(problem('skip', 'min', 'skip must not be less than 0'));
    const from = dateArg('fromDate', args.fromDate, problems);
    const to = dateArg('toDate', args.toDate, problems);
    let ownerEmail: string | null = null;
    if (args.user_id) {
      const user = this.users.find((candidate) => candidate.userId === args.user_id);
      if (!user) {
        throw new FirefliesApiError('not_in_team', 'User is not a part of your team', {
          userId: args.user_id,
        });
      }
      ownerEmail = lower(user.email);
    }
    if (problems.length > 0) throw invalidArguments(problems);

    const organizers = new Set(
      [...(args.organizers ?? []), args.organizer_email, args.host_email]
        .filter((value): value is string => Boolean(value))
        .map(lower),
    );
    const participants = new Set(
      [...(args.participants ?? []), args.participant_email]
        .filter((value): value is string => Boolean(value))
        .map(lower),
    );
    const title = args.title ? lower(args.title) : null;
    const keyword = args.keyword ? lower(args.keyword) : null;
    const matches = this.visibleTo(viewer).filter((t) => {
      const organizer = lower(t.organizerEmail);
      if (from !== null && t.dateMs < from) return false;
      if (to !== null && t.dateMs > to) return false;
      if (organizers.size > 0 && !organizers.has(organizer)) return false;
      if (ownerEmail !== null && organizer !== ownerEmail) return false;
      if (args.mine && organizer !== lower(viewer.email)) return false;
      if (
        participants.size > 0 &&
        !t.attendees.some((attendee) => participants.has(lower(attendee.email)))
      ) {
        return false;
      }
      if (title !== null && !lower(t.title).includes(title)) return false;
      if (keyword !== null && !lower(`${t.title}\n${t.transcript}`).includes(keyword)) return false;
      return true;
    });
    // Newest first, as Fireflies lists them; the id keeps equal dates in one order.
    matches.sort((a, b) => b.dateMs - a.dateMs || a.id.localeCompare(b.id));
    return matches.slice(skip, skip + limit).map((t) => this.transcriptView(t));
  }

  private userView(user: StoredUser) {
    const organized = () =>
      this.transcripts.filter((t) => lower(t.organizerEmail) === lower(user.email));
    return {
      user_id: user.userId,
      email: user.email,
      name: user.name,
      is_admin: user.isAdmin,
      integrations: [],
      num_transcripts: () => organized().length,
      recent_meeting: () =>
        organized().reduce<StoredTranscript | null>(
          (latest, t) => (latest === null || t.dateMs > latest.dateMs ? t : latest),
          null,
        )?.id ?? null,
      minutes_consumed: () =>
        Math.round(organized().reduce((sum, t) => sum + t.durationSeconds / 60, 0) * 100) / 100,
    };
  }

  // Fields are functions where building them costs something, so that only what a
  // query selects is ever computed (sentences above all).
  private transcriptView(t: StoredTranscript) {
    return {
      id: t.id,
      title: t.title,
      date: t.dateMs,
      dateString: new Date(t.dateMs).toISOString(),
      duration: Math.round((t.durationSeconds / 60) * 100) / 100,
      privacy: 'teammates',
      host_email: t.organizerEmail,
      organizer_email: t.organizerEmail,
      participants: () => t.attendees.map((attendee) => attendee.email),
      meeting_attendees: () =>
        t.attendees.map((attendee) => ({
          displayName: attendee.name,
          email: attendee.email,
          name: attendee.name,
          phoneNumber: null,
          location: null,
        })),
      transcript_url: `https://app.fireflies.ai/view/${t.id}`,
      meeting_link: null,
      calendar_id: null,
      speakers: () => {
        const names = new Map<string, number>();
        for (const sentence of this.sentences(t))
          names.set(sentence.speaker_name, sentence.speaker_id);
        return [...names].map(([name, id]) => ({ id, name }));
      },
      sentences: () => this.sentences(t),
      user: () => {
        const user = this.users.find((u) => lower(u.email) === lower(t.organizerEmail));
        return user ? this.userView(user) : null;
      },
    };
  }

  private sentences(t: StoredTranscript): Sentence[] {
    let sentences = this.sentenceCache.get(t.id);
    if (!sentences) {
      sentences = sentencesOf(t.transcript, t.durationSeconds);
      this.sentenceCache.set(t.id, sentences);
    }
    return sentences;
  }
}

function problem(name: string, type: string, message: string): FieldProblem {
  return { name, message, constraints: [{ type, message }] };
}

function limitMessage(limit: number): string {
  return limit < 1
    ? 'limit must not be less than 1'
    : `limit must not be greater than ${MAX_TRANSCRIPTS_LIMIT}`;
}

function dateArg(
  name: string,
  value: string | null | undefined,
  problems: FieldProblem[],
): number | null {
  if (value === null || value === undefined) return null;
  const ms = /^\d{4}-\d{2}-\d{2}/.test(String(value)) ? Date.parse(String(value)) : NaN;
  if (Number.isNaN(ms)) {
    problems.push(problem(name, 'isDate', `${name} must be a Date instance`));
    return null;
  }
  return ms;
}
