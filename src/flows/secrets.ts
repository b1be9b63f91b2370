/**
 * A workspace's secrets for flow steps (`{{secrets.name}}`: API keys, tokens), encrypted
 * at rest and bound to their workspace and name. The API hands out names and dates only;
 * values leave this module only through `loadSecrets`, for the runner to resolve a step.
 */
import type { Queryable } from '../db/pool.js';
import { conflict, HttpError } from '../errors.js';
import { decryptJson, encryptJson, type SecretKey } from '../tenancy/secrets.js';

export const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
export const MAX_SECRET_LENGTH = 10_000;
export const MAX_SECRETS = 200;

export interface SecretInfo {
  name: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

const context = (workspaceId: string, name: string) => `workspace-secret:${workspaceId}:${name}`;

const COLUMNS = `name, created_by as "createdBy", created_at as "createdAt", updated_at as "updatedAt"`;

function secretNotFound(name: string): HttpError {
  return new HttpError(404, 'not_found', `No secret named ${name} in this workspace`);
}

export async function listSecrets(db: Queryable, workspaceId: string): Promise<SecretInfo[]> {
  const { rows } = await db.query<SecretInfo>(
    `select ${COLUMNS} from workspace_secrets where workspace_id = $1::uuid order by name`,
    [workspaceId],
  );
  return rows;
}

/** A new secret; 409 `secret_exists` when the name is taken (replace it instead). */
export async function createSecret(
  db: Queryable,
  key: SecretKey,
  workspaceId: string,
  input: { name: string; value: string },
  userId: string | null,
): Promise<SecretInfo> {
  const { rows } = await db.query<SecretInfo>(
    `insert into workspace_secrets (workspace_id, name, value, created_by)
     select $1::uuid, $2::text, $3::bytea, $4::uuid
     where (select count(*) from workspace_secrets where workspace_id = $1::uuid) < $5::int
     on conflict (workspace_id, name) do nothing
     returning ${COLUMNS}`,
    [
      workspaceId,
      input.name,
      encryptJson(key, input.value, context(workspaceId, input.name)),
      userId,
      MAX_SECRETS,
    ],
  );
  if (rows[0]) return rows[0];
  const { rowCount } = await db.query(
    'select 1 from workspace_secrets where workspace_id = $1::uuid and name = $2::text',
    [workspaceId, input.name],
  );
  if (rowCount) {
    throw conflict(
      'secret_exists',
      `A secret named ${input.name} exists; replace its value instead`,
    );
  }
  throw conflict('too_many_secrets', `A workspace holds ${MAX_SECRETS} secrets at most`);
}

/** A new value for an existing secret (404 when there is none by that name). */
export async function replaceSecret(
  db: Queryable,
  key: SecretKey,
  workspaceId: string,
  name: string,
  value: string,
): Promise<SecretInfo> {
  const { rows } = await db.query<SecretInfo>(
    `update workspace_secrets set value = $3::bytea, updated_at = now()
     where workspace_id = $1::uuid and name = $2::text
     returning ${COLUMNS}`,
    [workspaceId, name, encryptJson(key, value, context(workspaceId, name))],
  );
  if (!rows[0]) throw secretNotFound(name);
  return rows[0];
}

export async function deleteSecret(
  db: Queryable,
  workspaceId: string,
  name: string,
): Promise<void> {
  const { rowCount } = await db.query(
    'delete from workspace_secrets where workspace_id = $1::uuid and name = $2::text',
    [workspaceId, name],
  );
  if (!rowCount) throw secretNotFound(name);
}

/**
 * The values of the named secrets, for resolving `{{secrets.x}}` in a step's config.
 * A name the workspace has no secret for is absent from the result (the runner reports
 * it as a validation error of the step). Never log or store what this returns.
 */
export async function loadSecrets(
  db: Queryable,
  key: SecretKey,
  workspaceId: string,
  names: readonly string[],
): Promise<Record<string, string>> {
  if (!names.length) return {};
  const { rows } = await db.query<{ name: string; value: Buffer }>(
    `select name, value from workspace_secrets
     where workspace_id = $1::uuid and name = any($2::text[])`,
    [workspaceId, [...new Set(names)]],
  );
  return Object.fromEntries(
    rows.map((row) => [
      row.name,
      decryptJson<string>(key, row.value, context(workspaceId, row.name)),
    ]),
  );
}
