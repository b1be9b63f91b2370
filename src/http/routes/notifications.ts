import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { DELIVERY_STATUSES, listDeliveries, OUTBOX_CHANNELS } from '../../notifications/in-app.js';
import {
  DIGEST_PERIODS,
  PREFERENCE_TYPES,
  preferencesOf,
  updatePreferences,
} from '../../notifications/preferences.js';
import { CHANNELS, DELIVERY_MODES } from '../../notifications/types.js';
import { withTransaction } from '../../db/pool.js';
import { requireUser } from '../auth.js';
import type { AppContext } from '../context.js';
import {
  NullableTimestamp,
  PageLimit,
  pageSize,
  strictObject,
  Timestamp,
  Uuid,
} from '../schemas.js';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const Preference = Type.Object({
  channel: literals(CHANNELS),
  type: literals(PREFERENCE_TYPES),
  mode: literals(DELIVERY_MODES),
});
const Settings = Type.Object({
  timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'An IANA zone: Europe/Paris' }),
  digestPeriod: literals(DIGEST_PERIODS),
  digestHour: Type.Integer({
    minimum: 0,
    maximum: 23,
    description: 'Local hour of the daily digest',
  }),
});
const PreferencesSchema = Type.Object({
  preferences: Type.Array(Type.Object({ ...Preference.properties, isDefault: Type.Boolean() })),
  settings: Settings,
});

const DeliverySchema = Type.Object({
  id: Uuid,
  notificationId: Nullable(Uuid),
  recipientUserId: Nullable(Uuid),
  recipientEmail: Nullable(Type.String()),
  channel: literals(OUTBOX_CHANNELS),
  target: Nullable(Type.String({ description: 'The Slack channel of a channel post' })),
  type: Type.String(),
  title: Type.String(),
  status: literals(DELIVERY_STATUSES),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  nextAttemptAt: Timestamp,
  deliveredAt: NullableTimestamp,
  digestNotificationId: Nullable(Uuid),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/**
 * Each member's notification preferences and digest settings, and the outbox for admins (the in-app list and marking read are in
 * actions.ts). Recording and delivery are in src/notifications.
 */
export function notificationRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const base = '/api/workspaces/:workspaceId';
  const tags = ['notifications'];
  return async (app) => {
    app.get(
      `${base}/notification-preferences`,
      {
        schema: {
          operationId: 'getNotificationPreferences',
          tags,
          summary: 'Get my notification preferences',
          description:
            'Every channel × type with its mode (immediate, digest, off), defaults marked, and when digests go out.',
          response: { 200: PreferencesSchema },
        },
      },
      async (request) => {
        const userId = requireUser(request);
        return preferencesOf(ctx.pool, request.access.workspaceId, userId);
      },
    );

    app.put(
      `${base}/notification-preferences`,
      {
        schema: {
          operationId: 'updateNotificationPreferences',
          tags,
          summary: 'Update my notification preferences',
          description:
            'Sets the given cells (others keep their value or default) and, optionally, the digest settings; answers the whole matrix. Critical notifications skip the digest whatever the mode.',
          body: strictObject({
            preferences: Type.Array(strictObject(Preference.properties), { maxItems: 100 }),
            settings: Type.Optional(
              Type.Partial(strictObject(Settings.properties), { additionalProperties: false }),
            ),
          }),
          response: { 200: PreferencesSchema },
        },
      },
      async (request) => {
        const userId = requireUser(request);
        const { workspaceId } = request.access;
        await withTransaction(ctx.pool, (tx) =>
          updatePreferences(
            tx,
            workspaceId,
            userId,
            request.body.preferences,
            request.body.settings,
          ),
        );
        return preferencesOf(ctx.pool, workspaceId, userId);
      },
    );

    app.get(
      `${base}/notification-deliveries`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'listNotificationDeliveries',
          tags,
          summary: 'List notification deliveries',
          description:
            'The outbox: one row per notification and channel, with its status, attempts and last error, newest first.',
          querystring: Type.Object(
            {
              status: Type.Optional(Type.Array(literals(DELIVERY_STATUSES), { maxItems: 7 })),
              channel: Type.Optional(Type.Array(literals(OUTBOX_CHANNELS), { maxItems: 3 })),
              limit: PageLimit(200, 50),
              cursor: Type.Optional(Type.String({ maxLength: 500 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              items: Type.Array(DeliverySchema),
              nextCursor: Nullable(Type.String()),
            }),
          },
        },
      },
      async (request) =>
        listDeliveries(ctx.pool, request.access.workspaceId, pageSize(request.query, 50)),
    );
  };
}
