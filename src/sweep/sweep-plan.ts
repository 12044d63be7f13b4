import { check, invalid } from "../core/check.js";
import { InvalidOptionError } from "../core/errors.js";
import { createRng } from "../synthetic/random.js";
import { buildRunParts, gateClassifier } from "./build-run-parts.js";
import { checkParameterValue, parameterAxes, parameterFor, type ParameterAxis } from "./parameter-axes.js";
import { parametersOf, SWEEP_PARAMETERS, SWEEP_STRATEGIES, sweepParameter, type SweepStrategyName } from "./sweep-parameters.js";
import type { SweepSearch, SweepSpec, SweepValue } from "./sweep-spec.js";

/** The settings every run of a sweep shares. */
export interface SweepSettings {
  readonly cash: number;
  readonly commissionPercent: number;
  readonly slippageBps: number;
  readonly warmupBars: number;
}

/** A grid combination left out of a sweep, and why. */
export interface ExcludedCombination {
  readonly params: Readonly<Record<string, SweepValue>>;
  readonly reason: string;
}

/**
 * A sweep resolved against its symbols: the checked grid, the combinations that run (in grid order),
 * the ones left out and why, and the settings. Plain data: it crosses to worker threads and queue
 * workers as it is.
 */
export interface SweepPlan {
  readonly strategy: SweepStrategyName;
  readonly axes: readonly ParameterAxis[];
  /** Every parameter the strategy reads that the grid does not vary, at its fixed or default value. */
  readonly base: Readonly<Record<string, SweepValue>>;
  /** The parameter columns of the result: the grid's axes, then the parameters `fixed` set. */
  readonly columns: readonly string[];
  readonly search: SweepSearch;
  readonly symbols: readonly string[];
  /** The size of the full grid (the product of the axis lengths). */
  readonly gridSize: number;
  /** Grid indexes of the combinations that run, ascending. */
  readonly combos: readonly number[];
  /** How many grid combinations were left out (e.g. fast >= slow), with up to 5 of them. */
  readonly excludedCount: number;
  readonly excludedExamples: readonly ExcludedCombination[];
  readonly settings: SweepSettings;
  /** combos.length x symbols.length. */
  readonly runCount: number;
}

/** One run of a sweep: its index in the result, its combination, its symbol and every parameter. */
export interface SweepRun {
  readonly run: number;
  readonly combo: number;
  readonly symbol: string;
  readonly params: Readonly<Record<string, SweepValue>>;
}

const MAX_GRID = 10_000_000;

/** The keys of a SweepSpec. */
export const SWEEP_SPEC_KEYS = ["strategy", "grid", "fixed", "search", "cash", "commissionPercent", "slippageBps", "warmupBars"] as const;

/** Returns the parameters of grid combination `index` (the first axis varies slowest). */
export function comboParams(plan: Pick<SweepPlan, "axes" | "base">, index: number): Record<string, SweepValue> {
  const params: Record<string, SweepValue> = { ...plan.base };
  let rest = index;
  for (let a = plan.axes.length - 1; a >= 0; a--) {
    const axis = plan.axes[a]!;
    params[axis.name] = axis.values[rest % axis.values.length]!;
    rest = Math.floor(rest / axis.values.length);
  }
  return params;
}

/** Returns why a combination cannot run, or null when it can. */
function exclusionReason(strategy: SweepStrategyName, p: Readonly<Record<string, SweepValue>>): string | null {
  if (strategy === "sma-cross" && (p.fast as number) >= (p.slow as number)) return `fast (${p.fast}) must be below slow (${p.slow})`;
  return null;
}

function checkSearch(search: unknown): SweepSearch {
  if (search === undefined || search === "grid") return "grid";
  if (search === null || typeof search !== "object" || !("random" in search)) invalid("search", search, '"grid" or { "random": N, "seed": S }');
  const s = search as { random: unknown; seed?: unknown };
  return { random: check.positiveInteger("search.random", s.random), seed: check.nonNegativeInteger("search.seed", s.seed ?? 0) };
}

function pickCombos(plan: Pick<SweepPlan, "axes" | "base" | "strategy">, gridSize: number, search: SweepSearch) {
  const combos: number[] = [];
  const excluded: ExcludedCombination[] = [];
  let excludedCount = 0;
  const consider = (i: number): boolean => {
    const params = comboParams(plan, i);
    const reason = exclusionReason(plan.strategy, params);
    if (reason === null) return true;
    excludedCount++;
    if (excluded.length < 5) excluded.push({ params, reason });
    return false;
  };
  if (search === "grid" || search.random >= gridSize) {
    for (let i = 0; i < gridSize; i++) if (consider(i)) combos.push(i);
    if (search !== "grid") combos.splice(search.random);
  } else {
    // Distinct indexes drawn with the seed; excluded draws are counted and redrawn, at most 50 x N draws.
    const rng = createRng(search.seed ?? 0), seen = new Set<number>();
    for (let draws = 0; combos.length < search.random && seen.size < gridSize && draws < 50 * search.random; draws++) {
      const i = Math.floor(rng.next() * gridSize);
      if (seen.has(i)) continue;
      seen.add(i);
      if (consider(i)) combos.push(i);
    }
    combos.sort((a, b) => a - b);
  }
  return { combos, excluded, excludedCount };
}

/**
 * Returns the plan of a sweep over `symbols`: the spec checked (unknown parameters, bad values, an empty
 * grid or no runnable combination throw InvalidOptionError naming the key), the combinations in grid
 * order with exclusions counted, and the shared settings.
 * @example planSweep({ grid: { fast: [5, 10], slow: [30, 60] } }, ["SPX"]).runCount; // 4
 */
export function planSweep(spec: SweepSpec, symbols: readonly string[]): SweepPlan {
  if (spec === null || typeof spec !== "object") invalid("sweep", spec, "an object with a grid");
  for (const key of Object.keys(spec)) {
    if (!(SWEEP_SPEC_KEYS as readonly string[]).includes(key)) invalid("sweep", key, `one of the keys ${SWEEP_SPEC_KEYS.join(", ")}`);
  }
  const strategy = check.keyword("strategy", spec.strategy ?? "sma-cross", SWEEP_STRATEGIES);
  if (!Array.isArray(symbols) || symbols.length === 0) invalid("symbols", symbols, "at least one symbol");
  if (new Set(symbols).size !== symbols.length) invalid("symbols", symbols, "distinct symbols");
  const axes = parameterAxes(spec.grid, strategy);
  const fixed = spec.fixed ?? {};
  if (fixed === null || typeof fixed !== "object" || Array.isArray(fixed)) invalid("fixed", fixed, "an object of parameter name -> value");
  const base: Record<string, SweepValue> = {};
  for (const name of parametersOf(strategy)) base[name] = SWEEP_PARAMETERS.find((p) => p.name === name)!.default;
  for (const [name, value] of Object.entries(fixed)) {
    const p = parameterFor(name, strategy, "fixed");
    if (axes.some((a) => a.name === name)) invalid(`fixed.${name}`, value, "a parameter the grid does not vary", "remove it from fixed or from grid");
    base[name] = checkParameterValue(p, value, `fixed.${name}`);
  }
  for (const a of axes) delete base[a.name];
  const gridSize = axes.reduce((n, a) => n * a.values.length, 1);
  if (gridSize > MAX_GRID) invalid("grid", `${gridSize} combinations`, `at most ${MAX_GRID}`, 'use { "random": N } in search to sample it');
  const search = checkSearch(spec.search);
  const { combos, excluded, excludedCount } = pickCombos({ axes, base, strategy }, gridSize, search);
  if (combos.length === 0) {
    invalid("grid", spec.grid, "at least one combination that can run", `all ${gridSize} were left out, e.g. ${excluded[0]?.reason ?? "none"}`);
  }
  const settings: SweepSettings = {
    cash: check.positive("cash", spec.cash ?? 100_000),
    commissionPercent: check.nonNegative("commissionPercent", spec.commissionPercent ?? 0),
    slippageBps: check.nonNegative("slippageBps", spec.slippageBps ?? 0),
    warmupBars: spec.warmupBars === undefined ? autoWarmupBars(strategy, axes, base) : check.nonNegativeInteger("warmupBars", spec.warmupBars),
  };
  checkBuildable(strategy, axes, Object.keys(fixed), comboParams({ axes, base }, combos[0]!), settings);
  return {
    strategy, axes, base, columns: [...axes.map((a) => a.name), ...SWEEP_PARAMETERS.map((p) => p.name).filter((k) => k in fixed)], search, symbols: [...symbols],
    gridSize, combos, excludedCount, excludedExamples: excluded, settings, runCount: combos.length * symbols.length,
  };
}

/**
 * Returns the bars a windowed run needs before it can trade with every combination of the plan: the
 * longest slow average (sma-cross), the ATR and swing lengths (smc), the gate classifier's warm-up when
 * any combination is gated; at least 50.
 */
function autoWarmupBars(strategy: SweepStrategyName, axes: readonly ParameterAxis[], base: Readonly<Record<string, SweepValue>>): number {
  const values = (name: string): SweepValue[] => [...(axes.find((a) => a.name === name)?.values ?? [base[name]!])];
  let bars = 50;
  if (strategy === "sma-cross") bars = Math.max(bars, ...values("slow").map(Number));
  if (strategy === "smc") bars = Math.max(bars, 14 + 2 * Math.max(...values("swingLength").map(Number)) + 1);
  if (values("gate").some((g) => g !== "none")) {
    for (const t of values("trendThreshold")) {
      for (const h of values("highVolPercentile")) {
        bars = Math.max(bars, gateClassifier(Number(t), Number(h)).warmUpBars);
      }
    }
  }
  return bars;
}

/**
 * Builds the parts of one run per axis value (the first combination with that value swapped in), so a
 * value the strategy or risk manager rejects fails here, naming grid.<name>[i], not in a worker later.
 * When the first combination itself fails, the grid axis (or fixed key) whose value it uses is named if
 * the combination builds with that parameter at its default; only otherwise are the defaults blamed.
 */
function checkBuildable(strategy: SweepStrategyName, axes: readonly ParameterAxis[], fixedNames: readonly string[], first: Record<string, SweepValue>, settings: SweepSettings): void {
  const failure = (params: Record<string, SweepValue>): InvalidOptionError | null => {
    try {
      buildRunParts(strategy, params, settings);
      return null;
    } catch (e) {
      if (!(e instanceof InvalidOptionError)) throw e;
      return e;
    }
  };
  const blame = (where: string, value: SweepValue, e: InvalidOptionError): never => invalid(where, value, String(e.details.expected ?? "a value the run accepts"), e.message);
  const firstFailure = failure(first);
  if (firstFailure !== null) {
    for (const a of axes) {
      if (failure({ ...first, [a.name]: sweepParameter(a.name)!.default }) === null) blame(`grid.${a.name}[${a.values.indexOf(first[a.name]!)}]`, first[a.name]!, firstFailure);
    }
    for (const name of fixedNames) {
      if (failure({ ...first, [name]: sweepParameter(name)!.default }) === null) blame(`fixed.${name}`, first[name]!, firstFailure);
    }
    blame("fixed", "(the fixed and default values)", firstFailure);
  }
  for (const a of axes) {
    a.values.forEach((v, i) => {
      const params = { ...first, [a.name]: v };
      if (exclusionReason(strategy, params) !== null) return;
      const e = failure(params);
      if (e !== null) blame(`grid.${a.name}[${i}]`, v, e);
    });
  }
}

/** Returns run `run` of a plan: combination-major, then symbol in the plan's order; throws InvalidOptionError for an index outside the plan. */
export function sweepRunAt(plan: SweepPlan, run: number): SweepRun {
  if (!Number.isInteger(run) || run < 0 || run >= plan.runCount) invalid("run", run, `a run index in [0, ${plan.runCount - 1}]`, "the item does not belong to this plan");
  const n = plan.symbols.length;
  const combo = Math.floor(run / n);
  return { run, combo, symbol: plan.symbols[run % n]!, params: comboParams(plan, plan.combos[combo]!) };
}
