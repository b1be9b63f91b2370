import { actionsSuite } from './actions.js';
import { emulatorSuite } from './emulator.js';
import { httpSuite } from './http.js';
import { syncSuite } from './sync.js';
import type { Suite } from './types.js';

/** Every suite by name; write-back comes with its issue. */
export const suites: Record<string, Suite> = {
  http: httpSuite,
  sync: syncSuite,
  actions: actionsSuite,
  emulator: emulatorSuite,
};
