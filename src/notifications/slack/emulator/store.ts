/**
 * What the emulated Slack holds: teams (workspaces), their members, channels and
 * DMs, messages, ephemeral messages, the app's installs (tokens) and open modals.
 * Slack's ids keep their shapes (T..., U..., C..., D..., V...; message `ts` is
 * seconds.micro, unique per channel), because Pandora stores and compares them.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface SlackTeam {
  id: string;
  name: string;
  domain: string;
}

export interface SlackUser {
  id: string;
  teamId: string;
  name: string;
  realName: string;
  email: string | null;
  isBot: boolean;
  isAdmin: boolean;
  deleted: boolean;
  tz: string;
}

export interface SlackChannel {
  id: string;
  teamId: string;
  /** Empty for a DM. */
  name: string;
  isIm: boolean;
  isPrivate: boolean;
  isArchived: boolean;
  /** For a DM, the person on the other side of the bot. */
  imUser: string | null;
  members: Set<string>;
  topic: string;
  purpose: string;
  created: number;
}

export interface SlackMessage {
  /** Order of creation across the emulator, for controls that read what came after a mark. */
  seq: number;
  ts: string;
  channel: string;
  teamId: string;
  user: string;
  botId: string | null;
  appId: string | null;
  text: string;
  blocks: unknown[] | null;
  metadata: { event_type: string; event_payload: Record<string, unknown> } | null;
  threadTs: string | null;
  edited: { user: string; ts: string } | null;
  /** Every version before the current one, oldest first, for tests that check an update. */
  history: Array<{ text: string; blocks: unknown[] | null; at: string }>;
  deleted: boolean;
}

export interface SlackEphemeral {
  seq: number;
  /** Ephemeral messages have a ts of their own but are never in history. */
  ts: string;
  channel: string;
  user: string;
  text: string;
  blocks: unknown[] | null;
  /** How it came: `chat.postEphemeral` or a `response_url` post. */
  via: 'chat.postEphemeral' | 'response_url';
}

export interface SlackInstall {
  token: string;
  teamId: string;
  botUserId: string;
  botId: string;
  appId: string;
  scopes: string[];
  authedUserId: string | null;
  revoked: boolean;
}

export interface SlackView {
  id: string;
  teamId: string;
  /** Who the modal is shown to. */
  user: string;
  view: Record<string, unknown>;
  hash: string;
  status: 'open' | 'closed';
  /** What the last submission was told back (`response_action`, errors), if any. */
  lastResponse: unknown;
}

export const EMULATOR_APP_ID = 'A0EMUPANDORA';
/** Pandora's bot token in the sandbox team, as if an admin had installed the app. */
export const SLACK_EMULATOR_BOT_TOKEN = 'xoxb-0000000001-emulator-pandora-bot';
/** Everything a bot token can be given that Pandora may ask for. */
export const ALL_BOT_SCOPES = [
  'chat:write',
  'chat:write.public',
  'channels:read',
  'channels:history',
  'channels:join',
  'groups:read',
  'groups:history',
  'im:read',
  'im:write',
  'im:history',
  'users:read',
  'users:read.email',
];

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function slackId(prefix: string, length = 10): string {
  const bytes = randomBytes(length);
  let id = prefix;
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

/**
 * An id derived from what it names (a person's email in a team, a channel's name), so
 * a sandbox started afresh gives the same people and channels the same ids and the
 * links Pandora cached (slack_user_links, the alerts channel) stay right.
 */
export function stableId(prefix: string, seed: string, length = 10): string {
  const digest = createHash('sha256').update(seed).digest();
  let id = prefix;
  for (let i = 0; i < length; i += 1) id += ID_ALPHABET[digest[i]! % ID_ALPHABET.length];
  return id;
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

export class SlackStore {
  readonly teams = new Map<string, SlackTeam>();
  readonly users = new Map<string, SlackUser>();
  readonly channels = new Map<string, SlackChannel>();
  readonly messages: SlackMessage[] = [];
  readonly ephemerals: SlackEphemeral[] = [];
  readonly installs = new Map<string, SlackInstall>();
  readonly views = new Map<string, SlackView>();
  private seq = 0;
  private lastTsMicros = 0;

  constructor(private readonly now: () => Date) {}

  /** The next `seq` shared by messages and ephemerals. */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** A message ts: the clock in microseconds, strictly increasing across the emulator. */
  nextTs(): string {
    const micros = Math.max(this.now().getTime() * 1000, this.lastTsMicros + 1);
    this.lastTsMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  createTeam(name: string, id = slackId('T')): SlackTeam {
    const domain =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'team';
    const team = { id, name, domain };
    this.teams.set(id, team);
    return team;
  }

  addUser(
    teamId: string,
    input: { email?: string | null; name: string; isBot?: boolean; isAdmin?: boolean; id?: string },
  ): SlackUser {
    const existing = input.email ? this.userByEmail(teamId, input.email) : undefined;
    if (existing) return existing;
    const handle = (input.email?.split('@')[0] ?? input.name).toLowerCase().replace(/\W+/g, '.');
    const user: SlackUser = {
      id:
        input.id ??
        stableId(
          'U',
          `${teamId}:${input.email?.toLowerCase() ?? (input.isBot ? 'bot' : input.name)}`,
        ),
      teamId,
      name: handle,
      realName: input.name,
      email: input.email ? input.email.toLowerCase() : null,
      isBot: input.isBot ?? false,
      isAdmin: input.isAdmin ?? false,
      deleted: false,
      tz: 'America/New_York',
    };
    this.users.set(user.id, user);
    // Everyone is in the team's public channels, as in a small workspace.
    for (const channel of this.channels.values()) {
      if (channel.teamId === teamId && !channel.isIm && !channel.isPrivate) {
        channel.members.add(user.id);
      }
    }
    return user;
  }

  userByEmail(teamId: string, email: string): SlackUser | undefined {
    const wanted = email.toLowerCase();
    for (const user of this.users.values()) {
      if (user.teamId === teamId && user.email === wanted && !user.deleted) return user;
    }
    return undefined;
  }

  teamUsers(teamId: string): SlackUser[] {
    return [...this.users.values()].filter((user) => user.teamId === teamId);
  }

  addChannel(
    teamId: string,
    input: { name: string; isPrivate?: boolean; topic?: string; purpose?: string },
  ): SlackChannel {
    const channel: SlackChannel = {
      id: stableId(input.isPrivate ? 'G' : 'C', `${teamId}:#${input.name}`),
      teamId,
      name: input.name,
      isIm: false,
      isPrivate: input.isPrivate ?? false,
      isArchived: false,
      imUser: null,
      members: new Set(
        input.isPrivate
          ? []
          : this.teamUsers(teamId)
              .filter((user) => !user.deleted)
              .map((user) => user.id),
      ),
      topic: input.topic ?? '',
      purpose: input.purpose ?? '',
      created: Math.floor(this.now().getTime() / 1000),
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  channelByName(teamId: string, name: string): SlackChannel | undefined {
    const wanted = name.replace(/^#/, '');
    for (const channel of this.channels.values()) {
      if (channel.teamId === teamId && !channel.isIm && channel.name === wanted) return channel;
    }
    return undefined;
  }

  /** The DM between the team's bot and `userId`, opened when it does not exist yet. */
  openIm(
    teamId: string,
    botUserId: string,
    userId: string,
  ): { channel: SlackChannel; opened: boolean } {
    for (const channel of this.channels.values()) {
      if (channel.isIm && channel.teamId === teamId && channel.imUser === userId) {
        return { channel, opened: false };
      }
    }
    const channel: SlackChannel = {
      id: stableId('D', `${teamId}:dm:${userId}`),
      teamId,
      name: '',
      isIm: true,
      isPrivate: true,
      isArchived: false,
      imUser: userId,
      members: new Set([botUserId, userId]),
      topic: '',
      purpose: '',
      created: Math.floor(this.now().getTime() / 1000),
    };
    this.channels.set(channel.id, channel);
    return { channel, opened: true };
  }

  teamChannels(teamId: string): SlackChannel[] {
    return [...this.channels.values()].filter((channel) => channel.teamId === teamId);
  }

  addMessage(
    input: Omit<SlackMessage, 'seq' | 'ts' | 'edited' | 'history' | 'deleted'>,
  ): SlackMessage {
    const message: SlackMessage = {
      ...input,
      seq: this.nextSeq(),
      ts: this.nextTs(),
      edited: null,
      history: [],
      deleted: false,
    };
    this.messages.push(message);
    return message;
  }

  message(channel: string, ts: string): SlackMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts && !m.deleted);
  }

  /** A channel's messages, newest first, as conversations.history lists them. */
  channelMessages(channel: string): SlackMessage[] {
    return this.messages.filter((m) => m.channel === channel && !m.deleted).reverse();
  }

  addEphemeral(input: Omit<SlackEphemeral, 'seq' | 'ts'>): SlackEphemeral {
    const ephemeral = { ...input, seq: this.nextSeq(), ts: this.nextTs() };
    this.ephemerals.push(ephemeral);
    return ephemeral;
  }

  /** Installs the app into a team: a bot user the first time, a new token every time. */
  install(
    teamId: string,
    input: { scopes: string[]; authedUserId?: string | null; token?: string },
  ): SlackInstall {
    const previous = [...this.installs.values()].find((i) => i.teamId === teamId);
    const botUserId =
      previous?.botUserId ?? this.addUser(teamId, { name: 'Pandora', isBot: true }).id;
    const install: SlackInstall = {
      token: input.token ?? `xoxb-${Date.now()}-${randomHex(12)}`,
      teamId,
      botUserId,
      botId: previous?.botId ?? stableId('B', `${teamId}:bot`),
      appId: EMULATOR_APP_ID,
      scopes: [...new Set(input.scopes)],
      authedUserId: input.authedUserId ?? null,
      revoked: false,
    };
    this.installs.set(install.token, install);
    return install;
  }

  /** What a sandbox keeps across restarts: everything but modals and ephemeral messages. */
  snapshot(): SlackSnapshot {
    return {
      version: 1,
      teams: [...this.teams.values()],
      users: [...this.users.values()],
      channels: [...this.channels.values()].map((c) => ({ ...c, members: [...c.members] })),
      messages: this.messages.slice(-SNAPSHOT_MESSAGES),
      installs: [...this.installs.values()],
    };
  }

  /** Replaces everything with a snapshot's contents. */
  restore(snapshot: SlackSnapshot): void {
    for (const map of [this.teams, this.users, this.channels, this.installs, this.views]) {
      map.clear();
    }
    this.messages.length = 0;
    this.ephemerals.length = 0;
    for (const team of snapshot.teams) this.teams.set(team.id, team);
    for (const user of snapshot.users) this.users.set(user.id, user);
    for (const channel of snapshot.channels) {
      this.channels.set(channel.id, { ...channel, members: new Set(channel.members) });
    }
    for (const install of snapshot.installs) this.installs.set(install.token, install);
    this.messages.push(...snapshot.messages);
    this.seq = Math.max(0, ...snapshot.messages.map((m) => m.seq));
    for (const message of snapshot.messages) {
      const [seconds = '0', micros = '0'] = message.ts.split('.');
      this.lastTsMicros = Math.max(this.lastTsMicros, Number(seconds) * 1_000_000 + Number(micros));
    }
  }
}

/** The newest messages a snapshot keeps. */
const SNAPSHOT_MESSAGES = 5_000;

export interface SlackSnapshot {
  version: 1;
  teams: SlackTeam[];
  users: SlackUser[];
  channels: Array<Omit<SlackChannel, 'members'> & { members: string[] }>;
  messages: SlackMessage[];
  installs: SlackInstall[];
}
