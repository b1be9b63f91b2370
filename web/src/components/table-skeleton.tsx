import { Skeleton, Stack } from '@mantine/core';

/** Placeholder rows while a table loads, so the page does not jump when data arrives. */
export function TableSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <Stack gap="xs" aria-busy="true" aria-label="Loading">
      <Skeleton height={28} width="60%" />
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={36} />
      ))}
    </Stack>
  );
}
