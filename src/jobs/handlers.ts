import { seedWorkspace } from '../demo/bootstrap.js';
import { pruneSessions } from '../tenancy/sessions.js';
import type { TaskHandlers } from './queue.js';

/** The handler of every job in `JobPayloads`. */
export const handlers: TaskHandlers = {
  'demo.seed': async (payload, { db, log }) => {
    const counts = await seedWorkspace(db, payload.workspaceId, { seed: payload.seed });
    log.info({ workspaceId: payload.workspaceId, counts }, 'demo data seeded');
  },
  'sessions.prune': async (_payload, { db, log }) => {
    const removed = await pruneSessions(db);
    if (removed) log.info({ removed }, 'expired sessions removed');
  },
};
