/**
 * A meeting as any recorder sends it to Pandora (the signed webhook, an uploaded JSON
 * or CSV file): one shape, documented in the OpenAPI document, turned into the
 * connectors' `RecordedCall` so every meeting goes through the same store.
 */
import { createHash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import type { RecordedCall } from './port.js';

/** A day: longer "meetings" are recordings left running. */
export const MAX_DURATION_SECONDS = 86_400;
export const MAX_PARTICIPANTS = 500;
export const MAX_TRANSCRIPT_CHARS = 500_000;

export const ParticipantInput = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    name: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

const SenderId = Type.String({
  minLength: 1,
  maxLength: 200,
  description:
    "The sender's own meeting id: a meeting sent again with the same id is the same meeting",
});

const meetingFields = {
  title: Type.String({ minLength: 1, maxLength: 500 }),
  startedAt: Type.String({ format: 'date-time' }),
  duration: Type.Integer({ minimum: 0, maximum: MAX_DURATION_SECONDS, description: 'In seconds' }),
  participants: Type.Array(ParticipantInput, { maxItems: MAX_PARTICIPANTS }),
  hostEmail: Type.Optional(
    Type.String({
      format: 'email',
      maxLength: 254,
      description: 'The rep who ran it, when the recorder knows',
    }),
  ),
  transcript: Type.Optional(Type.String({ maxLength: MAX_TRANSCRIPT_CHARS })),
  url: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2_000 })),
};

/** An uploaded meeting: without an id, its title and start identify it. */
export const MeetingInput = Type.Object(
  { id: Type.Optional(SenderId), ...meetingFields },
  { additionalProperties: false },
);
export type MeetingInput = Static<typeof MeetingInput>;

/** A webhook delivery: the sender's id is required, it is what makes a replay harmless. */
export const WebhookMeeting = Type.Object(
  { id: SenderId, ...meetingFields },
  { additionalProperties: false },
);
export type WebhookMeeting = Static<typeof WebhookMeeting>;

/**
 * The id a meeting without one gets: its title and start, so the same file uploaded
 * twice stores each meeting once.
 */
export function derivedMeetingId(title: string, startedAt: string): string {
  const digest = createHash('sha256')
    .update(`${title.trim()}\n${new Date(startedAt).toISOString()}`)
    .digest('hex');
  return `sha256:${digest.slice(0, 32)}`;
}

export type InboundMeeting = RecordedCall & { transcript: string | null };

/** The meeting as the store takes it, under `sourceId` (already scoped by the caller). */
export function toRecordedCall(meeting: MeetingInput, sourceId: string): InboundMeeting {
  return {
    sourceId,
    title: meeting.title.trim(),
    startedAt: new Date(meeting.startedAt).toISOString(),
    durationSeconds: meeting.duration,
    hostEmail: meeting.hostEmail?.toLowerCase() ?? null,
    participants: meeting.participants.map((participant) => ({
      email: participant.email.toLowerCase(),
      name: participant.name?.trim() || null,
      affiliation: 'unknown',
    })),
    url: meeting.url ?? null,
    crmContext: null,
    sourceData: { senderId: meeting.id ?? null },
    transcript: meeting.transcript ?? null,
  };
}
