import type { Queryable } from '../db/pool.js';
import { notFound } from '../errors.js';
import type { Role } from './workspaces.js';
import { hashToken, newToken } from './tokens.js';

export interface ApiKey {
  id: string;
  workspaceId: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: { id: string; email: string } | null;
}

const KEY_SELECT = `
  select k.id, k.workspace_id as "workspaceId", k.name, k.role, k.prefix,
         k.created_at as "createdAt", k.last_used_at as "lastUsedAt", k.revoked_at as "revokedAt",
         case when u.id is null then null else json_build_object('id', u.id, 'email', u.email) end
           as "createdBy"
  from api_keys k left join users u on u.id = k.created_by`;

/** Creates a key; the returned `secret` is the only time it exists in clear. */
export async function createApiKey(
  db: Queryable,
  input: { workspaceId: string; name: string; role: Role; createdBy: string | null },
): Promise<{ apiKey: ApiKey; secret: string }> {
  const secret = newToken('pk_');
  const { rows } = await db.query<{ id: string }>(
    `insert into api_keys (workspace_id, name, role, prefix, key_hash, created_by)
     values ($1::uuid, $2::text, $3::text, $4::text, $5::text, $6::uuid) returning id`,
    [
      input.workspaceId,
      input.name.trim(),
      input.role,
      secret.slice(0, 11),
      hashToken(secret),
      input.createdBy,
    ],
  );
  const apiKey = await getApiKey(db, input.workspaceId, rows[0]!.id);
  return { apiKey, secret };
}

/**
 * Which keys a caller may see. Admins see all of the workspace's keys; a member sees
 * only the keys they created (a member API key: only itself), so nobody learns the
 * names, roles or use of other people's integrations.
 */
export type KeyVisibility =
  { kind: 'all' } | { kind: 'createdBy'; userId: string } | { kind: 'self'; keyId: string };

const visible = (visibility: KeyVisibility) => [
  visibility.kind === 'createdBy' ? visibility.userId : null,
  visibility.kind === 'self' ? visibility.keyId : null,
];

const VISIBLE_TO = `($2::uuid is null or k.created_by = $2::uuid) and ($3::uuid is null or k.id = $3::uuid)`;

export async function listApiKeys(
  db: Queryable,
  workspaceId: string,
  visibility: KeyVisibility = { kind: 'all' },
): Promise<ApiKey[]> {
  const { rows } = await db.query<ApiKey>(
    `${KEY_SELECT} where k.workspace_id = $1::uuid and ${VISIBLE_TO}
     order by k.created_at desc, k.id`,
    [workspaceId, ...visible(visibility)],
  );
  return rows;
}

/** One key, or not found when it is another workspace's or hidden from the caller. */
export async function getApiKey(
  db: Queryable,
  workspaceId: string,
  id: string,
  visibility: KeyVisibility = { kind: 'all' },
): Promise<ApiKey> {
  const { rows } = await db.query<ApiKey>(
    `${KEY_SELECT} where k.workspace_id = $1::uuid and ${VISIBLE_TO} and k.id = $4::uuid`,
    [workspaceId, ...visible(visibility), id],
  );
  if (!rows[0]) throw notFound('API key', id);
  return rows[0];
}

/** Revokes a key (idempotent: revoking twice keeps the first revocation time). */
export async function revokeApiKey(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<ApiKey> {
  await db.query(
    `update api_keys set revoked_at = coalesce(revoked_at, now())
     where workspace_id = $1::uuid and id = $2::uuid`,
    [workspaceId, id],
  );
  return getApiKey(db, workspaceId, id);
}

export interface ApiKeyPrincipal {
  keyId: string;
  workspaceId: string;
  role: Role;
  name: string;
}

/**
 * The active key matching `secret`. Its last-used time is written at most once a
 * minute, so a busy key does not turn every read into a write.
 */
export async function resolveApiKey(
  db: Queryable,
  secret: string,
): Promise<ApiKeyPrincipal | undefined> {
  const { rows } = await db.query<ApiKeyPrincipal & { stale: boolean }>(
    `select id as "keyId", workspace_id as "workspaceId", role, name,
            (last_used_at is null or last_used_at < now() - interval '1 minute') as stale
     from api_keys where key_hash = $1::text and revoked_at is null`,
    [hashToken(secret)],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.stale) {
    await db.query('update api_keys set last_used_at = now() where id = $1::uuid', [row.keyId]);
  }
  const { stale: _stale, ...principal } = row;
  return principal;
}
