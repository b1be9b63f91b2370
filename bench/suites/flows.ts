/**
 * The flow engine end to end: published flows started with startFlowRun, run by the
 * job worker (flows.run) with every step's result stored, against a local webhook
 * receiver over keep-alive HTTP.
 *
 * - `runs_per_second`: a backlog of runs of the 3-step flow (set_variable, condition,
 *   send_webhook) drained by one worker process; baseline: the same three steps called
 *   in this process with the same concurrency, nothing stored, no queue.
 * - `p95_run_ms`: start-to-finish (the run's created_at to finished_at) of runs started
 *   at a steady rate below capacity; baseline: the steps alone, as above.
 * - `js_runs_per_second`: the same with run_javascript in place of the condition.
 * Then the sandbox alone (bench/flows-sandbox.ts). `--quick` runs smaller backlogs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type pg from 'pg';
import { createPool } from '../../src/db/pool.js';
import { startFlowRun } from '../../src/flows/engine/runs.js';
import { closeSharedSandboxPool } from '../../src/flows/sandbox/pool.js';
import { closeStepDispatchers } from '../../src/flows/steps/http-request.js';
import { stepDefinition } from '../../src/flows/steps/registry.js';
import type { FlowServices, FlowStep, RunScope, StepContext } from '../../src/flows/types.js';
import { handlers } from '../../src/jobs/handlers.js';
import { startWorker, type TaskHandlers } from '../../src/jobs/queue.js';
import { parseSecretKey } from '../../src/tenancy/secrets.js';
import { createWorkspace } from '../../src/tenancy/workspaces.js';
import { sandboxBench } from '../flows-sandbox.js';
import { benchDatabase } from './database.js';
import { round } from './figures.js';
import type { Suite } from './types.js';

const SECRET_KEY = parseSecretKey('66'.repeat(32));
/** Jobs the worker runs at once (the runner holds one connection per run). */
const CONCURRENCY = Number(process.env.BENCH_FLOWS_CONCURRENCY ?? 24);
/** Jobs fetched per query (graphile-worker's local queue); 1 turns it off. */
const LOCAL_QUEUE = Number(process.env.BENCH_FLOWS_LOCAL_QUEUE ?? CONCURRENCY + 1);

function threeSteps(url: string): FlowStep[] {
  return [
    {
      key: 'amount',
      type: 'set_variable',
      config: { name: 'amount', type: 'number', value: '{{trigger.amount}}' },
    },
    {
      key: 'big',
      type: 'condition',
      config: { rules: [{ left: '{{vars.amount}}', operator: 'greater_than', right: 100 }] },
    },
    {
      key: 'notify',
      type: 'send_webhook',
      config: { url, payload: { amount: '{{vars.amount}}', deal: '{{trigger.deal}}' } },
    },
  ];
}

function jsSteps(url: string): FlowStep[] {
  const [amount, , notify] = threeSteps(url);
  return [
    amount!,
    {
      key: 'price',
      type: 'run_javascript',
      config: {
        code: 'return { total: input.vars.amount * 1.2, tier: input.vars.amount > 100 ? "gold" : "std" };',
      },
    },
    notify!,
  ];
}

export const flowsSuite: Suite = async ({ quick, report }) => {
  const db = await benchDatabase();
  const receiver = await startReceiver();
  const workerPool = createPool(db.url, CONCURRENCY + 8);
  const log = pino({ level: process.env.BENCH_LOG ?? 'silent' });
  const allowedHosts = [receiver.origin];
  const previousHosts = process.env.PANDORA_ALLOWED_CRM_HOSTS;
  // The flows.run handler reads the allowed hosts from the configuration.
  process.env.PANDORA_ALLOWED_CRM_HOSTS = receiver.origin;
  const worker = await startWorker({
    pool: workerPool,
    connectionString: db.url,
    log,
    handlers: { ...handlers, 'demo.seed': async () => undefined } as TaskHandlers,
    concurrency: CONCURRENCY,
    schedules: false,
    secretKey: SECRET_KEY,
    localQueueSize: LOCAL_QUEUE,
  });
  try {
    const workspaceId = (await createWorkspace(db.pool, { name: 'Flows bench' })).id;
    const plain = await publish(db.pool, workspaceId, threeSteps(`${receiver.origin}/hook`));
    const withJs = await publish(db.pool, workspaceId, jsSteps(`${receiver.origin}/hook`));
    const services: FlowServices = { db: workerPool, secretKey: SECRET_KEY, log, allowedHosts };
    report({ metric: 'worker_concurrency', value: CONCURRENCY, unit: 'jobs' });
    report({ metric: 'worker_local_queue', value: LOCAL_QUEUE, unit: 'jobs' });

    // Warm-up: connections, compiled schemas, JIT.
    await drain(db.pool, workspaceId, plain, quick ? 200 : 500);
    const backlog = quick ? 2_000 : 10_000;
    const engine = await drain(db.pool, workspaceId, plain, backlog);
    const direct = await inProcess(services, threeSteps(`${receiver.origin}/hook`), backlog);
    report({
      metric: 'runs_per_second',
      value: round(engine.perSecond),
      unit: 'runs/s',
      baseline: round(direct.perSecond),
    });

    // Latency at a steady 60% of what the backlog drained at.
    const rate = Math.max(20, Math.round(engine.perSecond * 0.6));
    const latency = await steady(db.pool, workspaceId, plain, rate, quick ? 3 : 10);
    report({ metric: 'steady_rate', value: rate, unit: 'runs/s' });
    report({
      metric: 'p95_run_ms',
      value: round(latency.p95),
      unit: 'ms',
      baseline: round(direct.p95),
    });
    report({ metric: 'p50_run_ms', value: round(latency.p50), unit: 'ms' });

    await drain(db.pool, workspaceId, withJs, quick ? 100 : 300);
    const jsBacklog = quick ? 1_000 : 5_000;
    const js = await drain(db.pool, workspaceId, withJs, jsBacklog);
    const jsDirect = await inProcess(services, jsSteps(`${receiver.origin}/hook`), jsBacklog);
    report({
      metric: 'js_runs_per_second',
      value: round(js.perSecond),
      unit: 'runs/s',
      baseline: round(jsDirect.perSecond),
    });
    report({ metric: 'webhooks_received', value: receiver.count(), unit: 'requests' });
  } finally {
    await worker.stop();
    await closeStepDispatchers();
    await closeSharedSandboxPool();
    await workerPool.end();
    await receiver.close();
    await db.close();
    if (previousHosts === undefined) delete process.env.PANDORA_ALLOWED_CRM_HOSTS;
    else process.env.PANDORA_ALLOWED_CRM_HOSTS = previousHosts;
  }
  await sandboxBench({ quick, report });
};

async function publish(db: pg.Pool, workspaceId: string, steps: FlowStep[]): Promise<string> {
  const definition = JSON.stringify({ trigger: { type: 'manual' }, steps });
  const { rows } = await db.query<{ id: string }>(
    `with flow as (
       insert into flows (workspace_id, name, draft, latest_version)
       values ($1::uuid, 'Bench flow', $2::jsonb, 1) returning id)
     insert into flow_versions (workspace_id, flow_id, version, definition)
     select $1::uuid, flow.id, 1, $2::jsonb from flow returning flow_id as id`,
    [workspaceId, definition],
  );
  return rows[0]!.id;
}

/** Starts `count` runs at once and waits until all finished; runs per second. */
async function drain(
  db: pg.Pool,
  workspaceId: string,
  flowId: string,
  count: number,
): Promise<{ perSecond: number }> {
  const started = performance.now();
  // Started by a few callers at once, as triggers and the API would.
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        next += 1;
        await startFlowRun(db, {
          workspaceId,
          flowId,
          trigger: { type: 'manual' },
          input: { amount: 100 + (next % 50), deal: `D-${next}` },
        });
      }
    }),
  );
  await waitFinished(db, workspaceId);
  return { perSecond: count / ((performance.now() - started) / 1000) };
}

/** Starts runs at `rate` per second for `seconds`; start-to-finish percentiles. */
async function steady(
  db: pg.Pool,
  workspaceId: string,
  flowId: string,
  rate: number,
  seconds: number,
): Promise<{ p50: number; p95: number }> {
  const ids: string[] = [];
  const tickMs = 50;
  const perTick = rate / (1000 / tickMs);
  let owed = 0;
  const starts: Promise<void>[] = [];
  const deadline = performance.now() + seconds * 1000;
  while (performance.now() < deadline) {
    owed += perTick;
    for (; owed >= 1; owed -= 1) {
      starts.push(
        startFlowRun(db, {
          workspaceId,
          flowId,
          trigger: { type: 'manual' },
          input: { amount: 500, deal: 'steady' },
        }).then(({ runId }) => void ids.push(runId)),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, tickMs));
  }
  await Promise.all(starts);
  await waitFinished(db, workspaceId);
  const { rows } = await db.query<{ ms: number }>(
    `select extract(epoch from finished_at - created_at) * 1000 as ms
     from flow_runs where id = any($1::uuid[]) order by 1`,
    [ids],
  );
  const at = (q: number) =>
    Number(rows[Math.min(rows.length - 1, Math.floor(rows.length * q))]!.ms);
  return { p50: at(0.5), p95: at(0.95) };
}

/**
 * Waits until none of the workspace's runs is open. Counted from the open runs' partial
 * index: a count over the ids of thousands of runs, fifty times a second, took a tenth
 * of a core from the database being measured.
 */
async function waitFinished(db: pg.Pool, workspaceId: string): Promise<void> {
  for (;;) {
    const { rows } = await db.query<{ open: number }>(
      `select count(*)::int as open from flow_runs
       where status in ('pending', 'running', 'waiting') and workspace_id = $1::uuid`,
      [workspaceId],
    );
    if (rows[0]!.open === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const { rows } = await db.query<{ failed: number }>(
    `select count(*)::int as failed from flow_runs
     where workspace_id = $1::uuid and status in ('failed', 'timeout', 'cancelled')`,
    [workspaceId],
  );
  if (rows[0]!.failed > 0) throw new Error(`${rows[0]!.failed} bench runs did not complete`);
}

/**
 * The baseline: the steps' own `run`, called in order in this process with the same
 * concurrency as the worker; no templates stored, no database, no queue.
 */
async function inProcess(
  services: FlowServices,
  steps: FlowStep[],
  count: number,
): Promise<{ perSecond: number; p95: number }> {
  const { resolveTemplates } = await import('../../src/flows/engine/template.js');
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        next += 1;
        const runId = `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`;
        const scope: RunScope = {
          trigger: { amount: 100 + (next % 50), deal: `D-${next}` },
          vars: {},
          steps: {},
        };
        const begun = performance.now();
        for (const step of steps) {
          const definition = stepDefinition(step.type)!;
          const config = (await resolveTemplates(step.config, scope, async () => undefined)).value;
          const context: StepContext = {
            services,
            workspaceId: runId,
            flowId: runId,
            version: 1,
            runId,
            stepKey: step.key,
            attempt: 1,
            idempotencyKey: `${runId}:${step.key}`,
            scopeUserId: null,
            scope,
            state: null,
            signal: new AbortController().signal,
            now: () => new Date(),
          };
          const outcome = await definition.run(context, config);
          if (outcome.kind !== 'completed') throw new Error('a bench step suspended');
          scope.steps[step.key] = { output: outcome.output };
          for (const [name, typed] of Object.entries(outcome.variables ?? {})) {
            scope.vars[name] = typed.value;
          }
        }
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: count / seconds,
    p95: latencies[Math.floor(latencies.length * 0.95)] ?? 0,
  };
}

/** A webhook receiver answering 200 at once, keep-alive. */
async function startReceiver(): Promise<{
  origin: string;
  count(): number;
  close(): Promise<void>;
}> {
  let received = 0;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    count: () => received,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
