/**
 * GraphQL for meeting agents, as over REST: any member reads agents, templates and the
 * trust each field earned; admins create, change, activate and pause them. Inputs are
 * checked against the same TypeBox schemas as the REST bodies (400 validation_failed
 * naming the field), then by the domain (unknown_field, unknown_property,
 * trust_not_earned...).
 */
import {
  AgentConfigCreateSchema,
  AgentConfigPatchSchema,
  type AgentConfigCreate,
  type AgentConfigPatch,
} from '../agents/config-schema.js';
import {
  createAgentConfig,
  deleteAgentConfig,
  getAgentConfig,
  listAgentConfigs,
  updateAgentConfig,
  type AgentConfig,
} from '../agents/configs.js';
import { activateAgent, pauseAgent } from '../agents/lifecycle.js';
import { AGENT_TEMPLATES } from '../agents/templates.js';
import { fieldTrust } from '../agents/trust.js';
import { callerAs, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg, withoutNulls } from './validate.js';

export const agentTypeDefs = /* GraphQL */ `
  enum AgentStatus {
    draft
    active
    paused
    error
  }

  "shadow: proposes and writes nothing; live: applies the fields that earned auto-apply."
  enum AgentMode {
    shadow
    live
  }

  enum AgentCallType {
    discovery
    demo
    negotiation
    renewal
  }

  "auto: applied at or above the threshold once trusted; ask: always a person; never: untouched."
  enum AgentFieldRule {
    auto
    ask
    never
  }

  enum AgentRecordType {
    deal
    contact
    account
  }

  type AgentFieldConfig {
    field: String!
    "The deal property written; null: the field's default for the CRM."
    crmProperty: String
    rule: AgentFieldRule!
    threshold: Float!
    autoApplyEnabled: Boolean!
  }

  type AgentScope {
    ownerIds: [ID!]
    pipelines: [String!]
    recordTypes: [AgentRecordType!]!
    "The competitors the agent listens for."
    competitors: [String!]
    "The fiscal year's first month (1-12)."
    fiscalYearStartMonth: Int
  }

  "A field's shadow outcomes over the latest ones (at most 100), and whether auto-apply may be on."
  type AgentFieldTrust {
    field: String!
    rule: AgentFieldRule!
    autoApplyEnabled: Boolean!
    samples: Int!
    correct: Int!
    precision: Float
    threshold: Float!
    minSamples: Int!
    autoApplyAllowed: Boolean!
    lastDecidedAt: String
  }

  type AgentConfig {
    id: ID!
    connectionId: ID!
    crmType: String!
    name: String!
    "Empty: every call."
    callTypes: [AgentCallType!]!
    scope: AgentScope!
    fields: [AgentFieldConfig!]!
    templateId: String
    status: AgentStatus!
    mode: AgentMode!
    precisionThreshold: Float!
    minSamples: Int!
    inboxExpiryHours: Int!
    statusReason: String
    createdBy: String
    createdAt: String!
    updatedAt: String!
    fieldTrust: [AgentFieldTrust!]!
  }

  type AgentTemplate {
    id: String!
    name: String!
    description: String!
    callTypes: [AgentCallType!]!
    fields: [AgentFieldConfig!]!
  }

  input AgentFieldConfigInput {
    field: String!
    crmProperty: String
    rule: AgentFieldRule!
    "0.5 to 1, default 0.9."
    threshold: Float
    "Refused (trust_not_earned) until the field's shadow precision earns it."
    autoApplyEnabled: Boolean
  }

  input AgentScopeInput {
    ownerIds: [ID!]
    pipelines: [String!]
    recordTypes: [AgentRecordType!]
    competitors: [String!]
    fiscalYearStartMonth: Int
  }

  input CreateAgentConfigInput {
    name: String!
    connectionId: ID!
    "A template whose call types and fields are the defaults."
    templateId: String
    callTypes: [AgentCallType!]
    scope: AgentScopeInput
    fields: [AgentFieldConfigInput!]
    precisionThreshold: Float
    minSamples: Int
    inboxExpiryHours: Int
  }

  "The parts to change; given fields or scope replace the old ones whole."
  input UpdateAgentConfigInput {
    name: String
    callTypes: [AgentCallType!]
    scope: AgentScopeInput
    fields: [AgentFieldConfigInput!]
    mode: AgentMode
    precisionThreshold: Float
    minSamples: Int
    inboxExpiryHours: Int
  }

  extend type Workspace {
    "Meeting agents, newest first."
    agentConfigs: [AgentConfig!]!
    agentConfig(id: ID!): AgentConfig!
    "Templates per call type, MEDDICC and BANT; with a call type, those for it and for every call."
    agentTemplates(callType: AgentCallType): [AgentTemplate!]!
  }

  extend type Mutation {
    "A draft in shadow mode (admins)."
    createAgentConfig(workspaceId: ID!, input: CreateAgentConfigInput!): AgentConfig!
    updateAgentConfig(workspaceId: ID!, id: ID!, input: UpdateAgentConfigInput!): AgentConfig!
    deleteAgentConfig(workspaceId: ID!, id: ID!): Boolean!
    "From draft, paused or error; every field it may update needs a CRM property now."
    activateAgent(workspaceId: ID!, id: ID!): AgentConfig!
    "From active or error."
    pauseAgent(workspaceId: ID!, id: ID!): AgentConfig!
  }
`;

type Parent = { id: string };
type Ctx = GraphQLContext;
type Loose<T> = { [K in keyof T]?: T[K] | null };

const checkCreate = argument('input', AgentConfigCreateSchema);
const checkPatch = argument('input', AgentConfigPatchSchema);

/** GraphQL's explicit nulls, nested ones too, as the absent values the schemas expect. */
function inputOf<T extends Loose<AgentConfigCreate & AgentConfigPatch>>(input: T) {
  const value = withoutNulls(input) as Record<string, unknown>;
  if (value.scope) value.scope = withoutNulls(value.scope as object);
  if (Array.isArray(value.fields)) {
    // crmProperty null means "the default" and stays; other nulls mean absent.
    value.fields = value.fields.map((field: Record<string, unknown>) => ({
      ...withoutNulls(field),
      ...('crmProperty' in field ? { crmProperty: field.crmProperty } : {}),
    }));
  }
  return value;
}

const deps = (context: Ctx) => ({
  pool: context.pool,
  secretKey: context.secretKey,
  outbound: context.outbound,
});

export const agentResolvers = {
  Workspace: {
    agentConfigs: (parent: Parent, _args: unknown, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return listAgentConfigs(context.pool, caller.workspaceId);
      }),
    agentConfig: (parent: Parent, args: { id: string }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return getAgentConfig(context.pool, caller.workspaceId, uuidArg('id', args.id));
      }),
    agentTemplates: (_parent: Parent, args: { callType?: string | null }) =>
      AGENT_TEMPLATES.filter(
        (template) =>
          !args.callType ||
          template.callTypes.length === 0 ||
          (template.callTypes as string[]).includes(args.callType),
      ),
  },
  AgentConfig: {
    fieldTrust: (parent: AgentConfig, _args: unknown, context: Ctx) =>
      guarded(() => fieldTrust(context.pool, parent.id)),
  },
  Mutation: {
    createAgentConfig: (
      _parent: unknown,
      args: { workspaceId: string; input: Loose<AgentConfigCreate> },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        const input = checkCreate(inputOf(args.input) as AgentConfigCreate)!;
        return createAgentConfig(deps(context), caller.workspaceId, input, caller.actor);
      }),
    updateAgentConfig: (
      _parent: unknown,
      args: { workspaceId: string; id: string; input: Loose<AgentConfigPatch> },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        const id = uuidArg('id', args.id);
        const patch = checkPatch(inputOf(args.input) as AgentConfigPatch)!;
        return updateAgentConfig(deps(context), caller.workspaceId, id, patch);
      }),
    deleteAgentConfig: (
      _parent: unknown,
      args: { workspaceId: string; id: string },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        await deleteAgentConfig(context.pool, caller.workspaceId, uuidArg('id', args.id));
        return true;
      }),
    activateAgent: (_parent: unknown, args: { workspaceId: string; id: string }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        return activateAgent(deps(context), caller.workspaceId, uuidArg('id', args.id));
      }),
    pauseAgent: (_parent: unknown, args: { workspaceId: string; id: string }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        return pauseAgent(context.pool, caller.workspaceId, uuidArg('id', args.id));
      }),
  },
};
