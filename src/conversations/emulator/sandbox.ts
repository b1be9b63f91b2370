import type pg from 'pg';
import type { Logger } from 'pino';
import type { ConversationDataset } from './dataset.js';
import { createGongEmulator, type GongEmulator } from './gong/emulator.js';
import type { CrmIdLookup } from './gong/store.js';

export interface RunningConversationEmulators {
  gong: GongEmulator;
  gongUrl: string;
  stop(): Promise<void>;
}

/**
 * The recorders of the sandbox, beside its CRM emulator: an emulated Gong seeded with
 * the demo's meetings, its calls tied to the sandbox CRM's ids. Sandbox Gong
 * connections are pointed at wherever it listens now. Its calls are generated afresh
 * at each start (the CRM's records are what a user changes; the calls are not).
 */
export async function startConversationEmulators(options: {
  pool: pg.Pool;
  host: string;
  /** 0 for a free port. */
  port: number;
  dataset: ConversationDataset;
  crmIdFor: CrmIdLookup;
  log: Logger;
}): Promise<RunningConversationEmulators> {
  const gong = await createGongEmulator({ dataset: options.dataset, crmIdFor: options.crmIdFor });
  const gongUrl = await gong.listen(options.port, options.host);
  await options.pool.query(
    `update connections set metadata = metadata || jsonb_build_object('baseUrl', $1::text)
     where kind = 'sandbox' and source_type = 'gong'`,
    [gongUrl],
  );
  options.log.info(
    { url: gongUrl, calls: gong.store.callCount },
    'Gong emulator (sandbox) started',
  );
  return {
    gong,
    gongUrl,
    async stop() {
      gong.app.server.closeAllConnections();
      await gong.close();
    },
  };
}
