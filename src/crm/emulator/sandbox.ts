import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import type { Logger } from 'pino';
import { generateDemoData } from '../../demo/generate.js';
import { createCrmEmulator, type Emulator } from './index.js';

export interface RunningSandbox {
  emulator: Emulator;
  url: string;
  stop(): Promise<void>;
}

/**
 * The CRM emulator as part of `pandora start`: the demo workspace's CRM. Its records
 * are saved to the data folder on stop and loaded on the next start, so what
 * Pandora wrote to it is still there; a fresh data folder starts from the demo data
 * set. Connections marked `sandbox` are pointed at wherever it listens now.
 */
export async function startSandbox(options: {
  pool: pg.Pool;
  dataDir: string;
  host: string;
  port: number;
  seed: number;
  log: Logger;
}): Promise<RunningSandbox> {
  const stateFile = path.join(options.dataDir, 'sandbox', 'state.json');
  const saved = await readFile(stateFile, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, unknown>,
    () => undefined,
  );
  const emulator = await createCrmEmulator(
    saved ? { empty: true } : { dataset: generateDemoData({ seed: options.seed }) },
  );
  if (saved) {
    for (const [api, crm] of emulator.crms) {
      if (saved[api] !== undefined) crm.restore(saved[api]);
    }
  }
  const url = await emulator.listen(options.port, options.host);
  await options.pool.query(
    `update connections set metadata = metadata || jsonb_build_object('baseUrl', $1::text)
     where metadata->>'sandbox' = 'true'`,
    [url],
  );
  options.log.info({ url, restored: Boolean(saved) }, 'CRM emulator (sandbox) started');

  return {
    emulator,
    url,
    async stop() {
      emulator.app.server.closeAllConnections();
      await emulator.close();
      const snapshot = Object.fromEntries(
        [...emulator.crms].map(([api, crm]) => [api, crm.snapshot()]),
      );
      await mkdir(path.dirname(stateFile), { recursive: true });
      // Write then rename, so a crash mid-write never leaves half a file behind.
      await writeFile(`${stateFile}.tmp`, JSON.stringify(snapshot));
      await rename(`${stateFile}.tmp`, stateFile);
    },
  };
}
