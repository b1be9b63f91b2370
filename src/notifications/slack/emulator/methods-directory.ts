/**
 * Who and where: auth.test / auth.revoke, conversations.* (list, history, info,
 * open, join) and users.* (lookupByEmail, info, list), with Slack's cursor paging
 * and the scope each needs.
 */
import type { SlackEnv } from './env.js';
import { resolveChannel } from './methods-chat.js';
import { channelJson, messageJson, pageOf, userJson } from './serialize.js';
import type { SlackChannel, SlackInstall } from './store.js';
import { requireScope, SlackApiError, type MethodSpec } from './web-api.js';

/** The scope reading a conversation of this kind needs (`channels:history`, ...). */
function historyScope(channel: SlackChannel): string {
  if (channel.isIm) return 'im:history';
  return channel.isPrivate ? 'groups:history' : 'channels:history';
}

const TYPE_SCOPES: Record<string, string> = {
  public_channel: 'channels:read',
  private_channel: 'groups:read',
  im: 'im:read',
  mpim: 'mpim:read',
};

function visibleTo(install: SlackInstall, channel: SlackChannel): boolean {
  // A bot sees public channels, and private ones and DMs it is in.
  return !channel.isPrivate || channel.members.has(install.botUserId);
}

export function directoryMethods(env: SlackEnv): Record<string, MethodSpec> {
  const { store } = env;
  return {
    'auth.test': {
      tier: 4,
      handle({ install, team }) {
        return {
          url: `https://${team!.domain}.slack.com/`,
          team: team!.name,
          user: store.users.get(install!.botUserId)?.name ?? 'pandora',
          team_id: team!.id,
          user_id: install!.botUserId,
          bot_id: install!.botId,
          is_enterprise_install: false,
        };
      },
    },

    'auth.revoke': {
      tier: 3,
      handle({ args, install }) {
        if (!args.bool('test')) install!.revoked = true;
        return { revoked: !args.bool('test') };
      },
    },

    'conversations.list': {
      tier: 2,
      handle({ args, install }) {
        const types = (args.str('types') ?? 'public_channel').split(',').map((t) => t.trim());
        for (const type of types) {
          if (!TYPE_SCOPES[type]) throw new SlackApiError('invalid_types');
          requireScope(install, [TYPE_SCOPES[type]]);
        }
        const excludeArchived = args.bool('exclude_archived');
        const channels = store.teamChannels(install!.teamId).filter((channel) => {
          const type = channel.isIm
            ? 'im'
            : channel.isPrivate
              ? 'private_channel'
              : 'public_channel';
          return (
            types.includes(type) &&
            visibleTo(install!, channel) &&
            !(excludeArchived && channel.isArchived)
          );
        });
        const page = pageOf(args, channels, { fallback: 100, max: 1000 });
        return {
          channels: page.items.map((channel) => channelJson(store, channel, install!.botUserId)),
          response_metadata: { next_cursor: page.nextCursor },
        };
      },
    },

    'conversations.info': {
      tier: 3,
      handle({ args, install }) {
        const channel = resolveChannel(
          env,
          install!,
          args.required('channel', 'channel_not_found'),
        );
        if (!visibleTo(install!, channel)) throw new SlackApiError('channel_not_found');
        requireScope(install, [
          channel.isIm ? 'im:read' : channel.isPrivate ? 'groups:read' : 'channels:read',
        ]);
        return { channel: channelJson(store, channel, install!.botUserId) };
      },
    },

    'conversations.history': {
      tier: 3,
      handle({ args, install }) {
        const id = args.required('channel', 'channel_not_found');
        const channel = store.channels.get(id);
        if (!channel || channel.teamId !== install!.teamId || !visibleTo(install!, channel)) {
          throw new SlackApiError('channel_not_found');
        }
        requireScope(install, [historyScope(channel)]);
        if (!channel.members.has(install!.botUserId)) throw new SlackApiError('not_in_channel');
        const inclusive = args.bool('inclusive');
        const oldest = args.str('oldest');
        const latest = args.str('latest');
        const inRange = (ts: string) =>
          (oldest === undefined || (inclusive ? ts >= oldest : ts > oldest)) &&
          (latest === undefined || (inclusive ? ts <= latest : ts < latest));
        // Replies live in their thread; the channel's history holds the parents.
        const messages = store
          .channelMessages(channel.id)
          .filter((m) => (!m.threadTs || m.threadTs === m.ts) && inRange(m.ts));
        const page = pageOf(args, messages, { fallback: 100, max: 999 });
        const metadata = args.bool('include_all_metadata');
        return {
          messages: page.items.map((message) => messageJson(message, { metadata })),
          has_more: page.nextCursor !== '',
          pin_count: 0,
          response_metadata: { next_cursor: page.nextCursor },
        };
      },
    },

    'conversations.open': {
      tier: 3,
      scopes: ['im:write'],
      handle({ args, install }) {
        const channelArg = args.str('channel');
        if (channelArg) {
          const channel = store.channels.get(channelArg);
          if (!channel || !channel.isIm || channel.teamId !== install!.teamId) {
            throw new SlackApiError('channel_not_found');
          }
          return { no_op: true, already_open: true, channel: { id: channel.id } };
        }
        const users = (args.str('users') ?? '').split(',').filter(Boolean);
        if (users.length === 0) throw new SlackApiError('users_list_not_supplied');
        if (users.length > 1) throw new SlackApiError('not_enough_users');
        const user = store.users.get(users[0]!);
        if (!user || user.teamId !== install!.teamId) throw new SlackApiError('user_not_found');
        if (user.deleted) throw new SlackApiError('user_disabled');
        const { channel, opened } = store.openIm(install!.teamId, install!.botUserId, user.id);
        return {
          ...(!opened && { no_op: true, already_open: true }),
          channel: args.bool('return_im')
            ? channelJson(store, channel, install!.botUserId)
            : { id: channel.id },
        };
      },
    },

    'conversations.join': {
      tier: 3,
      scopes: ['channels:join'],
      handle({ args, install }) {
        const channel = store.channels.get(args.required('channel', 'channel_not_found'));
        if (!channel || channel.teamId !== install!.teamId || channel.isIm) {
          throw new SlackApiError('channel_not_found');
        }
        if (channel.isPrivate) throw new SlackApiError('method_not_supported_for_channel_type');
        if (channel.isArchived) throw new SlackApiError('is_archived');
        channel.members.add(install!.botUserId);
        return { channel: channelJson(store, channel, install!.botUserId) };
      },
    },

    'users.lookupByEmail': {
      tier: 3,
      scopes: ['users:read.email'],
      handle({ args, install }) {
        const user = store.userByEmail(install!.teamId, args.required('email', 'users_not_found'));
        if (!user) throw new SlackApiError('users_not_found');
        return { user: userJson(user, true) };
      },
    },

    'users.info': {
      tier: 4,
      scopes: ['users:read'],
      handle({ args, install }) {
        const user = store.users.get(args.required('user', 'user_not_found'));
        if (!user || user.teamId !== install!.teamId) throw new SlackApiError('user_not_found');
        return { user: userJson(user, install!.scopes.includes('users:read.email')) };
      },
    },

    'users.list': {
      tier: 2,
      scopes: ['users:read'],
      handle({ args, install }) {
        const users = store.teamUsers(install!.teamId);
        const page = pageOf(args, users, { fallback: 200, max: 1000 });
        const withEmail = install!.scopes.includes('users:read.email');
        return {
          members: page.items.map((user) => userJson(user, withEmail)),
          cache_ts: Math.floor(env.now().getTime() / 1000),
          response_metadata: { next_cursor: page.nextCursor },
        };
      },
    },
  };
}
