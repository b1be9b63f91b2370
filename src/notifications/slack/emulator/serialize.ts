/**
 * The emulator's records in the shapes the Web API answers with (snake_case, Slack's
 * field names), and Slack's cursor paging.
 */
import { SlackApiError, type Args } from './web-api.js';
import type { SlackChannel, SlackMessage, SlackStore, SlackUser } from './store.js';

export function messageJson(
  message: SlackMessage,
  options: { metadata: boolean } = { metadata: true },
): Record<string, unknown> {
  return {
    type: 'message',
    user: message.user,
    ...(message.botId && { bot_id: message.botId, app_id: message.appId }),
    text: message.text,
    ts: message.ts,
    team: message.teamId,
    ...(message.blocks && { blocks: message.blocks }),
    ...(message.threadTs && { thread_ts: message.threadTs }),
    ...(message.edited && { edited: message.edited }),
    ...(options.metadata && message.metadata && { metadata: message.metadata }),
  };
}

export function channelJson(
  store: SlackStore,
  channel: SlackChannel,
  viewer: string | null,
): Record<string, unknown> {
  if (channel.isIm) {
    return {
      id: channel.id,
      created: channel.created,
      is_im: true,
      is_org_shared: false,
      user: channel.imUser,
      is_user_deleted: store.users.get(channel.imUser ?? '')?.deleted ?? false,
      priority: 0,
    };
  }
  return {
    id: channel.id,
    name: channel.name,
    name_normalized: channel.name,
    is_channel: !channel.isPrivate,
    is_group: channel.isPrivate,
    is_im: false,
    is_mpim: false,
    is_private: channel.isPrivate,
    is_archived: channel.isArchived,
    is_general: channel.name === 'general',
    is_shared: false,
    is_org_shared: false,
    is_member: viewer !== null && channel.members.has(viewer),
    created: channel.created,
    creator: '',
    context_team_id: channel.teamId,
    topic: { value: channel.topic, creator: '', last_set: 0 },
    purpose: { value: channel.purpose, creator: '', last_set: 0 },
    num_members: channel.members.size,
  };
}

/** A user as users.info answers; the email only with `users:read.email`. */
export function userJson(user: SlackUser, withEmail: boolean): Record<string, unknown> {
  const displayName = user.isBot ? user.realName : user.name;
  return {
    id: user.id,
    team_id: user.teamId,
    name: user.name,
    deleted: user.deleted,
    real_name: user.realName,
    tz: user.tz,
    is_admin: user.isAdmin,
    is_owner: user.isAdmin,
    is_bot: user.isBot,
    is_app_user: false,
    profile: {
      real_name: user.realName,
      display_name: displayName,
      ...(withEmail && user.email && { email: user.email }),
      image_48: `https://secure.gravatar.com/avatar/${user.id}.png?s=48`,
      team: user.teamId,
    },
  };
}

/**
 * One page of `items` by Slack's cursor (opaque base64; `next_cursor` empty on the
 * last page). `limit` defaults to `fallback` and is capped at `max`, as each method says.
 */
export function pageOf<T>(
  args: Args,
  items: readonly T[],
  limits: { fallback: number; max: number },
): { items: T[]; nextCursor: string } {
  const limit = Math.min(Math.max(args.int('limit', limits.fallback), 1), limits.max);
  let offset = 0;
  const cursor = args.str('cursor');
  if (cursor !== undefined) {
    const match = /^next:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
    if (!match) throw new SlackApiError('invalid_cursor');
    offset = Number(match[1]);
  }
  const slice = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? offset + limit : null;
  return {
    items: slice,
    nextCursor: next === null ? '' : Buffer.from(`next:${next}`).toString('base64'),
  };
}
