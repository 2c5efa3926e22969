/**
 * Small robust statistics over reusable buffers: detectors run for 100k terminals per
 * sweep, so hot paths fill these instead of allocating arrays per terminal.
 */

/** A growable (x, y) series; reset() and refill it per terminal. Not re-entrant. */
export class SeriesBuffer {
  xs = new Float64Array(64);
  ys = new Float64Array(64);
  length = 0;

  reset(): this {
    this.length = 0;
    return this;
  }

  push(x: number, y: number): void {
    if (this.length === this.xs.length) {
      const xs = new Float64Array(this.xs.length * 2);
      const ys = new Float64Array(this.ys.length * 2);
      xs.set(this.xs);
      ys.set(this.ys);
      this.xs = xs;
      this.ys = ys;
    }
    this.xs[this.length] = x;
    this.ys[this.length] = y;
    this.length++;
  }
}

let work = new Float64Array(64);

function workspace(n: number): Float64Array {
  if (work.length < n) work = new Float64Array(Math.max(n, work.length * 2));
  return work;
}

/** k-th smallest of a[0..n) by quickselect; reorders a. */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** Median of values[from..to); NaN when empty. Does not reorder the input. */
export function medianRange(values: Float64Array, from: number, to: number): number {
  const n = to - from;
  if (n <= 0) return NaN;
  const a = workspace(n);
  for (let i = 0; i < n; i++) a[i] = values[from + i]!;
  const upper = select(a, n, n >> 1);
  if (n % 2 === 1) return upper;
  return (select(a, n, (n >> 1) - 1) + upper) / 2;
}

/**
 * Theil's abbreviated slope estimator: the median of slopes between point i and point
 * i + ⌊n/2⌋ over series[from..to). Robust to ~25 % outliers, O(n), and every pair spans
 * half the window, so daily cycles average out. NaN with fewer than two usable pairs.
 */
export function theilSlope(series: SeriesBuffer, from: number, to: number): number {
  const n = to - from;
  const half = n >> 1;
  if (half < 1) return NaN;
  const a = workspace(n);
  let m = 0;
  for (let i = from; i + half < to; i++) {
    const dx = series.xs[i + half]! - series.xs[i]!;
    if (dx > 0) a[m++] = (series.ys[i + half]! - series.ys[i]!) / dx;
  }
  if (m === 0) return NaN;
  const upper = select(a, m, m >> 1);
  return m % 2 === 1 ? upper : (select(a, m, (m >> 1) - 1) + upper) / 2;
}

/** First index in series with x ≥ t (binary search over sorted xs). */
export function lowerBound(series: SeriesBuffer, t: number): number {
  let lo = 0;
  let hi = series.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (series.xs[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
