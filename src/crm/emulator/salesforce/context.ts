import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../server.js';
import type { AccessToken, AuthState } from './auth.js';
import { SfApiError, notFoundResource } from './errors.js';
import type { SalesforceSchema } from './schema.js';
import type { ChildQuery, Column } from './soql-execute.js';
import { makeId, type SalesforceStore, type SfRecord } from './store.js';
import type { LockSet, WriteContext } from './writes.js';

export interface SalesforceEmulatorOptions {
  /** A bearer token that always works, for scripts and the demo; null for none. */
  accessToken?: string | null;
  /** The connected app's credentials the token endpoint checks. */
  clientId?: string;
  clientSecret?: string;
  /** Session lifetime (Salesforce's default session timeout is 2 hours). */
  sessionTtlMs?: number;
  /** Records per query page (Salesforce: 2,000, or less when asked). */
  queryBatchSize?: number;
}

export const DEFAULT_ACCESS_TOKEN = '00D-emulator-salesforce-token';
export const DEFAULT_CLIENT_ID = 'pandora-emulator-client';
export const DEFAULT_CLIENT_SECRET = 'pandora-emulator-secret';

/** What a user may do through the API: everything, read only, or nothing. */
export type ApiAccess = 'full' | 'read' | 'none';

/** Daily API requests counted the way `Sforce-Limit-Info` reports them. */
export class UsageCounter {
  private day = '';
  private used = 0;

  count(now: Date): void {
    this.roll(now);
    this.used += 1;
  }

  current(now: Date): number {
    this.roll(now);
    return this.used;
  }

  reset(): void {
    this.used = 0;
  }

  private roll(now: Date): void {
    const day = now.toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.used = 0;
    }
  }
}

interface Cursor {
  type: string;
  columns: Column[];
  children: ChildQuery[];
  records: SfRecord[];
  batchSize: number;
  lastUsed: number;
}

/** Query locators expire after 15 idle minutes, and an org keeps a bounded number open. */
const CURSOR_IDLE_MS = 15 * 60_000;
const MAX_CURSORS = 500;

export class CursorStore {
  private cursors = new Map<string, Cursor>();
  private sequence = 0;

  open(cursor: Omit<Cursor, 'lastUsed'>, nowMs: number): string {
    this.sequence += 1;
    const id = makeId('01g', this.sequence);
    this.cursors.set(id, { ...cursor, lastUsed: nowMs });
    if (this.cursors.size > MAX_CURSORS) this.cursors.delete(this.cursors.keys().next().value!);
    return id;
  }

  take(id: string, nowMs: number): Cursor | undefined {
    const cursor = this.cursors.get(id);
    if (!cursor || cursor.lastUsed + CURSOR_IDLE_MS <= nowMs) {
      this.cursors.delete(id);
      return undefined;
    }
    cursor.lastUsed = nowMs;
    return cursor;
  }

  close(id: string): void {
    this.cursors.delete(id);
  }
}

/** Everything the Salesforce routes share. */
export interface SalesforceEnv {
  store: SalesforceStore;
  schema: SalesforceSchema;
  auth: AuthState;
  locks: LockSet;
  usage: UsageCounter;
  cursors: CursorStore;
  access: Map<string, ApiAccess>;
  options: Required<SalesforceEmulatorOptions>;
  /** The core's context; only there once the emulator is registered. */
  ctx(): EmulatorContext;
}

const sessions = new WeakMap<FastifyRequest, AccessToken>();

export function setSession(request: FastifyRequest, session: AccessToken): void {
  sessions.set(request, session);
}

export function sessionOf(request: FastifyRequest): AccessToken {
  const session = sessions.get(request);
  if (!session) throw new SfApiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
  return session;
}

export function dailyMax(env: SalesforceEnv): number {
  return env.ctx().settings.limits.salesforce.daily ?? 5_000_000;
}

export function limitHeader(env: SalesforceEnv): string {
  return `api-usage=${env.usage.current(env.ctx().now())}/${dailyMax(env)}`;
}

export function setLimitHeader(env: SalesforceEnv, reply: FastifyReply): void {
  reply.header('Sforce-Limit-Info', limitHeader(env));
}

/** The API version of a `/services/data/vXX.X/...` request; 404 outside v50.0-v62.0. */
export function versionOf(request: FastifyRequest): string {
  const version = (request.params as { version?: string }).version ?? '';
  const match = /^v(\d+)\.0$/.exec(version);
  const major = match ? Number(match[1]) : 0;
  if (major < 50 || major > 62) throw notFoundResource();
  return version;
}

export function writeContext(env: SalesforceEnv, request: FastifyRequest): WriteContext {
  const session = sessionOf(request);
  return {
    store: env.store,
    locks: env.locks,
    now: env.ctx().now().toISOString(),
    userId: session.userId,
    readOnly: (env.access.get(session.userId) ?? 'full') !== 'full',
  };
}
