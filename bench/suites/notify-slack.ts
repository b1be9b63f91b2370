import autocannon from 'autocannon';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import { createInboxItem } from '../../src/inbox/items.js';
import { saveInstallation } from '../../src/notifications/slack/client.js';
import { signSlackRequest } from '../../src/notifications/slack/signature.js';
import { parseSecretKey } from '../../src/tenancy/secrets.js';
import { createWorkspace } from '../../src/tenancy/workspaces.js';
import { benchDatabase } from './database.js';
import { round } from './figures.js';
import type { SuiteContext } from './types.js';

const SECRET = 'bench-signing-secret';
const SECRET_KEY = parseSecretKey('55'.repeat(32));
const TEAM = 'T0BENCH';
export const SLACK_ACK_CONCURRENCY = 50;

export interface SlackAckFigures {
  clicks: number;
  concurrency: number;
  p50Ms: number;
  p99Ms: number;
  baselineP50Ms: number;
  baselineP99Ms: number;
}

interface Target {
  path: string;
  method: 'GET' | 'POST';
  /** Builds each request just before it is sent (a fresh, signed click). */
  next?: () => { headers: Record<string, string>; body: string };
}

/** `amount` requests with `concurrency` always in flight; p50 and p99 in milliseconds. */
async function load(baseUrl: string, amount: number, concurrency: number, target: Target) {
  const result = await autocannon({
    url: baseUrl,
    connections: concurrency,
    pipelining: 1,
    amount,
    requests: [
      {
        method: target.method,
        path: target.path,
        ...(target.next
          ? {
              setupRequest: (request: autocannon.Request): autocannon.Request => ({
                ...request,
                ...target.next!(),
              }),
            }
          : {}),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${target.path}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return { p50: result.latency.p50, p99: result.latency.p99, sent: result.requests.total };
}

/**
 * The time Pandora takes to acknowledge a Slack click (`POST /api/slack/interactions`:
 * signature, the install and item looked up, the interaction recorded and its decision
 * job queued in one transaction) with 50 signed clicks always in flight, against
 * `/healthz` under the same load in the same process as the baseline. Each click is a
 * new one (its own trigger id) on one of 200 pending approvals. Goal: p99 under 100 ms
 * (Slack gives up at 3 s). The decisions themselves run later in the workers, not here.
 */
export async function measureSlackAck({
  quick,
  report,
}: Pick<SuiteContext, 'quick'> & Partial<Pick<SuiteContext, 'report'>>): Promise<SlackAckFigures> {
  const clicks = quick ? 1_000 : 5_000;
  const db = await benchDatabase();
  const config = {
    ...loadConfig({}),
    demo: false,
    // Every click comes from one address here; the per-address API budget is not measured.
    apiRateLimit: 10_000_000,
    slackSigningSecret: SECRET,
  };
  const app = await buildApp({
    pool: db.pool,
    config,
    secretKey: SECRET_KEY,
    log: pino({ level: 'silent' }),
  });
  try {
    const workspace = await createWorkspace(db.pool, { name: 'Bench Slack' });
    await saveInstallation(db.pool, SECRET_KEY, {
      workspaceId: workspace.id,
      teamId: TEAM,
      teamName: 'Bench',
      botUserId: 'B0BENCH',
      botToken: 'xoxb-bench',
      scopes: ['chat:write'],
      installedVia: 'token',
      installedBy: null,
      apiUrl: null,
    });
    const items: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      const id = await createInboxItem(db.pool, {
        workspaceId: workspace.id,
        itemType: 'approval',
        source: 'policy',
        title: `Bench approval ${i}`,
      });
      items.push(id!);
    }
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    let sent = 0;
    const click = () => {
      const n = sent++;
      const itemId = items[n % items.length]!;
      const payload = {
        type: 'block_actions',
        team: { id: TEAM },
        user: { id: `U0BENCH${n % 50}`, team_id: TEAM },
        trigger_id: `${n}.${Date.now()}.bench`,
        response_url: 'https://hooks.slack.com/actions/T0BENCH/1/bench',
        actions: [
          {
            type: 'button',
            action_id: `inbox.approve:${itemId}`,
            value: itemId,
            action_ts: String(Date.now() / 1000),
          },
        ],
      };
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      const timestamp = String(Math.floor(Date.now() / 1000));
      return {
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': timestamp,
          'x-slack-signature': signSlackRequest(SECRET, timestamp, body),
        },
        body,
      };
    };
    const clicksTarget: Target = { path: '/api/slack/interactions', method: 'POST', next: click };
    const health: Target = { path: '/healthz', method: 'GET' };

    // Warm both paths up (JIT, the pool's connections) before measuring.
    await load(baseUrl, 500, SLACK_ACK_CONCURRENCY, health);
    await load(baseUrl, 500, SLACK_ACK_CONCURRENCY, clicksTarget);
    const baseline = await load(baseUrl, clicks, SLACK_ACK_CONCURRENCY, health);
    const measured = await load(baseUrl, clicks, SLACK_ACK_CONCURRENCY, clicksTarget);

    const { rows } = await db.pool.query<{ queued: number }>(
      `select count(*)::int as queued from graphile_worker.jobs
       where task_identifier = 'slack.interaction'`,
    );
    // Every acknowledged click was recorded with its job: nothing was answered and lost.
    if (rows[0]!.queued !== sent) {
      throw new Error(`${sent} clicks acknowledged but ${rows[0]!.queued} decisions queued`);
    }
    const figures: SlackAckFigures = {
      clicks,
      concurrency: SLACK_ACK_CONCURRENCY,
      p50Ms: round(measured.p50),
      p99Ms: round(measured.p99),
      baselineP50Ms: round(baseline.p50),
      baselineP99Ms: round(baseline.p99),
    };
    report?.({
      metric: 'slack_ack_p99',
      value: figures.p99Ms,
      unit: 'ms',
      baseline: figures.baselineP99Ms,
    });
    report?.({
      metric: 'slack_ack_p50',
      value: figures.p50Ms,
      unit: 'ms',
      baseline: figures.baselineP50Ms,
    });
    return figures;
  } finally {
    app.server.closeAllConnections();
    await app.close();
    await db.close();
  }
}
