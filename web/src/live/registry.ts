/**
 * One stream per subscription and workspace, shared by every component that wants it
 * (the header's inbox button and the navigation's inbox entry listen to one stream), over
 * graphql-sse: GraphQL Yoga serves subscriptions as Server-Sent Events in the "distinct
 * connections" mode of the GraphQL over SSE protocol, which is graphql-sse's default.
 */
import { createClient, type Client } from 'graphql-sse';
import { coalesce, keepStreaming, type LiveStatus, type OpenStream } from './stream';
import { LIVE_TOPICS, type LiveTopic } from './topics';

// A burst of events (a batch of inbox items) makes one refetch.
const COALESCE_MS = 250;

interface SharedStream {
  status: LiveStatus;
  listeners: Set<() => void>;
  statusListeners: Set<() => void>;
  stop: () => void;
}

const streams = new Map<string, SharedStream>();
let sseClient: Client | undefined;

function client(): Client {
  // Reconnects itself a few times on a network error; after that keepStreaming reopens.
  sseClient ??= createClient({ url: '/graphql', credentials: 'same-origin', retryAttempts: 3 });
  return sseClient;
}

function opener(topic: LiveTopic, workspaceId: string): OpenStream {
  return (sink) =>
    client().subscribe(
      { query: LIVE_TOPICS[topic], variables: { workspaceId } },
      { next: sink.next, error: sink.error, complete: sink.complete },
      {
        connecting: (reconnecting) => (reconnecting ? sink.reconnecting() : undefined),
        connected: () => sink.connected(),
      },
    );
}

function streamFor(topic: LiveTopic, workspaceId: string): SharedStream {
  const key = `${topic}:${workspaceId}`;
  let stream = streams.get(key);
  if (stream) return stream;
  const shared: SharedStream = {
    status: 'connecting',
    listeners: new Set(),
    statusListeners: new Set(),
    stop: () => undefined,
  };
  const changed = coalesce(() => shared.listeners.forEach((listener) => listener()), COALESCE_MS);
  const stopStreaming = keepStreaming(opener(topic, workspaceId), {
    onChange: changed.call,
    onStatus: (status) => {
      shared.status = status;
      shared.statusListeners.forEach((listener) => listener());
    },
  });
  shared.stop = () => {
    changed.cancel();
    stopStreaming();
    streams.delete(key);
  };
  streams.set(key, (stream = shared));
  return stream;
}

/** Listens for changes; the stream closes when its last listener leaves. */
export function listen(topic: LiveTopic, workspaceId: string, onChange: () => void): () => void {
  const stream = streamFor(topic, workspaceId);
  stream.listeners.add(onChange);
  return () => {
    stream.listeners.delete(onChange);
    if (stream.listeners.size === 0 && stream.statusListeners.size === 0) stream.stop();
  };
}

/** The stream's state, for `useSyncExternalStore`. */
export function watchStatus(topic: LiveTopic, workspaceId: string, onStatus: () => void) {
  const stream = streamFor(topic, workspaceId);
  stream.statusListeners.add(onStatus);
  return () => {
    stream.statusListeners.delete(onStatus);
    if (stream.listeners.size === 0 && stream.statusListeners.size === 0) stream.stop();
  };
}

export function statusOf(topic: LiveTopic, workspaceId: string): LiveStatus {
  return streams.get(`${topic}:${workspaceId}`)?.status ?? 'connecting';
}
