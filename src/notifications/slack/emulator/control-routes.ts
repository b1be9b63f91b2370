/**
 * `/_emulator/...`: the controls over HTTP, for other processes (Pandora's workers,
 * benches, the browser test) and the page: the app's interactivity settings, clicks
 * and modal submissions, what was posted, people and channels, faults and settings.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DEFAULT_SLACK_SETTINGS, type SlackFaultRule, type SlackSettings } from './controls.js';
import type { SlackEnv } from './env.js';
import {
  click,
  InteractionFailure,
  type ClickInput,
  type InteractionRecord,
  type Interactions,
} from './interactivity.js';
import { submitView, type SubmitInput } from './submit-view.js';
import { messageJson } from './serialize.js';
import { ALL_BOT_SCOPES, type SlackMessage } from './store.js';

/** A message with what only the emulator knows: its versions and whether it was deleted. */
export function messageRecord(message: SlackMessage): Record<string, unknown> {
  return {
    seq: message.seq,
    channel: message.channel,
    ...messageJson(message),
    history: message.history,
    deleted: message.deleted,
  };
}

/** An interaction as the controls answer it (its promise left out). */
export function interactionJson(record: InteractionRecord): Record<string, unknown> {
  const { done: _done, first: _first, body: _body, ...rest } = record;
  return rest;
}

function failed(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof InteractionFailure) {
    return reply.code(error.statusCode).send({ error: error.code });
  }
  throw error;
}

export function registerControlRoutes(
  app: FastifyInstance,
  env: SlackEnv,
  interactions: Interactions,
): void {
  const { store } = env;
  const teamOf = (teamId: string | undefined) => teamId ?? [...store.teams.keys()][0]!;

  app.get('/_emulator/interactivity', async () => ({
    requestUrl: env.app.requestUrl,
    clientId: env.app.clientId,
  }));
  app.put('/_emulator/interactivity', async (request) => {
    const body = (request.body ?? {}) as { requestUrl?: string | null; signingSecret?: string };
    if (body.requestUrl !== undefined) env.app.requestUrl = body.requestUrl;
    if (typeof body.signingSecret === 'string') env.app.signingSecret = body.signingSecret;
    return { requestUrl: env.app.requestUrl };
  });

  app.post('/_emulator/click', async (request, reply) => {
    const body = (request.body ?? {}) as ClickInput & { wait?: 'first' | 'all' };
    try {
      const record = click(env, interactions, body);
      await waitFor(record, body.wait);
      return interactionJson(record);
    } catch (error) {
      return failed(reply, error);
    }
  });
  app.post('/_emulator/views/:viewId/submit', async (request, reply) => {
    const body = (request.body ?? {}) as Omit<SubmitInput, 'viewId'> & { wait?: 'first' | 'all' };
    try {
      const { viewId } = request.params as { viewId: string };
      const record = submitView(env, interactions, { ...body, viewId });
      await waitFor(record, body.wait);
      return { ...interactionJson(record), view: store.views.get(viewId) };
    } catch (error) {
      return failed(reply, error);
    }
  });
  app.post('/_emulator/interactions/:id/resend', async (request, reply) => {
    const body = (request.body ?? {}) as { retryNum?: number; reason?: string };
    try {
      const id = Number((request.params as { id: string }).id);
      return await interactions.resend(id, body.retryNum, body.reason);
    } catch (error) {
      return failed(reply, error);
    }
  });
  app.get('/_emulator/interactions', async (request) => {
    const afterId = Number((request.query as { afterId?: string }).afterId ?? 0);
    return {
      interactions: interactions.records.filter((r) => r.id > afterId).map(interactionJson),
    };
  });

  app.get('/_emulator/messages', async (request) => {
    const query = request.query as { channel?: string; afterSeq?: string; team?: string };
    const afterSeq = Number(query.afterSeq ?? 0);
    return {
      lastSeq: store.lastSeq,
      messages: store.messages
        .filter(
          (m) =>
            m.seq > afterSeq &&
            (!query.channel || m.channel === query.channel) &&
            (!query.team || m.teamId === query.team),
        )
        .map(messageRecord),
    };
  });
  app.get('/_emulator/ephemerals', async (request) => {
    const query = request.query as { user?: string; afterSeq?: string };
    const afterSeq = Number(query.afterSeq ?? 0);
    return {
      ephemerals: store.ephemerals.filter(
        (e) => e.seq > afterSeq && (!query.user || e.user === query.user),
      ),
    };
  });
  app.get('/_emulator/views', async () => ({ views: [...store.views.values()] }));

  app.get('/_emulator/teams', async () => ({ teams: [...store.teams.values()] }));
  app.post('/_emulator/teams', async (request, reply) => {
    const body = (request.body ?? {}) as { name?: string };
    const team = store.createTeam(body.name ?? 'Another team');
    return reply.code(201).send({ team });
  });
  app.get('/_emulator/users', async (request) => {
    const team = teamOf((request.query as { team?: string }).team);
    return { users: store.teamUsers(team) };
  });
  app.post('/_emulator/users', async (request, reply) => {
    const body = (request.body ?? {}) as {
      team?: string;
      email?: string;
      name?: string;
      isAdmin?: boolean;
    };
    if (!body.email || !body.name)
      return reply.code(400).send({ error: 'email and name are required' });
    const user = store.addUser(teamOf(body.team), {
      email: body.email,
      name: body.name,
      isAdmin: body.isAdmin,
    });
    return reply.code(201).send({ user });
  });
  app.get('/_emulator/channels', async (request) => {
    const team = teamOf((request.query as { team?: string }).team);
    return {
      channels: store.teamChannels(team).map((c) => ({ ...c, members: [...c.members] })),
    };
  });
  app.post('/_emulator/channels', async (request, reply) => {
    const body = (request.body ?? {}) as { team?: string; name?: string; isPrivate?: boolean };
    if (!body.name) return reply.code(400).send({ error: 'name is required' });
    const channel = store.addChannel(teamOf(body.team), {
      name: body.name,
      isPrivate: body.isPrivate,
    });
    return reply.code(201).send({ channel: { ...channel, members: [...channel.members] } });
  });
  /** A bot token for a team, as if installed by hand (tests of a second workspace). */
  app.post('/_emulator/installs', async (request, reply) => {
    const body = (request.body ?? {}) as { team?: string; scopes?: string[] };
    const install = store.install(teamOf(body.team), { scopes: body.scopes ?? ALL_BOT_SCOPES });
    return reply.code(201).send({ install });
  });

  app.get('/_emulator/settings', async () => env.settings);
  app.put('/_emulator/settings', async (request) => {
    const body = (request.body ?? {}) as Partial<SlackSettings>;
    for (const key of Object.keys(DEFAULT_SLACK_SETTINGS) as (keyof SlackSettings)[]) {
      const value = body[key];
      if (key === 'rateLimits' && typeof value === 'boolean') env.settings.rateLimits = value;
      else if (key === 'retryDelaysMs' && Array.isArray(value))
        env.settings.retryDelaysMs = value.map(Number);
      else if (
        key !== 'rateLimits' &&
        key !== 'retryDelaysMs' &&
        typeof value === 'number' &&
        value >= 0
      ) {
        env.settings[key] = value;
      }
    }
    return env.settings;
  });
  app.get('/_emulator/faults', async () => ({ faults: env.faults.list() }));
  app.post('/_emulator/faults', async (request, reply) =>
    reply.code(201).send({ id: env.faults.add(request.body as SlackFaultRule) }),
  );
  app.delete('/_emulator/faults', async (_request, reply) => {
    env.faults.clear();
    return reply.code(204).send();
  });
  app.get('/_emulator/requests', async (request) => {
    const afterSeq = Number((request.query as { afterSeq?: string }).afterSeq ?? 0);
    return { lastSeq: env.log.lastSeq, requests: env.log.list(afterSeq) };
  });
  app.post('/_emulator/reset-counters', async (_request, reply) => {
    env.log.clear();
    env.limits.reset();
    return reply.code(204).send();
  });
}

async function waitFor(
  record: InteractionRecord,
  wait: 'first' | 'all' | undefined,
): Promise<void> {
  await (wait === 'first' ? record.first : record.done);
}
