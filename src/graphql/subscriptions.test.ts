import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type Tenant, type TestApp } from '../../test/app.js';
import { projectRoot } from '../paths.js';
import { enqueue } from '../jobs/queue.js';

/**
 * The whole path of an event: a job runs in a separate `pandora worker` process, its
 * NOTIFY crosses Postgres, and the server streams it to a GraphQL subscriber over SSE.
 */
let t: TestApp;
let tenant: Tenant;
let worker: ChildProcess | undefined;
let workerOutput = '';

beforeAll(async () => {
  t = await createTestApp({}, { events: true });
  tenant = await createTenant(t);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  worker = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, 'src/cli/main.ts'), 'worker'],
    {
      env: {
        ...process.env,
        DATABASE_URL: t.db.url,
        PANDORA_DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'pandora-worker-')),
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  worker.stdout?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
  worker.stderr?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
  // Wait for the worker to say it is ready.
  const deadline = Date.now() + 20_000;
  while (!workerOutput.includes('worker ready')) {
    if (Date.now() > deadline || worker.exitCode !== null)
      throw new Error(`worker did not start:\n${workerOutput}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

afterAll(async () => {
  if (worker && worker.exitCode === null) {
    const exited = new Promise((resolve) => worker!.once('exit', resolve));
    worker.kill('SIGTERM');
    await exited;
  }
});

interface SseEvent {
  data: {
    workspaceEvents: { type: string; payload: Record<string, unknown>; workspaceId: string };
  };
}

async function* readEvents(response: Response): AsyncGenerator<SseEvent> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .join('');
      if (data) yield JSON.parse(data) as SseEvent;
    }
  }
}

describe('GraphQL subscriptions', () => {
  it('receive an event published by a job in a worker process', async () => {
    const address = t.app.server.address() as { port: number };
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${address.port}/graphql`, {
      method: 'POST',
      headers: { ...tenant.auth, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: `subscription ($id: ID!) { workspaceEvents(workspaceId: $id) { workspaceId type payload } }`,
        variables: { id: tenant.workspaceId },
      }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');

    // Subscribed (the response has started); now give the worker something to do.
    const jobId = await enqueue(t.db.pool, 'demo.seed', {
      workspaceId: tenant.workspaceId,
      seed: 3,
    });
    const seen: string[] = [];
    const timeout = setTimeout(() => controller.abort(), 20_000);
    try {
      for await (const event of readEvents(response)) {
        const { type, payload, workspaceId } = event.data.workspaceEvents;
        expect(workspaceId).toBe(tenant.workspaceId);
        seen.push(type);
        if (type === 'demo.seeded') expect(payload.deals).toBeGreaterThan(50);
        if (type === 'job.completed') {
          expect(payload).toMatchObject({ jobId, task: 'demo.seed' });
          break;
        }
      }
    } finally {
      clearTimeout(timeout);
      controller.abort();
    }
    expect(seen).toEqual(['demo.seeded', 'job.completed']);
  });

  it("refuses to subscribe to another workspace's events", async () => {
    const other = await createTenant(t);
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { ...tenant.auth, accept: 'text/event-stream' },
      payload: {
        query: `subscription ($id: ID!) { workspaceEvents(workspaceId: $id) { type } }`,
        variables: { id: other.workspaceId },
      },
    });
    expect(response.body).toContain('not_found');
  });
});
