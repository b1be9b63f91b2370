export const TIMED_OUT = Symbol('timed out');

/**
 * `promise`'s outcome, or TIMED_OUT once `ms` have passed (the promise keeps running;
 * nothing here can cancel it). For steps that must not hold up what comes after them.
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
