import { Repeater, createSchema } from 'graphql-yoga';
import { HttpError } from '../errors.js';
import type { WorkspaceEvent } from '../events/bus.js';
import { actionBatchResolvers, actionBatchTypeDefs } from './action-batches.js';
import { actionExecutionResolvers, actionExecutionTypeDefs } from './action-execution.js';
import { actionResolvers, actionTypeDefs } from './actions.js';
import { activityResolvers, activityTypeDefs } from './activity.js';
import { anomalyResolvers, anomalyTypeDefs } from './anomalies.js';
import { agentResolvers, agentTypeDefs } from './agents.js';
import { agentRunResolvers, agentRunTypeDefs } from './agent-runs.js';
import { conversationDealResolvers, conversationDealTypeDefs } from './conversation-deals.js';
import { conversationSourceResolvers, conversationSourceTypeDefs } from './conversation-sources.js';
import { access, guarded, type GraphQLContext } from './context.js';
import { conversationResolvers, conversationTypeDefs } from './conversations.js';
import { flowRunResolvers, flowRunTypeDefs } from './flow-runs.js';
import { flowStepUndoResolvers, flowStepUndoTypeDefs } from './flow-step-undo.js';
import { flowResolvers, flowTypeDefs } from './flows.js';
import { automationResolvers, automationTypeDefs } from './automations.js';
import { boardResolvers, boardTypeDefs } from './boards.js';
import { inboxResolvers, inboxTypeDefs } from './inbox.js';
import { notificationResolvers, notificationTypeDefs } from './notifications.js';
import { policyResolvers, policyTypeDefs } from './policies.js';
import { skillResolvers, skillTypeDefs } from './skills.js';
import { writebackResolvers, writebackTypeDefs } from './writeback.js';
import { listConnections } from '../tenancy/connections.js';
import { getUser } from '../tenancy/users.js';
import {
  getWorkspace,
  listMembers,
  listUserWorkspaces,
  workspaceCounts,
  type Role,
  type Workspace,
} from '../tenancy/workspaces.js';

const typeDefs = /* GraphQL */ `
  scalar JSON

  enum Role {
    admin
    member
  }

  type User {
    id: ID!
    email: String!
    name: String!
  }

  type ApiKeyIdentity {
    id: ID!
    name: String!
    role: Role!
  }

  type Me {
    "The person logged in; null when the caller is an API key."
    user: User
    apiKey: ApiKeyIdentity
    workspaces: [Workspace!]!
  }

  type WorkspaceCounts {
    accounts: Int!
    contacts: Int!
    deals: Int!
    openDeals: Int!
    openPipelineAmount: Float!
    meetings: Int!
  }

  type Connection {
    id: ID!
    crmType: String!
    name: String!
    status: String!
    statusMessage: String
    hasCredentials: Boolean!
    createdAt: String!
    updatedAt: String!
  }

  type Member {
    user: User!
    role: Role!
    createdAt: String!
  }

  type Workspace {
    id: ID!
    name: String!
    slug: String!
    isDemo: Boolean!
    "The caller's role in this workspace."
    role: Role!
    createdAt: String!
    counts: WorkspaceCounts!
    connections: [Connection!]!
    members: [Member!]!
  }

  type WorkspaceEvent {
    workspaceId: ID!
    type: String!
    payload: JSON!
    at: String!
  }

  type Query {
    me: Me!
    workspace(id: ID!): Workspace!
  }

  type Mutation {
    "Nothing: the features' mutations extend this type."
    _empty: Boolean
  }

  type Subscription {
    "Everything that happens in a workspace, from any Pandora process."
    workspaceEvents(workspaceId: ID!): WorkspaceEvent!
  }
`;

type WorkspaceParent = Workspace & { role: Role };

export { toGraphQLError, type GraphQLContext } from './context.js';

export const schema = createSchema<GraphQLContext>({
  typeDefs: [
    typeDefs,
    actionTypeDefs,
    actionExecutionTypeDefs,
    actionBatchTypeDefs,
    policyTypeDefs,
    skillTypeDefs,
    writebackTypeDefs,
    conversationDealTypeDefs,
    conversationTypeDefs,
    conversationSourceTypeDefs,
    inboxTypeDefs,
    notificationTypeDefs,
    activityTypeDefs,
    anomalyTypeDefs,
    agentTypeDefs,
    agentRunTypeDefs,
    flowTypeDefs,
    flowRunTypeDefs,
    flowStepUndoTypeDefs,
    automationTypeDefs,
    boardTypeDefs,
  ],
  resolvers: [
    {
      Query: {
        me: (_parent, _args, context) =>
          guarded(async () => {
            const principal = context.principal;
            if (!principal)
              throw new HttpError(401, 'unauthenticated', 'Log in or send an API key');
            if (principal.kind === 'apiKey') {
              const workspace = await getWorkspace(context.pool, principal.workspaceId);
              return {
                user: null,
                apiKey: { id: principal.keyId, name: principal.name, role: principal.role },
                workspaces: [{ ...workspace, role: principal.role }],
              };
            }
            const user = await getUser(context.pool, principal.userId);
            if (!user)
              throw new HttpError(401, 'unauthenticated', 'This session belongs to a deleted user');
            return {
              user,
              apiKey: null,
              workspaces: await listUserWorkspaces(context.pool, user.id),
            };
          }),
        workspace: (_parent, args: { id: string }, context) =>
          guarded(async () => {
            const granted = await access(context, args.id);
            return {
              ...(await getWorkspace(context.pool, granted.workspaceId)),
              role: granted.role,
            };
          }),
      },
      Workspace: {
        counts: (parent: WorkspaceParent, _args, context) =>
          guarded(() => workspaceCounts(context.pool, parent.id)),
        connections: (parent: WorkspaceParent, _args, context) =>
          guarded(() => listConnections(context.pool, parent.id)),
        members: (parent: WorkspaceParent, _args, context) =>
          guarded(async () =>
            (await listMembers(context.pool, parent.id)).map((member) => ({
              user: { id: member.userId, email: member.email, name: member.name },
              role: member.role,
              createdAt: member.createdAt,
            })),
          ),
      },
      Subscription: {
        workspaceEvents: {
          subscribe: (_parent, args: { workspaceId: string }, context) =>
            guarded(async () => {
              const granted = await access(context, args.workspaceId);
              const events = context.events;
              if (!events)
                throw new HttpError(
                  503,
                  'subscriptions_unavailable',
                  'This process serves no subscriptions',
                );
              return new Repeater<{ workspaceEvents: WorkspaceEvent }>(async (push, stop) => {
                const unsubscribe = events.subscribe(granted.workspaceId, (event) => {
                  void push({ workspaceEvents: event });
                });
                await stop;
                unsubscribe();
              });
            }),
        },
      },
    },
    actionResolvers,
    actionExecutionResolvers,
    actionBatchResolvers,
    policyResolvers,
    skillResolvers,
    writebackResolvers,
    conversationDealResolvers,
    conversationResolvers,
    conversationSourceResolvers,
    inboxResolvers,
    notificationResolvers,
    activityResolvers,
    anomalyResolvers,
    agentResolvers,
    agentRunResolvers,
    flowResolvers,
    flowRunResolvers,
    flowStepUndoResolvers,
    automationResolvers,
    boardResolvers,
  ],
});
