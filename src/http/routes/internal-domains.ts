import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { resolveInternalDomains, setInternalDomains } from '../../conversations/internal.js';
import { enqueueLinking } from '../../conversations/linker.js';
import type { AppContext } from '../context.js';
import { strictObject } from '../schemas.js';

const Resolved = Type.Object({
  domains: Type.Array(Type.String()),
  source: Type.Union(
    ['setting', 'team', 'inference', 'none'].map((source) => Type.Literal(source)),
    {
      description:
        'setting: the admin’s list; team: tracked reps’ and CRM owners’ domains; inference: the hosts’ domain no contact has; none',
    },
  ),
});

const tags = ['conversations'];

export function internalDomainRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const path = '/api/workspaces/:workspaceId/config/internal-domains';
  return async (app) => {
    app.get(
      path,
      {
        schema: {
          operationId: 'getInternalDomains',
          tags,
          summary: 'Get the internal domains',
          description:
            'The admin’s list, and the domains the internal-meeting filter uses now with where they came from.',
          response: {
            200: Type.Object({ domains: Type.Array(Type.String()), resolved: Resolved }),
          },
        },
      },
      async (request) => {
        const { workspaceId } = request.access;
        const resolved = await resolveInternalDomains(ctx.pool, workspaceId);
        return { domains: resolved.source === 'setting' ? resolved.domains : [], resolved };
      },
    );

    app.put(
      path,
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'setInternalDomains',
          tags,
          summary: 'Set the internal domains',
          description:
            'Replaces the admin’s list (empty: back to the team’s domains or inference). Meetings are re-classified and re-linked in the background.',
          body: strictObject({
            domains: Type.Array(Type.String({ maxLength: 253 }), { maxItems: 100 }),
          }),
          response: {
            200: Type.Object({
              domains: Type.Array(Type.String()),
              resolved: Resolved,
              reclassification: Type.Object({
                status: Type.Literal('queued'),
                job: Type.Literal('conversations.link'),
              }),
            }),
          },
        },
      },
      async (request) => {
        const { workspaceId } = request.access;
        const domains = await setInternalDomains(ctx.pool, workspaceId, request.body.domains);
        await enqueueLinking(ctx.pool, workspaceId);
        return {
          domains,
          resolved: await resolveInternalDomains(ctx.pool, workspaceId),
          reclassification: { status: 'queued' as const, job: 'conversations.link' as const },
        };
      },
    );
  };
}
