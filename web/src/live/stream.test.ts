import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  coalesce,
  FALLBACK_POLL_MS,
  keepStreaming,
  LIVE_POLL_MS,
  pollInterval,
  reopenDelayMs,
  type LiveStatus,
  type StreamSink,
} from './stream';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A stream the test drives by hand: each open is recorded with its sink. */
function fakeStreams() {
  const opened: { sink: StreamSink; closed: boolean }[] = [];
  const open = (sink: StreamSink) => {
    const entry = { sink, closed: false };
    opened.push(entry);
    return () => {
      entry.closed = true;
    };
  };
  return { opened, open, last: () => opened[opened.length - 1]! };
}

function start() {
  const streams = fakeStreams();
  const statuses: LiveStatus[] = [];
  const changes = vi.fn();
  const stop = keepStreaming(streams.open, {
    onChange: changes,
    onStatus: (status) => statuses.push(status),
  });
  return { streams, statuses, changes, stop };
}

describe('keepStreaming', () => {
  it('reports each event as a change once connected', () => {
    const { streams, statuses, changes } = start();
    expect(statuses).toEqual(['connecting']);
    streams.last().sink.connected();
    expect(statuses).toEqual(['connecting', 'live']);
    expect(changes).not.toHaveBeenCalled();
    streams.last().sink.next({ data: { notificationCreated: { id: 'a' } } });
    streams.last().sink.next({ data: { notificationCreated: { id: 'b' } } });
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('reopens a failed stream after a growing delay, and refetches once it is back', () => {
    const { streams, statuses, changes } = start();
    streams.last().sink.connected();
    streams.last().sink.error(new Error('network'));
    expect(statuses.at(-1)).toBe('down');
    expect(streams.opened[0]!.closed).toBe(true);
    expect(streams.opened).toHaveLength(1);
    vi.advanceTimersByTime(reopenDelayMs(0));
    expect(streams.opened).toHaveLength(2);
    // Fails again before connecting: the next wait is longer.
    streams.last().sink.complete();
    vi.advanceTimersByTime(reopenDelayMs(0));
    expect(streams.opened).toHaveLength(2);
    vi.advanceTimersByTime(reopenDelayMs(1) - reopenDelayMs(0));
    expect(streams.opened).toHaveLength(3);
    // Events sent while it was down are lost: coming back is itself a change.
    expect(changes).not.toHaveBeenCalled();
    streams.last().sink.connected();
    expect(statuses.at(-1)).toBe('live');
    expect(changes).toHaveBeenCalledTimes(1);
    // And the delay starts over after a success.
    streams.last().sink.error(new Error('again'));
    vi.advanceTimersByTime(reopenDelayMs(0));
    expect(streams.opened).toHaveLength(4);
  });

  it('treats GraphQL errors (a lost session) as a failure, not an event', () => {
    const { streams, statuses, changes } = start();
    streams.last().sink.next({ errors: [{ message: 'unauthenticated' }] });
    expect(changes).not.toHaveBeenCalled();
    expect(statuses.at(-1)).toBe('down');
    expect(streams.last().closed).toBe(true);
    vi.advanceTimersByTime(reopenDelayMs(0));
    expect(streams.opened).toHaveLength(2);
  });

  it("goes down while the transport reconnects, and ignores a replaced stream's sink", () => {
    const { streams, statuses, changes } = start();
    const first = streams.last().sink;
    first.connected();
    first.reconnecting();
    expect(statuses.at(-1)).toBe('down');
    first.connected();
    expect(statuses.at(-1)).toBe('live');
    expect(changes).toHaveBeenCalledTimes(1);
    first.error(new Error('gone'));
    vi.advanceTimersByTime(reopenDelayMs(0));
    first.next({ data: {} });
    first.connected();
    expect(changes).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toBe('down');
  });

  it('stops for good: the stream closes and nothing reopens it', () => {
    const { streams, stop } = start();
    streams.last().sink.error(new Error('network'));
    stop();
    vi.advanceTimersByTime(120_000);
    expect(streams.opened).toHaveLength(1);
    const again = start();
    again.stop();
    expect(again.streams.last().closed).toBe(true);
  });
});

describe('coalesce', () => {
  it('runs once for a burst, after the wait, and again for a later burst', () => {
    const run = vi.fn();
    const burst = coalesce(run, 250);
    for (let i = 0; i < 50; i++) burst.call();
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(run).toHaveBeenCalledTimes(1);
    burst.call();
    vi.advanceTimersByTime(250);
    expect(run).toHaveBeenCalledTimes(2);
    burst.call();
    burst.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});

describe('pollInterval and reopenDelayMs', () => {
  it('polls slowly while live and at the old pace otherwise; waits at most a minute', () => {
    expect(pollInterval('live')).toBe(LIVE_POLL_MS);
    expect(pollInterval('down')).toBe(FALLBACK_POLL_MS);
    expect(pollInterval('connecting')).toBe(FALLBACK_POLL_MS);
    expect(LIVE_POLL_MS).toBeGreaterThan(FALLBACK_POLL_MS);
    expect(pollInterval('live', 60_000)).toBe(60_000);
    // Never faster than the fallback.
    expect(pollInterval('live', 1_000)).toBe(FALLBACK_POLL_MS);
    expect(pollInterval('down', 60_000)).toBe(FALLBACK_POLL_MS);
    expect([0, 1, 2, 10].map(reopenDelayMs)).toEqual([2_000, 4_000, 8_000, 60_000]);
  });
});
