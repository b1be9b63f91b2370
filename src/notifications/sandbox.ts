import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import type { Logger } from 'pino';
import { startSmtpSandbox, type RunningSmtpSandbox } from './email/emulator/sandbox.js';
import { startPushSandbox, type RunningPushSandbox } from './push/emulator/sandbox.js';
import { createSlackEmulator, type SlackEmulator } from './slack/emulator/index.js';
import type { SlackSnapshot } from './slack/emulator/store.js';

export interface NotificationEmulatorsOptions {
  /** For emulators that point sandbox rows at where they listen (Slack needs none). */
  pool?: pg.Pool;
  host: string;
  /** Slack's port; the next emulators take the following ones; 0 for free ports. */
  port: number;
  /** The people of the sandbox's Slack team (the demo workspace's members), by email. */
  users: Array<{ email: string; name: string }>;
  /**
   * Where the emulators keep their state across restarts (`<dataDir>/sandbox/...`);
   * none kept without it. Slack keeps its installs (the tokens Pandora stored), people,
   * channels and messages, so the cards Pandora posted can still be updated. The SMTP
   * server keeps its mailbox there and says where it listens; no SMTP server without it.
   */
  dataDir?: string;
  /** Pandora's interaction endpoint and signing secret, when known at start. */
  slack?: { requestUrl?: string; signingSecret?: string };
  log: Logger;
}

export interface RunningNotificationEmulators {
  slack: SlackEmulator;
  /** The emulated Slack's base URL: its page at `/`, the Web API at `${slackUrl}/api/`. */
  slackUrl: string;
  /** The SMTP server notification email goes to when SMTP_URL is unset (Slack's port + 2). */
  smtp?: RunningSmtpSandbox;
  /** The push service browsers' subscriptions point at in the sandbox (Slack's port + 1). */
  push: RunningPushSandbox;
  /** Stops every emulator, then saves their state. */
  stop(): Promise<void>;
  /** Saves their state now, synchronously (a forced exit has no time for more). */
  saveNow(): void;
}

interface Started {
  name: string;
  close(): Promise<void>;
}

/**
 * The channels notifications go out on, emulated for the sandbox beside the CRM
 * emulator: Slack on `port` (the email and push emulators take the next ports, each
 * added here as one more `start` step). A failed start stops what had started.
 */
export async function startNotificationEmulators(
  options: NotificationEmulatorsOptions,
): Promise<RunningNotificationEmulators> {
  const started: Started[] = [];
  const saves: Array<() => void> = [];
  const saveNow = () => {
    for (const save of saves) save();
  };
  const stop = async () => {
    for (const server of started.reverse()) {
      await server
        .close()
        .catch((error: unknown) =>
          options.log.warn({ err: error }, `${server.name} emulator close`),
        );
    }
    saveNow();
  };
  /** The port of the emulator `offset` places after Slack's (0 stays 0: free ports). */
  const portAt = (offset: number) => (options.port === 0 ? 0 : options.port + offset);
  try {
    const slackFile = options.dataDir && path.join(options.dataDir, 'sandbox', 'slack.json');
    const snapshot = slackFile
      ? await readFile(slackFile, 'utf8').then(
          (text) => JSON.parse(text) as SlackSnapshot,
          () => undefined,
        )
      : undefined;
    const slack = await createSlackEmulator({ users: options.users, snapshot, ...options.slack });
    if (slackFile) saves.push(() => writeAtomically(slackFile, slack.store.snapshot()));
    started.push({
      name: 'Slack',
      close: async () => {
        slack.app.server.closeAllConnections();
        await slack.close();
      },
    });
    const slackUrl = await slack.listen(portAt(0), options.host);
    options.log.info(
      { url: slackUrl, users: options.users.length, restored: Boolean(snapshot) },
      'Slack emulator (sandbox) started',
    );
    const push = await startPushSandbox({ host: options.host, port: portAt(1), log: options.log });
    started.push({ name: 'push', close: push.stop });
    let smtp: RunningSmtpSandbox | undefined;
    if (options.dataDir) {
      smtp = await startSmtpSandbox({
        host: options.host,
        port: portAt(2),
        dataDir: options.dataDir,
        log: options.log,
      });
      const mailbox = smtp.mailbox;
      started.push({ name: 'SMTP', close: smtp.stop });
      saves.push(() => mailbox.save());
    }
    return { slack, slackUrl, smtp, push, stop, saveNow };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Write then rename, so a crash mid-write never leaves half a file behind. */
function writeAtomically(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(value));
  renameSync(`${file}.tmp`, file);
}

/**
 * Points the sandbox's Slack at this Pandora once it listens: clicks and modal
 * submissions go to `${pandoraUrl}/api/slack/interactions`, signed with the app's
 * signing secret. With no SLACK_SIGNING_SECRET one is made for this run and set on
 * `config`, which the interaction endpoint reads at request time.
 */
export function connectSandboxSlack(
  emulators: RunningNotificationEmulators,
  config: { slackSigningSecret: string | undefined },
  pandoraUrl: string,
): void {
  config.slackSigningSecret ??= randomBytes(24).toString('hex');
  emulators.slack.setInteractivity({
    requestUrl: `${pandoraUrl}/api/slack/interactions`,
    signingSecret: config.slackSigningSecret,
  });
}
