/**
 * The GraphQL subscriptions the console listens to. Each selects only the id: an event
 * only says "something changed"; the page then refetches its REST query, which stays
 * the one source of what is shown (and of its types).
 */
export const LIVE_TOPICS = {
  inboxItemCreated: /* GraphQL */ `
    subscription InboxItemCreated($workspaceId: ID!) {
      inboxItemCreated(workspaceId: $workspaceId) {
        id
      }
    }
  `,
  activityLogCreated: /* GraphQL */ `
    subscription ActivityLogCreated($workspaceId: ID!) {
      activityLogCreated(workspaceId: $workspaceId) {
        id
      }
    }
  `,
  notificationCreated: /* GraphQL */ `
    subscription NotificationCreated($workspaceId: ID!) {
      notificationCreated(workspaceId: $workspaceId) {
        id
      }
    }
  `,
} as const;

export type LiveTopic = keyof typeof LIVE_TOPICS;
