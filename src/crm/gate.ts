/**
 * What a connector asks before each HTTP call to a CRM. The rate limiter
 * (`rate-limiter.ts`) implements it with state in Postgres so every process of a
 * deployment shares one budget per connection; tests and scripts may use
 * `openGate`.
 */
/** The CRM's own limit a call also counts against, besides the general one. */
export type CallBucket = 'search';

export interface CallGate {
  /**
   * Resolves when one more call fits within the connection's limits; a `search` call
   * also within the CRM's separate search limit.
   */
  acquire(bucket?: CallBucket): Promise<void>;
  /** The CRM refused a call for its rate: hold every caller back for `ms`. */
  pause(ms: number, policy?: string): Promise<void>;
  /** API usage the CRM reported on a response (Salesforce `Sforce-Limit-Info`). */
  reportUsage(used: number, max: number): Promise<void>;
}

/** A gate that never waits: for one-off scripts and tests of error mapping. */
export const openGate: CallGate = {
  acquire: async () => {},
  pause: async (ms) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  },
  reportUsage: async () => {},
};
