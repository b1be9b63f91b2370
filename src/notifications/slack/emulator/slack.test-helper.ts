import { WebClient } from '@slack/web-api';
import { afterAll } from 'vitest';
import { createSlackEmulator, type SlackEmulator, type SlackEmulatorOptions } from './emulator.js';
import type { ClickInput, InteractionRecord } from './interactivity.js';
import type { SubmitInput } from './submit-view.js';
import type { SlackChannel, SlackMessage, SlackUser } from './store.js';

export const SLACK_TEST_USERS = [
  { email: 'ada.admin@example.com', name: 'Ada Admin' },
  { email: 'rex.rep@example.com', name: 'Rex Rep' },
  { email: 'mia.manager@example.com', name: 'Mia Manager' },
];

export interface SlackTestEmulator {
  emulator: SlackEmulator;
  /** The emulator's base URL (its page at `/`, controls at `/_emulator`). */
  url: string;
  /** `slackApiUrl` for a WebClient: `${url}/api/`. */
  apiUrl: string;
  /** The team's bot token (installed with every scope Pandora may ask for). */
  botToken: string;
  teamId: string;
  /** A WebClient on the emulator that does not retry, so a test sees each answer. */
  client(token?: string): WebClient;
  user(email: string): SlackUser;
  channel(name: string): SlackChannel;
  /** Messages posted after `afterSeq` (all when absent), oldest first, optionally in one channel. */
  messages(filter?: { channel?: string; afterSeq?: number }): SlackMessage[];
  /** The DM between the bot and the person with this email (its messages, oldest first). */
  dmWith(email: string): SlackMessage[];
  /** Marks now; the function lists messages posted since. */
  mark(): () => SlackMessage[];
  /** Clicks a button and waits until Pandora acknowledged it (or every retry failed). */
  click(input: ClickInput): Promise<InteractionRecord>;
  submitView(input: SubmitInput): Promise<InteractionRecord>;
  /** Points interactions at Pandora (`${pandoraUrl}/api/slack/interactions`). */
  setInteractivity(requestUrl: string, signingSecret?: string): void;
  close(): Promise<void>;
}

/**
 * A Slack emulator on a free port for a test file, closed after it: one team with
 * `users` (three sample people by default, the first an admin), #general,
 * #revops-alerts and #sales, and the bot installed. Rate limit tiers are off unless
 * `settings.rateLimits` is set (inject a `rate_limit` fault to test a 429), and
 * interaction retries come after 0.2 s and 0.4 s.
 */
export async function startSlackEmulatorForTest(
  options: SlackEmulatorOptions = {},
): Promise<SlackTestEmulator> {
  const emulator = await createSlackEmulator({
    users: SLACK_TEST_USERS,
    ...options,
    settings: { rateLimits: false, retryDelaysMs: [0, 200, 400], ...options.settings },
  });
  const url = await emulator.listen(0);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    emulator.app.server.closeAllConnections();
    await emulator.close();
  };
  afterAll(close);
  const { store } = emulator;
  const messages = (filter: { channel?: string; afterSeq?: number } = {}) =>
    store.messages.filter(
      (m) =>
        !m.deleted &&
        m.seq > (filter.afterSeq ?? 0) &&
        (!filter.channel || m.channel === filter.channel),
    );
  const user = (email: string) => {
    const found = store.userByEmail(emulator.team.id, email);
    if (!found) throw new Error(`no Slack user ${email} in the emulator`);
    return found;
  };
  return {
    emulator,
    url,
    apiUrl: emulator.apiUrl(),
    botToken: emulator.botToken ?? '',
    teamId: emulator.team.id,
    client: (token = emulator.botToken ?? '') =>
      new WebClient(token, {
        slackApiUrl: emulator.apiUrl(),
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
      }),
    user,
    channel(name) {
      const found = store.channelByName(emulator.team.id, name);
      if (!found) throw new Error(`no channel #${name} in the emulator`);
      return found;
    },
    messages,
    dmWith(email) {
      const id = user(email).id;
      const dm = [...store.channels.values()].find((c) => c.isIm && c.imUser === id);
      return dm ? messages({ channel: dm.id }) : [];
    },
    mark() {
      const after = store.lastSeq;
      return () => messages({ afterSeq: after });
    },
    async click(input) {
      const record = emulator.click(input);
      await record.done;
      return record;
    },
    async submitView(input) {
      const record = emulator.submitView(input);
      await record.done;
      return record;
    },
    setInteractivity: (requestUrl, signingSecret) =>
      emulator.setInteractivity({ requestUrl, signingSecret }),
    close,
  };
}
