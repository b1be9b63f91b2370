/**
 * GraphQL for action policies: any member reads and dry-runs them, admins change
 * them, as over REST. Validation is the domain's (`validatePolicy`: 400
 * `invalid_policy` naming the field).
 */
import { Type } from '@sinclair/typebox';
import {
  createPolicy,
  deletePolicy,
  getPolicy,
  listPolicies,
  updatePolicy,
  type PolicyInput,
  type PolicyMatch,
  type PolicyPatch,
} from '../actions/policies.js';
import { dryRunPolicy } from '../actions/policy-dry-run.js';
import { badRequest } from '../errors.js';
import { callerAs, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg, withoutNulls, type Nullable } from './validate.js';

export const policyTypeDefs = /* GraphQL */ `
  enum PolicyEffect {
    auto_execute
    require_approval
    block
  }

  "A policy's effect on an action in a dry run, or no_match."
  enum DryRunEffect {
    auto_execute
    require_approval
    block
    no_match
  }

  "When a policy applies: every condition given must hold; none applies to every action."
  type PolicyMatch {
    actionTypes: [String!]
    severities: [Severity!]
    "Inclusive."
    impactMin: Float
    "Inclusive."
    impactMax: Float
    "Matches when any field the action updates is listed (case-insensitive)."
    fields: [String!]
    "With fields: every field the action updates must be listed."
    fieldsOnly: Boolean
    sourceTypes: [SourceType!]
    sourceNames: [String!]
  }

  input PolicyMatchInput {
    actionTypes: [String!]
    severities: [Severity!]
    impactMin: Float
    impactMax: Float
    fields: [String!]
    fieldsOnly: Boolean
    sourceTypes: [SourceType!]
    sourceNames: [String!]
  }

  type ActionPolicy {
    id: ID!
    name: String!
    enabled: Boolean!
    "Lower is consulted first; the first matching enabled policy decides."
    priority: Int!
    match: PolicyMatch!
    effect: PolicyEffect!
    createdBy: String
    createdAt: String!
    updatedAt: String!
  }

  input PolicyInput {
    name: String!
    "Default true."
    enabled: Boolean
    "0 to 1,000,000, default 100."
    priority: Int
    "Default: every action."
    match: PolicyMatchInput
    effect: PolicyEffect!
  }

  "The parts to change; a given match replaces the old one whole."
  input PolicyPatch {
    name: String
    enabled: Boolean
    priority: Int
    match: PolicyMatchInput
    effect: PolicyEffect
  }

  type DryRunPolicy {
    "Null for a policy not yet saved."
    id: ID
    name: String!
    enabled: Boolean!
    priority: Int!
    effect: PolicyEffect!
    match: PolicyMatch!
  }

  type DryRunAction {
    id: ID!
    title: String!
    actionType: String!
    status: ActionStatus!
    createdAt: String!
    "What this policy on its own would do."
    policyEffect: DryRunEffect!
    "What the enabled policies decide today, and which one."
    currentEffect: DryRunEffect!
    currentPolicyId: ID
    "What they would decide with this policy in place and enabled."
    resultingEffect: DryRunEffect!
    changed: Boolean!
  }

  type DryRunEffectCounts {
    auto_execute: Int!
    require_approval: Int!
    block: Int!
    no_match: Int!
  }

  type DryRunTotals {
    policy: DryRunEffectCounts!
    current: DryRunEffectCounts!
    resulting: DryRunEffectCounts!
    changed: Int!
  }

  type PolicyDryRun {
    policy: DryRunPolicy!
    "How many actions were examined."
    considered: Int!
    actions: [DryRunAction!]!
    totals: DryRunTotals!
  }

  extend type Workspace {
    "The policies, in the order they are consulted."
    actionPolicies: [ActionPolicy!]!
    actionPolicy(id: ID!): ActionPolicy!
  }

  extend type Mutation {
    createActionPolicy(workspaceId: ID!, input: PolicyInput!): ActionPolicy!
    updateActionPolicy(workspaceId: ID!, id: ID!, patch: PolicyPatch!): ActionPolicy!
    deleteActionPolicy(workspaceId: ID!, id: ID!): Boolean!
    """
    Try a saved policy (id, enabled or not) or one not yet saved (input) on the last
    actions (1 to 1,000, default 100); writes nothing.
    """
    dryRunActionPolicy(workspaceId: ID!, id: ID, input: PolicyInput, last: Int): PolicyDryRun!
  }
`;

type Parent = { id: string };
type Ctx = GraphQLContext;

const checkPatch = argument('patch', Type.Object({}, { minProperties: 1 }));

/** GraphQL's explicit nulls as the absent conditions and fields the domain expects. */
function policyOf<T extends Nullable<PolicyPatch>>(input: T): T {
  const policy = withoutNulls(input) as T & { match?: PolicyMatch };
  if (policy.match) policy.match = withoutNulls(policy.match);
  return policy;
}

export const policyResolvers = {
  Workspace: {
    actionPolicies: (parent: Parent, _args: unknown, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return listPolicies(context.pool, caller.workspaceId);
      }),
    actionPolicy: (parent: Parent, args: { id: string }, context: Ctx) =>
      guarded(async () => {
        const caller = await callerAs(context, parent.id);
        return getPolicy(context.pool, caller.workspaceId, uuidArg('id', args.id));
      }),
  },
  Mutation: {
    createActionPolicy: (
      _parent: unknown,
      args: { workspaceId: string; input: PolicyInput },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        return createPolicy(context.pool, caller.workspaceId, policyOf(args.input), caller.actor);
      }),
    updateActionPolicy: (
      _parent: unknown,
      args: { workspaceId: string; id: string; patch: Nullable<PolicyPatch> },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        const id = uuidArg('id', args.id);
        const patch = policyOf(args.patch) as PolicyPatch;
        checkPatch(patch);
        return updatePolicy(context.pool, caller.workspaceId, id, patch);
      }),
    deleteActionPolicy: (
      _parent: unknown,
      args: { workspaceId: string; id: string },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId, 'admin');
        await deletePolicy(context.pool, caller.workspaceId, uuidArg('id', args.id));
        return true;
      }),
    dryRunActionPolicy: (
      _parent: unknown,
      args: {
        workspaceId: string;
        id?: string | null;
        input?: PolicyInput | null;
        last?: number | null;
      },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await callerAs(context, args.workspaceId);
        if ((args.id == null) === (args.input == null)) {
          throw badRequest(
            'validation_failed',
            'Give exactly one of id (a saved policy) and input (one not yet saved)',
            [{ field: 'id', message: 'give exactly one of id and input' }],
          );
        }
        const policy =
          args.id != null
            ? await getPolicy(context.pool, caller.workspaceId, uuidArg('id', args.id))
            : policyOf(args.input!);
        return dryRunPolicy(context.pool, caller.workspaceId, policy, {
          last: args.last ?? undefined,
        });
      }),
  },
};
