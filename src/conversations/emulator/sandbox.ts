import type pg from 'pg';
import type { Logger } from 'pino';
import type { ConversationDataset } from './dataset.js';
import { createFirefliesEmulator, type FirefliesEmulator } from './fireflies/index.js';
import { createGongEmulator, type GongEmulator } from './gong/emulator.js';
import type { CrmIdLookup } from './gong/store.js';

export interface RunningConversationEmulators {
  gong: GongEmulator;
  gongUrl: string;
  fireflies: FirefliesEmulator;
  /** Fireflies' API is POST `${firefliesUrl}/graphql`. */
  firefliesUrl: string;
  stop(): Promise<void>;
}

/**
 * The recorders of the sandbox, beside its CRM emulator: an emulated Gong and an
 * emulated Fireflies seeded with the demo's meetings, Gong's calls tied to the sandbox
 * CRM's ids. Sandbox Gong and Fireflies connections are pointed at wherever they
 * listen now. Their calls are generated afresh at each start (the CRM's records are
 * what a user changes; the calls are not).
 */
export async function startConversationEmulators(options: {
  pool: pg.Pool;
  host: string;
  /** Gong's port, Fireflies' the next one; 0 for free ports. */
  port: number;
  dataset: ConversationDataset;
  crmIdFor: CrmIdLookup;
  log: Logger;
}): Promise<RunningConversationEmulators> {
  const gong = await createGongEmulator({ dataset: options.dataset, crmIdFor: options.crmIdFor });
  const fireflies = await createFirefliesEmulator({ dataset: options.dataset });
  const stop = async () => {
    for (const emulator of [gong, fireflies]) {
      emulator.app.server.closeAllConnections();
      await emulator.close();
    }
  };
  try {
    const gongUrl = await gong.listen(options.port, options.host);
    const firefliesUrl = await fireflies.listen(
      options.port === 0 ? 0 : options.port + 1,
      options.host,
    );
    await options.pool.query(
      `update connections
       set metadata = metadata || jsonb_build_object('baseUrl', case source_type
                                                        when 'gong' then $1::text
                                                        else $2::text end)
       where kind = 'sandbox' and source_type in ('gong', 'fireflies')`,
      [gongUrl, firefliesUrl],
    );
    options.log.info(
      { url: gongUrl, calls: gong.store.callCount },
      'Gong emulator (sandbox) started',
    );
    options.log.info(
      { url: firefliesUrl, transcripts: fireflies.store.transcripts.length },
      'Fireflies emulator (sandbox) started',
    );
    return { gong, gongUrl, fireflies, firefliesUrl, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
