// Small, dependency-free statistics for the benchmark report. Ratios are
// computed per alternating pair (with_i / without_i), so slow drift of the
// machine (thermal, background load) hits both sides of a pair alike.

/** The q-quantile (0..1) of numbers, linear interpolation between ranks. */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);

/** Median, min, max, and interquartile range of a sample. */
export function summary(values) {
  return {
    n: values.length,
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    q1: quantile(values, 0.25),
    q3: quantile(values, 0.75),
  };
}

/**
 * Per-pair ratios with/without, summarised. `higherIsWorse` is true for times
 * and memory (a ratio above 1 is overhead); for throughput pass false and the
 * ratio is inverted, so every ratio reads "cost with the hook / cost without".
 */
export function pairedRatio(withRuns, withoutRuns, higherIsWorse = true) {
  const n = Math.min(withRuns.length, withoutRuns.length);
  const ratios = [];
  for (let i = 0; i < n; i++) ratios.push(higherIsWorse ? withRuns[i] / withoutRuns[i] : withoutRuns[i] / withRuns[i]);
  return summary(ratios);
}

/**
 * Judges an overhead goal ("at most +2 %", limit 1.02) against the spread of
 * the paired ratios instead of the median alone: a median under the limit with
 * a spread that crosses it is reported as such, not as a clean pass.
 */
export function judgeRatio(ratio, limit) {
  if (ratio.max <= limit) return { met: true, text: `met (every pair ≤ ${fmtPct(limit)})` };
  if (ratio.min > limit) return { met: false, text: `not met (every pair > ${fmtPct(limit)})` };
  return ratio.median <= limit
    ? { met: true, text: `met at the median; pairs span ${fmtPct(ratio.min)}–${fmtPct(ratio.max)}, so within noise` }
    : {
        met: false,
        text: `not met at the median; pairs span ${fmtPct(ratio.min)}–${fmtPct(ratio.max)}, so within noise`,
      };
}

/** Judges an absolute upper bound ("under 50 ms") against a sample's spread. */
export function judgeMax(sample, limit, unit) {
  if (sample.max <= limit) return { met: true, text: `met (max ${round(sample.max)} ${unit} ≤ ${limit} ${unit})` };
  if (sample.median <= limit)
    return { met: true, text: `met at the median; max ${round(sample.max)} ${unit} > ${limit} ${unit}` };
  return { met: false, text: `not met (median ${round(sample.median)} ${unit} > ${limit} ${unit})` };
}

/** A ratio as a signed percentage of overhead: 1.034 -> "+3.4 %". */
export function fmtPct(r) {
  const p = (r - 1) * 100;
  return `${p >= 0 ? '+' : ''}${p.toFixed(1)} %`;
}

export function round(x, digits = 1) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A small seeded PRNG (mulberry32), so a report's intervals are reproducible from its samples. */
export function seededRandom(seed = 1) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The median of `values` with a percentile-bootstrap 95 % interval: resample the
 * values with replacement `draws` times and take the 2.5th and 97.5th percentile
 * of the resampled medians.
 */
export function bootstrapMedian(values, draws = 4000, seed = 1) {
  const rand = seededRandom(seed);
  const medians = [];
  for (let d = 0; d < draws; d++) {
    const sample = values.map(() => values[Math.floor(rand() * values.length)]);
    medians.push(median(sample));
  }
  return { median: median(values), low: quantile(medians, 0.025), high: quantile(medians, 0.975), n: values.length };
}

/**
 * Judges a cost ratio against a limit by its 95 % interval: "met" only when the
 * whole interval is at or under the limit, "not met" when all of it is over,
 * and otherwise "cannot tell": the noise is wider than the difference sought.
 */
export function judgeInterval(ci, limit) {
  const range = `median ${fmtPct(ci.median)}, 95 % interval ${fmtPct(ci.low)} … ${fmtPct(ci.high)}`;
  if (ci.high <= limit) return { verdict: 'met', text: `met (${range})` };
  if (ci.low > limit) return { verdict: 'not met', text: `not met (${range})` };
  return { verdict: 'cannot tell', text: `cannot tell (${range}: the interval crosses ${fmtPct(limit)})` };
}

/** Least-squares line through (x, y) points: the slope and the intercept. */
export function linearFit(points) {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
