import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Who may call the emulated HubSpot account: one private-app token, and OAuth access
 * tokens issued by `/oauth/v1/token` from authorization codes and refresh tokens.
 * Tests can revoke tokens, expire access tokens and take scopes away.
 */
export interface AccessToken {
  token: string;
  refreshToken: string;
  expiresAt: number;
  scopes: string[];
}

export interface RefreshToken {
  token: string;
  clientId: string;
  scopes: string[];
}

export interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  expiresAt: number;
}

export interface AuthSnapshot {
  accessTokens: AccessToken[];
  refreshTokens: RefreshToken[];
  revoked: string[];
  missingScopes: [string, string[]][];
}

export type Verdict =
  | { ok: true; token: string; kind: 'private_app' | 'oauth' }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'expired'; expiredMs: number };

/** HubSpot access tokens live 30 minutes; codes are good for a few minutes and once. */
export const ACCESS_TOKEN_TTL_S = 1800;
const CODE_TTL_MS = 5 * 60_000;

export class HubspotAuth {
  private accessTokens = new Map<string, AccessToken>();
  private refreshTokens = new Map<string, RefreshToken>();
  private codes = new Map<string, AuthCode>();
  private revoked = new Set<string>();
  /** Token -> scopes it lacks; '*' lacks every scope. */
  private missingScopes = new Map<string, Set<string>>();

  constructor(
    private readonly privateAppToken: string,
    private readonly accessTtlS: number,
  ) {}

  check(token: string | undefined, nowMs: number): Verdict {
    if (!token || this.revoked.has(token)) return { ok: false, reason: 'invalid' };
    if (token === this.privateAppToken) return { ok: true, token, kind: 'private_app' };
    const access = this.accessTokens.get(token);
    if (!access) return { ok: false, reason: 'invalid' };
    if (access.expiresAt <= nowMs) {
      return { ok: false, reason: 'expired', expiredMs: nowMs - access.expiresAt };
    }
    return { ok: true, token, kind: 'oauth' };
  }

  /** Whether a token lacks the scope a call needs. */
  lacks(token: string, scope: string): boolean {
    const missing = this.missingScopes.get(token);
    return missing !== undefined && (missing.has('*') || missing.has(scope));
  }

  setMissingScopes(token: string, scopes: string[]): void {
    if (scopes.length === 0) this.missingScopes.delete(token);
    else this.missingScopes.set(token, new Set(scopes));
  }

  issueCode(clientId: string, redirectUri: string, scopes: string[], nowMs: number): string {
    const code = randomUUID();
    this.codes.set(code, { code, clientId, redirectUri, scopes, expiresAt: nowMs + CODE_TTL_MS });
    return code;
  }

  /** Spends a code: valid once, for the client and redirect URI it was issued to. */
  takeCode(code: string, nowMs: number): AuthCode | undefined {
    const found = this.codes.get(code);
    this.codes.delete(code);
    return found && found.expiresAt > nowMs ? found : undefined;
  }

  grant(clientId: string, scopes: string[]): RefreshToken {
    const refresh: RefreshToken = { token: randomUUID(), clientId, scopes };
    this.refreshTokens.set(refresh.token, refresh);
    return refresh;
  }

  refreshToken(token: string): RefreshToken | undefined {
    return this.revoked.has(token) ? undefined : this.refreshTokens.get(token);
  }

  issueAccess(refresh: RefreshToken, nowMs: number): AccessToken {
    // HubSpot access tokens are opaque strings of about this shape.
    const token = `C${randomBytes(36).toString('base64url')}`;
    const access: AccessToken = {
      token,
      refreshToken: refresh.token,
      expiresAt: nowMs + this.accessTtlS * 1000,
      scopes: refresh.scopes,
    };
    this.accessTokens.set(token, access);
    return access;
  }

  accessInfo(token: string): AccessToken | undefined {
    return this.accessTokens.get(token);
  }

  get ttlSeconds(): number {
    return this.accessTtlS;
  }

  /** Revokes a token (a refresh token takes its access tokens with it), or every OAuth token. */
  revoke(token?: string): number {
    if (token === undefined) {
      const all = [...this.refreshTokens.keys(), ...this.accessTokens.keys()];
      for (const one of all) this.revoked.add(one);
      return all.length;
    }
    this.revoked.add(token);
    let count = 1;
    if (this.refreshTokens.has(token)) {
      for (const access of this.accessTokens.values()) {
        if (access.refreshToken === token) {
          this.revoked.add(access.token);
          count += 1;
        }
      }
    }
    return count;
  }

  /** Expires one access token, or all of them, as of now. */
  expire(nowMs: number, token?: string): number {
    let count = 0;
    for (const access of this.accessTokens.values()) {
      if (token !== undefined && access.token !== token) continue;
      if (access.expiresAt > nowMs) {
        access.expiresAt = nowMs - 1;
        count += 1;
      }
    }
    return count;
  }

  snapshot(): AuthSnapshot {
    return {
      accessTokens: [...this.accessTokens.values()].map((t) => ({ ...t })),
      refreshTokens: [...this.refreshTokens.values()].map((t) => ({ ...t })),
      revoked: [...this.revoked],
      missingScopes: [...this.missingScopes].map(([token, scopes]) => [token, [...scopes]]),
    };
  }

  restore(snapshot: AuthSnapshot | undefined): void {
    this.accessTokens = new Map((snapshot?.accessTokens ?? []).map((t) => [t.token, { ...t }]));
    this.refreshTokens = new Map((snapshot?.refreshTokens ?? []).map((t) => [t.token, { ...t }]));
    this.revoked = new Set(snapshot?.revoked ?? []);
    this.missingScopes = new Map(
      (snapshot?.missingScopes ?? []).map(([token, scopes]) => [token, new Set(scopes)]),
    );
    this.codes.clear();
  }
}
