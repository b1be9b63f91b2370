import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { SecretKey } from '../../tenancy/secrets.js';

/** How long a link in an email opens its item: long enough for a holiday inbox. */
export const LINK_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** What a signed link carries; every field is covered by the MAC. */
export interface LinkClaims {
  workspaceId: string;
  /** A console path inside the workspace (`/inbox/<id>`). */
  link: string;
  /** The member the email went to. */
  recipientUserId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export type LinkCheck =
  { ok: true; claims: LinkClaims } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * A key of its own for links, derived from the instance secret: a MAC made for links
 * can never be mistaken for anything else the secret protects.
 */
function linkKey(secretKey: SecretKey): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'pandora email links v1', 32));
}

function mac(secretKey: SecretKey, body: string): Buffer {
  return createHmac('sha256', linkKey(secretKey)).update(body).digest();
}

/** A console path of ours: absolute, not protocol-relative, nothing that leaves the site. */
export function isConsolePath(link: string): boolean {
  return /^\/(?![/\\])[^\s]*$/.test(link);
}

/** `<claims as base64url JSON>.<HMAC-SHA256 of that, base64url>` */
export function signLink(
  secretKey: SecretKey,
  claims: Omit<LinkClaims, 'expiresAt'> & { expiresAt?: number },
  now = Date.now(),
): string {
  if (!isConsolePath(claims.link)) throw new Error(`not a console path: ${claims.link}`);
  const full: LinkClaims = { ...claims, expiresAt: claims.expiresAt ?? now + LINK_TTL_MS };
  const body = Buffer.from(
    JSON.stringify([full.workspaceId, full.link, full.recipientUserId, full.expiresAt]),
  ).toString('base64url');
  return `${body}.${mac(secretKey, body).toString('base64url')}`;
}

/** Checks the MAC (constant time) before reading anything, then the expiry. */
export function verifyLink(secretKey: SecretKey, token: string, now = Date.now()): LinkCheck {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secretKey, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'invalid' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return { ok: false, reason: 'invalid' };
  const [workspaceId, link, recipientUserId, expiresAt] = parsed as unknown[];
  if (
    typeof workspaceId !== 'string' ||
    typeof link !== 'string' ||
    typeof recipientUserId !== 'string' ||
    typeof expiresAt !== 'number' ||
    !isConsolePath(link)
  ) {
    return { ok: false, reason: 'invalid' };
  }
  if (now >= expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { workspaceId, link, recipientUserId, expiresAt } };
}

/** Where the console shows a workspace's path: the router nests pages under `/w/:id`. */
export function consolePath(claims: Pick<LinkClaims, 'workspaceId' | 'link'>): string {
  return `/w/${encodeURIComponent(claims.workspaceId)}${claims.link}`;
}

/** The absolute URL an email links to. */
export function openUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/api/notifications/open?token=${encodeURIComponent(token)}`;
}
