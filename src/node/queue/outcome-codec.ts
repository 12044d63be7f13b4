import type { SweepRow } from "../../sweep/run-sweep-run.js";
import type { SweepOutcome } from "../../sweep/sweep-executor.js";
import type { SweepValue } from "../../sweep/sweep-spec.js";

/** A number JSON cannot carry as itself: negative zero, NaN or an infinity, tagged. */
interface TaggedNumber {
  readonly $number: "-0" | "NaN" | "Infinity" | "-Infinity";
}

type JsonNumber = number | TaggedNumber;

/** A sweep outcome as JSON carries it (a queue job's return value): every number exact. */
export interface EncodedOutcome {
  readonly row: Record<string, string | boolean | null | JsonNumber>;
  readonly curve?: { readonly ts: JsonNumber[]; readonly equity: JsonNumber[] };
}

function encodeNumber(x: number): JsonNumber {
  if (Number.isFinite(x)) return Object.is(x, -0) ? { $number: "-0" } : x;
  return { $number: Number.isNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity" };
}

function isTagged(x: unknown): x is TaggedNumber {
  return typeof x === "object" && x !== null;
}

function decodeNumber(x: JsonNumber): number {
  return typeof x === "number" ? x : Number(x.$number);
}

/**
 * Returns the outcome as plain JSON data that decodes to an identical outcome: JSON round-trips every
 * finite double exactly, and -0, NaN and the infinities are tagged; curves become number arrays.
 * @example decodeOutcome(JSON.parse(JSON.stringify(encodeOutcome(o)))) // equals o
 */
export function encodeOutcome(outcome: SweepOutcome): EncodedOutcome {
  const row: Record<string, string | boolean | null | JsonNumber> = {};
  for (const [k, v] of Object.entries(outcome.row)) row[k] = typeof v === "number" ? encodeNumber(v) : v;
  if (outcome.curve === undefined) return { row };
  return { row, curve: { ts: Array.from(outcome.curve.ts, encodeNumber), equity: Array.from(outcome.curve.equity, encodeNumber) } };
}

/** Returns the outcome {@link encodeOutcome} encoded, with Float64Array curves. */
export function decodeOutcome(encoded: EncodedOutcome): SweepOutcome {
  const row: SweepRow = {};
  for (const [k, v] of Object.entries(encoded.row)) row[k] = isTagged(v) ? decodeNumber(v) : (v as SweepValue | null);
  if (encoded.curve === undefined) return { row };
  return { row, curve: { ts: Float64Array.from(encoded.curve.ts, decodeNumber), equity: Float64Array.from(encoded.curve.equity, decodeNumber) } };
}
