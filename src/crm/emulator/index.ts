import { createHash } from 'node:crypto';
import type { EmulatorSettings } from './controls.js';
import type { CrmSeed } from './dataset.js';
import { createHubspotEmulator } from './hubspot/index.js';
import type { PortalStart } from './portals.js';
import { createSalesforceEmulator } from './salesforce/index.js';
import { buildEmulator, type Emulator } from './server.js';

export type { Emulator } from './server.js';
export type { CrmSeed } from './dataset.js';
export { portalUrl, type PortalStart } from './portals.js';

export interface CrmEmulatorOptions {
  /** The records both CRMs start with; without one they start empty. */
  dataset?: CrmSeed;
  settings?: Partial<Omit<EmulatorSettings, 'limits'>> & {
    limits?: Partial<EmulatorSettings['limits']>;
  };
  now?: () => Date;
  /** What each portal starts from; the root's data set by default. */
  portals?: (id: string) => PortalStart;
}

/** A HubSpot portal id per emulated portal, stable across restarts, as accounts have their own. */
function hubspotPortalId(portal: string): number {
  return 30_000_000 + (createHash('sha256').update(portal).digest().readUInt32BE(0) % 60_000_000);
}

/** The CRM emulator with both CRMs, seeded from `dataset` (the demo passes its own). */
export async function createCrmEmulator(options: CrmEmulatorOptions = {}): Promise<Emulator> {
  return buildEmulator({
    dataset: options.dataset,
    settings: options.settings,
    now: options.now,
    portals: options.portals,
    crms: (data, portal) => [
      createHubspotEmulator(data, portal ? { portalId: hubspotPortalId(portal) } : {}),
      createSalesforceEmulator(data),
    ],
  });
}
