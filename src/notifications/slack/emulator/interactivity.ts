/**
 * What Slack sends the app when a person acts: a `block_actions` payload for a button
 * click and a `view_submission` for a submitted modal, POSTed to the app's
 * Interactivity Request URL as `payload=<json>`, signed with the signing secret
 * (`X-Slack-Signature: v0=hex(HMAC-SHA256("v0:{ts}:{body}"))`). An app that does not
 * answer 200 within 3 seconds gets the same payload again, up to three times, with
 * `X-Slack-Retry-Num` and `X-Slack-Retry-Reason`.
 */
import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { newResponseUrl, newTrigger, type SlackEnv } from './env.js';
import { messageJson } from './serialize.js';
import { EMULATOR_APP_ID, type SlackInstall, type SlackUser } from './store.js';

/** The deprecated verification token Slack still puts in payloads. */
export const EMULATOR_VERIFICATION_TOKEN = 'emulator-verification-token';

export interface SignOptions {
  /** Send no signature at all. */
  omit?: boolean;
  /** Sign with this secret instead of the configured one (a wrong signature). */
  secret?: string;
  /** Date the request this many seconds back (a replayed or stale request). */
  ageSeconds?: number;
}

export interface InteractionAttempt {
  retryNum: number;
  retryReason: string | null;
  /** Null when no answer came (timeout, refused connection). */
  status: number | null;
  error: string | null;
  ms: number;
  /** What the app answered (a view_submission's response_action lives here). */
  body: string;
}

export interface InteractionRecord {
  id: number;
  type: 'block_actions' | 'view_submission';
  payload: Record<string, unknown>;
  /** The exact form body sent, for replaying it. */
  body: string;
  attempts: InteractionAttempt[];
  /** Whether some attempt got a 200. */
  acknowledged: boolean;
  /** Settles when the first attempt is answered (or timed out). */
  first: Promise<void>;
  /** Settles when the last attempt is done. */
  done: Promise<void>;
  at: string;
}

export class InteractionFailure extends Error {
  constructor(
    readonly code: string,
    readonly statusCode = 400,
  ) {
    super(code);
  }
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Interactions {
  readonly records: InteractionRecord[] = [];
  private nextId = 1;

  constructor(private readonly env: SlackEnv) {}

  /** Sends `payload` with Slack's retries; `retries: false` sends it once. */
  deliver(
    type: InteractionRecord['type'],
    payload: Record<string, unknown>,
    options: { sign?: SignOptions; retries?: boolean } = {},
  ): InteractionRecord {
    const url = this.env.app.requestUrl;
    if (!url) throw new InteractionFailure('no_request_url', 409);
    const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const record: InteractionRecord = {
      id: this.nextId++,
      type,
      payload,
      body,
      attempts: [],
      acknowledged: false,
      first: Promise.resolve(),
      done: Promise.resolve(),
      at: this.env.now().toISOString(),
    };
    this.records.push(record);
    if (this.records.length > 10_000) this.records.shift();
    let firstSettled = () => {};
    record.first = new Promise<void>((resolve) => (firstSettled = resolve));
    record.done = (async () => {
      const delays = options.retries === false ? [] : this.env.settings.retryDelaysMs;
      let reason: string | null = null;
      for (let retryNum = 0; retryNum <= delays.length; retryNum += 1) {
        if (retryNum > 0) await sleep(delays[retryNum - 1]!);
        const attempt = await this.send(url, body, { retryNum, reason, sign: options.sign });
        record.attempts.push(attempt);
        firstSettled();
        if (attempt.status === 200) {
          record.acknowledged = true;
          return;
        }
        reason =
          attempt.status === null && attempt.error === 'timeout'
            ? 'http_timeout'
            : attempt.status === null
              ? 'connection_failed'
              : 'http_error';
      }
    })();
    return record;
  }

  /** Sends a recorded interaction's body again as Slack's retry number `retryNum`. */
  async resend(id: number, retryNum = 1, reason = 'http_timeout'): Promise<InteractionAttempt> {
    const record = this.records.find((candidate) => candidate.id === id);
    if (!record) throw new InteractionFailure('interaction_not_found', 404);
    const url = this.env.app.requestUrl;
    if (!url) throw new InteractionFailure('no_request_url', 409);
    const attempt = await this.send(url, record.body, { retryNum, reason });
    record.attempts.push(attempt);
    if (attempt.status === 200) record.acknowledged = true;
    return attempt;
  }

  private async send(
    url: string,
    body: string,
    options: { retryNum: number; reason: string | null; sign?: SignOptions },
  ): Promise<InteractionAttempt> {
    const timestamp = Math.floor(this.env.now().getTime() / 1000) - (options.sign?.ageSeconds ?? 0);
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'x-slack-request-timestamp': String(timestamp),
    };
    if (!options.sign?.omit) {
      headers['x-slack-signature'] = signature(
        options.sign?.secret ?? this.env.app.signingSecret,
        timestamp,
        body,
      );
    }
    if (options.retryNum > 0) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = options.reason ?? 'http_timeout';
    }
    const started = performance.now();
    const base = {
      retryNum: options.retryNum,
      retryReason: options.retryNum > 0 ? headers['x-slack-retry-reason']! : null,
    };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.env.settings.interactionTimeoutMs),
      });
      const text = await response.text();
      return {
        ...base,
        status: response.status,
        error: null,
        ms: performance.now() - started,
        body: text,
      };
    } catch (error) {
      const name = (error as { name?: string }).name;
      return {
        ...base,
        status: null,
        error:
          name === 'TimeoutError' || name === 'AbortError'
            ? 'timeout'
            : String((error as Error).message),
        ms: performance.now() - started,
        body: '',
      };
    }
  }
}

/** A user argument of a control: an id or an email in the team. */
export function findUser(env: SlackEnv, teamId: string | null, who: string): SlackUser {
  const lower = who.toLowerCase();
  const user = [...env.store.users.values()].find(
    (candidate) =>
      (teamId === null || candidate.teamId === teamId) &&
      (candidate.id === who || candidate.email === lower),
  );
  if (!user) throw new InteractionFailure('user_not_found', 404);
  return user;
}

export function installFor(env: SlackEnv, teamId: string): SlackInstall {
  const install = [...env.store.installs.values()].find((i) => i.teamId === teamId && !i.revoked);
  if (!install) throw new InteractionFailure('app_not_installed', 409);
  return install;
}

export function interactionUser(user: SlackUser) {
  return { id: user.id, username: user.name, name: user.name, team_id: user.teamId };
}

interface Element {
  type?: string;
  action_id?: string;
  value?: string;
  text?: unknown;
  style?: string;
  url?: string;
}

/** The interactive element with `actionId` in a message's blocks, and its block's id. */
function findElement(
  blocks: unknown[] | null,
  actionId: string,
): { element: Element; blockId: string } | undefined {
  for (const block of (blocks ?? []) as Array<{
    type?: string;
    block_id?: string;
    elements?: Element[];
    accessory?: Element;
  }>) {
    const candidates =
      block.type === 'actions' ? (block.elements ?? []) : block.accessory ? [block.accessory] : [];
    const element = candidates.find((candidate) => candidate.action_id === actionId);
    if (element) return { element, blockId: block.block_id ?? '' };
  }
  return undefined;
}

export interface ClickInput {
  /** The person clicking: a user id or email. */
  user: string;
  actionId: string;
  /** The message: channel and ts; the newest message with the action when absent. */
  channel?: string;
  ts?: string;
  sign?: SignOptions;
  retries?: boolean;
}

/** A person clicks a button on a message: Pandora gets the signed block_actions payload. */
export function click(
  env: SlackEnv,
  interactions: Interactions,
  input: ClickInput,
): InteractionRecord {
  const candidates = env.store.messages.filter(
    (message) =>
      !message.deleted &&
      (!input.channel || message.channel === input.channel) &&
      (!input.ts || message.ts === input.ts) &&
      findElement(message.blocks, input.actionId),
  );
  const message = candidates.at(-1);
  if (!message) throw new InteractionFailure('message_not_found', 404);
  const { element, blockId } = findElement(message.blocks, input.actionId)!;
  const channel = env.store.channels.get(message.channel)!;
  const user = findUser(env, message.teamId, input.user);
  if (!channel.members.has(user.id)) throw new InteractionFailure('user_not_in_channel');
  const team = env.store.teams.get(message.teamId)!;
  const trigger = newTrigger(env, team.id, user.id);
  const actionTs = env.store.nextTs();
  const payload = {
    type: 'block_actions',
    user: interactionUser(user),
    api_app_id: EMULATOR_APP_ID,
    token: EMULATOR_VERIFICATION_TOKEN,
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: channel.id,
      is_ephemeral: false,
    },
    trigger_id: trigger.id,
    team: { id: team.id, domain: team.domain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel.id, name: channel.isIm ? 'directmessage' : channel.name },
    message: messageJson(message),
    state: { values: {} },
    response_url: newResponseUrl(env, {
      teamId: team.id,
      channel: channel.id,
      messageTs: message.ts,
      user: user.id,
    }),
    actions: [
      {
        action_id: input.actionId,
        block_id: blockId,
        text: element.text,
        ...(element.value !== undefined && { value: element.value }),
        ...(element.style && { style: element.style }),
        type: element.type ?? 'button',
        action_ts: actionTs,
      },
    ],
  };
  return interactions.deliver('block_actions', payload, {
    sign: input.sign,
    retries: input.retries,
  });
}
