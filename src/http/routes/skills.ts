import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  createQuotaPeriod,
  deleteQuotaPeriod,
  deleteRepQuota,
  listQuotaPeriods,
  listRepQuotas,
  setRepQuota,
} from '../../skills/quotas.js';
import { listSkills, runSkill } from '../../skills/registry.js';
import { actorName } from '../auth.js';
import type { AppContext } from '../context.js';
import {
  Email,
  NullableTimestamp,
  Timestamp,
  Uuid,
  errorResponses,
  strictObject,
} from '../schemas.js';

const Count = Type.Optional(Type.Integer());
const Checks = Type.Object(
  {
    conversationCoverage: Type.Optional(
      Type.Object(
        { high: Type.Integer(), medium: Type.Integer(), low: Type.Integer() },
        { description: 'Meetings without a deal, open now, by severity' },
      ),
    ),
  },
  { description: "What the skill's checks counted (data-quality-audit)" },
);
const SkillRunSchema = Type.Object({
  id: Uuid,
  skill: Type.String(),
  trigger: Type.String(),
  actor: Type.Union([Type.String(), Type.Null()]),
  status: Type.String({ description: 'running, succeeded or failed' }),
  asOf: Timestamp,
  options: Type.Record(Type.String(), Type.Unknown()),
  counts: Type.Object({
    candidates: Count,
    proposed: Count,
    created: Count,
    updated: Count,
    skipped: Count,
    suppressed: Count,
    closed: Count,
    checks: Type.Optional(Checks),
  }),
  error: Type.Union([Type.String(), Type.Null()]),
  startedAt: Timestamp,
  finishedAt: NullableTimestamp,
});

const RunResultSchema = Type.Object({
  runId: Uuid,
  proposed: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  candidates: Type.Integer({ description: 'Records that qualified before the top-N cut' }),
  skipped: Type.Integer({ description: 'Records that qualified but had no deal to target' }),
  suppressed: Type.Integer({
    description:
      'Proposals left out: their action is being executed, was dismissed or undone in the last 30 days, or executed in the last 7',
  }),
  closed: Type.Integer({
    description: "This skill's open actions dismissed because their record no longer qualifies",
  }),
  checks: Type.Optional(Checks),
});

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const QuotaPeriodSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  startsOn: Day,
  endsOn: Day,
  quotas: Type.Integer(),
  createdAt: Timestamp,
});
const RepQuotaSchema = Type.Object({
  id: Uuid,
  periodId: Uuid,
  ownerId: Type.Union([Uuid, Type.Null()]),
  ownerEmail: Type.Union([Type.String(), Type.Null()]),
  ownerName: Type.Union([Type.String(), Type.Null()]),
  amount: Type.Number(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const SkillParams = Type.Object({
  skill: Type.String({ minLength: 1, maxLength: 100, description: 'e.g. stale-deals' }),
});
const PeriodParams = Type.Object({ periodId: Uuid });
const QuotaParams = Type.Object({ periodId: Uuid, quotaId: Uuid });

/**
 * Skills (list, run now) and the quotas pipeline coverage measures against. Members
 * run skills and read quotas; admins set quotas.
 */
export function skillRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const periods = '/api/workspaces/:workspaceId/quota-periods';
  return async (app) => {
    app.get(
      '/api/workspaces/:workspaceId/skills',
      {
        schema: {
          operationId: 'listSkills',
          tags: ['skills'],
          summary: 'List skills',
          description: 'The skills, each with its latest run in this workspace.',
          response: {
            200: Type.Object({
              skills: Type.Array(
                Type.Object({
                  name: Type.String(),
                  description: Type.String(),
                  lastRun: Type.Union([SkillRunSchema, Type.Null()]),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        return { skills: await listSkills(ctx.pool, request.access.workspaceId) };
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/skills/:skill/run',
      {
        schema: {
          operationId: 'runSkill',
          tags: ['skills'],
          summary: 'Run a skill',
          description: 'Run a skill now; its findings become actions (re-runs update them).',
          params: SkillParams,
          body: Type.Optional(
            strictObject({
              now: Type.Optional(
                Type.String({
                  format: 'date-time',
                  description: 'Compute as of this instant instead of the present',
                }),
              ),
              options: Type.Optional(
                Type.Record(Type.String(), Type.Unknown(), {
                  description: "The skill's options, e.g. { limit: 20 }",
                }),
              ),
            }),
          ),
          response: { 200: RunResultSchema },
        },
      },
      async (request) => {
        const now = request.body?.now ? new Date(request.body.now) : undefined;
        return runSkill(
          ctx.pool,
          request.access.workspaceId,
          request.params.skill,
          { ...request.body?.options, ...(now ? { now } : {}) },
          { trigger: 'manual', actor: await actorName(ctx.pool, request.access) },
        );
      },
    );

    app.get(
      periods,
      {
        schema: {
          operationId: 'listQuotaPeriods',
          tags: ['skills'],
          summary: 'List quota periods',
          description: 'Quota periods, latest first.',
          response: {
            200: Type.Object({ periods: Type.Array(QuotaPeriodSchema) }),
          },
        },
      },
      async (request) => {
        return { periods: await listQuotaPeriods(ctx.pool, request.access.workspaceId) };
      },
    );

    app.post(
      periods,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'createQuotaPeriod',
          tags: ['skills'],
          summary: 'Create a quota period',
          description: 'Create a quota period (admins).',
          body: strictObject({
            name: Type.String({ minLength: 1, maxLength: 100, description: 'e.g. Q3 2025' }),
            startsOn: Day,
            endsOn: Type.String({ format: 'date', description: 'Inclusive' }),
          }),
          response: {
            201: Type.Object({ period: QuotaPeriodSchema }),
            ...errorResponses(409),
          },
        },
      },
      async (request, reply) => {
        const period = await createQuotaPeriod(ctx.pool, request.access.workspaceId, request.body);
        return reply.status(201).send({ period });
      },
    );

    app.delete(
      `${periods}/:periodId`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'deleteQuotaPeriod',
          tags: ['skills'],
          summary: 'Delete a quota period',
          description: 'Delete a quota period and its rep quotas (admins).',
          params: PeriodParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await deleteQuotaPeriod(ctx.pool, request.access.workspaceId, request.params.periodId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${periods}/:periodId/quotas`,
      {
        schema: {
          operationId: 'listQuotas',
          tags: ['skills'],
          summary: "List a period's quotas",
          description: "The reps' quotas for a period.",
          params: PeriodParams,
          response: {
            200: Type.Object({ quotas: Type.Array(RepQuotaSchema) }),
          },
        },
      },
      async (request) => {
        return {
          quotas: await listRepQuotas(
            ctx.pool,
            request.access.workspaceId,
            request.params.periodId,
          ),
        };
      },
    );

    app.post(
      `${periods}/:periodId/quotas`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'setQuota',
          tags: ['skills'],
          summary: "Set a rep's quota",
          description:
            "Set a rep's quota for a period, by owner id or email (admins). Setting it again for the same rep replaces the amount (200).",
          params: PeriodParams,
          body: strictObject({
            ownerId: Type.Optional(Uuid),
            ownerEmail: Type.Optional(Email),
            amount: Type.Number({ exclusiveMinimum: 0, maximum: 1e15 }),
          }),
          response: {
            200: Type.Object({ quota: RepQuotaSchema }),
            201: Type.Object({ quota: RepQuotaSchema }),
          },
        },
      },
      async (request, reply) => {
        const { quota, created } = await setRepQuota(
          ctx.pool,
          request.access.workspaceId,
          request.params.periodId,
          request.body,
        );
        return reply.status(created ? 201 : 200).send({ quota });
      },
    );

    app.delete(
      `${periods}/:periodId/quotas/:quotaId`,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'deleteQuota',
          tags: ['skills'],
          summary: "Remove a rep's quota",
          description: "Remove a rep's quota (admins).",
          params: QuotaParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await deleteRepQuota(
          ctx.pool,
          request.access.workspaceId,
          request.params.periodId,
          request.params.quotaId,
        );
        return reply.status(204).send(null);
      },
    );
  };
}
