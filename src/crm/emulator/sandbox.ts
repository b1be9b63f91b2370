import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import type { Logger } from 'pino';
import { TIMED_OUT, within } from '../../timeout.js';
import {
  startConversationEmulators,
  type RunningConversationEmulators,
} from '../../conversations/emulator/sandbox.js';
import type { ConversationDataset } from '../../conversations/emulator/dataset.js';
import {
  startNotificationEmulators,
  type RunningNotificationEmulators,
} from '../../notifications/sandbox.js';
import type { EmulatedApi } from './controls.js';
import type { HubspotEmulator } from './hubspot/emulator.js';
import { MARKER_FIELD } from '../salesforce/connector.js';
import { createCrmEmulator, portalUrl, type CrmSeed, type Emulator } from './index.js';

export interface RunningSandbox {
  emulator: Emulator;
  url: string;
  /** The emulated Gong's base URL, when the sandbox has one. */
  gongUrl?: string;
  /** The emulated Fireflies' base URL (its API at `/graphql`), beside Gong's. */
  firefliesUrl?: string;
  /** The emulated Slack's base URL (its page at `/`, Web API at `/api/`), port + 3. */
  slackUrl?: string;
  /** The notification channels' emulators (Slack, ...), when the sandbox runs them. */
  notifications?: RunningNotificationEmulators;
  /** Stops taking requests, then saves the emulated CRMs' records to the data folder. */
  stop(): Promise<void>;
  /** Saves the records as they are now, synchronously (a forced exit has no time for more). */
  saveNow(): void;
}

type CrmSnapshots = Partial<Record<EmulatedApi, unknown>>;

/** `sandbox/state.json`: the root's CRMs and each workspace portal's. */
interface SavedState {
  version: 2;
  root: CrmSnapshots;
  portals: Record<string, CrmSnapshots>;
}

function isPortalState(value: SavedState | CrmSnapshots): value is SavedState {
  return (value as SavedState).version === 2;
}

function snapshotCrms(emulator: Emulator): CrmSnapshots {
  return Object.fromEntries([...emulator.crms].map(([api, crm]) => [api, crm.snapshot()]));
}

function restoreCrms(emulator: Emulator, snapshot: CrmSnapshots | undefined): void {
  for (const [api, crm] of emulator.crms) {
    if (snapshot?.[api] !== undefined) crm.restore(snapshot[api]);
  }
}

/** How long the emulator may take to finish its requests before its state is saved anyway. */
const CLOSE_TIMEOUT_MS = 3_000;

/**
 * The CRM emulator as part of `pandora start`: the sandbox CRM. Each workspace's
 * sandbox connection is its own portal (`/portals/<workspace id>`), seeded from
 * `initialData` on first use, so one workspace's writes are invisible to another's.
 * The records are saved to the data folder on stop and loaded on the next start, so
 * what Pandora wrote is still there. Sandbox connections are pointed at wherever
 * it listens now.
 */
export async function startSandbox(options: {
  pool: pg.Pool;
  dataDir: string;
  host: string;
  port: number;
  /** What a fresh data folder starts from (the runtime passes the demo data set). */
  initialData: () => CrmSeed;
  /** The recorded meetings the emulated Gong serves; no Gong without them. */
  conversations?: () => ConversationDataset;
  /** The people of the emulated Slack team (the demo's members); no Slack without them. */
  notificationUsers?: () => Array<{ email: string; name: string }>;
  log: Logger;
}): Promise<RunningSandbox> {
  const stateFile = path.join(options.dataDir, 'sandbox', 'state.json');
  const saved = await readFile(stateFile, 'utf8').then(
    (text) => JSON.parse(text) as SavedState | CrmSnapshots,
    () => undefined,
  );
  // Before portals, one state held the CRMs every workspace shared: each workspace's
  // portal starts as a copy of it, so nobody loses what they saw.
  const shared = saved && !isPortalState(saved) ? saved : undefined;
  const state = saved && isPortalState(saved) ? saved : undefined;
  const emulator = await createCrmEmulator({
    ...(saved ? {} : { dataset: options.initialData() }),
    // The External ID field a Salesforce admin adds for Pandora, so a create whose
    // answer is lost is looked up by its marker in the sandbox too (HubSpot's marker
    // property the connector makes itself).
    salesforceFields: ['Opportunity', 'Contact'].map((object) => ({
      object,
      name: MARKER_FIELD,
      type: 'string',
    })),
    portals: (id) => {
      const snapshot = state?.portals[id] ?? shared;
      return snapshot ? { snapshot } : { dataset: options.initialData() };
    },
  });
  restoreCrms(emulator, state?.root ?? shared);
  const url = await emulator.listen(options.port, options.host);
  await options.pool.query(
    `update connections
     set metadata = metadata || jsonb_build_object('baseUrl', $1::text || workspace_id::text)
     where kind = 'sandbox' and crm_type is not null`,
    [portalUrl(url, '')],
  );
  options.log.info({ url, restored: Boolean(saved) }, 'CRM emulator (sandbox) started');
  let recorders: RunningConversationEmulators | undefined;
  if (options.conversations) {
    // Every portal is seeded alike, so the root's HubSpot ids are each workspace's.
    const hubspot = emulator.crms.get('hubspot') as HubspotEmulator | undefined;
    recorders = await startConversationEmulators({
      pool: options.pool,
      host: options.host,
      port: options.port === 0 ? 0 : options.port + 1,
      dataset: options.conversations(),
      crmIdFor: (sourceId) => hubspot?.idFor(sourceId),
      log: options.log,
    }).catch(async (error: unknown) => {
      await emulator.close();
      throw error;
    });
  }
  let notifications: RunningNotificationEmulators | undefined;
  if (options.notificationUsers) {
    notifications = await startNotificationEmulators({
      pool: options.pool,
      host: options.host,
      // Gong and Fireflies take port + 1 and + 2; Slack, push and SMTP follow them.
      port: options.port === 0 ? 0 : options.port + 3,
      users: options.notificationUsers(),
      dataDir: options.dataDir,
      log: options.log,
    }).catch(async (error: unknown) => {
      await recorders?.stop().catch(() => undefined);
      await emulator.close();
      throw error;
    });
  }

  const save = () => {
    const snapshot: SavedState = {
      version: 2,
      root: snapshotCrms(emulator),
      // Portals nobody used since the start keep their saved state.
      portals: {
        ...state?.portals,
        ...Object.fromEntries([...emulator.portals].map(([id, p]) => [id, snapshotCrms(p)])),
      },
    };
    mkdirSync(path.dirname(stateFile), { recursive: true });
    // Write then rename, so a crash mid-write never leaves half a file behind.
    writeFileSync(`${stateFile}.tmp`, JSON.stringify(snapshot));
    renameSync(`${stateFile}.tmp`, stateFile);
    notifications?.saveNow();
  };

  return {
    emulator,
    url,
    gongUrl: recorders?.gongUrl,
    firefliesUrl: recorders?.firefliesUrl,
    slackUrl: notifications?.slackUrl,
    notifications,
    async stop() {
      await notifications
        ?.stop()
        .catch((error: unknown) =>
          options.log.warn({ err: error }, 'notification emulators close'),
        );
      await recorders
        ?.stop()
        .catch((error: unknown) =>
          options.log.warn({ err: error }, 'Gong and Fireflies emulators close'),
        );
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
