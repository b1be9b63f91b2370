import { AsyncLocalStorage } from 'node:async_hooks';
import {
  Connection,
  type Callback,
  type HttpRequest,
  type HttpRequestOptions,
  type TokenResponse,
} from 'jsforce';
import { Transport } from 'jsforce/lib/transport.js';
import { CrmError } from '../errors.js';
import { callWithRetry } from '../retry.js';
import { mapSalesforceError } from './errors.js';
import type {
  SalesforceConnectorOptions,
  SalesforceCredentials,
  SalesforceOAuthCredentials,
} from './types.js';

export const DEFAULT_VERSION = '62.0';
export const DEFAULT_TIMEOUT_MS = 30_000;

const consoleLog = {
  warn: (details: object, message: string) => console.warn(message, details),
};

/** The HTTP status of the last response a call got, for error mapping. */
const lastResponse = new AsyncLocalStorage<{ status?: number }>();

/**
 * jsforce's HTTP transport with our per-request timeout and without its own retry
 * loop: it retries GET/PUT/DELETE up to 5 times on 5xx and network errors (with up
 * to 8 s between tries), which would hide faults from `callWithRetry` and multiply
 * the calls the rate limiter counts. jsforce offers no connection option for either,
 * but its Connection and OAuth2 send every request through a replaceable transport.
 */
export class BoundedTransport extends Transport {
  constructor(private readonly timeoutMs: number) {
    super();
  }

  override httpRequest(request: HttpRequest, options: HttpRequestOptions = {}) {
    const promise = super.httpRequest(request, {
      ...options,
      timeout: this.timeoutMs,
      retry: { ...options.retry, maxRetries: 0, methods: [] },
    });
    const holder = lastResponse.getStore();
    if (holder) {
      promise.then(
        (response) => {
          holder.status = response.statusCode;
        },
        () => undefined,
      );
    }
    return promise;
  }
}

/** One jsforce connection with Pandora's retry loop, error mapping, usage reports and token refresh. */
export class SalesforceClient {
  readonly conn: Connection;
  readonly timeoutMs: number;
  private credentials: SalesforceCredentials;
  private refreshFailure: unknown;
  private reported = '';

  constructor(private readonly options: SalesforceConnectorOptions) {
    this.credentials = options.credentials;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const version = options.version ?? DEFAULT_VERSION;
    const credentials = options.credentials;
    if (credentials.kind === 'oauth') {
      this.conn = new Connection({
        instanceUrl: credentials.instanceUrl,
        accessToken: credentials.accessToken,
        refreshToken: credentials.refreshToken,
        version,
        loginUrl: credentials.loginUrl,
        oauth2: {
          clientId: credentials.clientId,
          clientSecret: credentials.clientSecret,
          loginUrl: credentials.loginUrl,
          redirectUri: credentials.redirectUri,
        },
        refreshFn: (conn, callback) => this.refreshSession(conn, callback),
      });
    } else {
      this.conn = new Connection({
        instanceUrl: credentials.instanceUrl,
        accessToken: credentials.accessToken,
        version,
      });
    }
    const transport = new BoundedTransport(this.timeoutMs);
    this.conn._transport = transport;
    this.conn.oauth2._transport = transport;
  }

  /** The instance URL and tokens in use now (they change when the session is refreshed). */
  currentCredentials(): SalesforceCredentials {
    return { ...this.credentials };
  }

  /**
   * jsforce calls this on a 401 (one refresh at a time; concurrent calls wait for
   * it). The refreshed credentials are stored through `onCredentials` before the
   * retried request goes out, so a token Salesforce rotated is never lost; if they
   * cannot be stored, the call fails rather than run on credentials nobody kept.
   */
  private refreshSession(conn: Connection, callback: Callback<string, TokenResponse>): void {
    const run = async (): Promise<TokenResponse> => {
      const current = this.credentials as SalesforceOAuthCredentials;
      const response = await conn.oauth2.refreshToken(conn.refreshToken ?? current.refreshToken);
      if (response.instance_url && response.instance_url !== current.instanceUrl) {
        await this.options.checkInstanceUrl?.(response.instance_url).catch((error: unknown) => {
          throw new CrmError(
            'permission',
            `Salesforce moved the org to an instance URL Pandora may not call: ${(error as Error).message}`,
            { crmCode: 'url_not_allowed', cause: error },
          );
        });
      }
      const next: SalesforceOAuthCredentials = {
        ...current,
        accessToken: response.access_token,
        instanceUrl: response.instance_url || current.instanceUrl,
        refreshToken: response.refresh_token || current.refreshToken,
      };
      conn.instanceUrl = next.instanceUrl;
      conn.refreshToken = next.refreshToken;
      this.credentials = next;
      try {
        await this.options.onCredentials?.(next);
      } catch (error) {
        throw new CrmError(
          'transient',
          `The Salesforce session was refreshed but the new credentials could not be saved: ${(error as Error).message}`,
          { cause: error },
        );
      }
      return response;
    };
    run().then(
      (response) => {
        this.refreshFailure = undefined;
        callback(null, response.access_token, response);
      },
      (error: unknown) => {
        this.refreshFailure = error;
        callback(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  /** Sends and backoff for a create whose answers keep getting lost (`createOnce`). */
  createRetry(): { attempts?: number; delayMs?: number } {
    return { attempts: this.options.retry?.attempts, delayMs: this.options.retry?.baseDelayMs };
  }

  /**
   * Runs one Salesforce call through the gate and the retry loop. `idempotent`
   * calls (reads, setting fields, deletes) are retried after transient failures;
   * `unsafe` ones (creates) only after a rate-limit refusal.
   */
  call<T>(mode: 'idempotent' | 'unsafe', fn: (conn: Connection) => Promise<T>): Promise<T> {
    return callWithRetry(
      async () => {
        const holder: { status?: number } = {};
        try {
          return await lastResponse.run(holder, () => fn(this.conn));
        } catch (error) {
          throw mapSalesforceError(error, {
            timeoutMs: this.timeoutMs,
            refreshFailure: this.refreshFailure,
            status: holder.status,
          });
        } finally {
          await this.reportUsage();
        }
      },
      { gate: this.options.gate, mode, ...this.options.retry },
    );
  }

  /** Passes on the usage Salesforce reported (`Sforce-Limit-Info`, which jsforce keeps in `limitInfo`). */
  private async reportUsage(): Promise<void> {
    const usage = this.conn.limitInfo?.apiUsage;
    if (!usage) return;
    const key = `${usage.used}/${usage.limit}`;
    if (key === this.reported) return;
    this.reported = key;
    try {
      await this.options.gate.reportUsage(usage.used, usage.limit);
      await this.options.onUsage?.({ used: usage.used, max: usage.limit });
    } catch (error) {
      // The call itself worked: failing it now would make callers redo a done write.
      (this.options.log ?? consoleLog).warn(
        { err: error, usage: key },
        'Could not record Salesforce API usage',
      );
    }
  }
}
