import path from 'node:path';
import type { Logger } from 'pino';
import { announceSandboxSmtp, withdrawSandboxSmtp } from '../smtp.js';
import { Mailbox } from './mailbox.js';
import { createSmtpEmulator, type SmtpEmulator } from './server.js';

export interface RunningSmtpSandbox {
  emulator: SmtpEmulator;
  mailbox: Mailbox;
  /** `smtp://host:port` */
  url: string;
  /** Stops taking mail, saves the mailbox, and tells senders the server is gone. */
  stop(): Promise<void>;
}

/**
 * The sandbox's SMTP server in `pandora start`: where notification email goes when no
 * SMTP_URL is set. Its mailbox is saved in the data folder on stop, so the console's
 * mailbox still shows yesterday's mail after a restart.
 */
export async function startSmtpSandbox(options: {
  host: string;
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  log: Logger;
}): Promise<RunningSmtpSandbox> {
  const mailbox = new Mailbox({ file: path.join(options.dataDir, 'sandbox', 'mailbox.json') });
  const emulator = createSmtpEmulator({ mailbox });
  const url = await emulator.listen(options.port, options.host);
  await announceSandboxSmtp(options.dataDir, url);
  options.log.info({ url, messages: mailbox.size }, 'SMTP server (sandbox) started');
  return {
    emulator,
    mailbox,
    url,
    async stop() {
      await withdrawSandboxSmtp(options.dataDir).catch(() => undefined);
      await emulator.close();
      mailbox.save();
    },
  };
}
