import { lengthShift, logit, stepAt, type LengthTerm, type Step } from './calibration.js';

/** One judged proposal: the extractor's raw score and whether the value was right. */
export interface Observation {
  raw: number;
  right: boolean;
}

/**
 * Fits a monotone map from raw score to the share right: isotonic regression (pool
 * adjacent violators) over the distinct raw scores, then blocks with fewer than
 * `minCount` observations merged into a neighbour, so no step rests on a handful of
 * cases. Each step's value is (right + 1) / (n + 2), which keeps a step of 40 right
 * out of 40 at 0.98 rather than 1: nothing seen so far proves a value certain.
 */
export function fitIsotonic(observations: readonly Observation[], minCount = 25): Step[] {
  if (observations.length === 0) return [];
  const byRaw = new Map<number, { n: number; right: number }>();
  for (const { raw, right } of observations) {
    const key = Math.round(raw * 1000) / 1000;
    const cell = byRaw.get(key) ?? { n: 0, right: 0 };
    cell.n += 1;
    cell.right += right ? 1 : 0;
    byRaw.set(key, cell);
  }
  let blocks = [...byRaw.entries()]
    .sort(([a], [b]) => a - b)
    .map(([min, cell]) => ({ min, ...cell }));
  blocks = pool(blocks);
  // Merge thin blocks into the neighbour closest in share, then pool again.
  for (;;) {
    const i = blocks.findIndex((b) => b.n < minCount);
    if (i < 0 || blocks.length === 1) break;
    const share = (b: { n: number; right: number }) => b.right / b.n;
    const left = blocks[i - 1];
    const right = blocks[i + 1];
    const j =
      left === undefined
        ? i + 1
        : right === undefined
          ? i - 1
          : Math.abs(share(left) - share(blocks[i]!)) <= Math.abs(share(right) - share(blocks[i]!))
            ? i - 1
            : i + 1;
    const [a, b] = [Math.min(i, j), Math.max(i, j)];
    const merged = {
      min: blocks[a]!.min,
      n: blocks[a]!.n + blocks[b]!.n,
      right: blocks[a]!.right + blocks[b]!.right,
    };
    blocks = pool([...blocks.slice(0, a), merged, ...blocks.slice(b + 1)]);
  }
  // Smoothing can put a small block of all-right below a big one: pool those too.
  const smoothed = (b: { n: number; right: number }) => (b.right + 1) / (b.n + 2);
  for (let i = 1; i < blocks.length;) {
    if (smoothed(blocks[i]!) < smoothed(blocks[i - 1]!)) {
      const [a, b] = [blocks[i - 1]!, blocks[i]!];
      blocks.splice(i - 1, 2, { min: a.min, n: a.n + b.n, right: a.right + b.right });
      i = Math.max(1, i - 1);
    } else i += 1;
  }
  return blocks.map((b, i) => ({
    min: i === 0 ? 0 : b.min,
    p: Math.round(((b.right + 1) / (b.n + 2)) * 1000) / 1000,
    n: b.n,
  }));
}

/**
 * `count` levels holding about as many values each, every level worth its share right,
 * (right+1)/(n+2), neighbours pooled where that share would fall as the values rise. On a
 * set of 80 calls, a level's share right wanders from its expectation by sampling alone,
 * and the wander a calibration error sums grows with how many levels are in use: a few
 * wide levels are each right as often as they say on the next author's calls too
 * (README.md, "Final levels").
 */
export function fitLevels(points: readonly { p: number; right: boolean }[], count: number): Step[] {
  if (points.length === 0 || count < 1) return [];
  const sorted = [...points].sort((a, b) => a.p - b.p);
  const mins = [
    ...new Set(
      Array.from({ length: count }, (_, i) => sorted[Math.floor((sorted.length * i) / count)]!.p),
    ),
  ];
  const blocks = mins.map((min) => ({ min, n: 0, right: 0 }));
  for (const { p, right } of sorted) {
    const block =
      blocks[
        Math.max(
          0,
          mins.findLastIndex((min) => min <= p),
        )
      ]!;
    block.n += 1;
    block.right += right ? 1 : 0;
  }
  return pool(blocks).map((b, i) => ({
    min: i === 0 ? 0 : b.min,
    p: Math.round(((b.right + 1) / (b.n + 2)) * 1000) / 1000,
    n: b.n,
  }));
}

/** Pool adjacent violators: merge neighbours until the share right never falls as raw rises. */
function pool<T extends { min: number; n: number; right: number }>(blocks: T[]): T[] {
  const out: T[] = [];
  for (const block of blocks) {
    out.push({ ...block });
    while (out.length > 1) {
      const last = out[out.length - 1]!;
      const prev = out[out.length - 2]!;
      if (prev.right / prev.n <= last.right / last.n) break;
      out.splice(out.length - 2, 2, {
        ...prev,
        n: prev.n + last.n,
        right: prev.right + last.right,
      });
    }
  }
  return out;
}

/** Hand-written proposals of one table key: how many, how many right. */
export interface Evidence {
  n: number;
  right: number;
}

/** One key's hand-written evidence with the generated table's mean value at its proposals. */
export interface KeyEvidence extends Evidence {
  /** Mean of the generated steps' p over the hand-written proposals of the key. */
  generated: number;
}

/**
 * The prior each key's hand-written evidence is added to: the generated table's value
 * worth `weight` calls, and the share right over all hand-written proposals (`pooled`)
 * worth `pooledWeight` calls, which keeps a key seen a few times from 1.0 or 0.
 */
export interface Prior {
  weight: number;
  pooled: number;
  pooledWeight: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * A key's steps moved toward what hand-written calls show (a Beta posterior mean):
 * p = (weight * p + pooledWeight * pooled + right) / (weight + pooledWeight + n). One
 * prior and one evidence for all the key's steps keeps the map monotone.
 */
export function shrinkSteps(steps: readonly Step[], evidence: Evidence, prior: Prior): Step[] {
  const { weight, pooled, pooledWeight } = prior;
  return steps.map((step) => ({
    ...step,
    p: round3(
      (weight * step.p + pooledWeight * pooled + evidence.right) /
        (weight + pooledWeight + evidence.n),
    ),
  }));
}

/**
 * The prior under which the hand-written proposals are most likely (Beta-binomial
 * marginal likelihood summed over keys, over a grid of both weights): hand-written
 * shares near the generated ones give the generated table a large weight; far from
 * them (a field the generator gets right and real phrasing does not), a small one.
 */
export function fitPrior(
  keys: readonly KeyEvidence[],
  grid: readonly number[] = [0, 1, 2, 3, 5, 8, 13, 20, 30, 50, 100, 200],
): Prior {
  const n = keys.reduce((sum, key) => sum + key.n, 0);
  const right = keys.reduce((sum, key) => sum + key.right, 0);
  // The pooled share itself with the Beta(1, 1) prior, so it is never 1.0 either.
  const pooled = (right + 1) / (n + 2);
  let best: Prior = { weight: 0, pooled, pooledWeight: 2 };
  let bestLog = -Infinity;
  for (const weight of grid) {
    for (const pooledWeight of grid.filter((w) => w >= 1)) {
      let log = 0;
      for (const key of keys) {
        const a = weight * key.generated + pooledWeight * pooled;
        const b = weight * (1 - key.generated) + pooledWeight * (1 - pooled);
        for (let i = 0; i < key.right; i += 1) log += Math.log(a + i);
        for (let j = 0; j < key.n - key.right; j += 1) log += Math.log(b + j);
        for (let k = 0; k < key.n; k += 1) log -= Math.log(a + b + k);
      }
      if (log > bestLog) [best, bestLog] = [{ weight, pooled, pooledWeight }, log];
    }
  }
  return best;
}

/**
 * A key's shrunk map refined where the hand-written calls tell raw scores apart (a
 * next step with a day is right far more often than one without): isotonic blocks of
 * at least `minCount` hand-written proposals, each worth (strength * p + right) /
 * (strength + n) with p the key's shrunk value at that score, pooled again so the map
 * stays monotone. Too few proposals, or one block, leave the steps as they are.
 */
export function refineByHand(
  steps: readonly Step[],
  observations: readonly Observation[],
  strength = 5,
  minCount = 8,
): Step[] {
  const blocks = fitIsotonic(observations, minCount);
  if (observations.length < 2 * minCount || blocks.length < 2) return [...steps];
  const at = (raw: number) => (steps.length ? stepAt(steps, raw) : 0.5);
  const cells = blocks.map((block) => {
    const inBlock = observations.filter(
      (o) => o.raw >= block.min && (blocks[blocks.indexOf(block) + 1]?.min ?? Infinity) > o.raw,
    );
    const right = inBlock.filter((o) => o.right).length;
    return {
      min: block.min,
      n: inBlock.length,
      p: (strength * at(block.min) + right) / (strength + inBlock.length),
    };
  });
  // Pool adjacent violators on the refined values, weighted by their proposals.
  const out: { min: number; n: number; p: number }[] = [];
  for (const cell of cells) {
    out.push({ ...cell });
    while (out.length > 1 && out[out.length - 2]!.p > out[out.length - 1]!.p) {
      const b = out.pop()!;
      const a = out.pop()!;
      out.push({ min: a.min, n: a.n + b.n, p: (a.p * a.n + b.p * b.n) / (a.n + b.n) });
    }
  }
  return out.map((cell, i) => ({ min: i === 0 ? 0 : cell.min, p: round3(cell.p), n: cell.n }));
}

/** A logistic map of a calibrated probability: p' = 1 / (1 + exp(-(slope * logit(p) + shift))). */
export interface Recalibration {
  slope: number;
  shift: number;
}

export function recalibrate(p: number, { slope, shift }: Recalibration): number {
  return round3(1 / (1 + Math.exp(-(slope * logit(p) + shift))));
}

/** One judged value for `fitLogistic`: a fixed logit, the features beside it, the outcome. */
export interface LogisticPoint {
  offset: number;
  x: readonly number[];
  right: boolean;
}

/**
 * The coefficients b under which what was right is most likely, each value worth
 * 1 / (1 + exp(-(offset + b . x))), with a pull of `pull` proposals toward `center`
 * (a Gaussian prior; one pull for all, or one per coefficient) so a few proposals cannot swing a coefficient (Newton's method on
 * the penalised log-likelihood, concave in b, each step halved while it overshoots).
 * Platt scaling and the call terms below are both this fit with other features.
 */
export function fitLogistic(
  points: readonly LogisticPoint[],
  center: readonly number[],
  pull: number | readonly number[] = 1,
): number[] {
  const k = center.length;
  const pulls = typeof pull === 'number' ? center.map(() => pull) : pull;
  const b = [...center];
  const at = (coefficients: readonly number[], { offset, x }: LogisticPoint) =>
    offset + x.reduce((sum, xi, i) => sum + xi * coefficients[i]!, 0);
  const objective = (coefficients: readonly number[]) => {
    let log = -coefficients.reduce((sum, c, i) => sum + pulls[i]! * (c - center[i]!) ** 2, 0) / 2;
    for (const point of points) {
      const z = at(coefficients, point);
      // log(sigmoid(z)) and log(1 - sigmoid(z)), written to stay finite for large |z|.
      log -= point.right ? Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
    return log;
  };
  for (let iteration = 0; iteration < 100; iteration += 1) {
    // Gradient and (negated) Hessian of `objective`.
    const gradient = b.map((c, i) => -pulls[i]! * (c - center[i]!));
    const hessian = b.map((_, i) => b.map((__, j) => (i === j ? pulls[i]! : 0)));
    for (const point of points) {
      const q = 1 / (1 + Math.exp(-at(b, point)));
      const r = (point.right ? 1 : 0) - q;
      const w = q * (1 - q);
      for (let i = 0; i < k; i += 1) {
        gradient[i]! += r * point.x[i]!;
        for (let j = 0; j < k; j += 1) hessian[i]![j]! += w * point.x[i]! * point.x[j]!;
      }
    }
    const step = solve(hessian, gradient);
    if (!step) break;
    // Halve the step until it does not lower the likelihood (Newton can overshoot).
    const before = objective(b);
    let size = 1;
    const moved = () => b.map((c, i) => c + size * step[i]!);
    while (objective(moved()) < before && size > 1e-12) size /= 2;
    const next = moved();
    const change = next.reduce((sum, c, i) => sum + Math.abs(c - b[i]!), 0);
    b.splice(0, k, ...next);
    if (change < 1e-9) break;
  }
  return b;
}

/** x with a x = y by Gaussian elimination with partial pivoting; null when a is singular. */
function solve(a: readonly (readonly number[])[], y: readonly number[]): number[] | null {
  const n = y.length;
  const m = a.map((row, i) => [...row, y[i]!]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < n; row += 1)
      if (Math.abs(m[row]![col]!) > Math.abs(m[pivot]![col]!)) pivot = row;
    if (Math.abs(m[pivot]![col]!) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let row = 0; row < n; row += 1) {
      if (row === col) continue;
      const factor = m[row]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c += 1) m[row]![c]! -= factor * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * Platt scaling of a table's values on proposals it was not fitted on: the slope and
 * shift under which what was right is most likely, with a pull to `center`, the
 * identity by default, so a few proposals cannot swing it.
 * Two numbers for every field keep each field's order and the table's shape, and a
 * hundred proposals are enough to fit them, which per-field steps are not.
 */
export function fitRecalibration(
  observations: readonly { p: number; right: boolean }[],
  pull = 1,
  center: Recalibration = { slope: 1, shift: 0 },
): Recalibration {
  const [slope, shift] = fitLogistic(
    observations.map(({ p, right }) => ({ offset: 0, x: [logit(p), 1], right })),
    [center.slope, center.shift],
    pull,
  );
  return { slope: round3(slope!), shift: round3(shift!) };
}

/**
 * The call-length term (calibration.ts, `LengthTerm`) and a shift of every value, fitted
 * together on judged values: logit p' = logit p + shift + perDoubling * log2(w / reference),
 * w held within [min, max], the two numbers under which the observations are most likely
 * (pulled by next to nothing, only so that a fit without long calls has an answer).
 */
export function fitLengthTerm(
  observations: readonly { p: number; right: boolean; words: number }[],
  bounds: Omit<LengthTerm, 'perDoubling'>,
): { shift: number; term: LengthTerm } {
  const unit = { ...bounds, perDoubling: 1 };
  const [shift, perDoubling] = fitLogistic(
    observations.map(({ p, right, words }) => ({
      offset: logit(p),
      x: [1, lengthShift(unit, words)],
      right,
    })),
    [0, 0],
    1e-6,
  );
  return { shift: round3(shift!), term: { ...bounds, perDoubling: round3(perDoubling!) } };
}
