import { httpSuite } from './http.js';
import { syncSuite } from './sync.js';
import type { Suite } from './types.js';

/** Every suite by name; later issues add sync, actions and writeback. */
export const suites: Record<string, Suite> = {
  http: httpSuite,
  sync: syncSuite,
};
