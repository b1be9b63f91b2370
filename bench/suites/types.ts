export interface Measurement {
  metric: string;
  value: number;
  unit: string;
  /** The same metric for the baseline, measured in the same run. */
  baseline?: number;
}

export interface SuiteContext {
  quick: boolean;
  report(measurement: Measurement): void;
}

export type Suite = (context: SuiteContext) => Promise<void>;
