import { actionsSuite } from './actions.js';
import { agentSuite } from './agent.js';
import { computeSuite } from './compute.js';
import { conversationsSuite } from './conversations.js';
import { emulatorSuite } from './emulator.js';
import { flowsSuite } from './flows.js';
import { sandboxBench } from '../flows-sandbox.js';
import { httpSuite } from './http.js';
import { inboxSuite } from './inbox.js';
import { notifySuite } from './notify.js';
import { syncSuite } from './sync.js';
import { writebackSuite } from './writeback.js';
import type { Suite } from './types.js';

/** Every suite by name. */
export const suites: Record<string, Suite> = {
  http: httpSuite,
  sync: syncSuite,
  actions: actionsSuite,
  emulator: emulatorSuite,
  writeback: writebackSuite,
  compute: computeSuite,
  conversations: conversationsSuite,
  agent: agentSuite,
  inbox: inboxSuite,
  notify: notifySuite,
  flows: flowsSuite,
  'flows-sandbox': sandboxBench,
};
