/** An exact non-negative fraction, kept as integers so threshold checks never round. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

const SAFE = 2n ** 53n;

/**
 * A simple fraction (the first continued-fraction convergent) whose double is exactly `ratio`, so `0.1` means 1/10 and
 * `2 / 3` means 2/3; thresholds are then compared with integers only (`approvals * den >= num * total`).
 */
export function ratioToFraction(ratio: number): Fraction {
  if (!Number.isFinite(ratio) || ratio < 0) throw new RangeError(`not a non-negative finite ratio: ${ratio}`);
  // Continued-fraction convergents h/k; stop at the first that rounds to the same double.
  let h0 = 0n;
  let h1 = 1n;
  let k0 = 1n;
  let k1 = 0n;
  let x = ratio;
  for (let i = 0; i < 64; i++) {
    const whole = Math.floor(x);
    const a = BigInt(whole);
    [h0, h1] = [h1, a * h1 + h0];
    [k0, k1] = [k1, a * k1 + k0];
    // Only while both are exact doubles is the division correctly rounded, so the check is exact.
    if (h1 > SAFE || k1 > SAFE) break;
    if (Number(h1) / Number(k1) === ratio) return { num: h1, den: k1 };
    const rest = x - whole;
    if (rest === 0) break;
    x = 1 / rest;
    if (!Number.isFinite(x)) break;
  }
  // Fallback: the double's exact dyadic value (doubling is exact, so this terminates).
  let scaled = ratio;
  let den = 1n;
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    den *= 2n;
  }
  return { num: BigInt(scaled), den };
}

/** Whether `part / whole >= fraction`, decided with integers only. */
export function reachesFraction(part: number, whole: number, fraction: Fraction): boolean {
  return BigInt(part) * fraction.den >= fraction.num * BigInt(whole);
}
