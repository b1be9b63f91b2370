import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AGENT_MODES,
  AGENT_STATUSES,
  AgentConfigCreateSchema,
  AgentConfigPatchSchema,
  CALL_TYPES,
  FIELD_RULES,
  RECORD_TYPES,
} from '../../agents/config-schema.js';
import {
  createAgentConfig,
  deleteAgentConfig,
  getAgentConfig,
  listAgentConfigs,
  updateAgentConfig,
} from '../../agents/configs.js';
import { AGENT_FIELDS } from '../../agents/fields.js';
import { activateAgent, pauseAgent } from '../../agents/lifecycle.js';
import { AGENT_TEMPLATES } from '../../agents/templates.js';
import { fieldTrust } from '../../agents/trust.js';
import { actorName } from '../auth.js';
import type { AppContext } from '../context.js';
import { Timestamp, Uuid, errorResponse, errorResponses } from '../schemas.js';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const FieldConfig = Type.Object({
  field: Type.String(),
  crmProperty: nullable(Type.String()),
  rule: literals(FIELD_RULES),
  threshold: Type.Number(),
  autoApplyEnabled: Type.Boolean(),
});

export const AgentConfigSchema = Type.Object({
  id: Uuid,
  connectionId: Uuid,
  crmType: Type.String({ description: 'hubspot or salesforce' }),
  name: Type.String(),
  callTypes: Type.Array(literals(CALL_TYPES)),
  scope: Type.Object({
    ownerIds: Type.Optional(Type.Array(Uuid)),
    pipelines: Type.Optional(Type.Array(Type.String())),
    recordTypes: Type.Array(literals(RECORD_TYPES)),
    competitors: Type.Optional(Type.Array(Type.String())),
    fiscalYearStartMonth: Type.Optional(Type.Integer()),
  }),
  fields: Type.Array(FieldConfig),
  templateId: nullable(Type.String()),
  status: literals(AGENT_STATUSES),
  mode: literals(AGENT_MODES),
  precisionThreshold: Type.Number(),
  minSamples: Type.Integer(),
  inboxExpiryHours: Type.Integer(),
  statusReason: nullable(Type.String()),
  createdBy: nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const TemplateSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  callTypes: Type.Array(literals(CALL_TYPES)),
  fields: Type.Array(FieldConfig),
});

const AgentFieldSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  description: Type.String(),
  group: Type.String({ description: 'standard, meddicc or bant' }),
  kind: Type.String({ description: 'date, money, stage, text or list' }),
  defaultProperty: Type.Object({ hubspot: Type.String(), salesforce: Type.String() }),
  propertyTypes: Type.Array(Type.String()),
});

const FieldTrustSchema = Type.Object({
  field: Type.String(),
  rule: literals(FIELD_RULES),
  autoApplyEnabled: Type.Boolean(),
  samples: Type.Integer({ description: 'Shadow outcomes in the window (the latest 100 at most)' }),
  correct: Type.Integer(),
  precision: nullable(Type.Number({ description: 'correct / samples; null without samples' })),
  threshold: Type.Number(),
  minSamples: Type.Integer(),
  autoApplyAllowed: Type.Boolean({
    description: 'Whether auto-apply may be switched on: enough samples at the threshold',
  }),
  lastDecidedAt: nullable(Timestamp),
});

const Params = Type.Object({ agentId: Uuid });
const One = Type.Object({ agent: AgentConfigSchema });

/**
 * Meeting agents: any member reads them, their templates and the trust each field
 * earned; admins create, change, activate, pause and delete them.
 */
export function agentRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const base = '/api/workspaces/:workspaceId/agents';
  const tags = ['agents'];
  const deps = { pool: ctx.pool, secretKey: ctx.secretKey, outbound: ctx.outbound };
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          operationId: 'listAgents',
          tags,
          summary: 'List meeting agents',
          description: 'Newest first.',
          response: { 200: Type.Object({ agents: Type.Array(AgentConfigSchema) }) },
        },
      },
      async (request) => ({ agents: await listAgentConfigs(ctx.pool, request.access.workspaceId) }),
    );

    app.post(
      base,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'createAgent',
          tags,
          summary: 'Create a meeting agent',
          description:
            'A draft in shadow mode (admins). A template fills the call types and fields not given; ' +
            "a chosen CRM property must exist in the CRM's live deal properties.",
          body: AgentConfigCreateSchema,
          response: {
            201: One,
            ...errorResponses(400),
            409: errorResponse('trust_not_earned: auto-apply cannot be on for a new agent'),
          },
        },
      },
      async (request, reply) => {
        const agent = await createAgentConfig(
          deps,
          request.access.workspaceId,
          request.body,
          await actorName(ctx.pool, request.access),
        );
        return reply.status(201).send({ agent });
      },
    );

    app.get(
      `${base}/:agentId`,
      {
        schema: {
          operationId: 'getAgent',
          tags,
          summary: 'Get a meeting agent',
          params: Params,
          response: { 200: One },
        },
      },
      async (request) => ({
        agent: await getAgentConfig(ctx.pool, request.access.workspaceId, request.params.agentId),
      }),
    );

    app.patch(
      `${base}/:agentId`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'updateAgent',
          tags,
          summary: 'Update a meeting agent',
          description:
            'Change the given parts (admins); given fields or scope replace the old ones whole. ' +
            'Turning autoApplyEnabled on for a field is refused with 409 trust_not_earned ' +
            "(details name the field) until its shadow precision reaches the agent's threshold " +
            'over its minimum sample.',
          params: Params,
          body: AgentConfigPatchSchema,
          response: {
            200: One,
            ...errorResponses(400),
            409: errorResponse("trust_not_earned: a field's shadow precision is not enough yet"),
          },
        },
      },
      async (request) => ({
        agent: await updateAgentConfig(
          deps,
          request.access.workspaceId,
          request.params.agentId,
          request.body,
        ),
      }),
    );

    app.delete(
      `${base}/:agentId`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'deleteAgent',
          tags,
          summary: 'Delete a meeting agent',
          description: 'Its activity rows stay, without the agent; its shadow outcomes go.',
          params: Params,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await deleteAgentConfig(ctx.pool, request.access.workspaceId, request.params.agentId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/:agentId/activate`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'activateAgent',
          tags,
          summary: 'Activate a meeting agent',
          description:
            'From draft, paused or error (admins); an active agent stays active. Every field it ' +
            'may update must have a writable CRM property of a fitting type now.',
          params: Params,
          response: {
            200: One,
            409: errorResponse(
              'no_fields, unknown_property, read_only_property, incompatible_property (details name the field)',
            ),
          },
        },
      },
      async (request) => ({
        agent: await activateAgent(deps, request.access.workspaceId, request.params.agentId),
      }),
    );

    app.post(
      `${base}/:agentId/pause`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'pauseAgent',
          tags,
          summary: 'Pause a meeting agent',
          description: 'From active or error (admins); a paused agent stays paused.',
          params: Params,
          response: {
            200: One,
            409: errorResponse('invalid_transition: a draft has not run yet'),
          },
        },
      },
      async (request) => ({
        agent: await pauseAgent(ctx.pool, request.access.workspaceId, request.params.agentId),
      }),
    );

    app.get(
      `${base}/:agentId/fields`,
      {
        schema: {
          operationId: 'listAgentFieldTrust',
          tags,
          summary: "List an agent's fields with the trust each earned",
          description:
            'Per configured field: shadow outcomes, precision over the latest ones, the threshold ' +
            'and minimum sample, and whether auto-apply may be switched on.',
          params: Params,
          response: { 200: Type.Object({ fields: Type.Array(FieldTrustSchema) }) },
        },
      },
      async (request) => {
        const agent = await getAgentConfig(
          ctx.pool,
          request.access.workspaceId,
          request.params.agentId,
        );
        return { fields: await fieldTrust(ctx.pool, agent.id) };
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/agent-templates',
      {
        schema: {
          operationId: 'listAgentTemplates',
          tags,
          summary: 'List agent templates and fields',
          description:
            'Templates per call type (and MEDDICC, BANT), and every field an agent may update ' +
            'with its default CRM property per CRM.',
          response: {
            200: Type.Object({
              templates: Type.Array(TemplateSchema),
              fields: Type.Array(AgentFieldSchema),
            }),
          },
        },
      },
      async () => ({
        templates: [...AGENT_TEMPLATES],
        fields: AGENT_FIELDS.map((field) => ({
          ...field,
          propertyTypes: [...field.propertyTypes],
        })),
      }),
    );
  };
}
