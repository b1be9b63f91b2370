import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { call, client, type ResponseBody } from '../api';
import { workspacePath } from '../queries';

type BoardPath = '/api/workspaces/{workspaceId}/boards/{boardId}';
export type Board = ResponseBody<BoardPath, 'get'>['board'];
export type BoardItem = ResponseBody<`${BoardPath}/items`, 'get'>['items'][number];
export type BoardHistoryEntry = ResponseBody<`${BoardPath}/history`, 'get'>['entries'][number];

export const boardKeys = {
  all: (workspaceId: string) => ['workspace', workspaceId, 'boards'] as const,
  one: (workspaceId: string, boardId: string) =>
    ['workspace', workspaceId, 'boards', boardId] as const,
  items: (workspaceId: string, boardId: string) =>
    ['workspace', workspaceId, 'boards', boardId, 'items'] as const,
  history: (workspaceId: string, boardId: string, recordId: string) =>
    ['workspace', workspaceId, 'boards', boardId, 'history', recordId] as const,
};

const boardPath = (workspaceId: string, boardId: string) => ({
  params: { path: { workspaceId, boardId } },
});

export function useBoards(workspaceId: string) {
  return useQuery({
    queryKey: boardKeys.all(workspaceId),
    queryFn: async () =>
      (await call(client.GET('/api/workspaces/{workspaceId}/boards', workspacePath(workspaceId))))
        .boards,
  });
}

export function useBoard(workspaceId: string, boardId: string) {
  return useQuery({
    queryKey: boardKeys.one(workspaceId, boardId),
    queryFn: async () =>
      (
        await call(
          client.GET(
            '/api/workspaces/{workspaceId}/boards/{boardId}',
            boardPath(workspaceId, boardId),
          ),
        )
      ).board,
  });
}

/** The board's records, the most recently moved first, a page at a time. */
export function useBoardItems(workspaceId: string, boardId: string) {
  return useInfiniteQuery({
    queryKey: boardKeys.items(workspaceId, boardId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/workspaces/{workspaceId}/boards/{boardId}/items', {
          params: {
            path: { workspaceId, boardId },
            query: { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One record's moves on the board, newest first; asked only when shown. */
export function useRecordHistory(
  workspaceId: string,
  boardId: string,
  recordId: string,
  enabled: boolean,
) {
  return useQuery({
    queryKey: boardKeys.history(workspaceId, boardId, recordId),
    enabled,
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/boards/{boardId}/history', {
            params: { path: { workspaceId, boardId }, query: { recordId, limit: 200 } },
          }),
        )
      ).entries,
  });
}
