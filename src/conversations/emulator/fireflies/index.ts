export {
  createFirefliesContext,
  createFirefliesEmulator,
  firefliesRoutes,
  FIREFLIES_EMULATOR_API_KEY,
  type FirefliesEmulator,
  type FirefliesEmulatorContext,
  type FirefliesEmulatorOptions,
} from './server.js';
export {
  PLAN_LIMITS,
  type FirefliesFault,
  type FirefliesPlan,
  type FirefliesRequestEntry,
  type FirefliesSettings,
} from './controls.js';
export {
  firefliesSeedFrom,
  stableFirefliesId,
  type FirefliesSeed,
  type FirefliesSeedTranscript,
} from './seed.js';
