/**
 * Who gets what where: each member's mode per channel and type (immediate, digest,
 * off), the defaults a missing row stands for, and when digests go out.
 */
import type { Queryable } from '../db/pool.js';
import { badRequest } from '../errors.js';
import {
  CHANNELS,
  DELIVERY_MODES,
  NOTIFICATION_TYPES,
  type Channel,
  type DeliveryMode,
  type NotificationType,
} from './types.js';

/** The types a member chooses for; a digest is what their choices make, not a choice. */
export const PREFERENCE_TYPES = NOTIFICATION_TYPES.filter(
  (type): type is Exclude<NotificationType, 'digest'> => type !== 'digest',
);
export type PreferenceType = (typeof PREFERENCE_TYPES)[number];

const I = 'immediate' as const;
const D = 'digest' as const;
const O = 'off' as const;

/**
 * Defaults for a RevOps team: everything in the console at once; what waits for a
 * person (approvals, questions, expiring approvals, notes for a rep or manager) at
 * once in Slack and email; reports of work done (agent runs, skill results) in the
 * email digest only; push for approvals and expiring ones (plus critical
 * notifications of any type, see `effectiveMode`).
 */
export const DEFAULT_MODES: Record<PreferenceType, Record<Channel, DeliveryMode>> = {
  approval: { in_app: I, slack: I, email: I, push: I },
  question: { in_app: I, slack: I, email: I, push: O },
  expiring: { in_app: I, slack: I, email: I, push: I },
  anomaly: { in_app: I, slack: I, email: D, push: O },
  agent_run: { in_app: I, slack: O, email: D, push: O },
  skill_result: { in_app: I, slack: O, email: D, push: O },
  notify_rep: { in_app: I, slack: I, email: I, push: O },
  notify_manager: { in_app: I, slack: I, email: I, push: O },
};

export function defaultMode(channel: Channel, type: NotificationType): DeliveryMode {
  if (type === 'digest') return 'immediate';
  return DEFAULT_MODES[type][channel];
}

/**
 * The mode a notification is delivered with: the member's stored choice, else the
 * default. A critical notification (an error anomaly, an approval about to expire)
 * never waits for a digest, and by default also goes out as a push; a channel the
 * member turned off stays off.
 */
export function effectiveMode(
  channel: Channel,
  type: NotificationType,
  critical: boolean,
  stored: DeliveryMode | undefined,
): DeliveryMode {
  const mode = stored ?? defaultMode(channel, type);
  if (!critical) return mode;
  if (mode === 'digest') return 'immediate';
  if (stored === undefined && channel === 'push') return 'immediate';
  return mode;
}

export interface PreferenceCell {
  channel: Channel;
  type: PreferenceType;
  mode: DeliveryMode;
  /** Whether this is the default (no stored choice). */
  isDefault: boolean;
}

export const DIGEST_PERIODS = ['daily', 'hourly'] as const;
export type DigestPeriod = (typeof DIGEST_PERIODS)[number];

export interface NotificationSettings {
  timeZone: string;
  digestPeriod: DigestPeriod;
  /** The local hour (0-23) a daily digest goes out. */
  digestHour: number;
}

export const DEFAULT_SETTINGS: NotificationSettings = {
  timeZone: 'UTC',
  digestPeriod: 'daily',
  digestHour: 9,
};

type StoredModes = Map<string, DeliveryMode>;
const cellKey = (channel: string, type: string) => `${channel}/${type}`;

/** The stored choices of several members at once: userId -> `channel/type` -> mode. */
export async function storedModes(
  db: Queryable,
  workspaceId: string,
  userIds: string[],
): Promise<Map<string, StoredModes>> {
  const { rows } = await db.query<{
    userId: string;
    channel: string;
    type: string;
    mode: DeliveryMode;
  }>(
    `select user_id as "userId", channel, type, mode from notification_preferences
     where workspace_id = $1::uuid and user_id = any($2::uuid[])`,
    [workspaceId, userIds],
  );
  const byUser = new Map<string, StoredModes>();
  for (const row of rows) {
    let modes = byUser.get(row.userId);
    if (!modes) byUser.set(row.userId, (modes = new Map()));
    modes.set(cellKey(row.channel, row.type), row.mode);
  }
  return byUser;
}

/** How a member's notification of `type` goes out on each channel. */
export function modesFor(
  stored: StoredModes | undefined,
  type: NotificationType,
  critical: boolean,
): Record<Channel, DeliveryMode> {
  const result = {} as Record<Channel, DeliveryMode>;
  for (const channel of CHANNELS) {
    result[channel] = effectiveMode(channel, type, critical, stored?.get(cellKey(channel, type)));
  }
  return result;
}

/** The whole matrix for one member: every channel x type, stored or default. */
export async function preferencesOf(
  db: Queryable,
  workspaceId: string,
  userId: string,
): Promise<{ preferences: PreferenceCell[]; settings: NotificationSettings }> {
  const stored = (await storedModes(db, workspaceId, [userId])).get(userId);
  const preferences: PreferenceCell[] = [];
  for (const type of PREFERENCE_TYPES) {
    for (const channel of CHANNELS) {
      const mode = stored?.get(cellKey(channel, type));
      preferences.push({
        channel,
        type,
        mode: mode ?? DEFAULT_MODES[type][channel],
        isDefault: mode === undefined,
      });
    }
  }
  const { rows } = await db.query<NotificationSettings>(
    `select time_zone as "timeZone", digest_period as "digestPeriod", digest_hour as "digestHour"
     from notification_settings where workspace_id = $1::uuid and user_id = $2::uuid`,
    [workspaceId, userId],
  );
  return { preferences, settings: rows[0] ?? { ...DEFAULT_SETTINGS } };
}

export interface PreferenceChange {
  channel: string;
  type: string;
  mode: string;
}

/**
 * Checks a change and names what is wrong: `preferences[2].channel` for an unknown
 * channel, `settings.timeZone` for a zone Postgres does not know.
 */
export function checkPreferenceChanges(changes: PreferenceChange[], at = 'preferences'): void {
  changes.forEach((change, index) => {
    const where = `${at}[${index}]`;
    if (!(CHANNELS as readonly string[]).includes(change.channel)) {
      throw badRequest(
        'unknown_channel',
        `Unknown channel '${change.channel}' at ${where}.channel; use one of ${CHANNELS.join(', ')}`,
        [{ field: `${where}.channel`, message: `unknown channel '${change.channel}'` }],
      );
    }
    if (!(PREFERENCE_TYPES as readonly string[]).includes(change.type)) {
      throw badRequest(
        'unknown_notification_type',
        `Unknown notification type '${change.type}' at ${where}.type; use one of ${PREFERENCE_TYPES.join(', ')}`,
        [{ field: `${where}.type`, message: `unknown notification type '${change.type}'` }],
      );
    }
    if (!(DELIVERY_MODES as readonly string[]).includes(change.mode)) {
      throw badRequest(
        'unknown_delivery_mode',
        `Unknown mode '${change.mode}' at ${where}.mode; use one of ${DELIVERY_MODES.join(', ')}`,
        [{ field: `${where}.mode`, message: `unknown mode '${change.mode}'` }],
      );
    }
    if (change.channel === 'in_app' && change.mode === 'digest') {
      throw badRequest(
        'unknown_delivery_mode',
        `The console has no digest (${where}.mode); use immediate or off`,
        [{ field: `${where}.mode`, message: 'in_app is immediate or off' }],
      );
    }
  });
}

/** Whether Postgres knows the zone (the digests compute local hours with `at time zone`). */
export async function isKnownTimeZone(db: Queryable, timeZone: string): Promise<boolean> {
  const { rows } = await db.query(`select 1 from pg_timezone_names where name = $1::text`, [
    timeZone,
  ]);
  return rows.length > 0;
}

export async function checkSettings(
  db: Queryable,
  settings: Partial<NotificationSettings>,
): Promise<void> {
  if (settings.timeZone !== undefined && !(await isKnownTimeZone(db, settings.timeZone))) {
    throw badRequest(
      'unknown_time_zone',
      `Unknown time zone '${settings.timeZone}' (settings.timeZone); use an IANA name such as Europe/Paris`,
      [{ field: 'settings.timeZone', message: `unknown time zone '${settings.timeZone}'` }],
    );
  }
  if (
    settings.digestPeriod !== undefined &&
    !(DIGEST_PERIODS as readonly string[]).includes(settings.digestPeriod)
  ) {
    throw badRequest(
      'unknown_digest_period',
      `Unknown digest period '${String(settings.digestPeriod)}' (settings.digestPeriod); use daily or hourly`,
      [{ field: 'settings.digestPeriod', message: 'daily or hourly' }],
    );
  }
  if (
    settings.digestHour !== undefined &&
    (!Number.isInteger(settings.digestHour) || settings.digestHour < 0 || settings.digestHour > 23)
  ) {
    throw badRequest(
      'invalid_digest_hour',
      `The digest hour must be a whole hour from 0 to 23 (settings.digestHour), not ${String(settings.digestHour)}`,
      [{ field: 'settings.digestHour', message: 'a whole hour from 0 to 23' }],
    );
  }
}

/** Stores a member's choices (and digest settings); checks everything before writing. */
export async function updatePreferences(
  db: Queryable,
  workspaceId: string,
  userId: string,
  changes: PreferenceChange[],
  settings?: Partial<NotificationSettings>,
): Promise<void> {
  checkPreferenceChanges(changes);
  if (settings) await checkSettings(db, settings);
  // One statement cannot update a row twice: the last change to a cell wins.
  changes = [...new Map(changes.map((c) => [cellKey(c.channel, c.type), c])).values()];
  if (changes.length > 0) {
    await db.query(
      `insert into notification_preferences (workspace_id, user_id, channel, type, mode)
       select $1::uuid, $2::uuid, c.channel, c.type, c.mode
       from unnest($3::text[], $4::text[], $5::text[]) as c (channel, type, mode)
       on conflict (workspace_id, user_id, channel, type)
       do update set mode = excluded.mode, updated_at = now()`,
      [
        workspaceId,
        userId,
        changes.map((c) => c.channel),
        changes.map((c) => c.type),
        changes.map((c) => c.mode),
      ],
    );
  }
  if (settings && Object.keys(settings).length > 0) {
    await db.query(
      `insert into notification_settings (workspace_id, user_id, time_zone, digest_period, digest_hour)
       values ($1::uuid, $2::uuid, coalesce($3::text, 'UTC'), coalesce($4::text, 'daily'),
               coalesce($5::integer, 9))
       on conflict (workspace_id, user_id) do update set
         time_zone = coalesce($3::text, notification_settings.time_zone),
         digest_period = coalesce($4::text, notification_settings.digest_period),
         digest_hour = coalesce($5::integer, notification_settings.digest_hour),
         updated_at = now()`,
      [
        workspaceId,
        userId,
        settings.timeZone ?? null,
        settings.digestPeriod ?? null,
        settings.digestHour ?? null,
      ],
    );
  }
}
