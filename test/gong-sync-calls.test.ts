import { expect, it } from 'vitest';
import { measureGongSync } from '../bench/suites/gong-sync.js';
import { TEST_SECRET_KEY } from './app.js';
import { createTestDatabase } from './db.js';

const db = await createTestDatabase();

it('a first Gong sync of 1,000 meetings makes the paging minimum of calls; the next, one per rep', async () => {
  const measure = await measureGongSync({
    pool: db.pool,
    secretKey: TEST_SECRET_KEY,
    meetings: 1_000,
    reps: 10,
  });
  // 10 reps with 100 calls each: one list page and one transcript request per rep.
  expect(measure).toMatchObject({
    meetings: 1_000,
    calls: 20,
    callsPer1000: 20,
    pagingMinimum: 20,
    secondRunCalls: 10,
  });

  // Counts that are not multiples of the page cost at most one transcript request per rep more.
  const uneven = await measureGongSync({
    pool: db.pool,
    secretKey: TEST_SECRET_KEY,
    meetings: 1_000,
    reps: 7,
  });
  expect(uneven.calls).toBeGreaterThanOrEqual(uneven.pagingMinimum);
  expect(uneven.calls).toBeLessThanOrEqual(uneven.pagingMinimum + 7);
  process.stdout.write(
    `gong sync calls per 1,000 meetings: ${JSON.stringify({ measure, uneven })}\n`,
  );
});
