import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { Client } from '@hubspot/api-client';
import { guardedLookup } from '../../net/outbound-url.js';
import { CrmError } from '../errors.js';
import type { CallBucket } from '../gate.js';
import { defaultCrmOutboundPolicy } from '../outbound.js';
import { callWithRetry } from '../retry.js';
import {
  HubspotHttpError,
  HubspotTimeoutError,
  mapHubspotError,
  type RawAnswer,
} from './errors.js';
import type {
  HubspotConnectorOptions,
  HubspotCredentials,
  HubspotOAuthCredentials,
} from './types.js';

export const DEFAULT_BASE_PATH = 'https://api.hubapi.com';
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Refresh an OAuth access token this long before HubSpot would refuse it. */
export const REFRESH_MARGIN_MS = 60_000;

/** What the SDK's response middleware saw of the last answer, per call. */
const lastAnswer = new AsyncLocalStorage<RawAnswer>();

interface SdkResponse {
  httpStatusCode: number;
  headers: Record<string, string>;
  body: { text(): Promise<string>; binary(): Promise<Buffer> };
}

/**
 * Keeps the raw answer of every call: the SDK parses error bodies into a model that
 * drops `policyName` (429) and `status` (OAuth errors), and hides response headers
 * on success (where HubSpot reports the daily quota). The body is read once and
 * handed back to the SDK unchanged.
 */
const captureAnswer = {
  pre: async <T>(context: T) => context,
  post: async (response: SdkResponse) => {
    const holder = lastAnswer.getStore();
    if (holder) {
      holder.status = response.httpStatusCode;
      holder.headers = response.headers;
      if (response.httpStatusCode >= 400) {
        const text = await response.body.text();
        holder.body = text;
        response.body = {
          text: async () => text,
          binary: async () => Buffer.from(text),
        };
      }
    }
    return response;
  },
};

/**
 * Per-call SDK options. In @hubspot/api-client 13 the generated APIs ignore the
 * configuration's middleware unless a call passes its own (their merge starts from
 * an empty list), so every call passes these, appending ours to the configured ones
 * (user agent, HTTP agent).
 */
const CALL_OPTIONS = { middleware: [captureAnswer], middlewareMergeStrategy: 'append' } as const;

/** The per-call options, typed as whichever generated API takes them. */
export function sdkOptions<T>(): T {
  return CALL_OPTIONS as unknown as T;
}

const agents = new Map<string, http.Agent>();

/**
 * A keep-alive agent whose sockets are destroyed when they hear nothing for
 * `timeoutMs`, so a request abandoned by our timeout does not hold a socket open
 * until the server gives up on it.
 */
function agentFor(basePath: string, timeoutMs: number): http.Agent {
  const secure = basePath.startsWith('https:');
  const key = `${secure}:${timeoutMs}`;
  let agent = agents.get(key);
  if (agent) return agent;
  // Real HubSpot is https: its sockets connect only to the public addresses the
  // outbound guard allows, whatever DNS answers after the URL was checked.
  agent = secure
    ? new https.Agent({
        keepAlive: true,
        timeout: timeoutMs,
        lookup: guardedLookup(defaultCrmOutboundPolicy().allowedHosts),
      })
    : new http.Agent({ keepAlive: true, timeout: timeoutMs });
  const create = agent.createConnection.bind(agent) as (...args: unknown[]) => Socket;
  (agent as unknown as { createConnection: (...args: unknown[]) => Socket }).createConnection = (
    ...args: unknown[]
  ) => {
    const socket = create(...args);
    socket.on('timeout', () => socket.destroy(new HubspotTimeoutError(timeoutMs)));
    return socket;
  };
  agents.set(key, agent);
  return agent;
}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new HubspotTimeoutError(timeoutMs)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createSdkClient(
  basePath: string,
  accessToken: string | undefined,
  timeoutMs: number,
) {
  // No limiter and no SDK retries: the gate and callWithRetry do both (DESIGN.md).
  return new Client({
    basePath,
    accessToken,
    numberOfApiCallRetries: 0,
    httpAgent: agentFor(basePath, timeoutMs),
  });
}

/** Runs one SDK call with the raw answer captured, the timeout applied and errors mapped. */
export async function sendOnce<T>(
  call: () => Promise<T>,
  timeoutMs: number,
): Promise<{ value: T; answer: RawAnswer }> {
  const answer: RawAnswer = {};
  try {
    const value = await lastAnswer.run(answer, () => withTimeout(call(), timeoutMs));
    return { value, answer };
  } catch (error) {
    throw mapHubspotError(error, answer);
  }
}

/**
 * One HubSpot account as the connector sees it: the SDK client with Pandora's retry
 * loop, timeout, error mapping, usage reports and OAuth token refresh.
 */
export class HubspotClient {
  readonly basePath: string;
  readonly timeoutMs: number;
  private sdk: Client;
  private credentials: HubspotCredentials;
  private refreshing: Promise<void> | undefined;
  private reported = '';
  private lastUsage: { used: number; max: number } | undefined;

  constructor(private readonly options: HubspotConnectorOptions) {
    this.basePath = (options.basePath ?? DEFAULT_BASE_PATH).replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.credentials = { ...options.credentials };
    this.sdk = createSdkClient(this.basePath, this.credentials.accessToken, this.timeoutMs);
  }

  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The daily quota HubSpot reported last (private apps), if it did. */
  usage(): { used: number; max: number } | undefined {
    return this.lastUsage;
  }

  /** Sends and backoff for a create whose answers keep getting lost (`createOnce`). */
  createRetry(): { attempts?: number; delayMs?: number } {
    return { attempts: this.options.retry?.attempts, delayMs: this.options.retry?.baseDelayMs };
  }

  currentCredentials(): HubspotCredentials {
    return { ...this.credentials };
  }

  /**
   * Runs one HubSpot call through the gate and the retry loop. `idempotent` calls
   * (reads, setting fields, archiving) are retried after transient failures;
   * `unsafe` ones (creates, notes, associations) only after a rate-limit refusal.
   * An OAuth token near its expiry is refreshed first; one HubSpot calls expired is
   * refreshed and the call sent again, once.
   */
  call<T>(
    mode: 'idempotent' | 'unsafe',
    fn: (sdk: Client) => Promise<T>,
    bucket?: CallBucket,
  ): Promise<T> {
    return callWithRetry(
      async () => {
        await this.refreshIfDue();
        try {
          return await this.send(fn);
        } catch (error) {
          if (
            !(error instanceof CrmError) ||
            error.crmCode !== 'EXPIRED_AUTHENTICATION' ||
            this.credentials.kind !== 'oauth'
          ) {
            throw error;
          }
          await this.refresh();
          await this.options.gate.acquire(bucket);
          return this.send(fn);
        }
      },
      { gate: this.options.gate, mode, bucket, ...this.options.retry },
    );
  }

  /** A GET outside the generated APIs (account info), with the same mapping. */
  getJson<T>(path: string): Promise<T> {
    return this.call('idempotent', async (sdk) => {
      const response = await sdk.apiRequest({ method: 'GET', path });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const holder = lastAnswer.getStore();
      if (holder) Object.assign(holder, { status: response.status, headers });
      const text = await response.text();
      if (!response.ok) {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // Not JSON: keep the text.
        }
        throw new HubspotHttpError(response.status, body, headers);
      }
      return JSON.parse(text) as T;
    });
  }

  private async send<T>(fn: (sdk: Client) => Promise<T>): Promise<T> {
    const { value, answer } = await sendOnce(() => fn(this.sdk), this.timeoutMs);
    await this.reportUsage(answer.headers);
    return value;
  }

  private async refreshIfDue(): Promise<void> {
    const credentials = this.credentials;
    if (credentials.kind !== 'oauth') return;
    const expiresAt = Date.parse(credentials.expiresAt);
    if (Number.isNaN(expiresAt) || expiresAt - this.now().getTime() <= REFRESH_MARGIN_MS) {
      await this.refresh();
    }
  }

  /** One refresh at a time; calls that need it meanwhile wait for it. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const current = this.credentials as HubspotOAuthCredentials;
    const issuedAt = this.now().getTime();
    const token = await refreshHubspotToken(current, this.basePath, this.timeoutMs);
    const next: HubspotOAuthCredentials = {
      ...current,
      accessToken: token.accessToken,
      refreshToken: token.refreshToken || current.refreshToken,
      expiresAt: new Date(issuedAt + token.expiresIn * 1000).toISOString(),
    };
    this.credentials = next;
    this.sdk.setAccessToken(next.accessToken);
    try {
      await this.options.onCredentials?.(next);
    } catch (error) {
      throw new CrmError(
        'transient',
        `The HubSpot token was refreshed but the new credentials could not be saved: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  /** Passes on the daily quota HubSpot reports to private apps. */
  private async reportUsage(headers: Record<string, string> | undefined): Promise<void> {
    const max = Number(headers?.['x-hubspot-ratelimit-daily']);
    const remaining = Number(headers?.['x-hubspot-ratelimit-daily-remaining']);
    if (!Number.isFinite(max) || !Number.isFinite(remaining) || max <= 0) return;
    const key = `${max - remaining}/${max}`;
    if (key === this.reported) return;
    this.reported = key;
    this.lastUsage = { used: max - remaining, max };
    try {
      await this.options.gate.reportUsage(max - remaining, max);
    } catch {
      // The call itself worked: failing it now would make callers redo a done write.
    }
  }
}

/** Trades a refresh token for a new access token (`POST /oauth/v1/token`). */
export async function refreshHubspotToken(
  credentials: HubspotOAuthCredentials,
  basePath: string,
  timeoutMs: number,
): Promise<{ accessToken: string; refreshToken: string; expiresIn: number }> {
  const sdk = createSdkClient(basePath, undefined, timeoutMs);
  const { value } = await sendOnce(
    () =>
      sdk.oauth.tokensApi.create(
        'refresh_token',
        undefined,
        undefined,
        credentials.clientId,
        credentials.clientSecret,
        credentials.refreshToken,
        sdkOptions(),
      ),
    timeoutMs,
  );
  return value;
}
