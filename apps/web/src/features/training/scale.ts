/**
 * Axis arithmetic shared by the hand-drawn charts: a linear scale and "nice"
 * tick values (1, 2 or 5 times a power of ten). Pure, so the charts' numbers
 * are tested without a browser.
 */

/** Maps a value from `domain` to `range` linearly (a zero-width domain maps to the range's middle). */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0 || !Number.isFinite(span)) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** The smallest step of 1, 2 or 5 × 10ⁿ that is at least `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 5, 10]) {
    if (m * power >= rough - 1e-12) return m * power;
  }
  return 10 * power;
}

/** Round `x` to the precision of `step`, so 0.1 + 0.2 prints as 0.3. */
function snap(x: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(x.toFixed(Math.min(10, decimals)));
}

/**
 * Ticks covering [min, max] with at most about `count` intervals, starting
 * and ending on a tick (so the axis ends on a round number). A flat or empty
 * range still gets two ticks.
 */
export function niceTicks(min: number, max: number, count = 4): number[] {
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : 1;
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
    if (min >= 0 && lo < 0) lo = 0;
  }
  const step = niceStep((hi - lo) / Math.max(1, count));
  const first = Math.floor(lo / step + 1e-9) * step;
  const last = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first, i = 0; v <= last + step / 2 && i < 50; v += step, i++) {
    ticks.push(snap(v, step));
  }
  return ticks;
}

/** Every n-th index so that labels `labelWidth` wide fit `count` slots over `width`; at least 1. */
export function labelEvery(count: number, width: number, labelWidth: number): number {
  if (count <= 0 || width <= 0) return 1;
  return Math.max(1, Math.ceil((count * labelWidth) / width));
}
