import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static, type TObject } from '@sinclair/typebox';
import { checkConnection } from '../../crm/connection-check.js';
import { portalUrl } from '../../crm/emulator/portals.js';
import { checkConnectionUrls, crmOutboundPolicy } from '../../crm/outbound.js';
import type { CrmType } from '../../crm/port.js';
import { HttpError } from '../../errors.js';
import { enqueue } from '../../jobs/queue.js';
import {
  createConnection,
  getConnection,
  setConnectionStatus,
  writeCredentials,
  type Connection,
} from '../../tenancy/connections.js';
import type { AppContext } from '../context.js';
import { errorResponses, strictObject } from '../schemas.js';
import { ConnectionParams, ConnectionSchema } from './connections.js';

/** Tokens the emulator accepts; the sandbox is the demo's CRM, not a secret. */
export const SANDBOX_TOKENS = {
  hubspot: 'pat-emulator-hubspot',
  salesforce: '00D-emulator-salesforce-token',
} as const;

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Tier = Type.Union(
  ['free', 'starter', 'professional', 'enterprise'].map((tier) => Type.Literal(tier)),
);
const HubspotToken = {
  accessToken: Type.String({ minLength: 8, maxLength: 2_000, description: 'Private app token' }),
  tier: Type.Optional(Tier),
};
const SalesforceToken = {
  instanceUrl: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 }),
  accessToken: Type.String({ minLength: 8, maxLength: 4_000 }),
};
type HubspotBody = Static<TObject<typeof HubspotToken>>;
type SalesforceBody = Static<TObject<typeof SalesforceToken>>;

const ConnectionReply = Type.Object({ connection: ConnectionSchema });

function credentialsFor(crmType: CrmType, body: HubspotBody | SalesforceBody) {
  if (crmType === 'hubspot') {
    const { accessToken } = body as HubspotBody;
    return { kind: 'private_app', accessToken };
  }
  const { instanceUrl, accessToken } = body as SalesforceBody;
  return { kind: 'access_token', instanceUrl: instanceUrl.replace(/\/+$/, ''), accessToken };
}

/**
 * Connecting CRMs: by private-app token (HubSpot), access token and instance URL
 * (Salesforce, for scripts), or to the built-in emulator. Each new or reconnected
 * connection is tested at once; a working one gets its first sync queued.
 */
export function connectRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const outbound = ctx.outbound ?? crmOutboundPolicy(ctx.config);
  const deps = { pool: ctx.pool, secretKey: ctx.secretKey, log: ctx.log, outbound };
  // The body's own field names: `instanceUrl`, not `credentials.instanceUrl`.
  const bodyFields = { credentials: '', metadata: 'metadata.' };

  async function connectAndSync(workspaceId: string, id: string): Promise<Connection> {
    const connection = await checkConnection(deps, workspaceId, id);
    if (connection.status === 'connected') {
      await enqueue(
        ctx.pool,
        'crm.sync',
        { workspaceId, connectionId: id, mode: 'full', trigger: 'connect' },
        { jobKey: `crm.sync:${id}`, maxAttempts: 3 },
      );
    }
    return connection;
  }

  return async (app) => {
    for (const crmType of ['hubspot', 'salesforce'] as const) {
      const fields = crmType === 'hubspot' ? HubspotToken : SalesforceToken;
      app.post(
        `/api/workspaces/:workspaceId/connections/${crmType}`,
        {
          config: { role: 'admin' },
          schema: {
            operationId: crmType === 'hubspot' ? 'connectHubspot' : 'connectSalesforce',
            tags: ['connections'],
            summary: `Connect ${crmType === 'hubspot' ? 'HubSpot' : 'Salesforce'}`,
            description: `Connect ${crmType === 'hubspot' ? 'HubSpot with a private app token' : 'Salesforce with an access token'}; tested at once.`,
            body: strictObject({ name: Name, ...fields }),
            response: { 201: ConnectionReply },
          },
        },
        async (request, reply) => {
          const body = request.body as { name: string; tier?: string } & (
            HubspotBody | SalesforceBody
          );
          const credentials = credentialsFor(crmType, body);
          await checkConnectionUrls({ crmType, credentials }, outbound, bodyFields);
          const created = await createConnection(ctx.pool, ctx.secretKey, {
            workspaceId: request.access.workspaceId,
            crmType,
            name: body.name,
            credentials,
            metadata:
              crmType === 'hubspot'
                ? {
                    tier: body.tier ?? 'free',
                    appType: 'private',
                    ...(ctx.config.hubspotApiBase ? { baseUrl: ctx.config.hubspotApiBase } : {}),
                  }
                : {},
          });
          const connection = await connectAndSync(request.access.workspaceId, created.id);
          return reply.status(201).send({ connection });
        },
      );
    }

    app.post(
      '/api/workspaces/:workspaceId/connections/sandbox',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'connectSandbox',
          tags: ['connections'],
          summary: 'Connect the CRM emulator',
          description: 'Connect the built-in CRM emulator (the demo CRM), when the server runs it.',
          body: strictObject({
            crmType: Type.Union([Type.Literal('hubspot'), Type.Literal('salesforce')]),
            name: Type.Optional(Name),
          }),
          response: { 201: ConnectionReply, ...errorResponses(409) },
        },
      },
      async (request, reply) => {
        if (!ctx.sandboxUrl) {
          throw new HttpError(
            409,
            'sandbox_not_running',
            'The CRM emulator is not running in this server (PANDORA_SANDBOX=false, or a worker-only process)',
          );
        }
        const { crmType } = request.body;
        // The workspace's own emulated portal: its writes are invisible to other workspaces.
        const baseUrl = portalUrl(ctx.sandboxUrl, request.access.workspaceId);
        const created = await createConnection(ctx.pool, ctx.secretKey, {
          workspaceId: request.access.workspaceId,
          crmType,
          // The one connection whose CRM is on loopback: no URL here came from the request.
          kind: 'sandbox',
          name: request.body.name ?? `${crmType === 'hubspot' ? 'HubSpot' : 'Salesforce'} sandbox`,
          credentials: credentialsFor(
            crmType,
            crmType === 'hubspot'
              ? { accessToken: SANDBOX_TOKENS.hubspot }
              : { instanceUrl: baseUrl, accessToken: SANDBOX_TOKENS.salesforce },
          ),
          metadata: {
            sandbox: true,
            baseUrl,
            ...(crmType === 'hubspot' ? { tier: 'professional', appType: 'private' } : {}),
          },
        });
        const connection = await connectAndSync(request.access.workspaceId, created.id);
        return reply.status(201).send({ connection });
      },
    );

    app.put(
      '/api/workspaces/:workspaceId/connections/:connectionId/credentials',
      {
        config: { role: 'admin' },
        schema: {
          operationId: 'replaceConnectionCredentials',
          tags: ['connections'],
          summary: 'Reconnect with new credentials',
          description: 'Reconnect with new credentials; tested at once.',
          params: ConnectionParams,
          body: Type.Union([strictObject(HubspotToken), strictObject(SalesforceToken)]),
          response: { 200: ConnectionReply, ...errorResponses(409) },
        },
      },
      async (request) => {
        const existing = await getConnection(
          ctx.pool,
          request.access.workspaceId,
          request.params.connectionId,
        );
        if (existing.kind === 'sandbox') {
          throw new HttpError(
            409,
            'sandbox_connection',
            'The sandbox connection uses the built-in emulator and takes no credentials; connect a CRM instead',
          );
        }
        const body = request.body as HubspotBody | SalesforceBody;
        const fits =
          existing.crmType === 'hubspot' ? !('instanceUrl' in body) : 'instanceUrl' in body;
        if (!fits) {
          const field = existing.crmType === 'hubspot' ? 'accessToken' : 'instanceUrl';
          throw new HttpError(
            400,
            'validation_failed',
            `A ${existing.crmType} connection takes ${existing.crmType === 'hubspot' ? 'accessToken (and tier)' : 'instanceUrl and accessToken'}`,
            [{ field, message: `is required for a ${existing.crmType} connection` }],
          );
        }
        const credentials = credentialsFor(existing.crmType, body);
        await checkConnectionUrls({ crmType: existing.crmType, credentials }, outbound, bodyFields);
        await writeCredentials(
          ctx.pool,
          ctx.secretKey,
          request.access.workspaceId,
          existing.id,
          credentials,
        );
        const tier = 'tier' in body && body.tier ? { tier: body.tier } : {};
        await setConnectionStatus(
          ctx.pool,
          request.access.workspaceId,
          existing.id,
          'pending',
          null,
          tier,
        );
        return { connection: await connectAndSync(request.access.workspaceId, existing.id) };
      },
    );
  };
}
