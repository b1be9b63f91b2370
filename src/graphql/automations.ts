/**
 * GraphQL for members' automations, as over REST (src/http/routes/automations.ts), with
 * the product's first names: `userAutomations`, `createUserAutomation`,
 * `updateUserAutomation`, `deleteUserAutomation`. Members manage their own, admins all;
 * a run started on another rep's record is refused (403 record_out_of_scope).
 */
import { Type } from '@sinclair/typebox';
import { startAutomationRun } from '../flows/automations/start.js';
import {
  createUserAutomation,
  deleteUserAutomation,
  getUserAutomation,
  listUserAutomations,
  updateUserAutomation,
  type AutomationInput,
  type AutomationPatch,
} from '../flows/automations/store.js';
import { startFlowRun } from '../flows/engine/runs.js';
import type { TriggerRecord } from '../flows/triggers/start.js';
import { StepsSchema, TriggerSchema, literals } from '../http/routes/flow-schemas.js';
import { strictObject } from '../http/schemas.js';
import { access, guarded, type GraphQLContext } from './context.js';
import { argument, uuidArg, withoutNulls, type Nullable } from './validate.js';

export const automationTypeDefs = /* GraphQL */ `
  type UserAutomationOwner {
    id: ID!
    name: String!
    email: String!
  }

  "A member's trigger -> steps automation; it runs on its owner's records only."
  type UserAutomation {
    id: ID!
    name: String!
    description: String
    "Paused automations start no runs."
    isActive: Boolean!
    user: UserAutomationOwner!
    "{ type: manual | schedule | event | webhook, ... } as over REST."
    trigger: JSON!
    "[{ key, type, config, name?, retry?, timeoutMs? }]"
    steps: JSON!
    "The published version its runs start on: each save publishes one."
    version: Int!
    createdAt: String!
    updatedAt: String!
  }

  input CreateUserAutomationInput {
    name: String!
    description: String
    trigger: JSON!
    steps: JSON!
    isActive: Boolean
    "Whose it is (admins only; default the caller)."
    userId: ID
  }

  input UpdateUserAutomationInput {
    name: String
    description: String
    trigger: JSON
    steps: JSON
    isActive: Boolean
  }

  "A record by Pandora's id or the CRM's."
  input AutomationRecordInput {
    "deal, account or contact"
    type: String!
    id: String!
  }

  type UserAutomationRunStart {
    runId: ID!
  }

  extend type Workspace {
    "The caller's automations; an admin sees everyone's (or userId's)."
    userAutomations(userId: ID): [UserAutomation!]!
    userAutomation(id: ID!): UserAutomation!
  }

  extend type Mutation {
    "Saved and published at once."
    createUserAutomation(workspaceId: ID!, input: CreateUserAutomationInput!): UserAutomation!
    "A changed trigger or steps publish a new version."
    updateUserAutomation(
      workspaceId: ID!
      id: ID!
      input: UpdateUserAutomationInput!
    ): UserAutomation!
    "It starts no more runs and its open runs are stopped; its past runs stay readable."
    deleteUserAutomation(workspaceId: ID!, id: ID!): Boolean!
    "Runs it now, on record (or input.record) if given: one its owner owns, else 403."
    startUserAutomationRun(
      workspaceId: ID!
      id: ID!
      input: JSON
      record: AutomationRecordInput
    ): UserAutomationRunStart!
  }
`;

type Parent = { id: string };
type Ctx = GraphQLContext;

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.String({ maxLength: 2000 });
const checkCreate = argument(
  'input',
  strictObject({
    name: Name,
    description: Type.Optional(Description),
    trigger: TriggerSchema,
    steps: StepsSchema,
    isActive: Type.Optional(Type.Boolean()),
    userId: Type.Optional(Type.String({ format: 'uuid' })),
  }),
);
const checkPatch = argument(
  'input',
  strictObject({
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    trigger: Type.Optional(TriggerSchema),
    steps: Type.Optional(StepsSchema),
    isActive: Type.Optional(Type.Boolean()),
  }),
);
const checkInput = argument('input', Type.Record(Type.String(), Type.Unknown()));
const checkRecord = argument(
  'record',
  strictObject({
    type: literals(['deal', 'account', 'contact']),
    id: Type.String({ minLength: 1, maxLength: 200 }),
  }),
);

async function viewer(context: Ctx, workspaceId: string) {
  const granted = await access(context, workspaceId);
  return { workspaceId: granted.workspaceId, role: granted.role, userId: granted.userId };
}

export const automationResolvers = {
  Workspace: {
    userAutomations: (parent: Parent, args: Nullable<{ userId: string }>, context: Ctx) =>
      guarded(async () => {
        const caller = await viewer(context, parent.id);
        const userId = args.userId ? uuidArg('userId', args.userId) : undefined;
        return listUserAutomations(context.pool, caller.workspaceId, caller, { userId });
      }),
    userAutomation: (parent: Parent, args: { id: string }, context: Ctx) =>
      guarded(async () => {
        const caller = await viewer(context, parent.id);
        return getUserAutomation(context.pool, caller.workspaceId, caller, uuidArg('id', args.id));
      }),
  },
  Mutation: {
    createUserAutomation: (
      _parent: unknown,
      args: { workspaceId: string; input: Nullable<AutomationInput> },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await viewer(context, args.workspaceId);
        const input = checkCreate(withoutNulls(args.input) as never) as AutomationInput;
        return createUserAutomation(context.pool, caller.workspaceId, caller, input);
      }),
    updateUserAutomation: (
      _parent: unknown,
      args: { workspaceId: string; id: string; input: Nullable<AutomationPatch> },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await viewer(context, args.workspaceId);
        const id = uuidArg('id', args.id);
        const patch = checkPatch(withoutNulls(args.input) as never) as AutomationPatch;
        return updateUserAutomation(context.pool, caller.workspaceId, caller, id, patch);
      }),
    deleteUserAutomation: (
      _parent: unknown,
      args: { workspaceId: string; id: string },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await viewer(context, args.workspaceId);
        await deleteUserAutomation(
          context.pool,
          caller.workspaceId,
          caller,
          uuidArg('id', args.id),
        );
        return true;
      }),
    startUserAutomationRun: (
      _parent: unknown,
      args: {
        workspaceId: string;
        id: string;
        input?: Record<string, unknown> | null;
        record?: { type: 'deal' | 'account' | 'contact'; id: string } | null;
      },
      context: Ctx,
    ) =>
      guarded(async () => {
        const caller = await viewer(context, args.workspaceId);
        const id = uuidArg('id', args.id);
        return startAutomationRun(context.pool, startFlowRun, caller.workspaceId, caller, id, {
          input: checkInput(args.input),
          record: checkRecord(args.record) as TriggerRecord | undefined,
        });
      }),
  },
};
