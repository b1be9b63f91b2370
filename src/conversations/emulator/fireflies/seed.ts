import { createHash } from 'node:crypto';
import type { ConversationDataset } from '../dataset.js';

// What the Fireflies emulator starts with: a team and its meetings, made from the
// conversation data set the sandbox passes to both recorders (`firefliesSeedFrom`);
// tests may pass their own.

export interface FirefliesSeedUser {
  /** Fireflies' `user_id`; made from the email when absent. */
  userId?: string;
  email: string;
  name: string;
  /** Team admins' API keys see the whole team's meetings. */
  isAdmin?: boolean;
  /** A key that authenticates as this user, besides the emulator's default admin key. */
  apiKey?: string;
}

export interface FirefliesSeedAttendee {
  name: string;
  email: string;
}

export interface FirefliesSeedTranscript {
  /** Fireflies' transcript id; made from `sourceKey` when absent. */
  id?: string;
  /** Anything unique (the demo's meeting id), to derive a stable id from. */
  sourceKey: string;
  title: string;
  startedAt: string;
  durationSeconds: number;
  /** The Fireflies user who organized it (their calendar invite). */
  organizerEmail: string;
  attendees: FirefliesSeedAttendee[];
  /** One "Speaker Name: text" line per sentence. */
  transcript: string;
}

export interface FirefliesSeed {
  users: FirefliesSeedUser[];
  transcripts: FirefliesSeedTranscript[];
}

// Sales managers and directors run the team in Fireflies; an account manager sells.
const ADMIN_TITLE = /\b(director|head|vp|vice president|sales manager)\b/i;

/**
 * The data set as a Fireflies team holds it: every CRM owner is a Fireflies user (sales
 * managers and directors are admins, else the first owner), each meeting organized by
 * its host (the first participant at the seller), everyone on it an attendee.
 */
export function firefliesSeedFrom(dataset: ConversationDataset): FirefliesSeed {
  const admins = dataset.owners.filter((owner) => ADMIN_TITLE.test(owner.title));
  const adminEmails = new Set(
    (admins.length > 0 ? admins : dataset.owners.slice(0, 1)).map((o) => o.email),
  );
  return {
    users: dataset.owners.map((owner) => ({
      email: owner.email,
      name: owner.name,
      isAdmin: adminEmails.has(owner.email),
    })),
    transcripts: dataset.conversations
      .filter((meeting) => meeting.participants.length > 0)
      .map((meeting) => ({
        sourceKey: meeting.sourceId,
        title: meeting.title,
        startedAt: meeting.startedAt,
        durationSeconds: meeting.durationSeconds,
        organizerEmail: (meeting.participants.find((p) => p.isInternal) ?? meeting.participants[0]!)
          .email,
        attendees: meeting.participants.map(({ name, email }) => ({ name, email })),
        transcript: meeting.transcript,
      })),
  };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID-looking id (Fireflies' ids are 26 Crockford base-32 characters), the same for
 * the same key across restarts, so a synced meeting keeps its id.
 */
export function stableFirefliesId(key: string): string {
  const digest = createHash('sha256').update(key).digest();
  let id = '01';
  for (let i = 0; id.length < 26; i++) id += CROCKFORD[digest[i]! % 32];
  return id;
}

export interface Sentence {
  index: number;
  speaker_name: string;
  speaker_id: number;
  text: string;
  raw_text: string;
  start_time: number;
  end_time: number;
}

/**
 * Sentences as Fireflies gives them (speaker, text, seconds from the start), from
 * "Speaker Name: text" lines spread over the call's length by their word counts.
 */
export function sentencesOf(transcript: string, durationSeconds: number): Sentence[] {
  const lines = transcript
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(': ');
      return colon > 0
        ? { speaker: line.slice(0, colon), text: line.slice(colon + 2) }
        : { speaker: 'Unknown speaker', text: line };
    });
  const words = lines.map((line) => Math.max(1, line.text.split(/\s+/).length));
  const total = words.reduce((sum, count) => sum + count, 0);
  const speakers = new Map<string, number>();
  let at = 0;
  return lines.map((line, index) => {
    if (!speakers.has(line.speaker)) speakers.set(line.speaker, speakers.size);
    const length = (words[index]! / total) * durationSeconds;
    const sentence: Sentence = {
      index,
      speaker_name: line.speaker,
      speaker_id: speakers.get(line.speaker)!,
      text: line.text,
      raw_text: line.text,
      start_time: round2(at),
      end_time: round2(at + length),
    };
    at += length;
    return sentence;
  });
}

const round2 = (value: number) => Math.round(value * 100) / 100;
