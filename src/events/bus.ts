import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Queryable } from '../db/pool.js';

/** Something that happened in a workspace, for live consumers (GraphQL subscriptions). */
export interface WorkspaceEvent {
  workspaceId: string;
  type: string;
  payload: Record<string, unknown>;
  at: string;
}

const CHANNEL = 'pandora_events';
// NOTIFY payloads are capped at 8000 bytes; events carry ids and counts, never records.
const MAX_PAYLOAD_BYTES = 7_900;

/**
 * Publishes an event to every Pandora process through Postgres NOTIFY. Inside a
 * transaction it is delivered only if the transaction commits, so consumers never
 * hear about data they cannot read.
 */
export async function publishEvent(
  db: Queryable,
  event: Omit<WorkspaceEvent, 'at'> & { at?: string },
): Promise<void> {
  const message = JSON.stringify({ ...event, at: event.at ?? new Date().toISOString() });
  if (Buffer.byteLength(message) > MAX_PAYLOAD_BYTES) {
    throw new Error(`Event ${event.type} is too large for NOTIFY (${message.length} bytes)`);
  }
  await db.query('select pg_notify($1::text, $2::text)', [CHANNEL, message]);
}

/**
 * One LISTEN connection per process, fanning events out to in-process subscribers.
 * Reconnects with backoff when the connection drops.
 */
export class EventListener {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | undefined;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<void> {
    await this.connect();
  }

  /** Calls `listener` for every event of `workspaceId`; returns the unsubscribe function. */
  subscribe(workspaceId: string, listener: (event: WorkspaceEvent) => void): () => void {
    this.emitter.on(workspaceId, listener);
    return () => this.emitter.off(workspaceId, listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.emitter.removeAllListeners();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(attempt = 0): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => this.dispatch(message.payload));
    client.on('error', (error) => {
      this.onError(error);
      this.scheduleReconnect(0);
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      this.client = client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (attempt === 0 && !this.client) throw error;
      this.onError(error);
      this.scheduleReconnect(attempt + 1);
    }
  }

  private scheduleReconnect(attempt: number): void {
    if (this.closed) return;
    const old = this.client;
    this.client = undefined;
    void old?.end().catch(() => undefined);
    const delay = Math.min(30_000, 500 * 2 ** attempt);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(Math.max(attempt, 1)), delay);
  }

  private dispatch(payload: string | undefined): void {
    if (!payload) return;
    try {
      const event = JSON.parse(payload) as WorkspaceEvent;
      this.emitter.emit(event.workspaceId, event);
    } catch (error) {
      this.onError(error);
    }
  }
}
