import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from 'pino';
import { createSlackEmulator, type SlackEmulator } from './slack/emulator/index.js';

export interface NotificationEmulatorsOptions {
  /** For emulators that point sandbox rows at where they listen (Slack needs none). */
  pool?: pg.Pool;
  host: string;
  /** Slack's port; the next emulators take the following ones; 0 for free ports. */
  port: number;
  /** The people of the sandbox's Slack team (the demo workspace's members), by email. */
  users: Array<{ email: string; name: string }>;
  /** Pandora's interaction endpoint and signing secret, when known at start. */
  slack?: { requestUrl?: string; signingSecret?: string };
  log: Logger;
}

export interface RunningNotificationEmulators {
  slack: SlackEmulator;
  /** The emulated Slack's base URL: its page at `/`, the Web API at `${slackUrl}/api/`. */
  slackUrl: string;
  stop(): Promise<void>;
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
  const stop = async () => {
    for (const server of started.reverse()) {
      await server
        .close()
        .catch((error: unknown) =>
          options.log.warn({ err: error }, `${server.name} emulator close`),
        );
    }
  };
  /** The port of the emulator `offset` places after Slack's (0 stays 0: free ports). */
  const portAt = (offset: number) => (options.port === 0 ? 0 : options.port + offset);
  try {
    const slack = await createSlackEmulator({ users: options.users, ...options.slack });
    started.push({
      name: 'Slack',
      close: async () => {
        slack.app.server.closeAllConnections();
        await slack.close();
      },
    });
    const slackUrl = await slack.listen(portAt(0), options.host);
    options.log.info(
      { url: slackUrl, users: options.users.length },
      'Slack emulator (sandbox) started',
    );
    return { slack, slackUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
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
