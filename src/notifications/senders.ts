/**
 * The channel senders the outbox delivers through. Each channel adds its one line
 * here; a channel without a sender (not configured in this process) is not in the
 * map, and its deliveries end `skipped` with that reason (src/notifications/outbox.ts).
 */
import type pg from 'pg';
import type { Logger } from 'pino';
import { loadConfig, type Config } from '../config.js';
import type { SecretKey } from '../tenancy/secrets.js';
import { createPushSender } from './push/sender.js';
import { createEmailSender } from './email/sender.js';
import { emailConfigured } from './email/smtp.js';
import { createSlackSender } from './slack/sender.js';
import type { ChannelSender, OutboxChannel } from './types.js';

export interface SenderDeps {
  pool: pg.Pool;
  /** Decrypts channel secrets (the Slack bot token). */
  secretKey: SecretKey;
  log: Logger;
  /** The process's configuration (public URL, data folder); channels read their env there. */
  config: Config;
  /** The environment, for channel variables not (yet) in Config (SMTP_URL, VAPID_*). */
  env: NodeJS.ProcessEnv;
}

export type Senders = Map<OutboxChannel, ChannelSender>;

/**
 * One factory per channel; a factory answers undefined when its channel is not
 * configured here (no SMTP server, say).
 */
const FACTORIES: Array<(deps: SenderDeps) => ChannelSender | undefined> = [
  // Channel engineers: add your factory here (createSlackSender, createEmailSender, ...).
  createPushSender,
  (deps) => (emailConfigured(deps.config) ? createEmailSender(deps) : undefined),
  createSlackSender,
];

export function createSenders(deps: SenderDeps): Senders {
  const senders: Senders = new Map();
  for (const factory of FACTORIES) {
    const sender = factory(deps);
    if (sender) senders.set(sender.channel, sender);
  }
  return senders;
}

const processSenders = new WeakMap<pg.Pool, Senders>();

/**
 * The senders of this process, made once per pool on first use by a job: channel
 * clients (an SMTP transport, say) are reused across deliveries.
 */
export function sendersForJobs(deps: Omit<SenderDeps, 'config' | 'env'>): Senders {
  let senders = processSenders.get(deps.pool);
  if (!senders) {
    senders = createSenders({ ...deps, config: loadConfig(process.env), env: process.env });
    processSenders.set(deps.pool, senders);
  }
  return senders;
}
