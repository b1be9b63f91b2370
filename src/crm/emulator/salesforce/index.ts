export {
  DEFAULT_ACCESS_TOKEN,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  createSalesforceEmulator,
  type SalesforceEmulator,
  type SalesforceEmulatorOptions,
} from './emulator.js';
export type { MintedTokens, SalesforceControls } from './controls.js';
export type { ApiAccess } from './context.js';
export type { CustomFieldInput } from './schema.js';
export { DEFAULT_STAGES, STAGE_FOR } from './seed.js';
export { SoqlError, parseSoql, type SoqlQuery } from './soql-parser.js';
