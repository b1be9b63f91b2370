import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  PUSH_FAULT_KINDS,
  PushFaults,
  PushMessages,
  PushRequestLog,
  type PushFaultKind,
  type PushFaultRule,
} from './controls.js';
import { checkVapidAuthorization } from './vapid-auth.js';

/** A subscription endpoint the emulator handed out, as a browser's push service would. */
export interface EmulatedSubscription {
  id: string;
  endpoint: string;
  /** The VAPID public key the browser subscribed with; pushes signed by another get 403. */
  applicationServerKey: string | null;
  /** Unsubscribed: pushes to it get 410. */
  gone: boolean;
  createdAt: string;
}

export interface PushEmulator {
  app: FastifyInstance;
  subscriptions: Map<string, EmulatedSubscription>;
  messages: PushMessages;
  faults: PushFaults;
  log: PushRequestLog;
  /** Hands out a new subscription endpoint (what `pushManager.subscribe` gets from a service). */
  createSubscription(options?: { applicationServerKey?: string }): EmulatedSubscription;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const URGENCIES = ['very-low', 'low', 'normal', 'high'];
/** RFC 8030 section 5.4: at most 32 characters of the URL-safe base64 alphabet. */
const TOPIC = /^[A-Za-z0-9_-]{1,32}$/;
/** The 4096 bytes every push service must accept (RFC 8030 section 7.2); more is a 413. */
const MAX_BODY_BYTES = 4096;

function refuse(reply: FastifyReply, status: number, reason: string) {
  return reply.status(status).send({ code: status, errno: status, error: reason, message: reason });
}

/**
 * A push service as browsers use one (RFC 8030, RFC 8292), for tests and the sandbox:
 * POST `/push/<id>` is a subscription's endpoint. A message is accepted (201 with a
 * Location) only with a valid `Authorization: vapid t=<jwt>, k=<key>` (ES256, `aud`
 * this origin, `exp` within 24 hours; 401 otherwise, 403 when `k` is not the key the
 * subscription was made with), a `TTL` header (400 without), a valid Urgency and
 * Topic, and an `aes128gcm` body of at most 4096 bytes. Unknown subscriptions get
 * 404, unsubscribed ones 410. The body is recorded as sent: only the holder of the
 * subscription's keys (the test) can decrypt it.
 */
export async function createPushEmulator(
  options: { now?: () => Date } = {},
): Promise<PushEmulator> {
  const now = options.now ?? (() => new Date());
  const subscriptions = new Map<string, EmulatedSubscription>();
  const messages = new PushMessages();
  const faults = new PushFaults();
  const log = new PushRequestLog();
  let baseUrl = '';

  const app = Fastify({ logger: false });
  // Push bodies are opaque bytes, whatever their Content-Type says.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const createSubscription = (subscribe: { applicationServerKey?: string } = {}) => {
    const id = randomUUID();
    const subscription: EmulatedSubscription = {
      id,
      endpoint: `${baseUrl}/push/${id}`,
      applicationServerKey: subscribe.applicationServerKey ?? null,
      gone: false,
      createdAt: now().toISOString(),
    };
    subscriptions.set(id, subscription);
    return subscription;
  };

  app.post('/push/:id', async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
    const subscriptionId = request.params.id;
    const record = (status: number, fault: PushFaultKind | null, error: string | null) =>
      log.add({ subscriptionId, status, fault, error, at: now().toISOString() });
    const subscription = subscriptions.get(subscriptionId);
    if (!subscription) {
      record(404, null, 'no such subscription');
      return refuse(reply, 404, 'no such subscription');
    }
    if (subscription.gone) {
      record(410, null, 'unsubscribed');
      return refuse(reply, 410, 'the subscription has expired or was removed');
    }
    const fault = faults.take(subscriptionId);
    if (fault && fault.kind !== 'drop_answer') {
      const status = {
        not_found: 404,
        gone: 410,
        rate_limit: 429,
        server_error: fault.status ?? 503,
        too_large: 413,
      }[fault.kind];
      record(status, fault.kind, null);
      if (fault.kind === 'rate_limit') {
        void reply.header('Retry-After', String(fault.retryAfterSeconds ?? 1));
      }
      return refuse(reply, status, `injected ${fault.kind}`);
    }

    const audience = `${request.protocol}://${request.headers.host ?? ''}`;
    const auth = checkVapidAuthorization(
      request.headers.authorization,
      audience,
      Math.floor(now().getTime() / 1000),
    );
    if (!auth.ok) {
      record(401, null, auth.reason);
      return refuse(reply, 401, auth.reason);
    }
    if (subscription.applicationServerKey && subscription.applicationServerKey !== auth.publicKey) {
      record(403, null, 'signed with another key than the subscription was made with');
      return refuse(reply, 403, 'the VAPID key is not the one this subscription was made with');
    }
    const ttlHeader = request.headers.ttl;
    const ttl = typeof ttlHeader === 'string' && /^\d+$/.test(ttlHeader) ? Number(ttlHeader) : NaN;
    const urgency = (request.headers.urgency as string | undefined) ?? 'normal';
    const topic = (request.headers.topic as string | undefined) ?? null;
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const encoding = (request.headers['content-encoding'] as string | undefined) ?? null;
    const invalid = Number.isNaN(ttl)
      ? 'the TTL header is required (seconds, a non-negative integer)'
      : !URGENCIES.includes(urgency)
        ? `Urgency must be one of ${URGENCIES.join(', ')}`
        : topic !== null && !TOPIC.test(topic)
          ? 'Topic must be at most 32 URL-safe base64 characters'
          : body.length > 0 && encoding !== 'aes128gcm'
            ? 'a body must be Content-Encoding: aes128gcm'
            : null;
    if (invalid) {
      record(400, null, invalid);
      return refuse(reply, 400, invalid);
    }
    if (body.length > MAX_BODY_BYTES) {
      record(413, null, 'payload too large');
      return refuse(reply, 413, `the body is ${body.length} bytes; at most ${MAX_BODY_BYTES}`);
    }
    const message = messages.add({
      id: randomUUID(),
      subscriptionId,
      ttl,
      urgency,
      topic,
      contentEncoding: encoding,
      body: body.toString('base64url'),
      vapidKey: auth.publicKey,
      subject: auth.claims.sub,
      receivedAt: now().toISOString(),
    });
    record(201, fault?.kind ?? null, null);
    if (fault?.kind === 'drop_answer') {
      request.raw.socket.destroy();
      return reply.hijack();
    }
    return reply.status(201).header('Location', `${baseUrl}/messages/${message.id}`).send();
  });

  app.post('/_emulator/subscriptions', async (request, reply) => {
    const body = (request.body ?? {}) as { applicationServerKey?: unknown };
    const key =
      typeof body.applicationServerKey === 'string' ? body.applicationServerKey : undefined;
    return reply.status(201).send(createSubscription({ applicationServerKey: key }));
  });
  app.get('/_emulator/subscriptions', async () => ({ subscriptions: [...subscriptions.values()] }));
  app.delete(
    '/_emulator/subscriptions/:id',
    async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
      const subscription = subscriptions.get(request.params.id);
      if (!subscription) return refuse(reply, 404, 'no such subscription');
      subscription.gone = true;
      return { ...subscription };
    },
  );
  app.get(
    '/_emulator/messages',
    async (
      request: FastifyRequest<{ Querystring: { subscriptionId?: string; after?: string } }>,
    ) => {
      const { subscriptionId, after } = request.query;
      return {
        messages: messages.list(after ? Number(after) : undefined, (message) =>
          subscriptionId ? message.subscriptionId === subscriptionId : true,
        ),
      };
    },
  );
  app.get(
    '/_emulator/requests',
    async (request: FastifyRequest<{ Querystring: { after?: string } }>) => ({
      requests: log.list(request.query.after ? Number(request.query.after) : undefined),
    }),
  );
  app.post('/_emulator/faults', async (request, reply) => {
    const rule = (request.body ?? {}) as PushFaultRule;
    if (!PUSH_FAULT_KINDS.includes(rule.kind)) {
      return refuse(reply, 400, `kind must be one of ${PUSH_FAULT_KINDS.join(', ')}`);
    }
    return reply.status(201).send({ id: faults.add(rule) });
  });
  app.delete('/_emulator/faults', async () => {
    faults.clear();
    return { cleared: true };
  });

  return {
    app,
    subscriptions,
    messages,
    faults,
    log,
    createSubscription,
    async listen(port = 0, host = '127.0.0.1') {
      const address = await app.listen({ port, host });
      baseUrl = address.replace('localhost', '127.0.0.1');
      for (const subscription of subscriptions.values()) {
        subscription.endpoint = `${baseUrl}/push/${subscription.id}`;
      }
      return baseUrl;
    },
    close: () => app.close(),
  };
}
