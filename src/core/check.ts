import { InvalidOptionError } from "./errors.js";

const show = (value: unknown): string => {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "bigint" || value === undefined) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

/** Throws `invalid <name>: <value> (expected <expected>)<hint>`. */
export function invalid(name: string, value: unknown, expected: string, hint = ""): never {
  throw new InvalidOptionError(`invalid ${name}: ${show(value)} (expected ${expected})${hint ? `; ${hint}` : ""}`, {
    name,
    value: typeof value === "number" || typeof value === "string" || typeof value === "boolean" ? value : show(value),
    expected,
  });
}

/** Validation of options at the boundary; each returns the value, typed, or throws InvalidOptionError. */
export const check = {
  finite(name: string, value: unknown): number {
    if (typeof value !== "number" || !Number.isFinite(value)) invalid(name, value, "a finite number");
    return value;
  },
  positive(name: string, value: unknown): number {
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) invalid(name, value, "a positive number");
    return value;
  },
  nonNegative(name: string, value: unknown): number {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) invalid(name, value, "a number >= 0");
    return value;
  },
  positiveInteger(name: string, value: unknown): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) invalid(name, value, "a positive integer");
    return value;
  },
  nonNegativeInteger(name: string, value: unknown): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) invalid(name, value, "an integer >= 0");
    return value;
  },
  fraction(name: string, value: unknown): number {
    if (typeof value !== "number" || !(value >= 0 && value <= 1)) invalid(name, value, "a number in [0, 1]", "pass a fraction, e.g. 0.01 for 1%");
    return value;
  },
  nonEmptyString(name: string, value: unknown): string {
    if (typeof value !== "string" || value.length === 0) invalid(name, value, "a non-empty string");
    return value;
  },
  keyword<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
      invalid(name, value, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
    }
    return value as T;
  },
};
