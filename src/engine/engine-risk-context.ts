import type { DataHandler } from "../data/data-handler.js";
import type { RiskContext } from "../risk/risk-context.js";
import type { Strategy } from "../strategy/strategy.js";

/**
 * Returns the context an engine attaches to its risk manager: the handlers' symbols in order, each
 * symbol's time zone from its handler's info, and the strategy's current ATR per symbol (read when
 * asked, so it follows the strategy as it steps; undefined when the strategy has no `currentAtr`).
 * @example engineRiskContext(handlers, strategy).timeZones.SPX; // "America/New_York"
 */
export function engineRiskContext(handlers: readonly DataHandler[], strategy: Strategy): RiskContext {
  const timeZones: Record<string, string> = {};
  for (const h of handlers) timeZones[h.symbol] = h.info.timeZone;
  return Object.freeze({
    symbols: Object.freeze(handlers.map((h) => h.symbol)),
    timeZones: Object.freeze(timeZones),
    currentAtr: (symbol: string) => strategy.currentAtr?.(symbol),
  });
}
