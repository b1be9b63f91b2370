import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  createPolicy,
  deletePolicy,
  getPolicy,
  listPolicies,
  MAX_LIST,
  MAX_PRIORITY,
  POLICY_EFFECTS,
  updatePolicy,
  type PolicyInput,
  type PolicyMatch,
} from '../../actions/policies.js';
import {
  DEFAULT_DRY_RUN_LAST,
  DRY_RUN_EFFECTS,
  dryRunPolicy,
  MAX_DRY_RUN_LAST,
} from '../../actions/policy-dry-run.js';
import { ACTION_STATUSES, SEVERITIES, SOURCE_TYPES } from '../../actions/store.js';
import { actorName } from '../auth.js';
import type { AppContext } from '../context.js';
import { Timestamp, Uuid, strictObject } from '../schemas.js';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));

const Effect = literals(POLICY_EFFECTS);
const DryRunEffect = literals(DRY_RUN_EFFECTS);

// Structure only; what needs the whole match (impactMin <= impactMax, fieldsOnly with
// fields, no empty lists) is checked by validatePolicy and answered as invalid_policy.
const MatchSchema = strictObject({
  actionTypes: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: MAX_LIST })),
  severities: Type.Optional(Type.Array(literals(SEVERITIES), { maxItems: MAX_LIST })),
  impactMin: Type.Optional(Type.Number({ description: 'Inclusive' })),
  impactMax: Type.Optional(Type.Number({ description: 'Inclusive' })),
  fields: Type.Optional(
    Type.Array(Type.String({ maxLength: 200 }), {
      maxItems: MAX_LIST,
      description: 'Matches when any field the action updates is listed (case-insensitive)',
    }),
  ),
  fieldsOnly: Type.Optional(
    Type.Boolean({ description: 'With fields: every field the action updates must be listed' }),
  ),
  sourceTypes: Type.Optional(Type.Array(literals(SOURCE_TYPES), { maxItems: MAX_LIST })),
  sourceNames: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: MAX_LIST })),
});

const PolicySchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  enabled: Type.Boolean(),
  priority: Type.Integer(),
  match: MatchSchema,
  effect: Effect,
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const policyBodyFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  enabled: Type.Optional(Type.Boolean({ default: true })),
  priority: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: MAX_PRIORITY,
      description: 'Lower is consulted first; the first matching enabled policy decides',
    }),
  ),
  match: Type.Optional(MatchSchema),
  effect: Effect,
};
const PolicyBody = strictObject(policyBodyFields);
const PolicyPatchBody = Type.Object(
  {
    name: Type.Optional(policyBodyFields.name),
    enabled: Type.Optional(Type.Boolean()),
    priority: policyBodyFields.priority,
    match: Type.Optional(MatchSchema),
    effect: Type.Optional(Effect),
  },
  { additionalProperties: false, minProperties: 1 },
);

const Last = Type.Integer({
  minimum: 1,
  maximum: MAX_DRY_RUN_LAST,
  default: DEFAULT_DRY_RUN_LAST,
  description: 'How many of the most recent actions to try the policy on',
});

const Totals = Type.Object(
  Object.fromEntries(DRY_RUN_EFFECTS.map((effect) => [effect, Type.Integer()])) as Record<
    (typeof DRY_RUN_EFFECTS)[number],
    ReturnType<typeof Type.Integer>
  >,
);
const DryRunSchema = Type.Object({
  policy: Type.Object({
    id: Type.Union([Uuid, Type.Null()]),
    name: Type.String(),
    enabled: Type.Boolean(),
    priority: Type.Integer(),
    effect: Effect,
    match: MatchSchema,
  }),
  considered: Type.Integer(),
  actions: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      actionType: Type.String(),
      status: literals(ACTION_STATUSES),
      createdAt: Timestamp,
      policyEffect: DryRunEffect,
      currentEffect: DryRunEffect,
      currentPolicyId: Type.Union([Uuid, Type.Null()]),
      resultingEffect: DryRunEffect,
      changed: Type.Boolean(),
    }),
  ),
  totals: Type.Object({
    policy: Totals,
    current: Totals,
    resulting: Totals,
    changed: Type.Integer(),
  }),
});

const PolicyParams = Type.Object({ policyId: Uuid });

/**
 * Action policies: which actions run at once, wait for approval or are refused.
 * Any member reads them and tries them (a dry run writes nothing); admins change them.
 */
export function policyRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const base = '/api/workspaces/:workspaceId/action-policies';
  const tags = ['action policies'];
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          operationId: 'listActionPolicies',
          tags,
          summary: 'List action policies',
          description: 'The policies, in the order they are consulted.',
          response: {
            200: Type.Object({ policies: Type.Array(PolicySchema) }),
          },
        },
      },
      async (request) => {
        return { policies: await listPolicies(ctx.pool, request.access.workspaceId) };
      },
    );

    app.post(
      base,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'createActionPolicy',
          tags,
          summary: 'Create an action policy',
          description: 'Create a policy (admins).',
          body: PolicyBody,
          response: {
            201: Type.Object({ policy: PolicySchema }),
          },
        },
      },
      async (request, reply) => {
        const policy = await createPolicy(
          ctx.pool,
          request.access.workspaceId,
          request.body as PolicyInput,
          await actorName(ctx.pool, request.access),
        );
        return reply.status(201).send({ policy });
      },
    );

    app.post(
      `${base}/dry-run`,
      {
        schema: {
          operationId: 'dryRunActionPolicyDraft',
          tags,
          summary: 'Dry-run an unsaved policy',
          description: 'Try a policy not yet saved on the most recent actions; writes nothing.',
          body: strictObject({ ...policyBodyFields, last: Type.Optional(Last) }),
          response: { 200: DryRunSchema },
        },
      },
      async (request) => {
        const { last, ...body } = request.body;
        return dryRunPolicy(ctx.pool, request.access.workspaceId, body as PolicyInput, { last });
      },
    );

    app.get(
      `${base}/:policyId`,
      {
        schema: {
          operationId: 'getActionPolicy',
          tags,
          summary: 'Get an action policy',
          params: PolicyParams,
          response: { 200: Type.Object({ policy: PolicySchema }) },
        },
      },
      async (request) => {
        return {
          policy: await getPolicy(ctx.pool, request.access.workspaceId, request.params.policyId),
        };
      },
    );

    app.patch(
      `${base}/:policyId`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'updateActionPolicy',
          tags,
          summary: 'Update an action policy',
          description: 'Change a policy (admins); a given match replaces the old one whole.',
          params: PolicyParams,
          body: PolicyPatchBody,
          response: {
            200: Type.Object({ policy: PolicySchema }),
          },
        },
      },
      async (request) => {
        const { match, ...rest } = request.body;
        const policy = await updatePolicy(
          ctx.pool,
          request.access.workspaceId,
          request.params.policyId,
          {
            ...rest,
            match: match as PolicyMatch | undefined,
          },
        );
        return { policy };
      },
    );

    app.delete(
      `${base}/:policyId`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'deleteActionPolicy',
          tags,
          summary: 'Delete an action policy',
          description: 'Delete a policy (admins).',
          params: PolicyParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await deletePolicy(ctx.pool, request.access.workspaceId, request.params.policyId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/:policyId/dry-run`,
      {
        schema: {
          operationId: 'dryRunActionPolicy',
          tags,
          summary: 'Dry-run a saved policy',
          description:
            'Try a saved policy (enabled or not) on the most recent actions; writes nothing.',
          params: PolicyParams,
          body: strictObject({ last: Type.Optional(Last) }),
          response: { 200: DryRunSchema },
        },
        // Every field is optional, so a request without a body means the defaults.
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request) => {
        const policy = await getPolicy(
          ctx.pool,
          request.access.workspaceId,
          request.params.policyId,
        );
        return dryRunPolicy(ctx.pool, request.access.workspaceId, policy, {
          last: request.body.last,
        });
      },
    );
  };
}
