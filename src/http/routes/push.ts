import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { HttpError } from '../../errors.js';
import {
  checkPushSubscription,
  deletePushSubscription,
  listPushSubscriptions,
  savePushSubscription,
  type PushSubscriptionRow,
} from '../../notifications/push/subscriptions.js';
import { loadVapidKeys, type VapidKeys } from '../../notifications/push/vapid.js';
import type { WorkspaceAccess } from '../auth.js';
import type { AppContext } from '../context.js';
import { NullableTimestamp, Timestamp, errorResponses, strictObject } from '../schemas.js';

const tags = ['notifications'];

const PushSubscription = Type.Object({
  id: Type.String({ format: 'uuid' }),
  endpoint: Type.String(),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  lastSuccessAt: NullableTimestamp,
});

function view(row: PushSubscriptionRow) {
  return {
    id: row.id,
    endpoint: row.endpoint,
    userAgent: row.userAgent,
    createdAt: new Date(row.createdAt).toISOString(),
    lastSuccessAt: row.lastSuccessAt ? new Date(row.lastSuccessAt).toISOString() : null,
  };
}

/** A browser subscribes for a person; an API key acts for the workspace, not anyone's browser. */
function personOf(access: WorkspaceAccess): string {
  if (!access.userId) {
    throw new HttpError(
      403,
      'person_required',
      'Push subscriptions belong to a person: subscribe from the console while logged in, not with an API key',
    );
  }
  return access.userId;
}

const Endpoint = Type.String({
  minLength: 1,
  maxLength: 2048,
  description: 'The push service URL the browser gave',
});

/**
 * Web push for the caller's browsers: the VAPID public key a browser subscribes with,
 * and its subscriptions (each member sees and removes only their own).
 */
export function pushRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const base = '/api/workspaces/:workspaceId';
  let keys: Promise<VapidKeys> | undefined;
  const vapid = () => {
    keys ??= loadVapidKeys(ctx.config).catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return keys;
  };

  return async (app) => {
    app.get(
      `${base}/push/public-key`,
      {
        schema: {
          operationId: 'getPushPublicKey',
          tags,
          summary: 'Get the web push public key',
          description:
            'The VAPID public key (base64url) to pass to `pushManager.subscribe` as `applicationServerKey`.',
          response: { 200: Type.Object({ publicKey: Type.String() }) },
        },
      },
      async () => ({ publicKey: (await vapid()).publicKey }),
    );

    app.get(
      `${base}/push-subscriptions`,
      {
        schema: {
          operationId: 'listPushSubscriptions',
          tags,
          summary: 'List my push subscriptions',
          description: 'The browsers the caller allowed to show notifications, oldest first.',
          response: {
            200: Type.Object({ subscriptions: Type.Array(PushSubscription) }),
            ...errorResponses(403),
          },
        },
      },
      async (request) => {
        const { workspaceId } = request.access;
        const rows = await listPushSubscriptions(ctx.pool, workspaceId, personOf(request.access));
        return { subscriptions: rows.map(view) };
      },
    );

    app.post(
      `${base}/push-subscriptions`,
      {
        schema: {
          operationId: 'createPushSubscription',
          tags,
          summary: 'Subscribe this browser to push',
          description:
            'Stores what `PushSubscription.toJSON()` gave for the caller. Subscribing the same endpoint again replaces its keys (and its owner: one browser notifies the person now using it).',
          body: strictObject({
            endpoint: Endpoint,
            keys: strictObject({
              p256dh: Type.String({ minLength: 1, maxLength: 200 }),
              auth: Type.String({ minLength: 1, maxLength: 100 }),
            }),
            userAgent: Type.Optional(Type.String({ maxLength: 500 })),
          }),
          response: {
            201: Type.Object({ subscription: PushSubscription }),
            ...errorResponses(403),
          },
        },
      },
      async (request, reply) => {
        const { workspaceId } = request.access;
        const userId = personOf(request.access);
        const checked = await checkPushSubscription(request.body, {
          resolve: ctx.outbound?.resolve,
        });
        const row = await savePushSubscription(ctx.pool, { workspaceId, userId, ...checked });
        return reply.status(201).send({ subscription: view(row) });
      },
    );

    app.delete(
      `${base}/push-subscriptions`,
      {
        schema: {
          operationId: 'deletePushSubscription',
          tags,
          summary: 'Unsubscribe this browser from push',
          description:
            'Removes the caller’s subscription with this endpoint; `removed` is false when there was none (unsubscribing twice is harmless).',
          body: strictObject({ endpoint: Endpoint }),
          response: {
            200: Type.Object({ removed: Type.Boolean() }),
            ...errorResponses(403),
          },
        },
      },
      async (request) => {
        const { workspaceId } = request.access;
        const userId = personOf(request.access);
        return {
          removed: await deletePushSubscription(
            ctx.pool,
            workspaceId,
            userId,
            request.body.endpoint,
          ),
        };
      },
    );
  };
}
