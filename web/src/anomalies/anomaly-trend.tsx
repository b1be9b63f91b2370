import { TimeChart } from '../activity/time-chart';

export interface AnomalySample {
  at: string;
  value: number;
  sampleSize: number;
}

interface AnomalyTrendProps {
  samples: readonly AnomalySample[];
  /** The rule's firing threshold, drawn as a line. */
  threshold: number | null;
  /** Rates and confidences are shown as percentages. */
  asPercent: boolean;
}

/** The measured value of a rule over time, against its threshold: the data behind an anomaly. */
export function AnomalyTrend({ samples, threshold, asPercent }: AnomalyTrendProps) {
  const sorted = [...samples].sort((a, b) => a.at.localeCompare(b.at));
  const first = sorted[0];
  const last = sorted.at(-1);
  // Labels by hour unless the samples span more than two days.
  const spanHours =
    first && last ? (new Date(last.at).getTime() - new Date(first.at).getTime()) / 3600_000 : 0;
  const format = (value: number) =>
    asPercent ? `${Math.round(value * 100)}%` : String(Math.round(value * 100) / 100);
  return (
    <TimeChart
      title="Trend"
      kind="line"
      bucket={spanHours > 48 ? 'day' : 'hour'}
      data={sorted.map((sample) => ({
        at: sample.at,
        value: sample.value,
        sampleSize: sample.sampleSize,
      }))}
      series={[{ name: 'value', label: 'Measured', color: 'blue.6' }]}
      valueFormatter={format}
      yDomain={asPercent ? [0, 1] : undefined}
      threshold={threshold === null ? undefined : { value: threshold, label: 'threshold' }}
      testId="anomaly-trend"
    />
  );
}
