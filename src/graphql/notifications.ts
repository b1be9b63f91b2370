/**
 * GraphQL for notifications: the caller's preferences and digest settings, changing
 * one cell, and `notificationCreated`, live from any process and only the caller's
 * own. The list and marking read are `notifications` / `markNotificationsRead`
 * (action-batches.ts), reading the same table.
 */
import { Type } from '@sinclair/typebox';
import { Repeater } from 'graphql-yoga';
import type { Caller } from '../actions/service.js';
import { withTransaction } from '../db/pool.js';
import { HttpError } from '../errors.js';
import { notificationOf, type InAppNotification } from '../notifications/in-app.js';
import {
  preferencesOf,
  updatePreferences,
  type DigestPeriod,
  type PreferenceCell,
} from '../notifications/preferences.js';
import { callerAs, guarded, type GraphQLContext } from './context.js';
import { argument } from './validate.js';

export const notificationTypeDefs = /* GraphQL */ `
  enum NotificationChannel {
    in_app
    slack
    email
    push
  }

  "What a notification is about; each member picks a mode per channel and type."
  enum NotificationPreferenceType {
    approval
    question
    expiring
    anomaly
    agent_run
    skill_result
    notify_rep
    notify_manager
  }

  enum DeliveryMode {
    immediate
    digest
    off
  }

  enum DigestPeriod {
    daily
    hourly
  }

  type NotificationPreference {
    channel: NotificationChannel!
    type: NotificationPreferenceType!
    mode: DeliveryMode!
    "True while the member has not chosen (the default applies)."
    isDefault: Boolean!
  }

  type NotificationSettings {
    "An IANA zone (Europe/Paris): daily digests go out at digestHour there."
    timeZone: String!
    digestPeriod: DigestPeriod!
    digestHour: Int!
  }

  type NotificationPreferences {
    preferences: [NotificationPreference!]!
    settings: NotificationSettings!
  }

  extend type Notification {
    "The notification type (approval, anomaly, digest, ...); the same as kind."
    type: String!
    "A console path: /inbox/<id>."
    link: String
    severity: String!
    "Critical notifications skip the digest."
    critical: Boolean!
    inboxItemId: ID
    anomalyId: ID
    "{ fields } for approvals, { items } for a digest."
    data: JSON!
  }

  extend type Workspace {
    "The caller's mode per channel and type (defaults included) and digest settings."
    notificationPreferences: NotificationPreferences!
  }

  extend type Mutation {
    "Sets one channel × type cell of the caller's preferences."
    updateNotificationPreference(
      workspaceId: ID!
      channel: NotificationChannel!
      type: NotificationPreferenceType!
      mode: DeliveryMode!
    ): NotificationPreference!
    "When the caller's digests go out; omitted arguments keep their value."
    updateNotificationSettings(
      workspaceId: ID!
      timeZone: String
      digestPeriod: DigestPeriod
      digestHour: Int
    ): NotificationSettings!
  }

  extend type Subscription {
    "The caller's own in-app notifications as they are recorded."
    notificationCreated(workspaceId: ID!): Notification!
  }
`;

type Ctx = GraphQLContext;

const checkTimeZone = argument('timeZone', Type.String({ minLength: 1, maxLength: 64 }));
const checkDigestHour = argument('digestHour', Type.Integer({ minimum: 0, maximum: 23 }));

/** Preferences belong to a person: an API key has none. */
async function personAs(context: Ctx, workspaceId: string): Promise<Caller & { sourceId: string }> {
  const caller = await callerAs(context, workspaceId);
  if (caller.kind !== 'user' || !caller.sourceId) {
    throw new HttpError(
      403,
      'user_session_required',
      'Notification preferences belong to a person; an API key has none',
    );
  }
  return caller as Caller & { sourceId: string };
}

export const notificationResolvers = {
  Notification: {
    type: (parent: InAppNotification) => parent.kind,
  },
  Workspace: {
    notificationPreferences: (parent: { id: string }, _args: unknown, context: Ctx) =>
      guarded(async () => {
        const caller = await personAs(context, parent.id);
        return preferencesOf(context.pool, caller.workspaceId, caller.sourceId);
      }),
  },
  Mutation: {
    updateNotificationPreference: (
      _parent: unknown,
      args: { workspaceId: string; channel: string; type: string; mode: string },
      context: Ctx,
    ) =>
      guarded(async (): Promise<PreferenceCell> => {
        const caller = await personAs(context, args.workspaceId);
        const change = { channel: args.channel, type: args.type, mode: args.mode };
        await updatePreferences(context.pool, caller.workspaceId, caller.sourceId, [change]);
        const { preferences } = await preferencesOf(
          context.pool,
          caller.workspaceId,
          caller.sourceId,
        );
        return preferences.find((p) => p.channel === args.channel && p.type === args.type)!;
      }),
    updateNotificationSettings: (
      _parent: unknown,
      args: {
        workspaceId: string;
        timeZone?: string | null;
        digestPeriod?: DigestPeriod | null;
        digestHour?: number | null;
      },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await personAs(context, args.workspaceId);
        const settings = {
          ...(args.timeZone != null ? { timeZone: checkTimeZone(args.timeZone)! } : {}),
          ...(args.digestPeriod != null ? { digestPeriod: args.digestPeriod } : {}),
          ...(args.digestHour != null ? { digestHour: checkDigestHour(args.digestHour)! } : {}),
        };
        await withTransaction(context.pool, (tx) =>
          updatePreferences(tx, caller.workspaceId, caller.sourceId, [], settings),
        );
        return (await preferencesOf(context.pool, caller.workspaceId, caller.sourceId)).settings;
      }),
  },
  Subscription: {
    notificationCreated: {
      subscribe: (_parent: unknown, args: { workspaceId: string }, context: Ctx) =>
        guarded(async () => {
          const caller = await personAs(context, args.workspaceId);
          const events = context.events;
          if (!events)
            throw new HttpError(
              503,
              'subscriptions_unavailable',
              'This process serves no subscriptions',
            );
          return new Repeater<{ notificationCreated: InAppNotification }>(async (push, stop) => {
            const unsubscribe = events.subscribe(caller.workspaceId, (event) => {
              if (
                event.type !== 'notification.created' ||
                event.payload.recipientUserId !== caller.sourceId ||
                event.payload.inApp === false
              )
                return;
              void notificationOf(context.pool, caller, String(event.payload.notificationId))
                .then((notification) =>
                  notification ? push({ notificationCreated: notification }) : undefined,
                )
                .catch(() => undefined);
            });
            await stop;
            unsubscribe();
          });
        }),
    },
  },
};
