import { Card, Skeleton, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface StatCardProps {
  label: string;
  value: string;
  description?: ReactNode;
}

export function StatCard({ label, value, description }: StatCardProps) {
  return (
    <Card withBorder padding="lg" radius="md" data-testid={`stat-${label.toLowerCase()}`}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={28} fw={700} mt={4} data-testid="stat-value">
        {value}
      </Text>
      {description && (
        <Text size="sm" c="dimmed" mt={4}>
          {description}
        </Text>
      )}
    </Card>
  );
}

export function StatCardSkeleton() {
  return (
    <Card withBorder padding="lg" radius="md">
      <Skeleton height={12} width="40%" />
      <Skeleton height={28} width="60%" mt="sm" />
      <Skeleton height={12} width="80%" mt="sm" />
    </Card>
  );
}
