/**
 * What a conversation sync costs in API calls, for tests and the bench
 * (`npm run bench -- conversations`): the engine lists each tracked user's calls page
 * by page and fetches each page's transcripts in one request.
 */

/**
 * The fewest calls any sync can make, given that calls are listed per tracked user
 * (Gong's `primaryUserIds` filter): one list request per page of each user's calls (one
 * for a user with none, which Gong answers 404), and one transcript request per page
 * of all the calls together.
 */
export function pagingMinimum(callsPerUser: number[], pageSize = 100): number {
  const lists = callsPerUser.reduce((sum, n) => sum + Math.max(1, Math.ceil(n / pageSize)), 0);
  const total = callsPerUser.reduce((sum, n) => sum + n, 0);
  return lists + Math.ceil(total / pageSize);
}

/**
 * The calls the engine makes on a first sync: per user, its list pages and one
 * transcript request per non-empty page. Equal to `pagingMinimum` when every user's
 * count is a multiple of the page size; at most one more call per user otherwise.
 */
export function engineCalls(callsPerUser: number[], pageSize = 100): number {
  return callsPerUser.reduce(
    (sum, n) => sum + Math.max(1, Math.ceil(n / pageSize)) + Math.ceil(n / pageSize),
    0,
  );
}
