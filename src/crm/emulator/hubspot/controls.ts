import type { FastifyInstance, FastifyReply } from 'fastify';
import type { BatchValidationMode, HubspotEnv } from './context.js';

/** OAuth tokens minted for tests and scripts without the browser round trip. */
export interface MintedHubspotTokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  client_id: string;
  client_secret: string;
}

/** The controls tests use in-process; the routes below expose them over HTTP. */
export class HubspotControls {
  constructor(private readonly env: HubspotEnv) {}

  private nowMs(): number {
    return this.env.ctx().now().getTime();
  }

  /** A refresh token and an access token, as the authorization-code flow would give. */
  mintTokens(scopes: string[] = []): MintedHubspotTokens {
    const refresh = this.env.auth.grant(this.env.options.clientId, scopes);
    const access = this.env.auth.issueAccess(refresh, this.nowMs());
    return {
      access_token: access.token,
      refresh_token: refresh.token,
      expires_in: this.env.auth.ttlSeconds,
      client_id: this.env.options.clientId,
      client_secret: this.env.options.clientSecret,
    };
  }

  /** Revokes one token (a refresh token takes its access tokens along), or every OAuth token. */
  revokeTokens(token?: string): number {
    return this.env.auth.revoke(token);
  }

  /** Expires one OAuth access token, or all of them, now. */
  expireAccessTokens(token?: string): number {
    return this.env.auth.expire(this.nowMs(), token);
  }

  /**
   * Makes a token lack scopes: calls needing one answer 403 MISSING_SCOPES. `['*']`
   * lacks them all; `[]` gives them back. Defaults to the private-app token.
   */
  setMissingScopes(scopes: string[], token = this.env.options.accessToken): void {
    this.env.auth.setMissingScopes(token, scopes);
  }

  /**
   * How batch create and update refuse bad inputs: `multi_status` (207 naming each
   * record, the default) or `whole_batch` (one 400 for the call, nothing written).
   */
  setBatchValidation(mode: BatchValidationMode): void {
    this.env.batchValidation = mode;
  }

  /** The HubSpot id of a record or owner seeded from a demo `sourceId`. */
  idFor(sourceId: string): string | undefined {
    return this.env.store.sourceIds.get(sourceId);
  }
}

function badRequest(reply: FastifyReply, message: string) {
  return reply.code(400).send({ error: message });
}

/** `/_emulator/hubspot/...`: the controls over HTTP, for other processes. */
export function registerControlRoutes(
  app: FastifyInstance,
  env: HubspotEnv,
  controls: HubspotControls,
): void {
  const prefix = '/_emulator/hubspot';
  app.get(`${prefix}/info`, async () => ({
    portalId: env.store.portalId,
    accessToken: env.options.accessToken,
    clientId: env.options.clientId,
    clientSecret: env.options.clientSecret,
    basePath: env.ctx().baseUrl(),
    authorizeUrl: `${env.ctx().baseUrl()}/oauth/authorize`,
  }));
  app.post(`${prefix}/tokens`, async (request, reply) => {
    const body = (request.body ?? {}) as { scopes?: unknown };
    if (body.scopes !== undefined && !Array.isArray(body.scopes)) {
      return badRequest(reply, 'scopes must be an array of scope names');
    }
    return reply.code(201).send(controls.mintTokens((body.scopes as string[] | undefined) ?? []));
  });
  app.post(`${prefix}/tokens/revoke`, async (request) => {
    const body = (request.body ?? {}) as { token?: string };
    return { revoked: controls.revokeTokens(body.token) };
  });
  app.post(`${prefix}/tokens/expire`, async (request) => {
    const body = (request.body ?? {}) as { token?: string };
    return { expired: controls.expireAccessTokens(body.token) };
  });
  app.put(`${prefix}/scopes`, async (request, reply) => {
    const body = (request.body ?? {}) as { token?: string; missing?: unknown };
    if (!Array.isArray(body.missing) || body.missing.some((s) => typeof s !== 'string')) {
      return badRequest(reply, "missing must be an array of scope names ('*' for all)");
    }
    controls.setMissingScopes(body.missing as string[], body.token);
    return reply.code(204).send();
  });
  app.put(`${prefix}/batch-validation`, async (request, reply) => {
    const body = (request.body ?? {}) as { mode?: unknown };
    if (body.mode !== 'multi_status' && body.mode !== 'whole_batch') {
      return badRequest(reply, "mode must be 'multi_status' or 'whole_batch'");
    }
    controls.setBatchValidation(body.mode);
    return reply.code(204).send();
  });
  // The emulator's record page: what a deal's or contact's link opens in the sandbox.
  app.get<{ Params: { type: string; id: string } }>(
    `${prefix}/records/:type/:id`,
    async (request, reply) => {
      const table = env.store.tables[request.params.type as keyof typeof env.store.tables];
      const record = table?.byId.get(request.params.id);
      return record
        ? { portalId: env.store.portalId, type: request.params.type, ...record }
        : reply.code(404).send({ error: `no ${request.params.type} ${request.params.id}` });
    },
  );
  app.get<{ Querystring: { sourceId?: string } }>(`${prefix}/ids`, async (request, reply) => {
    const sourceId = request.query.sourceId;
    if (!sourceId) return { ids: Object.fromEntries(env.store.sourceIds) };
    const id = controls.idFor(sourceId);
    return id
      ? { sourceId, id }
      : reply.code(404).send({ error: `no record seeded from ${sourceId}` });
  });
}
