export { createHubspotConnector, type HubspotConnector } from './connector.js';
export { mapHubspotError, errorFromBody } from './errors.js';
export {
  FIELD_MAP,
  OBJECT_TYPE,
  MODIFIED_PROPERTY,
  NOTE_ASSOCIATION_TYPE_ID,
  associationTypeId,
  hubspotField,
} from './field-map.js';
export {
  PROPERTY_CACHE_MS,
  invalidateHubspotProperties,
  type HubspotPropertyInput,
} from './metadata.js';
export {
  DEFAULT_AUTH_BASE,
  HUBSPOT_SCOPES,
  exchangeHubspotCode,
  hubspotAuthorizeUrl,
} from './oauth.js';
export { NOTE_BODY_MAX } from './notes.js';
export type {
  HubspotConnectorOptions,
  HubspotCredentials,
  HubspotOAuthCredentials,
  HubspotPrivateAppCredentials,
} from './types.js';
