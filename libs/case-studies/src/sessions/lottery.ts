/**
 * 抽選: a reproducible draw. The seed is recorded on the session, so anyone can re-run the draw and get
 * the same order. cyrb128 spreads the seed string over 128 bits and sfc32 (PractRand-clean, used by
 * seedrandom) generates from it; both are a few lines, so the shared library stays dependency-free.
 */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A generator of uniform 32-bit unsigned integers from a seed string. */
export function seededUint32(seed: string): () => number {
  let [a, b, c, d] = cyrb128(seed);
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32 mixes its state in over the first dozen steps.
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** Uniform integer in [0, n) without modulo bias (rejection sampling). */
function uniformBelow(next: () => number, n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  let x = next();
  while (x >= limit) x = next();
  return x % n;
}

/** Fisher–Yates: every order of `items` equally likely; the same seed and input give the same order. */
export function shuffleWithSeed<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const next = seededUint32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = uniformBelow(next, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Draws `seats` winners from `applicants` (given in arrival order, which only fixes the input so the draw
 * is reproducible); the others follow in drawn order and become the waitlist.
 */
export function drawLottery<T>(
  applicants: readonly T[],
  seats: number,
  seed: string,
): { winners: T[]; waitlist: T[] } {
  const order = shuffleWithSeed(applicants, seed);
  const n = Math.max(0, Math.min(seats, order.length));
  return { winners: order.slice(0, n), waitlist: order.slice(n) };
}
