import type { ChannelSender, DeliveryOutcome, DeliveryTask, OutboxChannel } from './types.js';

/**
 * A channel in memory: `behave` decides each attempt's outcome (or throws, like a
 * refused connection); `received` counts what actually arrived per idempotency key,
 * so a test sees a duplicate as a count of 2.
 */
export class FakeSender implements ChannelSender {
  readonly attempts: DeliveryTask[] = [];
  readonly received = new Map<string, number>();

  constructor(
    readonly channel: OutboxChannel,
    private readonly behave: (
      task: DeliveryTask,
      call: number,
    ) => DeliveryOutcome | 'deliver' = () => 'deliver',
    readonly perSecond?: number,
  ) {}

  async send(task: DeliveryTask): Promise<DeliveryOutcome> {
    this.attempts.push(task);
    const outcome = this.behave(task, this.attempts.length);
    if (outcome !== 'deliver') return outcome;
    this.received.set(task.idempotencyKey, (this.received.get(task.idempotencyKey) ?? 0) + 1);
    return { status: 'delivered', externalRef: { fake: task.attempt } };
  }

  /** Deliveries that arrived more than once. */
  duplicates(): number {
    let extra = 0;
    for (const count of this.received.values()) extra += count - 1;
    return extra;
  }
}
