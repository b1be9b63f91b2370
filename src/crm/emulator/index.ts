import { createHash } from 'node:crypto';
import type { EmulatorSettings } from './controls.js';
import type { CrmSeed } from './dataset.js';
import { createHubspotEmulator } from './hubspot/index.js';
import type { PortalStart } from './portals.js';
import { createSalesforceEmulator } from './salesforce/index.js';
import type { SalesforceEmulator } from './salesforce/emulator.js';
import { SfApiError } from './salesforce/errors.js';
import type { CustomFieldInput } from './salesforce/schema.js';
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
  /**
   * Custom fields every emulated Salesforce org has, from the start and after a restore
   * of state saved without them (the sandbox: Pandora's External ID for create markers).
   */
  salesforceFields?: CustomFieldInput[];
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
      withFields(createSalesforceEmulator(data), options.salesforceFields ?? []),
    ],
  });
}

function withFields(crm: SalesforceEmulator, fields: CustomFieldInput[]): SalesforceEmulator {
  if (fields.length === 0) return crm;
  const ensure = () => {
    for (const field of fields) {
      try {
        crm.controls.addCustomField(field);
      } catch (error) {
        // Already there (restored with the state): what was wanted.
        if (!(error instanceof SfApiError) || error.errorCode !== 'DUPLICATE_DEVELOPER_NAME') {
          throw error;
        }
      }
    }
  };
  ensure();
  const restore = crm.restore.bind(crm);
  crm.restore = (snapshot) => {
    restore(snapshot);
    ensure();
  };
  return crm;
}
