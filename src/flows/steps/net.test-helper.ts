/**
 * Test pieces for the network steps: a StepContext made by hand (the runner is not
 * involved) and a local HTTP receiver that records what arrived and answers as told.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import pino from 'pino';
import { parseSecretKey } from '../../tenancy/secrets.js';
import type { FlowServices, RunScope, StepContext } from '../types.js';

export const testSecretKey = parseSecretKey('33'.repeat(32));

export function testServices(overrides: Partial<FlowServices> = {}): FlowServices {
  return {
    // Steps that touch no database get a pool that fails loudly if they do.
    db: new Proxy({} as pg.Pool, {
      get() {
        throw new Error('this step was not expected to use the database');
      },
    }),
    secretKey: testSecretKey,
    log: pino({ level: 'silent' }),
    allowedHosts: [],
    ...overrides,
  };
}

let runCounter = 0;

export function testContext(
  overrides: Partial<Omit<StepContext, 'scope'>> & { scope?: Partial<RunScope> } = {},
): StepContext {
  runCounter += 1;
  const runId =
    overrides.runId ?? `00000000-0000-4000-8000-${String(runCounter).padStart(12, '0')}`;
  const stepKey = overrides.stepKey ?? 'step_one';
  return {
    services: testServices(),
    workspaceId: '00000000-0000-4000-8000-00000000aaaa',
    flowId: '00000000-0000-4000-8000-00000000bbbb',
    version: 1,
    runId,
    stepKey,
    attempt: 1,
    idempotencyKey: `${runId}:${stepKey}`,
    scopeUserId: null,
    state: null,
    signal: new AbortController().signal,
    now: () => new Date(),
    ...overrides,
    scope: { trigger: {}, vars: {}, steps: {}, ...overrides.scope },
  };
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** Which TCP connection it came on (1 = the first one the receiver accepted). */
  connection: number;
}

export type Answer = (
  request: ReceivedRequest,
  index: number,
) =>
  { status: number; headers?: Record<string, string>; body?: string; hang?: boolean } | undefined;

export interface Receiver {
  origin: string;
  received: ReceivedRequest[];
  connections(): number;
  answer(answer: Answer): void;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 that records each request; answers 200 `{"ok":true}` unless told. */
export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  let answer: Answer = () => undefined;
  let connections = 0;
  const ids = new WeakMap<object, number>();
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        connection: ids.get(req.socket) ?? 0,
      };
      received.push(request);
      const planned = answer(request, received.length - 1) ?? {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"ok":true}',
      };
      if (planned.hang) {
        hanging.push(res);
        return;
      }
      res.writeHead(planned.status, planned.headers);
      res.end(planned.body ?? '');
    });
  });
  server.on('connection', (socket) => {
    connections += 1;
    ids.set(socket, connections);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    connections: () => connections,
    answer(next) {
      answer = next;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
