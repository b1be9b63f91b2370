/**
 * The push services this process runs itself: the sandbox's push emulator listens on
 * a loopback http address, which the outbound-URL guard rightly refuses for anything
 * a user supplies. Only the process that started the emulator trusts it, for as long
 * as it runs: the subscription routes accept its endpoints and the sender posts to
 * them. A worker in another process does not, and fails those deliveries with reason.
 */
const origins = new Set<string>();

/** Trusts a push emulator's origin; call the answer to stop trusting it. */
export function trustPushEmulator(url: string): () => void {
  const origin = new URL(url).origin;
  origins.add(origin);
  return () => origins.delete(origin);
}

/** The origins trusted now, as `allowedHosts` entries for the outbound-URL guard. */
export function trustedPushOrigins(): string[] {
  return [...origins];
}
