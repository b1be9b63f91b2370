import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import { loadConfig } from '../../config.js';
import { createSmtpEmulator } from '../../notifications/email/emulator/server.js';
import { messageIdFor } from '../../notifications/email/sender.js';
import { addMember, newWorkspace, type Member } from '../../notifications/fixtures.test-helper.js';
import { FlowStepError } from '../types.js';
import { emailIntegrationStep } from './email-integration.js';
import { testContext, testServices } from './net.test-helper.js';
import { stepDefinition } from './registry.js';

const smtp = createSmtpEmulator();
const smtpUrl = await smtp.listen(0);
afterAll(() => smtp.close());
const { pool } = await createTestDatabase();

const email = {
  ...loadConfig({}),
  smtpUrl,
  emailFrom: 'Pandora <flows@pandora.test>',
  emailPerSecond: 1000,
};
const services = testServices({ email, db: pool });

let workspaceId: string;
let rep: Member;
beforeAll(async () => {
  workspaceId = await newWorkspace(pool, 'Flow email');
  rep = await addMember(pool, workspaceId, 'member');
});
beforeEach(async () => {
  smtp.mailbox.clear();
  smtp.faults.clear();
  await smtp.up();
});

async function failure(promise: Promise<unknown>): Promise<FlowStepError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FlowStepError);
  return error as FlowStepError;
}

describe('email_integration', () => {
  it('is registered as a write step a member automation may use', () => {
    expect(stepDefinition('email_integration')).toBe(emailIntegrationStep);
    expect(emailIntegrationStep).toMatchObject({ effect: 'write', allowedInAutomations: true });
  });

  it('sends the email in the notification layout, with the idempotency key as its Message-ID', async () => {
    const context = testContext({ services, workspaceId });
    const outcome = await emailIntegrationStep.run(context, {
      to: ['ana@acme.test'],
      cc: ['ops@acme.test'],
      replyTo: 'sales@pandora.test',
      subject: 'Your renewal\nBcc: evil@attacker.test',
      body: 'Hi Ana,\n\nYour plan renews on <b>Jan 1</b>.',
      link: { label: 'See the quote', url: 'https://quotes.acme.test/q/1' },
    });
    const messageId = messageIdFor(workspaceId, context.idempotencyKey, email.emailFrom);
    expect(outcome).toEqual({
      kind: 'completed',
      output: { messageId, accepted: ['ana@acme.test', 'ops@acme.test'], rejected: [] },
    });
    const [message, ...others] = smtp.mailbox.list();
    expect(others).toEqual([]);
    expect(message).toMatchObject({
      envelopeFrom: 'flows@pandora.test',
      envelopeTo: ['ana@acme.test', 'ops@acme.test'],
      subject: 'Your renewal Bcc: evil@attacker.test',
      messageId,
      workspaceId,
    });
    expect(message!.text).toContain('Your plan renews on <b>Jan 1</b>.');
    expect(message!.text).toContain('See the quote: https://quotes.acme.test/q/1');
    expect(message!.html).toContain('Your plan renews on &lt;b&gt;Jan 1&lt;/b&gt;.');
    expect(message!.html).not.toContain('<b>Jan 1</b>');
    expect(message!.html).toContain('href="https://quotes.acme.test/q/1"');
  });

  it('a resend of the same step run carries the same Message-ID', async () => {
    const first = testContext({ services, workspaceId });
    const config = { to: 'ana@acme.test', subject: 'Hello', body: 'Once.' };
    await emailIntegrationStep.run(first, config);
    await emailIntegrationStep.run({ ...first, attempt: 2 }, config);
    await emailIntegrationStep.run(testContext({ services, workspaceId }), config);
    const counts = new Map<string | null, number>();
    for (const { messageId } of smtp.mailbox.list()) {
      counts.set(messageId, (counts.get(messageId) ?? 0) + 1);
    }
    expect([...counts.values()].sort()).toEqual([1, 2]);
    expect(counts.get(messageIdFor(workspaceId, first.idempotencyKey, email.emailFrom))).toBe(2);
  });

  it('a mail server that is down or busy is a retryable network error', async () => {
    await smtp.down();
    const down = await failure(
      emailIntegrationStep.run(testContext({ services, workspaceId }), {
        to: 'ana@acme.test',
        subject: 'Hi',
        body: 'x',
      }),
    );
    expect(down).toMatchObject({ category: 'network', options: { retryable: true } });
    await smtp.up();
    smtp.busyFor(1000);
    const busy = await failure(
      emailIntegrationStep.run(testContext({ services, workspaceId }), {
        to: 'ana@acme.test',
        subject: 'Hi',
        body: 'x',
      }),
    );
    expect(busy).toMatchObject({ category: 'network', options: { retryable: true, status: 421 } });
    expect(smtp.mailbox.size).toBe(0);
  });

  it('a refused address fails for good when it is the only one, and is reported when others went', async () => {
    smtp.rejectAddress('gone@acme.test');
    const refused = await failure(
      emailIntegrationStep.run(testContext({ services, workspaceId }), {
        to: 'gone@acme.test',
        subject: 'Hi',
        body: 'x',
      }),
    );
    expect(refused.category).toBe('validation');
    expect(refused.options.retryable).toBeFalsy();
    expect(refused.message).toContain('550');

    const partly = await emailIntegrationStep.run(testContext({ services, workspaceId }), {
      to: ['gone@acme.test', 'ana@acme.test'],
      subject: 'Hi',
      body: 'x',
    });
    expect(partly).toMatchObject({
      output: { accepted: ['ana@acme.test'], rejected: ['gone@acme.test'] },
    });
  });

  it('without a mail server the step says so and is not retried', async () => {
    const unconfigured = testServices({ email: { ...email, smtpUrl: undefined, sandbox: false } });
    const missing = await failure(
      emailIntegrationStep.run(testContext({ services: unconfigured, workspaceId }), {
        to: 'ana@acme.test',
        subject: 'Hi',
        body: 'x',
      }),
    );
    expect(missing.category).toBe('validation');
    expect(missing.message).toBe('email is not configured on this server');
  });

  it("a member's automation may email its owner only", async () => {
    const scoped = () => testContext({ services, workspaceId, scopeUserId: rep.userId });
    await emailIntegrationStep.run(scoped(), {
      to: rep.email.toUpperCase(),
      subject: 'Your deal moved',
      body: 'x',
    });
    expect(
      smtp.mailbox.list().map((message) => message.envelopeTo.map((to) => to.toLowerCase())),
    ).toEqual([[rep.email]]);

    const outside = await failure(
      emailIntegrationStep.run(scoped(), {
        to: rep.email,
        cc: ['boss@acme.test'],
        subject: 'Leak',
        body: 'x',
      }),
    );
    expect(outside.category).toBe('permission');
    expect(outside.message).toContain('not boss@acme.test');

    const otherWorkspace = await newWorkspace(pool, 'Elsewhere');
    const foreign = await failure(
      emailIntegrationStep.run(
        testContext({ services, workspaceId: otherWorkspace, scopeUserId: rep.userId }),
        { to: rep.email, subject: 'x', body: 'x' },
      ),
    );
    expect(foreign.category).toBe('permission');
    expect(smtp.mailbox.size).toBe(1);
  });
});
