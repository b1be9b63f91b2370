import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One message as the sandbox's SMTP server received and parsed it. */
export interface MailboxMessage {
  id: string;
  receivedAt: string;
  /** The SMTP envelope: who really sent it and to whom, whatever the headers say. */
  envelopeFrom: string;
  envelopeTo: string[];
  from: string;
  to: string[];
  subject: string;
  messageId: string | null;
  /** The workspace Pandora sent it for (its `X-Pandora-Workspace` header), if any. */
  workspaceId: string | null;
  text: string;
  html: string | null;
}

/** How many messages the sandbox keeps: a demo's worth, never a memory leak. */
export const MAILBOX_LIMIT = 500;

/**
 * What reached the sandbox's SMTP server, newest last, bounded (the oldest go first).
 * It de-duplicates nothing: a message sent twice is here twice, as in a real inbox,
 * which is what lets a test see a duplicate send.
 */
export class Mailbox {
  private messages: MailboxMessage[] = [];

  constructor(private readonly options: { limit?: number; file?: string } = {}) {
    if (options.file) this.load(options.file);
  }

  add(message: Omit<MailboxMessage, 'id' | 'receivedAt'>): MailboxMessage {
    const stored: MailboxMessage = {
      id: randomUUID(),
      receivedAt: new Date().toISOString(),
      ...message,
    };
    this.messages.push(stored);
    const limit = this.options.limit ?? MAILBOX_LIMIT;
    if (this.messages.length > limit) this.messages.splice(0, this.messages.length - limit);
    return stored;
  }

  /**
   * Newest first; only those addressed to `recipient` (any case) and only those sent
   * for `workspaceId`, when given.
   */
  list(filter: { recipient?: string; workspaceId?: string } = {}): MailboxMessage[] {
    const wanted = filter.recipient?.toLowerCase();
    return this.messages
      .filter(
        (message) =>
          (filter.workspaceId === undefined || message.workspaceId === filter.workspaceId) &&
          (wanted === undefined ||
            message.envelopeTo.some((address) => address.toLowerCase() === wanted)),
      )
      .reverse();
  }

  get size(): number {
    return this.messages.length;
  }

  clear(): void {
    this.messages = [];
  }

  /** Writes the mailbox to its file (write then rename: never half a file). */
  save(): void {
    const file = this.options.file;
    if (!file) return;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify({ version: 1, messages: this.messages }));
    renameSync(`${file}.tmp`, file);
  }

  private load(file: string): void {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { messages?: MailboxMessage[] };
      if (Array.isArray(saved.messages)) this.messages = saved.messages;
    } catch {
      // No file yet, or one we cannot read: start empty rather than refuse to start.
    }
  }
}
