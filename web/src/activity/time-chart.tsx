import { AreaChart, BarChart, LineChart } from '@mantine/charts';
import { Card, Center, Text, Title } from '@mantine/core';
import { bucketLabel, type Bucket } from './chart-data';

export interface TimeSeries {
  /** The key in each point. */
  name: string;
  label: string;
  color: string;
}

interface TimeChartProps {
  title: string;
  kind: 'bar' | 'line' | 'area';
  /** One point per bucket, `at` its start (ISO), the series' keys its values. */
  data: readonly ({ at: string } & Record<string, number | string | null>)[];
  series: readonly TimeSeries[];
  bucket: Bucket;
  /** Stack the bars or areas (counts that add up to a total). */
  stacked?: boolean;
  valueFormatter?: (value: number) => string;
  /** Fixed y range, e.g. [0, 1] for a confidence or a rate. */
  yDomain?: [number, number];
  /** A horizontal line, e.g. a rule's threshold. */
  threshold?: { value: number; label: string };
  testId?: string;
}

/** A card with one chart over time, from @mantine/charts so it follows the theme. */
export function TimeChart({
  title,
  kind,
  data,
  series,
  bucket,
  stacked,
  valueFormatter,
  yDomain,
  threshold,
  testId,
}: TimeChartProps) {
  const points = data.map((point) => ({ ...point, label: bucketLabel(point.at, bucket) }));
  const common = {
    h: 220,
    data: points,
    dataKey: 'label',
    series: series.map(({ name, label, color }) => ({ name, label, color })),
    valueFormatter,
    withLegend: series.length > 1,
    yAxisProps: yDomain ? { domain: yDomain } : undefined,
    referenceLines: threshold
      ? [{ y: threshold.value, label: threshold.label, color: 'red.6' }]
      : undefined,
  };
  return (
    <Card withBorder padding="md" radius="md" data-testid={testId}>
      <Title order={5} mb="sm">
        {title}
      </Title>
      {points.length === 0 ? (
        <Center h={220}>
          <Text size="sm" c="dimmed">
            Nothing in this period.
          </Text>
        </Center>
      ) : kind === 'bar' ? (
        <BarChart {...common} type={stacked ? 'stacked' : 'default'} />
      ) : kind === 'area' ? (
        <AreaChart {...common} type={stacked ? 'stacked' : 'default'} withDots={false} />
      ) : (
        <LineChart {...common} connectNulls={false} withDots={points.length < 40} />
      )}
    </Card>
  );
}
