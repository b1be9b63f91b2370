/** A figure to two decimals, as the suites report seconds and ratios. */
export const round = (value: number): number => Math.round(value * 100) / 100;
