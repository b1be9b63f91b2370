/**
 * Outbound HTTP for flow steps (send_webhook, run_api_request): every URL passes the
 * outbound-URL guard, connections are kept alive per worker, redirects are never
 * followed, and every failure becomes a classified FlowStepError.
 */
import { Agent, request, type Dispatcher } from 'undici';
import { checkOutboundUrl, guardedLookup, OutboundUrlError } from '../../net/outbound-url.js';
import { FlowStepError, type FlowServices } from '../types.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface StepHttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The config field the URL came from, named in a refusal (`url`). */
  field: string;
}

export interface StepHttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the answer says it is JSON, else text; truncated past `MAX_BODY_BYTES`. */
  body: unknown;
  truncated: boolean;
}

/** A step's output keeps at most this much of an answer (the run record is not a file store). */
export const MAX_BODY_BYTES = 256 * 1024;
/** A Retry-After further out than this is not waited for: the step fails instead. */
const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * One keep-alive pool per set of allowed hosts, i.e. per worker in practice: the engine
 * runs hundreds of webhook steps a second against the same receivers, and a TLS or TCP
 * handshake per step would cost more than the step. The guarded lookup re-checks the
 * address each new connection really goes to (DNS rebinding).
 */
const dispatchers = new Map<string, Agent>();

export function stepDispatcher(allowedHosts: readonly string[]): Dispatcher {
  const key = [...allowedHosts].sort().join('\n');
  let agent = dispatchers.get(key);
  if (!agent) {
    agent = new Agent({
      connections: 128,
      keepAliveTimeout: 10_000,
      keepAliveMaxTimeout: 60_000,
      connect: { lookup: guardedLookup(allowedHosts), timeout: 10_000 },
    });
    dispatchers.set(key, agent);
  }
  return agent;
}

/** Closes the pooled connections (tests, shutdown). */
export async function closeStepDispatchers(): Promise<void> {
  const agents = [...dispatchers.values()];
  dispatchers.clear();
  await Promise.all(agents.map((agent) => agent.close()));
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 10.2.3). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

async function readBody(
  body: Dispatcher.ResponseData['body'],
): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    if (size + buffer.length > MAX_BODY_BYTES) {
      chunks.push(buffer.subarray(0, MAX_BODY_BYTES - size));
      // The rest is not read; dropping the socket is cheaper than draining a huge answer.
      body.destroy();
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    chunks.push(buffer);
    size += buffer.length;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}

function parseBody(text: string, contentType: string | undefined, truncated: boolean): unknown {
  if (text === '') return null;
  if (!truncated && contentType && /\bjson\b/i.test(contentType)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** A short, single-line excerpt of what the other side said, for an error message. */
function excerpt(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (!text) return '';
  const line = text.replace(/\s+/g, ' ').trim();
  return `: ${line.length > 300 ? `${line.slice(0, 300)}...` : line}`;
}

/** What an HTTP answer that is not 2xx means for the run: retry, or fix the step. */
export function httpStatusError(
  response: StepHttpResponse,
  target: string,
  now = Date.now(),
): FlowStepError {
  const { status } = response;
  const said = excerpt(response.body);
  if (status === 429 || status === 408 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
    return new FlowStepError('network', `${target} answered ${status}${said}`, {
      status,
      retryable: true,
      severity: 'medium',
      retryAfterMs,
      suggestion:
        status === 429
          ? 'The endpoint is rate limiting; the step is retried after the delay it asked for.'
          : 'The endpoint failed or is overloaded; the step is retried with backoff.',
    });
  }
  if (status >= 300 && status < 400) {
    return new FlowStepError(
      'validation',
      `${target} answered ${status} (redirect to ${response.headers.location ?? 'nowhere'}); redirects are not followed`,
      {
        status,
        severity: 'high',
        suggestion: 'Use the final URL the endpoint redirects to.',
      },
    );
  }
  if (status === 401 || status === 403) {
    return new FlowStepError('permission', `${target} refused the request (${status})${said}`, {
      status,
      severity: 'high',
      suggestion: 'Check the credentials or secret the step sends, and what they may access.',
    });
  }
  return new FlowStepError('validation', `${target} rejected the request (${status})${said}`, {
    status,
    severity: 'high',
    suggestion: 'Check the URL, method, headers and body the step sends against the API it calls.',
  });
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** A failure before any answer came: refused, reset, unresolvable, timed out, blocked. */
export function transportError(error: unknown, target: string, signal: AbortSignal): FlowStepError {
  if (error instanceof FlowStepError) return error;
  if (signal.aborted) {
    return new FlowStepError('timeout', `${target} did not answer before the step's deadline`, {
      retryable: true,
      severity: 'medium',
      suggestion: 'Raise the step timeout if the endpoint is slow, or check that it is up.',
      cause: error,
    });
  }
  const code = (error as { code?: string }).code ?? '';
  // A host that passed the check but then resolved to an internal address (DNS rebinding).
  if (code === 'EADDRNOTALLOWED') {
    return new FlowStepError('permission', `${target}: ${(error as Error).message}`, {
      severity: 'critical',
      suggestion: 'Flows may only call public addresses; an operator can allow internal hosts.',
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  // A header value with a newline, a body of the wrong kind: the config, not the network.
  if (code === 'UND_ERR_INVALID_ARG' || code === 'ERR_INVALID_URL') {
    return new FlowStepError('validation', `${target}: ${message}`, {
      severity: 'high',
      suggestion: "Check the step's headers and body.",
      cause: error,
    });
  }
  return new FlowStepError('network', `${target} could not be reached (${code || message})`, {
    retryable: NETWORK_CODES.has(code) || code.startsWith('UND_ERR') || code === '',
    severity: 'medium',
    suggestion: 'Check that the endpoint is up and reachable; the step is retried with backoff.',
    cause: error,
  });
}

/**
 * Sends one request through the guard and the pooled connections and reads the answer
 * (up to `MAX_BODY_BYTES`). Throws FlowStepError for a refused URL or a failed
 * transport; a non-2xx answer is returned, for the caller to classify (`httpStatusError`).
 */
export async function sendStepRequest(
  services: Pick<FlowServices, 'allowedHosts'>,
  spec: StepHttpRequest,
  signal: AbortSignal,
): Promise<StepHttpResponse> {
  let url: URL;
  try {
    url = await checkOutboundUrl(spec.url, {
      purpose: 'public',
      field: spec.field,
      policy: { allowedHosts: services.allowedHosts },
    });
  } catch (error) {
    if (error instanceof OutboundUrlError) {
      throw new FlowStepError(
        error.reason === 'unresolvable' ? 'network' : 'validation',
        error.message,
        {
          severity: 'high',
          retryable: error.reason === 'unresolvable',
          suggestion:
            'Use a public https URL; an operator can allow internal hosts for flows (PANDORA_ALLOWED_CRM_HOSTS).',
          cause: error,
        },
      );
    }
    throw error;
  }
  const target = `${spec.method} ${url.origin}${url.pathname}`;
  try {
    const answer = await request(url, {
      method: spec.method,
      headers: spec.headers,
      body: spec.body,
      signal,
      dispatcher: stepDispatcher(services.allowedHosts),
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      const text = headerValue(value);
      if (text !== undefined) headers[name.toLowerCase()] = text;
    }
    const { text, truncated } = await readBody(answer.body);
    return {
      status: answer.statusCode,
      headers,
      body: parseBody(text, headers['content-type'], truncated),
      truncated,
    };
  } catch (error) {
    throw transportError(error, target, signal);
  }
}

/** The answer's headers a flow may want later (`{{steps.x.output.headers.etag}}`), no cookies. */
export function keptHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of ['content-type', 'location', 'etag', 'retry-after', 'x-request-id']) {
    if (headers[name] !== undefined) kept[name] = headers[name];
  }
  return kept;
}
