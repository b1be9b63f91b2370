import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { handlers } from '../../jobs/handlers.js';
import type { JobContext } from '../../jobs/queue.js';
import { createSmtpEmulator } from '../../notifications/email/emulator/server.js';
import { messageIdFor } from '../../notifications/email/sender.js';
import { createWorkspace } from '../../tenancy/workspaces.js';
import { createPublishedFlow, TEST_SECRET_KEY } from '../engine/fixtures.test-helper.js';
import { getFlowRun, startFlowRun } from '../engine/runs.js';
import { createSecret } from '../secrets.js';
import { closeStepDispatchers } from './http-request.js';
import { startReceiver } from './net.test-helper.js';
import { verifyWebhookSignature } from './send-webhook.js';

/**
 * The network steps as a worker runs them: the `flows.run` job builds their services
 * from the server's config (allowed hosts, SMTP), templates bring in trigger values and
 * workspace secrets, and no secret reaches the stored run.
 */
const receiver = await startReceiver();
const smtp = createSmtpEmulator();
const smtpUrl = await smtp.listen(0);
const saved = { ...process.env };
let db: TestDatabase;
let workspaceId: string;
let job: JobContext;

beforeAll(async () => {
  process.env.SMTP_URL = smtpUrl;
  process.env.PANDORA_EMAIL_FROM = 'Flows <flows@pandora.test>';
  process.env.PANDORA_ALLOWED_CRM_HOSTS = receiver.origin;
  db = await createTestDatabase();
  workspaceId = (await createWorkspace(db.pool, { name: 'Net flows' })).id;
  await createSecret(
    db.pool,
    TEST_SECRET_KEY,
    workspaceId,
    { name: 'hook_key', value: 'whsec_live_1234' },
    null,
  );
  job = {
    db: db.pool,
    secretKey: TEST_SECRET_KEY,
    log: pino({ level: 'silent' }),
    jobId: '1',
    attempt: 1,
  };
});
afterAll(async () => {
  process.env = saved;
  await closeStepDispatchers();
  await receiver.close();
  await smtp.close();
});

describe('network steps in a flow run', () => {
  it('a webhook signed with a workspace secret, then an email, each once; the secret is never stored', async () => {
    const flowId = await createPublishedFlow(db.pool, workspaceId, [
      {
        key: 'notify',
        type: 'send_webhook',
        config: {
          url: `${receiver.origin}/hooks/deals`,
          secret: '{{secrets.hook_key}}',
          payload: { deal: '{{trigger.deal}}', amount: '{{trigger.amount}}' },
        },
      },
      {
        key: 'mail',
        type: 'email_integration',
        config: {
          to: '{{trigger.email}}',
          subject: 'Deal {{trigger.deal}}',
          body: 'The pricing service said: {{steps.notify.output.body.ok}}',
        },
      },
    ]);
    const { runId } = await startFlowRun(db.pool, {
      workspaceId,
      flowId,
      trigger: { type: 'manual' },
      input: { deal: 'Acme', amount: 1200, email: 'ana@acme.test' },
    });
    await handlers['flows.run']({ workspaceId, runId }, job);
    // The job delivered twice (a retry after a lost acknowledgement) does nothing more.
    await handlers['flows.run']({ workspaceId, runId }, job);

    const run = await getFlowRun(db.pool, workspaceId, runId);
    expect(run!.status).toBe('completed');
    const [hook, ...moreHooks] = receiver.received;
    expect(moreHooks).toEqual([]);
    expect(JSON.parse(hook!.body)).toEqual({ deal: 'Acme', amount: 1200 });
    expect(hook!.headers['idempotency-key']).toBe(`${runId}:notify`);
    expect(
      verifyWebhookSignature({
        secret: 'whsec_live_1234',
        body: hook!.body,
        timestamp: hook!.headers['x-pandora-timestamp'] as string,
        signature: hook!.headers['x-pandora-signature'] as string,
      }),
    ).toBe(true);

    const [mail, ...moreMail] = smtp.mailbox.list();
    expect(moreMail).toEqual([]);
    expect(mail).toMatchObject({
      envelopeTo: ['ana@acme.test'],
      subject: 'Deal Acme',
      messageId: messageIdFor(workspaceId, `${runId}:mail`, 'Flows <flows@pandora.test>'),
    });
    expect(mail!.text).toContain('The pricing service said: true');

    expect(run!.steps.find((step) => step.key === 'notify')!.input).toMatchObject({
      secret: '[secret]',
    });
    const { rows } = await db.pool.query<{ row: string }>(
      `select row_to_json(s)::text as row from flow_step_runs s where run_id = $1::uuid`,
      [runId],
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.row).join('\n')).not.toContain('whsec_live_1234');
  });
});
