/**
 * `{{secrets.x}}` for the runner: a workspace secret decrypted when a step's config
 * names it, once per run. Values live only in memory; what is stored reads `[secret]`.
 */
import type { Queryable } from '../../db/pool.js';
import { decryptJson, type SecretKey } from '../../tenancy/secrets.js';
import type { SecretReader } from './template.js';

/** The encryption context of a workspace secret (workspace_secrets.value). */
export function secretContext(workspaceId: string, name: string): string {
  return `workspace-secret:${workspaceId}:${name}`;
}

export function secretReader(db: Queryable, key: SecretKey, workspaceId: string): SecretReader {
  const cache = new Map<string, string | undefined>();
  return async (name) => {
    if (cache.has(name)) return cache.get(name);
    const { rows } = await db.query<{ value: Buffer }>(
      `select value from workspace_secrets where workspace_id = $1::uuid and name = $2::text`,
      [workspaceId, name],
    );
    let value: string | undefined;
    if (rows[0]) {
      const sealed = decryptJson<unknown>(key, rows[0].value, secretContext(workspaceId, name));
      // Stored as the string itself, or as { value } by the secrets API.
      const raw =
        sealed && typeof sealed === 'object' && 'value' in sealed
          ? (sealed as { value: unknown }).value
          : sealed;
      value = typeof raw === 'string' ? raw : JSON.stringify(raw);
    }
    cache.set(name, value);
    return value;
  };
}
