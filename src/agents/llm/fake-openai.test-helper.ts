import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultRules, type FaultRuleBase } from '../../emulator-kit/fault-rules.js';
import { RequestLog } from '../../emulator-kit/request-log.js';

/**
 * A local stand-in for an OpenAI-compatible provider: `POST /v1/chat/completions`
 * with OpenAI's request and response shapes, its bearer-key check, its error body
 * (`{ error: { message, type, param, code } }`) and its strict-schema rules (every
 * object closed, every property required), so the real SDK is tested over real HTTP.
 * The "model" answers what the test queued; with nothing queued it finds nothing
 * (every field of the requested schema null).
 */

export interface FakeFault extends FaultRuleBase {
  /**
   * rate_limit: 429 with Retry-After; server_error: 500 (or `status`); malformed_body:
   * a 200 whose JSON body is cut short; slow: the answer comes `delayMs` late.
   */
  kind: 'rate_limit' | 'server_error' | 'malformed_body' | 'slow';
  retryAfterSeconds?: number;
  status?: number;
  /** rate_limit: the error code (OpenAI sends `insufficient_quota` when out of credit). */
  code?: string;
  delayMs?: number;
}

/** What the model says: its message content verbatim (JSON or not), or a refusal. */
export type FakeReply = { content: string; finishReason?: 'stop' | 'length' } | { refusal: string };

export interface FakeRequest {
  seq: number;
  /** Milliseconds since the epoch when the request arrived. */
  at: number;
  authorization: string | undefined;
  body: Record<string, unknown> | undefined;
  status: number;
  fault: FakeFault['kind'] | null;
}

export interface FakeOpenAi {
  /** The API root to give the SDK, e.g. `http://127.0.0.1:PORT/v1`. */
  baseUrl: string;
  apiKey: string;
  model: string;
  faults: FaultRules<FakeFault>;
  log: RequestLog<FakeRequest>;
  /** Queues replies, each used by one successful request, in order. */
  reply(...replies: FakeReply[]): void;
  /** Queues a JSON answer (the message content is its JSON text). */
  answer(value: unknown): void;
  close(): Promise<void>;
}

function sendError(
  res: ServerResponse,
  status: number,
  error: { message: string; type: string; param?: string | null; code?: string | null },
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error: { param: null, code: null, ...error } }));
}

/** The first way a schema breaks OpenAI's strict mode, in the words OpenAI uses; null when none. */
export function strictSchemaProblem(schema: unknown, context: string[] = []): string | null {
  if (!schema || typeof schema !== 'object') return null;
  const node = schema as Record<string, unknown>;
  const where = `In context=(${context.map((c) => `'${c}'`).join(', ')})`;
  if (Array.isArray(node.anyOf)) {
    for (const [i, branch] of node.anyOf.entries()) {
      const problem = strictSchemaProblem(branch, [...context, 'anyOf', String(i)]);
      if (problem) return problem;
    }
  }
  if (node.type === 'object') {
    if (node.additionalProperties !== false) {
      return `${where}, 'additionalProperties' is required to be supplied and to be false.`;
    }
    const properties = (node.properties ?? {}) as Record<string, unknown>;
    const required = Array.isArray(node.required) ? node.required : [];
    const missing = Object.keys(properties).find((key) => !required.includes(key));
    if (missing) {
      return `${where}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
    }
    for (const [key, value] of Object.entries(properties)) {
      const problem = strictSchemaProblem(value, [...context, 'properties', key]);
      if (problem) return problem;
    }
  }
  if (node.type === 'array') return strictSchemaProblem(node.items, [...context, 'items']);
  return null;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Every field of the requested schema null: the answer of a model that found nothing. */
function nothingFound(body: Record<string, unknown>): string {
  const format = body.response_format as { json_schema?: { schema?: { properties?: object } } };
  const keys = Object.keys(format?.json_schema?.schema?.properties ?? {});
  return JSON.stringify(Object.fromEntries(keys.map((key) => [key, null])));
}

export async function startFakeOpenAi(
  options: { apiKey?: string; model?: string } = {},
): Promise<FakeOpenAi> {
  const apiKey = options.apiKey ?? 'sk-fake-test-key';
  const model = options.model ?? 'fake-model-1';
  const faults = new FaultRules<FakeFault>();
  const log = new RequestLog<FakeRequest>();
  const replies: FakeReply[] = [];
  let completions = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const raw = await readBody(req);
    let body: Record<string, unknown> | undefined;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    } catch {
      body = undefined;
    }
    const entry = { at, authorization: req.headers.authorization, body };
    const record = (status: number, fault: FakeFault['kind'] | null = null) =>
      log.add({ ...entry, status, fault });

    if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/chat/completions') {
      record(404);
      sendError(res, 404, {
        message: `Invalid URL (${req.method} ${req.url})`,
        type: 'invalid_request_error',
      });
      return;
    }
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      record(401);
      sendError(res, 401, {
        message: 'Incorrect API key provided. You can find your API key in your account settings.',
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      });
      return;
    }
    const fault = faults.takeFirst(() => true);
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
    if (fault?.kind === 'rate_limit') {
      record(429, 'rate_limit');
      const quota = fault.code === 'insufficient_quota';
      sendError(
        res,
        429,
        {
          message: quota
            ? 'You exceeded your current quota, please check your plan and billing details.'
            : `Rate limit reached for ${model} on requests per min (RPM): Limit 3, Used 3, Requested 1.`,
          type: quota ? 'insufficient_quota' : 'requests',
          code: fault.code ?? 'rate_limit_exceeded',
        },
        { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
      );
      return;
    }
    if (fault?.kind === 'server_error') {
      const status = fault.status ?? 500;
      record(status, 'server_error');
      sendError(res, status, {
        message: 'The server had an error while processing your request. Sorry about that!',
        type: 'server_error',
      });
      return;
    }
    if (fault?.kind === 'malformed_body') {
      record(200, 'malformed_body');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"chatcmpl-broken","object":"chat.comp');
      return;
    }

    if (!body) {
      record(400);
      sendError(res, 400, {
        message: 'We could not parse the JSON body of your request.',
        type: 'invalid_request_error',
      });
      return;
    }
    if (body.model !== model) {
      record(404);
      sendError(res, 404, {
        message: `The model \`${String(body.model)}\` does not exist or you do not have access to it.`,
        type: 'invalid_request_error',
        code: 'model_not_found',
      });
      return;
    }
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      record(400);
      sendError(res, 400, {
        message: "Invalid 'messages': empty array. Expected an array with minimum length 1.",
        type: 'invalid_request_error',
        param: 'messages',
        code: 'empty_array',
      });
      return;
    }
    const format = body.response_format as
      | { type?: string; json_schema?: { name?: string; strict?: boolean; schema?: unknown } }
      | undefined;
    if (format?.type === 'json_schema') {
      const name = format.json_schema?.name ?? '';
      const problem = !/^[A-Za-z0-9_-]{1,64}$/.test(name)
        ? `Invalid 'response_format.json_schema.name': '${name}'.`
        : format.json_schema?.strict === true
          ? strictSchemaProblem(format.json_schema.schema)
          : null;
      if (problem) {
        record(400);
        sendError(res, 400, {
          message: `Invalid schema for response_format '${name}': ${problem}`,
          type: 'invalid_request_error',
          param: 'response_format',
        });
        return;
      }
    }

    const reply = replies.shift() ?? { content: nothingFound(body) };
    record(200, fault?.kind ?? null);
    completions += 1;
    const message =
      'refusal' in reply
        ? { role: 'assistant', content: null, refusal: reply.refusal }
        : { role: 'assistant', content: reply.content, refusal: null };
    const finishReason = 'refusal' in reply ? 'stop' : (reply.finishReason ?? 'stop');
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-request-id': `req_${completions}`,
    });
    res.end(
      JSON.stringify({
        id: `chatcmpl-fake-${completions}`,
        object: 'chat.completion',
        created: Math.floor(at / 1000),
        model,
        choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
        usage: {
          prompt_tokens: raw.length >> 2,
          completion_tokens: 10,
          total_tokens: (raw.length >> 2) + 10,
        },
      }),
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      sendError(res, 500, { message: String(error), type: 'server_error' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    apiKey,
    model,
    faults,
    log,
    reply: (...more) => replies.push(...more),
    answer: (value) => replies.push({ content: JSON.stringify(value) }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
