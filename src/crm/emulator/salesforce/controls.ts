import type { FastifyInstance, FastifyReply } from 'fastify';
import { toId18 } from '../../salesforce/ids.js';
import type { ApiAccess, SalesforceEnv } from './context.js';
import { SfApiError } from './errors.js';
import type { CustomFieldInput } from './schema.js';

/** Tokens minted for tests and scripts without the browser round trip. */
export interface MintedTokens {
  access_token: string;
  refresh_token: string;
  instance_url: string;
  id: string;
  client_id: string;
  client_secret: string;
}

/** The controls tests and scripts use, in-process; the routes below expose them over HTTP. */
export class SalesforceControls {
  constructor(private readonly env: SalesforceEnv) {}

  private nowMs(): number {
    return this.env.ctx().now().getTime();
  }

  /** Issues a refresh token and a session for a user (the API user by default). */
  mintTokens(userId = this.env.auth.apiUserId): MintedTokens {
    const grant = this.env.auth.grant(userId, this.env.options.clientId);
    const access = this.env.auth.issueAccess(userId, grant.token, this.nowMs());
    const base = this.env.ctx().baseUrl();
    return {
      access_token: access.token,
      refresh_token: grant.token,
      instance_url: base,
      id: `${base}/services/id/${this.env.store.orgId}/${userId}`,
      client_id: this.env.options.clientId,
      client_secret: this.env.options.clientSecret,
    };
  }

  /** Revokes one token, or every refresh token and the sessions issued from them. */
  revokeTokens(token?: string): number {
    return this.env.auth.revoke(token);
  }

  /** Expires one session, or all but the fixed token, as a session timeout would. */
  expireSessions(accessToken?: string): number {
    return this.env.auth.expire(this.nowMs(), accessToken);
  }

  /** `none`: every data call answers 403 INSUFFICIENT_ACCESS; `read`: writes are refused. */
  setAccess(access: ApiAccess, userId = this.env.auth.apiUserId): void {
    if (access === 'full') this.env.access.delete(userId);
    else this.env.access.set(userId, access);
  }

  addCustomField(input: CustomFieldInput) {
    return this.env.schema.addCustomField(input);
  }

  /** Writes to these records fail with UNABLE_TO_LOCK_ROW, `times` times each (always when absent). */
  lockRecords(ids: string[], times?: number): void {
    this.env.locks.add(ids, times);
  }

  unlockAll(): void {
    this.env.locks.clear();
  }

  /** The Salesforce id of a seeded demo record. */
  idFor(sourceId: string): string | undefined {
    return this.env.store.sourceIds.get(sourceId);
  }
}

function badRequest(reply: FastifyReply, message: string) {
  return reply.code(400).send({ error: message });
}

/** `/_emulator/salesforce/...`: the controls over HTTP, for other processes. */
export function registerControlRoutes(
  app: FastifyInstance,
  env: SalesforceEnv,
  controls: SalesforceControls,
): void {
  const prefix = '/_emulator/salesforce';
  app.get(`${prefix}/info`, async () => ({
    orgId: env.store.orgId,
    apiUserId: env.auth.apiUserId,
    accessToken: env.options.accessToken,
    clientId: env.options.clientId,
    clientSecret: env.options.clientSecret,
    instanceUrl: env.ctx().baseUrl(),
  }));
  app.post(`${prefix}/tokens`, async (request, reply) => {
    const body = (request.body ?? {}) as { userId?: string };
    const userId = body.userId ? toId18(body.userId) : undefined;
    if (body.userId && (!userId || !env.store.get('User', userId)))
      return badRequest(reply, 'unknown userId');
    return reply.code(201).send(controls.mintTokens(userId));
  });
  app.post(`${prefix}/tokens/revoke`, async (request) => {
    const body = (request.body ?? {}) as { token?: string };
    return { revoked: controls.revokeTokens(body.token) };
  });
  app.post(`${prefix}/sessions/expire`, async (request) => {
    const body = (request.body ?? {}) as { accessToken?: string };
    return { expired: controls.expireSessions(body.accessToken) };
  });
  app.put(`${prefix}/access`, async (request, reply) => {
    const body = (request.body ?? {}) as { userId?: string; access?: ApiAccess };
    if (!body.access || !['full', 'read', 'none'].includes(body.access)) {
      return badRequest(reply, "access must be 'full', 'read' or 'none'");
    }
    controls.setAccess(body.access, body.userId ? toId18(body.userId) : undefined);
    return reply.code(204).send();
  });
  app.post(`${prefix}/fields`, async (request, reply) => {
    try {
      return reply.code(201).send(controls.addCustomField(request.body as CustomFieldInput));
    } catch (error) {
      if (error instanceof SfApiError) return reply.code(error.status).send(error.body());
      throw error;
    }
  });
  app.post(`${prefix}/locks`, async (request, reply) => {
    const body = (request.body ?? {}) as { ids?: string[]; times?: number };
    if (!Array.isArray(body.ids)) return badRequest(reply, 'ids must be an array');
    controls.lockRecords(body.ids, body.times);
    return reply.code(204).send();
  });
  app.delete(`${prefix}/locks`, async (_request, reply) => {
    controls.unlockAll();
    return reply.code(204).send();
  });
  // The emulator's record page: what an opportunity's or contact's link opens in the sandbox.
  app.get<{ Params: { sobject: string; id: string } }>(
    `${prefix}/records/:sobject/:id`,
    async (request, reply) => {
      const id = toId18(request.params.id);
      const found = id ? env.store.find(id) : undefined;
      return found && found.type === request.params.sobject
        ? { sobject: found.type, ...found.record }
        : reply.code(404).send({ error: `no ${request.params.sobject} ${request.params.id}` });
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
