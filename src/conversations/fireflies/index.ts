export {
  createFirefliesConnector,
  FIREFLIES_API_BASE,
  type FirefliesConnectorOptions,
  type FirefliesCredentials,
} from './connector.js';
export { firefliesRateLimits, FIREFLIES_PLANS, type FirefliesPlan } from './limits.js';
