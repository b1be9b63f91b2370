import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { REPEAT_WINDOW_MS, ShutdownSignals } from './shutdown.js';

function setup() {
  let now = 1_000_000;
  const exits: number[] = [];
  const calls: string[] = [];
  let finishStop: () => void = () => undefined;
  const shutdown = new ShutdownSignals(pino({ level: 'silent' }), {
    exit: (code) => exits.push(code),
    now: () => now,
  });
  const running = {
    stop: () => {
      calls.push('stop');
      return new Promise<void>((resolve) => (finishStop = resolve));
    },
    forceStop: () => calls.push('forceStop'),
  };
  return {
    shutdown,
    running,
    exits,
    calls,
    advance: (ms: number) => (now += ms),
    finishStop: async () => {
      finishStop();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe('ShutdownSignals', () => {
  it('takes repeats of the first signal for the same request and stops once, gracefully', async () => {
    const t = setup();
    t.shutdown.attach(t.running);
    t.shutdown.handle('SIGINT');
    t.advance(5);
    t.shutdown.handle('SIGINT');
    t.advance(REPEAT_WINDOW_MS - 10);
    t.shutdown.handle('SIGTERM');
    expect(t.calls).toEqual(['stop']);
    expect(t.exits).toEqual([]);
    await t.finishStop();
    expect(t.exits).toEqual([0]);
  });

  it('forces the stop on a signal after the repeat window, and exits 1 once', async () => {
    const t = setup();
    t.shutdown.attach(t.running);
    t.shutdown.handle('SIGINT');
    t.advance(REPEAT_WINDOW_MS + 1);
    t.shutdown.handle('SIGINT');
    t.shutdown.handle('SIGINT');
    expect(t.calls).toEqual(['stop', 'forceStop']);
    expect(t.exits).toEqual([1]);
    // The graceful stop finishing afterwards does not exit a second time.
    await t.finishStop();
    expect(t.exits).toEqual([1]);
  });

  it('a signal during startup aborts it, and the stop runs once startup hands over', async () => {
    const t = setup();
    const forced: string[] = [];
    t.shutdown.setForceStop(() => forced.push('early'));
    t.shutdown.handle('SIGTERM');
    expect(t.shutdown.signal.aborted).toBe(true);
    expect(t.calls).toEqual([]);
    t.shutdown.attach(t.running);
    expect(t.calls).toEqual(['stop']);
    await t.finishStop();
    expect(t.exits).toEqual([0]);
    expect(forced).toEqual([]);
  });

  it('a forced stop during startup uses what startup has opened so far', () => {
    const t = setup();
    const forced: string[] = [];
    t.shutdown.setForceStop(() => forced.push('database'));
    t.shutdown.handle('SIGINT');
    t.advance(REPEAT_WINDOW_MS * 2);
    t.shutdown.handle('SIGINT');
    expect(forced).toEqual(['database']);
    expect(t.exits).toEqual([1]);
  });
});
