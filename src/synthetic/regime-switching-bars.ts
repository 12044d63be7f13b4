import * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { checkTimeZone } from "../core/time.js";
import type { SymbolInfo } from "../core/types.js";
import { allocateBarColumns, makeBarTable } from "../data/bar-table.js";
import { parseLocalDay, parseLocalDays } from "./local-days.js";
import { createRng } from "./random.js";
import { writeSyntheticBar } from "./synthetic-bar.js";
import { weekdaySessions } from "./weekday-sessions.js";
import {
  DEFAULT_REGIME_DYNAMICS, DEFAULT_REGIME_TRANSITIONS, SYNTHETIC_REGIMES, type RegimeDynamics, type SyntheticRegime,
} from "./synthetic-regimes.js";

/** Options of {@link regimeSwitchingBars}. */
export interface RegimeSwitchingBarsOptions {
  /** Number of daily bars. Default 1000. */
  readonly n?: number;
  /** First trading day, local "YYYY-MM-DD"; a weekend or holiday rolls forward. Default "2020-01-02". */
  readonly start?: string;
  /** Seed of the random numbers (any safe integer). Default 1. */
  readonly seed?: number;
  /** Symbol stored in the table's metadata. Default "SYN". */
  readonly symbol?: string;
  /** IANA zone of the exchange session. Default "America/New_York". */
  readonly timeZone?: string;
  /** Session open, local "HH:MM": each bar's tsOpen. Default "09:30". */
  readonly sessionOpen?: string;
  /** Session close, local "HH:MM": each bar's tsClose. Default "16:00". */
  readonly sessionClose?: string;
  /** Local dates "YYYY-MM-DD" without a session (weekends never have one). Default []. */
  readonly holidays?: readonly string[];
  /** Close before the first bar. Default 100. */
  readonly startPrice?: number;
  /** Overrides of the dynamics of some regimes, merged over {@link DEFAULT_REGIME_DYNAMICS}. Default {}. */
  readonly regimes?: Readonly<Partial<Record<SyntheticRegime, Partial<RegimeDynamics>>>>;
  /** 4x4 row-stochastic matrix in {@link SYNTHETIC_REGIMES} order. Default {@link DEFAULT_REGIME_TRANSITIONS}. */
  readonly transitions?: readonly (readonly number[])[];
  /** Regime of the first bar. Default "sideways". */
  readonly initialRegime?: SyntheticRegime;
  /** Open gap volatility as a fraction of the regime's volatility. Default 0.25. */
  readonly gapFraction?: number;
  /** High/low wick volatility as a fraction of the regime's volatility. Default 0.5. */
  readonly wickFraction?: number;
  /** Mean volume per bar in a regime of 1 % volatility; it scales with the square root of volatility. Default 1,000,000. */
  readonly volume?: number;
}

/** What {@link regimeSwitchingBars} returns; every array has one entry per bar. */
export interface RegimeSwitchingBarsResult {
  /** The bars, a bar table (see makeBarTable) with interval "1d". */
  readonly table: arrow.Table;
  /** The true regime of each bar: columns `tsClose` (Float64, epoch ms UTC) and `regime` (Dictionary of Utf8). */
  readonly labels: arrow.Table;
  /** The true regime of each bar, as plain strings. */
  readonly regimes: SyntheticRegime[];
  /** Symbol, time zone and interval of the bars. */
  readonly info: SymbolInfo;
  /** The dynamics used, after merging the overrides. */
  readonly dynamics: Record<SyntheticRegime, RegimeDynamics>;
  /** The transition matrix used. */
  readonly transitions: number[][];
}

function checkTransitions(m: unknown): number[][] {
  const k = SYNTHETIC_REGIMES.length;
  if (!Array.isArray(m) || m.length !== k) invalid("transitions", m, `a ${k}x${k} matrix in the order ${SYNTHETIC_REGIMES.join(", ")}`);
  return m.map((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== k) invalid(`transitions[${i}]`, row, `a row of ${k} probabilities`);
    row.forEach((p, j) => check.fraction(`transitions[${i}][${j}]`, p));
    const sum = (row as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-9) invalid(`transitions[${i}]`, row, `probabilities that sum to 1, got ${sum}`, `row ${i} is "${SYNTHETIC_REGIMES[i]}"`);
    return [...(row as number[])];
  });
}

function checkDynamics(overrides: RegimeSwitchingBarsOptions["regimes"]): Record<SyntheticRegime, RegimeDynamics> {
  const out = Object.fromEntries(SYNTHETIC_REGIMES.map((r) => [r, { ...DEFAULT_REGIME_DYNAMICS[r] }])) as Record<SyntheticRegime, RegimeDynamics>;
  for (const [name, o] of Object.entries(overrides ?? {})) {
    const r = check.keyword("regimes", name, SYNTHETIC_REGIMES);
    const d = { ...out[r], ...o };
    out[r] = {
      drift: check.finite(`regimes.${r}.drift`, d.drift),
      volatility: check.nonNegative(`regimes.${r}.volatility`, d.volatility),
      meanReversion: check.fraction(`regimes.${r}.meanReversion`, d.meanReversion),
      anchorRate: check.fraction(`regimes.${r}.anchorRate`, d.anchorRate),
    };
  }
  return out;
}

/** Returns an Arrow table of regime labels: tsClose (Float64) and regime (Dictionary<Utf8, Int8>). */
function labelTable(tsClose: Float64Array, codes: Int8Array): arrow.Table {
  const type = new arrow.Dictionary(new arrow.Utf8(), new arrow.Int8());
  const dictionary = arrow.vectorFromArray([...SYNTHETIC_REGIMES], new arrow.Utf8());
  const regime = arrow.makeVector(arrow.makeData({ type, length: codes.length, nullCount: 0, data: codes, dictionary }));
  return new arrow.Table({ tsClose: arrow.makeVector(tsClose), regime });
}

/**
 * Returns daily bars drawn from a Markov chain over the regimes bull, bear, sideways and high-volatility,
 * with the true regime of every bar. Each bar first moves the chain by one step of the transition matrix
 * (the first bar takes `initialRegime`), then draws its close-to-close log return as
 * drift + volatility x N(0, 1) - meanReversion x (log price - anchor). Bars fall on Monday-Friday sessions
 * in the exchange zone, so tsOpen and tsClose are the session's UTC instants on each date, across
 * daylight-saving changes. The same options give the same bars, to the bit, on a given JavaScript engine.
 * @see Hamilton (1989), "A new approach to the economic analysis of nonstationary time series and the business cycle", Econometrica 57(2).
 * @example
 * const { table, labels, regimes } = regimeSwitchingBars({ n: 500, seed: 7 });
 */
export function regimeSwitchingBars(options: RegimeSwitchingBarsOptions = {}): RegimeSwitchingBarsResult {
  const n = check.positiveInteger("n", options.n ?? 1000);
  const start = parseLocalDay("start", options.start ?? "2020-01-02");
  const rng = createRng(options.seed ?? 1);
  const info: SymbolInfo = {
    symbol: check.nonEmptyString("symbol", options.symbol ?? "SYN"),
    timeZone: checkTimeZone("timeZone", options.timeZone ?? "America/New_York"),
    interval: "1d",
  };
  const startPrice = check.positive("startPrice", options.startPrice ?? 100);
  const dynamics = checkDynamics(options.regimes);
  const transitions = checkTransitions(options.transitions ?? DEFAULT_REGIME_TRANSITIONS);
  let state = SYNTHETIC_REGIMES.indexOf(check.keyword("initialRegime", options.initialRegime ?? "sideways", SYNTHETIC_REGIMES));
  const gapFraction = check.nonNegative("gapFraction", options.gapFraction ?? 0.25);
  const wickFraction = check.nonNegative("wickFraction", options.wickFraction ?? 0.5);
  const volume = check.nonNegative("volume", options.volume ?? 1_000_000);
  const times = weekdaySessions({
    start, count: n, timeZone: info.timeZone, open: options.sessionOpen ?? "09:30", close: options.sessionClose ?? "16:00",
    holidays: parseLocalDays("holidays", options.holidays),
  });

  const columns = allocateBarColumns(n);
  columns.tsOpen.set(times.tsOpen);
  columns.tsClose.set(times.tsClose);
  const lastPositive = transitions.map((row) => row.reduce((last, p, j) => (p > 0 ? j : last), 0));
  const codes = new Int8Array(n);
  const regimes: SyntheticRegime[] = new Array(n);
  let close = startPrice;
  let anchor = Math.log(startPrice);
  for (let i = 0; i < n; i++) {
    const before = state;
    if (i > 0) {
      const row = transitions[state]!;
      const u = rng.next();
      let next = 0;
      let acc = row[0]!;
      while (u >= acc && next < lastPositive[state]!) acc += row[++next]!;
      state = next;
    }
    const regime = SYNTHETIC_REGIMES[state]!;
    const d = dynamics[regime];
    const x = Math.log(close);
    if (i === 0 || state !== before) anchor = x;
    const logReturn = d.drift + d.volatility * rng.normal() - d.meanReversion * (x - anchor);
    close = writeSyntheticBar(columns, i, close, logReturn, {
      gapVolatility: gapFraction * d.volatility,
      wickVolatility: wickFraction * d.volatility,
      volume: volume * Math.sqrt(d.volatility / 0.01),
    }, rng);
    anchor += d.anchorRate * (Math.log(close) - anchor);
    codes[i] = state;
    regimes[i] = regime;
  }
  const table = makeBarTable(columns, info, { source: `regimeSwitchingBars(seed ${options.seed ?? 1})` });
  return { table, labels: labelTable(columns.tsClose.slice(), codes), regimes, info, dynamics, transitions };
}
