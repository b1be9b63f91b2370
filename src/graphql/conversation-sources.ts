/**
 * GraphQL for conversation sources and the sales roster: the same services as REST
 * (src/http/routes/conversation-source*.ts), members read, admins change.
 */
import { Type } from '@sinclair/typebox';
import { salesRoster } from '../conversations/roster.js';
import {
  connectFireflies,
  connectGong,
  fetchUserDirectory,
  FirefliesConnectInput,
  GongConnectInput,
  queueSourceSync,
  trackUsers,
} from '../conversations/source-connect.js';
import {
  createWebhookSource,
  deleteSource,
  getSource,
  listSources,
  rotateSigningSecret,
  updateSource,
  type ConversationSource,
} from '../conversations/sources.js';
import { getDirectory, MAX_TRACKED_USERS } from '../conversations/tracked-users.js';
import { callerAs, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg, withoutNulls, type Nullable } from './validate.js';

export const conversationSourceTypeDefs = /* GraphQL */ `
  enum ConversationSourceType {
    gong
    fireflies
    webhook
  }

  type SourceDirectoryUser {
    "The recorder's own id"
    id: String!
    email: String!
    name: String!
    title: String
    active: Boolean!
    tracked: Boolean!
  }

  "A Gong, Fireflies or webhook source; credentials never leave the server."
  type ConversationSource {
    id: ID!
    sourceType: ConversationSourceType!
    "source, or sandbox for an emulated recorder the server set up"
    kind: String!
    name: String!
    status: String!
    statusMessage: String
    hasCredentials: Boolean!
    "access_key, oauth, api_key or signing_secret"
    authMethod: String
    directorySize: Int!
    directoryFetchedAt: String
    trackedUserIds: [String!]!
    lastSyncAt: String
    syncIntervalHours: Int!
    createdAt: String!
    updatedAt: String!
    "The user directory as last fetched, each user marked tracked or not"
    users: [SourceDirectoryUser!]!
  }

  type WebhookSourceSecret {
    source: ConversationSource!
    "Shown once: sign each delivery with it"
    signingSecret: String!
    "Where the sender posts meetings (relative when no public URL is configured)"
    webhookUrl: String!
  }

  type TrackedUsersResult {
    source: ConversationSource!
    syncQueued: Boolean!
  }

  type RosterOwner {
    id: ID!
    "The CRM: hubspot or salesforce"
    source: String!
    sourceId: String!
    name: String!
  }

  type RosterSource {
    connectionId: ID!
    sourceType: ConversationSourceType!
    sourceName: String!
    userId: String!
  }

  "A rep tracked on any conversation source, merged by email"
  type SalesRosterEntry {
    email: String!
    name: String!
    title: String
    active: Boolean!
    crmOwners: [RosterOwner!]!
    sources: [RosterSource!]!
  }

  input GongSourceInput {
    name: String!
    accessKey: String
    accessKeySecret: String
    "An OAuth token instead of the key pair"
    accessToken: String
    "The company's own Gong API host"
    baseUrl: String
  }

  input FirefliesSourceInput {
    name: String!
    apiKey: String!
    "free, pro, business or enterprise: sets the rate limits"
    plan: String
  }

  input ConversationSourcePatch {
    name: String
    syncIntervalHours: Int
  }

  extend type Workspace {
    conversationSources: [ConversationSource!]!
    conversationSource(id: ID!): ConversationSource!
    salesRoster: [SalesRosterEntry!]!
  }

  extend type Mutation {
    "Connects Gong; its user directory is fetched at once"
    connectGong(workspaceId: ID!, input: GongSourceInput!): ConversationSource!
    connectFireflies(workspaceId: ID!, input: FirefliesSourceInput!): ConversationSource!
    createWebhookSource(workspaceId: ID!, name: String!): WebhookSourceSecret!
    updateConversationSource(
      workspaceId: ID!
      id: ID!
      patch: ConversationSourcePatch!
    ): ConversationSource!
    "Fetches the user directory from the recorder again"
    refreshConversationSourceUsers(workspaceId: ID!, id: ID!): ConversationSource!
    setConversationSourceTrackedUsers(
      workspaceId: ID!
      id: ID!
      userIds: [String!]!
    ): TrackedUsersResult!
    "Queues a sync of the tracked users' calls; answers the job id"
    syncConversationSource(workspaceId: ID!, id: ID!): String!
    rotateWebhookSourceSecret(workspaceId: ID!, id: ID!): WebhookSourceSecret!
    deleteConversationSource(workspaceId: ID!, id: ID!): Boolean!
  }
`;

type Ctx = GraphQLContext;
type WorkspaceParent = { id: string };

const checkGong = argument('input', GongConnectInput);
const checkFireflies = argument('input', FirefliesConnectInput);
const checkName = argument('name', Type.String({ minLength: 1, maxLength: 200 }));
const checkPatch = argument(
  'patch',
  Type.Object(
    {
      name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      syncIntervalHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })),
    },
    { additionalProperties: false, minProperties: 1 },
  ),
);
const checkUserIds = argument(
  'userIds',
  Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: MAX_TRACKED_USERS }),
);

const connectorDeps = (context: Ctx) => ({
  pool: context.pool,
  secretKey: context.secretKey,
  log: context.log,
  outbound: context.outbound,
});

const webhookUrl = (context: Ctx, id: string) =>
  `${context.publicUrl ?? ''}/api/hooks/conversations/${id}`;

export const conversationSourceResolvers = {
  ConversationSource: {
    users: (parent: ConversationSource, _args: unknown, context: Ctx) =>
      guarded(async () => {
        const { users } = await getDirectory(context.pool, parent.workspaceId, parent.id);
        return users;
      }),
  },
  Workspace: {
    conversationSources: (parent: WorkspaceParent, _args: unknown, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return listSources(context.pool, caller.workspaceId);
      }),
    conversationSource: (parent: WorkspaceParent, args: { id: string }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return getSource(context.pool, caller.workspaceId, uuidArg('id', args.id));
      }),
    salesRoster: (parent: WorkspaceParent, _args: unknown, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return salesRoster(context.pool, caller.workspaceId);
      }),
  },
  Mutation: {
    connectGong: (
      _parent: unknown,
      args: { workspaceId: string; input: Nullable<GongConnectInput> },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        const input = withoutNulls(args.input) as GongConnectInput;
        checkGong(input);
        return connectGong(connectorDeps(context), caller.workspaceId, input, 'input.');
      }),
    connectFireflies: (
      _parent: unknown,
      args: { workspaceId: string; input: Nullable<FirefliesConnectInput> },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        const input = withoutNulls(args.input) as FirefliesConnectInput;
        checkFireflies(input);
        return connectFireflies(connectorDeps(context), caller.workspaceId, input);
      }),
    createWebhookSource: (
      _parent: unknown,
      args: { workspaceId: string; name: string },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        checkName(args.name);
        const created = await createWebhookSource(context.pool, context.secretKey, {
          workspaceId: caller.workspaceId,
          name: args.name,
        });
        return { ...created, webhookUrl: webhookUrl(context, created.source.id) };
      }),
    updateConversationSource: (
      _parent: unknown,
      args: {
        workspaceId: string;
        id: string;
        patch: Nullable<{ name: string; syncIntervalHours: number }>;
      },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        const patch = withoutNulls(args.patch);
        checkPatch(patch);
        return updateSource(context.pool, caller.workspaceId, uuidArg('id', args.id), patch);
      }),
    refreshConversationSourceUsers: (
      _parent: unknown,
      args: { workspaceId: string; id: string },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        return fetchUserDirectory(
          connectorDeps(context),
          caller.workspaceId,
          uuidArg('id', args.id),
        );
      }),
    setConversationSourceTrackedUsers: (
      _parent: unknown,
      args: { workspaceId: string; id: string; userIds: string[] },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        checkUserIds(args.userIds);
        return trackUsers(context, caller.workspaceId, uuidArg('id', args.id), args.userIds);
      }),
    syncConversationSource: (
      _parent: unknown,
      args: { workspaceId: string; id: string },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        return queueSourceSync(context, caller.workspaceId, uuidArg('id', args.id), 'manual');
      }),
    rotateWebhookSourceSecret: (
      _parent: unknown,
      args: { workspaceId: string; id: string },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        const rotated = await rotateSigningSecret(
          context.pool,
          context.secretKey,
          caller.workspaceId,
          uuidArg('id', args.id),
        );
        return { ...rotated, webhookUrl: webhookUrl(context, rotated.source.id) };
      }),
    deleteConversationSource: (
      _parent: unknown,
      args: { workspaceId: string; id: string },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        await deleteSource(context.pool, caller.workspaceId, uuidArg('id', args.id));
        return true;
      }),
  },
};
