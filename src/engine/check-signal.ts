import { InvalidOptionError, LookaheadError } from "../core/errors.js";
import { toIso } from "../core/time.js";
import type { SignalEvent } from "./events.js";

const describe = (ts: unknown): string => (typeof ts === "number" && Number.isFinite(ts) ? toIso(ts) : String(ts));

/**
 * Returns the index of the signal's symbol in `symbols` after checking that a strategy's output is a
 * well-formed signal for a known symbol, stamped at or before the engine's clock `clock`. Throws
 * InvalidOptionError naming the strategy and the field, or LookaheadError for a signal from the future.
 * `hint` is the index the symbol probably has (the bar's), tried before the lookup in `index`.
 * @example
 * const s = checkSignal(signal, symbolIndex, symbols, T, strategy.name);
 */
export function checkSignal(signal: SignalEvent, index: ReadonlyMap<string, number>, symbols: readonly string[], clock: number, strategy: string, hint = -1): number {
  if (signal === null || typeof signal !== "object" || signal.type !== "signal") {
    throw new InvalidOptionError(`invalid signal from strategy "${strategy}": ${JSON.stringify(signal)} (expected a SignalEvent); build signals with createSignal(event, "long", reason)`);
  }
  const s = hint >= 0 && symbols[hint] === signal.symbol ? hint : index.get(signal.symbol);
  if (s === undefined) {
    throw new InvalidOptionError(`invalid signal.symbol from strategy "${strategy}": ${JSON.stringify(signal.symbol)} (expected one of ${symbols.map((x) => JSON.stringify(x)).join(", ")}); add a DataHandler for it`);
  }
  const direction = signal.direction;
  if (direction !== "long" && direction !== "exit" && direction !== "short") {
    throw new InvalidOptionError(`invalid signal.direction from strategy "${strategy}": ${JSON.stringify(signal.direction)} (expected "long", "short" or "exit")`);
  }
  if (!(signal.strength >= 0 && signal.strength <= 1)) {
    throw new InvalidOptionError(`invalid signal.strength from strategy "${strategy}": ${String(signal.strength)} (expected a number in [0, 1])`);
  }
  if (!(signal.ts <= clock)) {
    throw new LookaheadError(
      `signal from strategy "${strategy}" is stamped ${describe(signal.ts)}, after the engine's clock ${toIso(clock)}; stamp signals with the market event's ts (createSignal does)`,
      { ts: String(signal.ts), clock },
    );
  }
  return s;
}
