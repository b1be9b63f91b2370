import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  listRepManagers,
  MAX_REP_MANAGERS,
  replaceRepManagers,
} from '../../notifications/managers.js';
import type { AppContext } from '../context.js';
import { Email, strictObject, Timestamp, Uuid } from '../schemas.js';

const RepManagerSchema = Type.Object({
  repEmail: Type.String({ description: 'The rep, as actions name their owner (lower-cased)' }),
  managerUserId: Uuid,
  managerEmail: Type.String(),
  managerName: Type.String(),
  updatedAt: Timestamp,
});

const Listed = Type.Object({ repManagers: Type.Array(RepManagerSchema) });

const tags = ['notifications'];

/**
 * The workspace's mapping of reps to managers: who a `notify_manager` action tells
 * when the CRM's owner hierarchy names no one (src/notifications/managers.ts).
 */
export function repManagerRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const path = '/api/workspaces/:workspaceId/rep-managers';
  return async (app) => {
    app.get(
      path,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'listRepManagers',
          tags,
          summary: 'List the reps’ managers',
          description:
            'Who manages each rep, for notify_manager actions when the CRM’s owner hierarchy (Salesforce User.ManagerId) names no member; reps with neither go to the admins.',
          response: { 200: Listed },
        },
      },
      async (request) => ({
        repManagers: await listRepManagers(ctx.pool, request.access.workspaceId),
      }),
    );

    app.put(
      path,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'setRepManagers',
          tags,
          summary: 'Set the reps’ managers',
          description:
            'Replaces the whole mapping (an empty list clears it). Each rep appears once and each manager is a member of the workspace; the first entry that is not is a 400 naming it, and nothing changes.',
          body: strictObject({
            repManagers: Type.Array(strictObject({ repEmail: Email, managerUserId: Uuid }), {
              maxItems: MAX_REP_MANAGERS,
            }),
          }),
          response: { 200: Listed },
        },
      },
      async (request) => ({
        repManagers: await replaceRepManagers(
          ctx.pool,
          request.access.workspaceId,
          request.body.repManagers,
        ),
      }),
    );
  };
}
