import type { Logger } from 'pino';
import { trustPushEmulator } from '../trusted-origins.js';
import { createPushEmulator, type PushEmulator } from './emulator.js';

export interface RunningPushSandbox {
  emulator: PushEmulator;
  /** Subscription endpoints are `${url}/push/<id>`; controls under `${url}/_emulator/`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The sandbox's push service: an emulator this process trusts while it runs, so a
 * subscription naming it passes the routes' outbound-URL check and the sender posts to
 * it over plain http on loopback. Nothing else is trusted by it.
 */
export async function startPushSandbox(options: {
  host: string;
  port: number;
  log: Logger;
}): Promise<RunningPushSandbox> {
  const emulator = await createPushEmulator();
  const url = await emulator.listen(options.port, options.host);
  const untrust = trustPushEmulator(url);
  options.log.info({ url }, 'Push service emulator (sandbox) started');
  return {
    emulator,
    url,
    async stop() {
      untrust();
      emulator.app.server.closeAllConnections();
      await emulator.close();
    },
  };
}
