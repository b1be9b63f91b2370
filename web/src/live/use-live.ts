import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { listen, statusOf, watchStatus } from './registry';
import { pollInterval, type LiveStatus } from './stream';
import type { LiveTopic } from './topics';

/**
 * Refetches `queryKey` whenever `topic` reports a change in the workspace, and says how
 * often the query should still poll: rarely while the stream is live, every 30 s while
 * it is down (`livePollMs`: how rarely while live, for what changes without an event).
 * Use as `refetchInterval: useLiveRefetch(...).pollMs`.
 */
export function useLiveRefetch(
  topic: LiveTopic,
  workspaceId: string,
  queryKey: QueryKey,
  options: { livePollMs?: number } = {},
): { status: LiveStatus; pollMs: number } {
  const queryClient = useQueryClient();
  const keyJson = JSON.stringify(queryKey);
  useEffect(
    () =>
      listen(topic, workspaceId, () => {
        // Two components on one key (header and navigation) make one fetch, not two.
        void queryClient.invalidateQueries(
          { queryKey: JSON.parse(keyJson) as QueryKey },
          { cancelRefetch: false },
        );
      }),
    [queryClient, topic, workspaceId, keyJson],
  );
  const subscribe = useCallback(
    (onStatus: () => void) => watchStatus(topic, workspaceId, onStatus),
    [topic, workspaceId],
  );
  const status = useSyncExternalStore(subscribe, () => statusOf(topic, workspaceId));
  return { status, pollMs: pollInterval(status, options.livePollMs) };
}
