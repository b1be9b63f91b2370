import { randomBytes } from 'node:crypto';

export interface AccessToken {
  token: string;
  userId: string;
  /** The refresh token it was issued from; null for the fixed script token. */
  refreshToken: string | null;
  /** Epoch ms; null never expires. */
  expiresAt: number | null;
}

export interface RefreshGrant {
  token: string;
  userId: string;
  clientId: string;
}

interface AuthCode {
  clientId: string;
  redirectUri: string;
  userId: string;
  expiresAt: number;
}

export interface AuthSnapshot {
  apiUserId: string;
  access: AccessToken[];
  refresh: RefreshGrant[];
}

export interface AuthOptions {
  /** A token that always works for `apiUserId` (scripts, the demo); null for none. */
  fixedToken: string | null;
  sessionTtlMs: number;
}

/** Authorization codes live this long, as Salesforce's do (15 minutes). */
const CODE_TTL_MS = 15 * 60_000;

/**
 * Sessions and OAuth grants. Access tokens look like Salesforce's
 * (`<org id>!<random>`) and expire after the session timeout; refresh tokens live
 * until revoked. Revoking a refresh token revokes the sessions issued from it.
 */
export class AuthState {
  apiUserId = '';
  private access = new Map<string, AccessToken>();
  private refresh = new Map<string, RefreshGrant>();
  private codes = new Map<string, AuthCode>();

  constructor(
    private readonly options: AuthOptions,
    private readonly orgId: () => string,
  ) {}

  /** Sets the user the fixed token acts as, and (re)issues the fixed token. */
  setApiUser(userId: string): void {
    this.apiUserId = userId;
    if (this.options.fixedToken) {
      this.access.set(this.options.fixedToken, {
        token: this.options.fixedToken,
        userId,
        refreshToken: null,
        expiresAt: null,
      });
    }
  }

  private newToken(): string {
    return `${this.orgId().slice(0, 15)}!${randomBytes(48).toString('base64url')}`;
  }

  issueAccess(userId: string, refreshToken: string | null, nowMs: number): AccessToken {
    const access: AccessToken = {
      token: this.newToken(),
      userId,
      refreshToken,
      expiresAt: nowMs + this.options.sessionTtlMs,
    };
    this.access.set(access.token, access);
    return access;
  }

  grant(userId: string, clientId: string): RefreshGrant {
    const grant = { token: `5Aep${randomBytes(40).toString('base64url')}`, userId, clientId };
    this.refresh.set(grant.token, grant);
    return grant;
  }

  refreshGrant(token: string): RefreshGrant | undefined {
    return this.refresh.get(token);
  }

  /** The live session for a bearer token, or undefined when unknown, expired or revoked. */
  validate(token: string, nowMs: number): AccessToken | undefined {
    const access = this.access.get(token);
    if (!access) return undefined;
    if (access.expiresAt !== null && access.expiresAt <= nowMs) return undefined;
    return access;
  }

  createCode(clientId: string, redirectUri: string, userId: string, nowMs: number): string {
    const code = `aPrx${randomBytes(32).toString('base64url')}`;
    this.codes.set(code, { clientId, redirectUri, userId, expiresAt: nowMs + CODE_TTL_MS });
    return code;
  }

  /** Spends an authorization code: each works once. */
  takeCode(code: string, nowMs: number): AuthCode | undefined {
    const entry = this.codes.get(code);
    this.codes.delete(code);
    return entry && entry.expiresAt > nowMs ? entry : undefined;
  }

  /**
   * Revokes one token (refresh or access) or, without one, every refresh token and
   * every session issued from one. The fixed token is only revoked by name.
   */
  revoke(token?: string): number {
    if (token === undefined) {
      const count = this.refresh.size;
      this.refresh.clear();
      for (const [key, access] of this.access) if (access.refreshToken) this.access.delete(key);
      return count;
    }
    if (this.refresh.delete(token)) {
      for (const [key, access] of this.access)
        if (access.refreshToken === token) this.access.delete(key);
      return 1;
    }
    return this.access.delete(token) ? 1 : 0;
  }

  /** Ends sessions now (one, or every one but the fixed token); refresh tokens keep working. */
  expire(nowMs: number, token?: string): number {
    let count = 0;
    for (const access of this.access.values()) {
      const named = token !== undefined && access.token === token;
      const swept = token === undefined && access.token !== this.options.fixedToken;
      if (named || swept) {
        access.expiresAt = nowMs;
        count += 1;
      }
    }
    return count;
  }

  snapshot(): AuthSnapshot {
    return {
      apiUserId: this.apiUserId,
      access: [...this.access.values()].map((a) => ({ ...a })),
      refresh: [...this.refresh.values()].map((r) => ({ ...r })),
    };
  }

  restore(snapshot: AuthSnapshot | undefined, apiUserId: string): void {
    this.access.clear();
    this.refresh.clear();
    this.codes.clear();
    for (const access of snapshot?.access ?? []) this.access.set(access.token, { ...access });
    for (const grant of snapshot?.refresh ?? []) this.refresh.set(grant.token, { ...grant });
    this.setApiUser(snapshot?.apiUserId ?? apiUserId);
  }
}
