import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.js';

type SmtpConfig = Pick<Config, 'smtpUrl' | 'sandbox' | 'dataDir'>;

/**
 * Whether email is a channel at all: an SMTP server was configured, or the sandbox
 * runs its own. Without either, recording a notification makes no email delivery.
 */
export function emailConfigured(config: Pick<Config, 'smtpUrl' | 'sandbox'>): boolean {
  return Boolean(config.smtpUrl) || config.sandbox;
}

/**
 * Where the sandbox's SMTP server says it listens. A file in the data folder rather
 * than memory, because a worker started on its own (`pandora worker`) sends the mail
 * while the server process runs the sandbox.
 */
export function sandboxSmtpFile(dataDir: string): string {
  return path.join(dataDir, 'sandbox', 'smtp.json');
}

export async function announceSandboxSmtp(dataDir: string, url: string): Promise<void> {
  const file = sandboxSmtpFile(dataDir);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ url }));
}

export async function withdrawSandboxSmtp(dataDir: string): Promise<void> {
  await rm(sandboxSmtpFile(dataDir), { force: true });
}

/**
 * The SMTP server to send through now: SMTP_URL, else the sandbox's while it runs.
 * Read at each send, so a sandbox that started after the worker is found.
 */
export function currentSmtpUrl(config: SmtpConfig): string | undefined {
  if (config.smtpUrl) return config.smtpUrl;
  if (!config.sandbox) return undefined;
  try {
    const saved = JSON.parse(readFileSync(sandboxSmtpFile(config.dataDir), 'utf8')) as {
      url?: unknown;
    };
    return typeof saved.url === 'string' ? saved.url : undefined;
  } catch {
    return undefined;
  }
}
