import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  dismissGap,
  GAP_CAUSES,
  GAP_SEVERITIES,
  gapSummary,
  listGaps,
} from '../../conversations/gaps.js';
import type { AppContext } from '../context.js';
import { errorResponses, PageLimit, pageSize, Timestamp, Uuid, strictObject } from '../schemas.js';

const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const GapSchema = Type.Object({
  conversationId: Uuid,
  title: Type.String(),
  source: Type.String(),
  startedAt: Timestamp,
  durationSeconds: Type.Integer(),
  severity: literals(GAP_SEVERITIES),
  cause: literals(GAP_CAUSES),
  participants: Type.Array(
    Type.Object({ email: nullable(Type.String()), name: nullable(Type.String()) }),
  ),
  account: Type.Object({
    id: Uuid,
    name: Type.String(),
    domain: nullable(Type.String()),
    source: Type.String({ description: 'The CRM it came from (hubspot, salesforce...)' }),
    sourceId: Type.String({ description: 'Its id in that CRM' }),
  }),
  openDeals: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      stage: nullable(Type.String()),
      amount: nullable(Type.Number()),
      closeDate: nullable(Type.String({ format: 'date' })),
    }),
  ),
  contacts: Type.Array(
    Type.Object({
      id: Uuid,
      name: nullable(Type.String()),
      email: nullable(Type.String()),
      title: nullable(Type.String()),
      participated: Type.Boolean({ description: 'Took part in this meeting' }),
    }),
    { description: "The account's contacts (at most 25; totalContacts counts them all)" },
  ),
  totalContacts: Type.Integer(),
  rep: Type.Object({
    ownerId: nullable(Uuid),
    name: nullable(Type.String()),
    email: nullable(Type.String()),
  }),
});

const tags = ['conversations'];

export function conversationGapRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const base = '/api/workspaces/:workspaceId/conversations/without-deals';
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          operationId: 'listConversationGaps',
          tags,
          summary: 'List conversations without deals',
          description:
            'External meetings linked to an account but to no deal, not dismissed: most severe, then newest first; keyset pagination.',
          querystring: Type.Object(
            {
              severity: Type.Optional(Type.Array(literals(GAP_SEVERITIES), { maxItems: 3 })),
              cause: Type.Optional(Type.Array(literals(GAP_CAUSES), { maxItems: 3 })),
              rep: Type.Optional(
                Type.String({
                  minLength: 3,
                  maxLength: 254,
                  description: "The rep's email: the host, or the CRM owner's email",
                }),
              ),
              limit: PageLimit(200, 50),
              after: Type.Optional(Type.String({ maxLength: 500 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ gaps: Type.Array(GapSchema), nextCursor: nullable(Type.String()) }),
          },
        },
      },
      async (request) =>
        listGaps(ctx.pool, request.access.workspaceId, pageSize(request.query, 50)),
    );

    app.get(
      `${base}/summary`,
      {
        schema: {
          operationId: 'getConversationGapSummary',
          tags,
          summary: 'Summarize conversations without deals',
          description:
            'Open gaps by severity; deals created from gaps and gaps dismissed since the first of this month (UTC).',
          response: {
            200: Type.Object({
              summary: Type.Object({
                open: Type.Integer(),
                bySeverity: Type.Object({
                  high: Type.Integer(),
                  medium: Type.Integer(),
                  low: Type.Integer(),
                }),
                createdThisMonth: Type.Integer(),
                dismissedThisMonth: Type.Integer(),
              }),
            }),
          },
        },
      },
      async (request) => ({ summary: await gapSummary(ctx.pool, request.access.workspaceId) }),
    );

    app.post(
      `${base}/:conversationId/dismiss`,
      {
        schema: {
          operationId: 'dismissConversationGap',
          tags,
          summary: 'Dismiss a conversation without a deal',
          description: 'It needs no deal: it leaves the list for good, with who and why.',
          params: Type.Object({ conversationId: Uuid }),
          body: strictObject({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }),
          response: {
            200: Type.Object({ dismissedAt: Timestamp }),
            ...errorResponses(409),
          },
        },
      },
      async (request) =>
        dismissGap(ctx.pool, request.access.workspaceId, request.params.conversationId, {
          reason: request.body.reason,
          userId: request.access.userId,
        }),
    );
  };
}
