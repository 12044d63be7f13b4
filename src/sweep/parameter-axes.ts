import { invalid } from "../core/check.js";
import { SWEEP_PARAMETERS, type SweepParameter, type SweepStrategyName } from "./sweep-parameters.js";
import type { SweepAxisSpec, SweepValue } from "./sweep-spec.js";

/** One axis of a resolved grid: a parameter and its values, checked, in the order given. */
export interface ParameterAxis {
  readonly name: string;
  readonly values: readonly SweepValue[];
}

const MAX_RANGE_VALUES = 100_000;

/** Returns `value` checked against the parameter's kind and bounds; throws InvalidOptionError naming `where`. */
export function checkParameterValue(p: SweepParameter, value: unknown, where: string): SweepValue {
  if (p.kind === "boolean") {
    if (typeof value !== "boolean") invalid(where, value, "true or false");
    return value;
  }
  if (p.kind === "choice") {
    if (typeof value !== "string" || !p.choices!.includes(value)) invalid(where, value, `one of ${p.choices!.map((c) => `"${c}"`).join(", ")}`);
    return value;
  }
  const integer = p.kind === "integer";
  if (typeof value !== "number" || !Number.isFinite(value) || (integer && !Number.isInteger(value))) invalid(where, value, integer ? "an integer" : "a finite number");
  if ((p.min !== undefined && value < p.min) || (p.max !== undefined && value > p.max)) {
    invalid(where, value, `a number in [${p.min ?? "-Infinity"}, ${p.max ?? "Infinity"}]`, p.description);
  }
  return value;
}

function rangeValues(name: string, spec: { from: number; to: number; step: number }): number[] {
  const { from, to, step } = spec;
  for (const [k, v] of [["from", from], ["to", to], ["step", step]] as const) {
    if (typeof v !== "number" || !Number.isFinite(v)) invalid(`grid.${name}.${k}`, v, "a finite number");
  }
  if (!(step > 0)) invalid(`grid.${name}.step`, step, "a positive number");
  if (to < from) invalid(`grid.${name}.to`, to, `a number >= from (${from})`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_RANGE_VALUES) invalid(`grid.${name}`, spec, `at most ${MAX_RANGE_VALUES} values`, "use a larger step");
  // Each value is computed from its index (never accumulated) and rounded to 12 significant digits, so 0.1 steps stay 0.1, 0.2, 0.3.
  return Array.from({ length: count }, (_, i) => Number((from + i * step).toPrecision(12)));
}

/** Returns the known parameter `name` for `strategy`; throws InvalidOptionError for an unknown or foreign one. */
export function parameterFor(name: string, strategy: SweepStrategyName, where: string): SweepParameter {
  const p = SWEEP_PARAMETERS.find((q) => q.name === name);
  const own = SWEEP_PARAMETERS.filter((q) => q.strategy === undefined || q.strategy === strategy).map((q) => q.name);
  if (p === undefined) invalid(where, name, `a known parameter: ${own.join(", ")}`);
  if (p.strategy !== undefined && p.strategy !== strategy) invalid(where, name, `a parameter of strategy "${strategy}": ${own.join(", ")}`, `"${name}" belongs to strategy "${p.strategy}"`);
  return p;
}

/**
 * Returns the grid's axes in column order (the order of SWEEP_PARAMETERS, whatever the key order), each
 * value checked; throws InvalidOptionError naming `grid.<name>` for an unknown parameter, an empty or
 * duplicated list or a bad value.
 */
export function parameterAxes(grid: Readonly<Record<string, SweepAxisSpec>>, strategy: SweepStrategyName): ParameterAxis[] {
  if (grid === null || typeof grid !== "object" || Array.isArray(grid)) invalid("grid", grid, "an object of parameter name -> values", 'e.g. { "fast": [5, 10], "slow": [30, 60] }');
  const names = Object.keys(grid);
  if (names.length === 0) invalid("grid", grid, "at least one parameter with values", 'e.g. { "fast": [5, 10] }');
  for (const name of names) parameterFor(name, strategy, "grid");
  return SWEEP_PARAMETERS.filter((p) => names.includes(p.name)).map((p) => {
    const spec = grid[p.name];
    let raw: readonly unknown[];
    if (Array.isArray(spec)) raw = spec;
    else if (spec !== null && typeof spec === "object" && "from" in spec) raw = rangeValues(p.name, spec as { from: number; to: number; step: number });
    else invalid(`grid.${p.name}`, spec, "a list of values or { from, to, step }");
    if (raw.length === 0) invalid(`grid.${p.name}`, raw, "at least one value", "an empty axis makes an empty grid");
    const values = raw.map((v, i) => checkParameterValue(p, v, `grid.${p.name}[${i}]`));
    const seen = new Set<SweepValue>();
    values.forEach((v, i) => {
      if (seen.has(v)) invalid(`grid.${p.name}[${i}]`, v, "values that appear once", "a repeated value would run the same combination twice");
      seen.add(v);
    });
    return { name: p.name, values };
  });
}
