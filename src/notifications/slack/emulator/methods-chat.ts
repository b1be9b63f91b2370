/**
 * Posting and changing messages (chat.postMessage, chat.update, chat.postEphemeral,
 * chat.delete) and modals (views.open, views.update), with the checks Slack makes
 * and the error codes it answers.
 */
import { createHash } from 'node:crypto';
import type { SlackEnv } from './env.js';
import { messageJson } from './serialize.js';
import {
  randomHex,
  slackId,
  type SlackChannel,
  type SlackInstall,
  type SlackMessage,
} from './store.js';
import { SlackApiError, type Args, type MethodSpec } from './web-api.js';

const BLOCK_TYPES = new Set([
  'actions',
  'context',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'rich_text',
  'section',
  'video',
  'markdown',
]);
const MAX_TEXT = 40_000;

/**
 * A channel argument as Slack reads it: a channel or DM id, a `#name`, or a user id
 * (posting to a person opens the DM between them and the bot).
 */
export function resolveChannel(env: SlackEnv, install: SlackInstall, value: string): SlackChannel {
  const { store } = env;
  const byId = store.channels.get(value);
  if (byId && byId.teamId === install.teamId) return byId;
  const user = store.users.get(value);
  if (user && user.teamId === install.teamId && /^[UW]/.test(value)) {
    if (user.deleted) throw new SlackApiError('user_disabled');
    return store.openIm(install.teamId, install.botUserId, user.id).channel;
  }
  const byName = store.channelByName(install.teamId, value);
  if (byName) return byName;
  throw new SlackApiError('channel_not_found');
}

/** Blocks as Slack checks them: a list of at most 50 known block types. */
export function readBlocks(args: Args, max = 50): unknown[] | null {
  const blocks = args.json('blocks', 'invalid_blocks_format');
  if (blocks === undefined) return null;
  if (!Array.isArray(blocks)) throw new SlackApiError('invalid_blocks_format');
  if (blocks.length > max) throw new SlackApiError('invalid_blocks');
  for (const block of blocks) {
    const type = (block as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !BLOCK_TYPES.has(type)) {
      throw new SlackApiError('invalid_blocks', {
        response_metadata: { messages: [`[ERROR] unsupported type: ${String(type)}`] },
      });
    }
  }
  // Slack gives every block without one a block_id, which interactions then carry.
  return blocks.map((block: Record<string, unknown>) =>
    typeof block.block_id === 'string' ? block : { ...block, block_id: randomHex(3) },
  );
}

function readMetadata(args: Args): SlackMessage['metadata'] {
  const metadata = args.json('metadata', 'invalid_metadata_format');
  if (metadata === undefined) return null;
  const { event_type: eventType, event_payload: payload } = (metadata ?? {}) as Record<
    string,
    unknown
  >;
  if (
    typeof eventType !== 'string' ||
    !eventType ||
    !payload ||
    typeof payload !== 'object' ||
    Array.isArray(payload)
  ) {
    throw new SlackApiError('invalid_metadata_format');
  }
  return { event_type: eventType, event_payload: payload as Record<string, unknown> };
}

function readText(args: Args, blocks: unknown[] | null): string {
  const text = args.str('text') ?? '';
  if (!text && !blocks && !args.has('attachments')) throw new SlackApiError('no_text');
  if (text.length > MAX_TEXT) throw new SlackApiError('msg_too_long');
  return text;
}

function writable(channel: SlackChannel): void {
  if (channel.isArchived) throw new SlackApiError('is_archived');
}

export function chatMethods(env: SlackEnv): Record<string, MethodSpec> {
  const { store } = env;
  return {
    'chat.postMessage': {
      tier: 'post',
      scopes: ['chat:write'],
      handle({ args, install }) {
        const channel = resolveChannel(
          env,
          install!,
          args.required('channel', 'channel_not_found'),
        );
        writable(channel);
        if (channel.isPrivate && !channel.isIm && !channel.members.has(install!.botUserId)) {
          throw new SlackApiError('not_in_channel');
        }
        const blocks = readBlocks(args);
        const text = readText(args, blocks);
        const threadTs = args.str('thread_ts') ?? null;
        if (threadTs && !store.message(channel.id, threadTs)) {
          throw new SlackApiError('thread_not_found');
        }
        const message = store.addMessage({
          channel: channel.id,
          teamId: install!.teamId,
          user: install!.botUserId,
          botId: install!.botId,
          appId: install!.appId,
          text,
          blocks,
          metadata: readMetadata(args),
          threadTs,
        });
        return { channel: channel.id, ts: message.ts, message: messageJson(message) };
      },
    },

    'chat.update': {
      tier: 3,
      scopes: ['chat:write'],
      handle({ args, install }) {
        const channel = resolveChannel(
          env,
          install!,
          args.required('channel', 'channel_not_found'),
        );
        const message = store.message(channel.id, args.required('ts', 'message_not_found'));
        if (!message) throw new SlackApiError('message_not_found');
        if (message.botId !== install!.botId) throw new SlackApiError('cant_update_message');
        writable(channel);
        const blocks = readBlocks(args);
        const text = args.str('text');
        if (text === undefined && blocks === null && !args.has('attachments')) {
          throw new SlackApiError('no_text');
        }
        if (text !== undefined && text.length > MAX_TEXT) throw new SlackApiError('msg_too_long');
        const metadata = readMetadata(args);
        message.history.push({
          text: message.text,
          blocks: message.blocks,
          at: env.now().toISOString(),
        });
        if (text !== undefined) message.text = text;
        // Slack keeps the blocks when only the text is sent, and drops them for `[]`.
        if (blocks !== null) message.blocks = blocks.length ? blocks : null;
        if (metadata) message.metadata = metadata;
        message.edited = { user: install!.botUserId, ts: store.nextTs() };
        return {
          channel: channel.id,
          ts: message.ts,
          text: message.text,
          message: messageJson(message),
        };
      },
    },

    'chat.delete': {
      tier: 3,
      scopes: ['chat:write'],
      handle({ args, install }) {
        const channel = resolveChannel(
          env,
          install!,
          args.required('channel', 'channel_not_found'),
        );
        const message = store.message(channel.id, args.required('ts', 'message_not_found'));
        if (!message) throw new SlackApiError('message_not_found');
        if (message.botId !== install!.botId) throw new SlackApiError('cant_delete_message');
        message.deleted = true;
        return { channel: channel.id, ts: message.ts };
      },
    },

    'chat.postEphemeral': {
      tier: 4,
      scopes: ['chat:write'],
      handle({ args, install }) {
        const channel = resolveChannel(
          env,
          install!,
          args.required('channel', 'channel_not_found'),
        );
        const userId = args.required('user', 'user_not_found');
        const user = store.users.get(userId);
        if (!user || user.teamId !== install!.teamId) throw new SlackApiError('user_not_found');
        if (!channel.members.has(userId)) throw new SlackApiError('user_not_in_channel');
        const blocks = readBlocks(args);
        const ephemeral = store.addEphemeral({
          channel: channel.id,
          user: userId,
          text: readText(args, blocks),
          blocks,
          via: 'chat.postEphemeral',
        });
        return { message_ts: ephemeral.ts };
      },
    },

    'views.open': {
      tier: 4,
      handle({ args, install }) {
        const triggerId = args.required('trigger_id', 'invalid_trigger_id');
        const trigger = env.triggers.get(triggerId);
        if (!trigger || trigger.teamId !== install!.teamId) {
          throw new SlackApiError('invalid_trigger_id');
        }
        if (trigger.used) throw new SlackApiError('exchanged_trigger_id');
        if (env.now().getTime() > trigger.expiresAt) throw new SlackApiError('expired_trigger_id');
        const view = readView(args);
        trigger.used = true;
        const stored = {
          id: slackId('V'),
          teamId: install!.teamId,
          user: trigger.user,
          view,
          hash: viewHash(view),
          status: 'open' as const,
          lastResponse: null,
        };
        store.views.set(stored.id, stored);
        return { view: viewJson(stored, install!) };
      },
    },

    'views.update': {
      tier: 4,
      handle({ args, install }) {
        const stored = store.views.get(args.required('view_id', 'not_found'));
        if (!stored || stored.teamId !== install!.teamId) throw new SlackApiError('not_found');
        const hash = args.str('hash');
        if (hash !== undefined && hash !== stored.hash) throw new SlackApiError('hash_conflict');
        stored.view = readView(args);
        stored.hash = viewHash(stored.view);
        return { view: viewJson(stored, install!) };
      },
    },
  };
}

/** A modal as views.open checks it: a title of at most 24 characters and up to 100 blocks. */
function readView(args: Args): Record<string, unknown> {
  const view = args.json('view', 'invalid_arguments') as Record<string, unknown> | undefined;
  const problems: string[] = [];
  if (!view || typeof view !== 'object') throw new SlackApiError('invalid_arguments');
  if (view.type !== 'modal') problems.push('[ERROR] must be `modal` [json-pointer:/view/type]');
  const title = (view.title as { text?: unknown } | undefined)?.text;
  if (typeof title !== 'string' || !title || title.length > 24) {
    problems.push('[ERROR] must be less than 25 characters [json-pointer:/view/title/text]');
  }
  if (!Array.isArray(view.blocks) || view.blocks.length > 100) {
    problems.push('[ERROR] must provide an array of up to 100 blocks [json-pointer:/view/blocks]');
  }
  if (problems.length) {
    throw new SlackApiError('invalid_arguments', { response_metadata: { messages: problems } });
  }
  return view;
}

function viewHash(view: Record<string, unknown>): string {
  const digest = createHash('sha1').update(JSON.stringify(view)).digest('hex').slice(0, 8);
  return `${Math.floor(Date.now() / 1000)}.${digest}`;
}

/** A view as views.open answers, with the input state empty. */
export function viewJson(
  stored: { id: string; teamId: string; view: Record<string, unknown>; hash: string },
  install: SlackInstall | { appId: string; botId: string },
  state: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: stored.id,
    team_id: stored.teamId,
    type: 'modal',
    callback_id: '',
    private_metadata: '',
    external_id: '',
    clear_on_close: false,
    notify_on_close: false,
    ...stored.view,
    state: { values: state },
    hash: stored.hash,
    root_view_id: stored.id,
    previous_view_id: null,
    app_id: install.appId,
    bot_id: install.botId,
  };
}
