/**
 * The `response_url` an interaction carries: the app POSTs JSON to it to answer the
 * person (ephemeral by default), post in the channel, or replace or delete the
 * message the click came from. Slack accepts five posts within 30 minutes.
 */
import type { FastifyInstance } from 'fastify';
import { RESPONSE_URL_USES, type SlackEnv } from './env.js';
import { readBlocks } from './methods-chat.js';
import { Args, SlackApiError } from './web-api.js';

export function registerResponseUrls(app: FastifyInstance, env: SlackEnv): void {
  app.post('/actions/:team/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const handle = env.responseUrls.get(id);
    if (!handle || env.now().getTime() > handle.expiresAt) {
      return reply.code(404).send({ ok: false, error: 'expired_url' });
    }
    if (handle.uses >= RESPONSE_URL_USES) {
      return reply.code(404).send({ ok: false, error: 'used_url' });
    }
    const raw = (request.body ?? {}) as Record<string, unknown>;
    // A form post carries the JSON in `payload`, as some clients send it.
    const body =
      typeof raw.payload === 'string' ? (JSON.parse(raw.payload) as Record<string, unknown>) : raw;
    const args = new Args(body);
    let blocks: unknown[] | null;
    try {
      blocks = readBlocks(args);
    } catch (error) {
      if (error instanceof SlackApiError)
        return reply.code(400).send({ ok: false, error: error.code });
      throw error;
    }
    const text = args.str('text') ?? '';
    handle.uses += 1;
    const { store } = env;
    const original = handle.messageTs ? store.message(handle.channel, handle.messageTs) : undefined;
    if (args.bool('delete_original')) {
      if (original) original.deleted = true;
      return { ok: true };
    }
    if (args.bool('replace_original')) {
      if (!original) return reply.code(404).send({ ok: false, error: 'message_not_found' });
      original.history.push({
        text: original.text,
        blocks: original.blocks,
        at: env.now().toISOString(),
      });
      original.text = text;
      original.blocks = blocks;
      original.edited = { user: original.user, ts: store.nextTs() };
      return { ok: true };
    }
    if (!text && !blocks) return reply.code(400).send({ ok: false, error: 'no_text' });
    if (args.str('response_type') === 'in_channel') {
      const install = [...store.installs.values()].find((i) => i.teamId === handle.teamId);
      store.addMessage({
        channel: handle.channel,
        teamId: handle.teamId,
        user: install?.botUserId ?? handle.user,
        botId: install?.botId ?? null,
        appId: install?.appId ?? null,
        text,
        blocks,
        metadata: null,
        threadTs: args.str('thread_ts') ?? null,
      });
      return { ok: true };
    }
    store.addEphemeral({
      channel: handle.channel,
      user: handle.user,
      text,
      blocks,
      via: 'response_url',
    });
    return { ok: true };
  });
}
