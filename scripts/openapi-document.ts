import { pathToFileURL } from 'node:url';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { parseSecretKey } from '../src/tenancy/secrets.js';

/**
 * The OpenAPI document the server serves at /openapi.json, built without a database:
 * the routes are registered on a pool that is never asked for a connection (pg
 * connects lazily), so the client generator and the lint can run anywhere.
 * `env` is read like the server's (PANDORA_PUBLIC_URL sets `servers`).
 */
export async function openApiDocument(
  env: NodeJS.ProcessEnv = process.env,
): Promise<Record<string, unknown>> {
  const config = {
    ...loadConfig({ ...env, DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused' }),
    demo: false,
  };
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 1 });
  const app = await buildApp({
    pool,
    config,
    secretKey: parseSecretKey('00'.repeat(32)),
    log: pino({ level: 'silent' }),
  });
  try {
    await app.ready();
    // A deep copy, so the caller owns a plain object rather than the plugin's cache.
    return JSON.parse(JSON.stringify(app.swagger())) as Record<string, unknown>;
  } finally {
    await app.close();
    await pool.end();
  }
}

// `node --import tsx scripts/openapi-document.ts [file]`: prints the document (or writes it).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { writeFile } = await import('node:fs/promises');
  const text = `${JSON.stringify(await openApiDocument(), null, 2)}\n`;
  const target = process.argv[2];
  if (target) await writeFile(target, text);
  else process.stdout.write(text);
}
