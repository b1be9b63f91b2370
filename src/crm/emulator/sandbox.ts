import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import type { Logger } from 'pino';
import { TIMED_OUT, within } from '../../timeout.js';
import { createCrmEmulator, type CrmSeed, type Emulator } from './index.js';

export interface RunningSandbox {
  emulator: Emulator;
  url: string;
  /** Stops taking requests, then saves the emulated CRMs' records to the data folder. */
  stop(): Promise<void>;
  /** Saves the records as they are now, synchronously (a forced exit has no time for more). */
  saveNow(): void;
}

/** How long the emulator may take to finish its requests before its state is saved anyway. */
const CLOSE_TIMEOUT_MS = 3_000;

/**
 * The CRM emulator as part of `pandora start`: the demo workspace's CRM. Its records
 * are saved to the data folder on stop and loaded on the next start, so what
 * Pandora wrote to it is still there; a fresh data folder starts from `initialData`.
 * Connections marked `sandbox` are pointed at wherever it listens now.
 */
export async function startSandbox(options: {
  pool: pg.Pool;
  dataDir: string;
  host: string;
  port: number;
  /** What a fresh data folder starts from (the runtime passes the demo data set). */
  initialData: () => CrmSeed;
  log: Logger;
}): Promise<RunningSandbox> {
  const stateFile = path.join(options.dataDir, 'sandbox', 'state.json');
  const saved = await readFile(stateFile, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, unknown>,
    () => undefined,
  );
  const emulator = await createCrmEmulator(saved ? {} : { dataset: options.initialData() });
  if (saved) {
    for (const [api, crm] of emulator.crms) {
      if (saved[api] !== undefined) crm.restore(saved[api]);
    }
  }
  const url = await emulator.listen(options.port, options.host);
  await options.pool.query(
    `update connections set metadata = metadata || jsonb_build_object('baseUrl', $1::text)
     where kind = 'sandbox'`,
    [url],
  );
  options.log.info({ url, restored: Boolean(saved) }, 'CRM emulator (sandbox) started');

  const save = () => {
    const snapshot = Object.fromEntries(
      [...emulator.crms].map(([api, crm]) => [api, crm.snapshot()]),
    );
    mkdirSync(path.dirname(stateFile), { recursive: true });
    // Write then rename, so a crash mid-write never leaves half a file behind.
    writeFileSync(`${stateFile}.tmp`, JSON.stringify(snapshot));
    renameSync(`${stateFile}.tmp`, stateFile);
  };

  return {
    emulator,
    url,
    async stop() {
      emulator.app.server.closeAllConnections();
      const closed = await within(
        emulator
          .close()
          .catch((error: unknown) => options.log.warn({ err: error }, 'sandbox close')),
        CLOSE_TIMEOUT_MS,
      );
      if (closed === TIMED_OUT) options.log.warn('the CRM emulator did not close in time');
      save();
    },
    saveNow: save,
  };
}
