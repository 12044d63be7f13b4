import { usageError } from "./cli-error.js";

/**
 * Readers of option values that throw a usage CliError naming the option, the value and what was
 * expected, e.g. `invalid --fast: "ten" (expected a positive integer)`.
 */
export function optionReaders(command: string) {
  const bad = (name: string, value: string, expected: string): never => {
    throw usageError(`invalid --${name}: ${JSON.stringify(value)} (expected ${expected})`, command);
  };
  const number = (name: string, value: string | undefined, fallback: number, ok: (x: number) => boolean, expected: string): number => {
    if (value === undefined) return fallback;
    const x = value.trim() === "" ? NaN : Number(value);
    return Number.isFinite(x) && ok(x) ? x : bad(name, value, expected);
  };
  return {
    /** A whole number >= 1. */
    positiveInteger: (name: string, value: string | undefined, fallback: number) =>
      number(name, value, fallback, (x) => Number.isInteger(x) && x >= 1, "a whole number >= 1"),
    /** A whole number >= 0. */
    nonNegativeInteger: (name: string, value: string | undefined, fallback: number) =>
      number(name, value, fallback, (x) => Number.isInteger(x) && x >= 0, "a whole number >= 0"),
    /** A number > 0. */
    positive: (name: string, value: string | undefined, fallback: number) => number(name, value, fallback, (x) => x > 0, "a number > 0"),
    /** A number >= 0. */
    nonNegative: (name: string, value: string | undefined, fallback: number) => number(name, value, fallback, (x) => x >= 0, "a number >= 0"),
    /** A number in (0, 1]. */
    fraction: (name: string, value: string | undefined, fallback: number) => number(name, value, fallback, (x) => x > 0 && x <= 1, "a number in (0, 1], e.g. 0.1 for 10%"),
    /** One of `choices`. */
    keyword: <K extends string>(name: string, value: string | undefined, fallback: K, choices: readonly K[]): K =>
      value === undefined ? fallback : (choices as readonly string[]).includes(value) ? (value as K) : bad(name, value, `one of ${choices.join(", ")}`),
    /** Fails with the usual message. */
    bad,
  };
}
