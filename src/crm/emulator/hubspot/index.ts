export { createHubspotEmulator, type HubspotEmulator } from './emulator.js';
export {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PORTAL_ID,
  DEFAULT_PRIVATE_APP_TOKEN,
  type HubspotEmulatorOptions,
} from './context.js';
export type { HubspotControls, MintedHubspotTokens } from './controls.js';
export { ASSOCIATION_TYPES } from './associations.js';
export type { HsObjectType } from './properties.js';
export type { HsRecord, HubspotStore } from './store.js';
