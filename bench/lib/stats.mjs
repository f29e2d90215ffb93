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
  return { n: values.length, median: median(values), min: Math.min(...values), max: Math.max(...values), q1: quantile(values, 0.25), q3: quantile(values, 0.75) };
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
    : { met: false, text: `not met at the median; pairs span ${fmtPct(ratio.min)}–${fmtPct(ratio.max)}, so within noise` };
}

/** Judges an absolute upper bound ("under 50 ms") against a sample's spread. */
export function judgeMax(sample, limit, unit) {
  if (sample.max <= limit) return { met: true, text: `met (max ${round(sample.max)} ${unit} ≤ ${limit} ${unit})` };
  if (sample.median <= limit) return { met: true, text: `met at the median; max ${round(sample.max)} ${unit} > ${limit} ${unit}` };
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
