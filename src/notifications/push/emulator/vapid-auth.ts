import { createPublicKey, verify } from 'node:crypto';

/**
 * What a push service checks of a sender (RFC 8292): `Authorization: vapid t=<jwt>,
 * k=<public key>`, where the JWT is ES256-signed by that key, its `aud` is the push
 * service's origin, its `exp` at most 24 hours ahead, and its `sub` a contact.
 */
export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
}

export type VapidCheck =
  { ok: true; publicKey: string; claims: VapidClaims } | { ok: false; reason: string };

const MAX_EXPIRY_SECONDS = 24 * 60 * 60;

function decodeJson(part: string): unknown {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

/** The uncompressed P-256 point (65 bytes, 0x04 | x | y) as a key node:crypto verifies with. */
function keyFromPoint(point: Buffer) {
  return createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
}

/** Checks an Authorization header against the origin the request was sent to. */
export function checkVapidAuthorization(
  header: string | undefined,
  audience: string,
  nowSeconds: number,
): VapidCheck {
  const match = /^vapid\s+(.*)$/i.exec(header ?? '');
  if (!match) return { ok: false, reason: 'Authorization must be `vapid t=<jwt>, k=<key>`' };
  const params = new Map(
    match[1]!.split(',').map((part) => {
      const [name = '', ...value] = part.trim().split('=');
      return [name.toLowerCase(), value.join('=')] as const;
    }),
  );
  const token = params.get('t');
  const key = params.get('k');
  if (!token || !key) return { ok: false, reason: 'the vapid scheme needs both t and k' };
  const point = Buffer.from(key, 'base64url');
  if (point.length !== 65 || point[0] !== 4) {
    return { ok: false, reason: 'k is not an uncompressed P-256 public key' };
  }
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 't is not a JWT' };
  const [head, body, signature] = parts as [string, string, string];
  let header_: { alg?: string; typ?: string };
  let claims: Partial<VapidClaims>;
  try {
    header_ = decodeJson(head) as typeof header_;
    claims = decodeJson(body) as Partial<VapidClaims>;
  } catch {
    return { ok: false, reason: 't is not a JWT' };
  }
  if (header_.alg !== 'ES256')
    return { ok: false, reason: `alg must be ES256, not ${header_.alg}` };
  let valid: boolean;
  try {
    valid = verify(
      'sha256',
      Buffer.from(`${head}.${body}`),
      { key: keyFromPoint(point), dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    );
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'the JWT signature does not verify with k' };
  if (claims.aud !== audience) {
    return { ok: false, reason: `aud must be ${audience}, got ${String(claims.aud)}` };
  }
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) {
    return { ok: false, reason: 'the JWT has expired' };
  }
  if (claims.exp > nowSeconds + MAX_EXPIRY_SECONDS) {
    return { ok: false, reason: 'exp is more than 24 hours ahead' };
  }
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) {
    return { ok: false, reason: 'sub must be a mailto: or https: contact' };
  }
  return { ok: true, publicKey: key, claims: claims as VapidClaims };
}
