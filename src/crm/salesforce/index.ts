export { createSalesforceConnector, type SalesforceConnector } from './connector.js';
export { mapSalesforceError } from './errors.js';
export { FIELD_MAP, SOBJECT, salesforceField } from './field-map.js';
export { isSalesforceId, toId18 } from './ids.js';
export { PROPERTY_CACHE_MS, invalidateSalesforceProperties } from './metadata.js';
export {
  SALESFORCE_SCOPES,
  exchangeSalesforceCode,
  salesforceAuthorizeUrl,
  type ExchangedSalesforceCode,
  type SalesforceAppOptions,
} from './oauth.js';
export type {
  SalesforceConnectorOptions,
  SalesforceCredentials,
  SalesforceOAuthCredentials,
  SalesforceTokenCredentials,
  TaskInput,
} from './types.js';
