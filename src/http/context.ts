import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { EventListener } from '../events/bus.js';
import type { OutboundPolicy } from '../net/outbound-url.js';
import type { Mailbox } from '../notifications/email/emulator/mailbox.js';
import type { SecretKey } from '../tenancy/secrets.js';

/** What the HTTP and GraphQL layers need from the running process. */
export interface AppContext {
  pool: pg.Pool;
  config: Config;
  secretKey: SecretKey;
  log: Logger;
  /** Live events from every process; absent in processes that serve no subscriptions. */
  events?: EventListener;
  /** The CRM emulator's URL when this process runs it (the demo's sandbox CRM). */
  sandboxUrl?: string;
  /** What the sandbox's SMTP server received, when this process runs it. */
  sandboxMailbox?: Mailbox;
  /**
   * The sandbox's Slack emulator and its OAuth app, when this process runs it: "Add to
   * Slack" and pasted tokens go there while no Slack app is configured.
   */
  slackSandbox?: { apiUrl: string; clientId: string; clientSecret: string };
  /** Where user-supplied CRM URLs may point; from the config when absent (tests inject a resolver). */
  outbound?: OutboundPolicy;
}
