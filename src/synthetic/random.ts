import { invalid } from "../core/check.js";

/**
 * A seeded source of random numbers. Every draw is a pure function of the seed, the stream and the
 * number of earlier draws, so the same calls give the same numbers on every run.
 */
export interface Rng {
  /** Returns a uniform number in [0, 1) with 53 random bits. */
  next(): number;
  /** Returns a standard normal draw (mean 0, variance 1). */
  normal(): number;
  /** Returns a uniform integer in [0, n), without modulo bias; `n` is an integer in [1, 2^32]. */
  int(n: number): number;
  /** Returns a uniform unsigned 32-bit integer. */
  uint32(): number;
}

const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;

/** splitmix32 (Steele, Lea and Flood's SplitMix finaliser on 32 bits): hashes a word into a well-mixed word. */
function mix32(x: number): number {
  let t = (x + 0x9e3779b9) | 0;
  t = Math.imul(t ^ (t >>> 16), 0x21f0aaad);
  t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
  return (t ^ (t >>> 15)) >>> 0;
}

/**
 * Returns a seeded random number generator. The generator is sfc32, Chris Doty-Humphrey's "small fast
 * chaotic" generator from PractRand (128-bit state, passes PractRand and BigCrush, period at least 2^32
 * thanks to its counter word). Its state is filled by splitmix32 from the seed and the stream number, then
 * 15 outputs are discarded. Normal draws use Marsaglia's polar method (two normals per accepted pair, the
 * second kept for the next call), which needs only `Math.log` and `Math.sqrt`.
 *
 * The generator is written here rather than taken from a package: pure-rand 8 (which fast-check brings) has
 * only subpath exports, which tslab's TypeScript 5.0 (Node10 module resolution) cannot resolve.
 *
 * @param seed any safe integer; the same seed gives the same numbers.
 * @param stream selects an independent stream for the same seed (default 0), e.g. one per symbol.
 * @see https://pracrand.sourceforge.net/RNG_engines.txt (sfc32)
 * @see Marsaglia & Bray (1964), "A convenient method for generating normal variables", SIAM Review 6(3).
 * @example
 * const rng = createRng(42);
 * const u = rng.next(); // in [0, 1)
 * const z = rng.normal(); // standard normal
 */
export function createRng(seed: number, stream = 0): Rng {
  if (!Number.isSafeInteger(seed)) invalid("seed", seed, "a safe integer such as 42", "seeds are integers so runs can be repeated");
  if (!Number.isSafeInteger(stream) || stream < 0) invalid("stream", stream, "an integer >= 0");
  const lo = seed >>> 0;
  const hi = Math.floor(seed / TWO_32) >>> 0;
  let h = mix32(lo ^ mix32(hi ^ mix32(stream)));
  const word = (): number => (h = mix32(h ^ 0x6a09e667)) | 0;
  let a = word(), b = word(), c = word(), d = word();

  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) uint32();

  const next = (): number => ((uint32() >>> 5) * 67108864 + (uint32() >>> 6)) / TWO_53;

  let spare = 0;
  let hasSpare = false;
  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u = 0, v = 0, s = 0;
    do {
      u = 2 * next() - 1;
      v = 2 * next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * m;
    hasSpare = true;
    return u * m;
  };

  const int = (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > TWO_32) invalid("n", n, "an integer in [1, 2^32]");
    const limit = TWO_32 - (TWO_32 % n);
    let x = uint32();
    while (x >= limit) x = uint32();
    return x % n;
  };

  return { next, normal, int, uint32 };
}
