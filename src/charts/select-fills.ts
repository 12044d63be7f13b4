import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { numberColumn } from "./number-column.js";
import { requireColumns } from "./require-columns.js";

/** One fill as charts read it; a journal fill row or a `FillEvent` has these fields. */
export interface TradeFill {
  /** When the fill happened, epoch ms UTC. */
  readonly ts: number;
  /** The symbol filled. A fill without one is taken to be of the symbol asked for. */
  readonly symbol?: string;
  readonly side: "buy" | "sell";
  /** Fill price, in price units. */
  readonly price: number;
  /** Filled quantity, in shares or contracts. Default: unknown (NaN). */
  readonly quantity?: number;
}

/** Options of {@link selectFills}. */
export interface SelectFillsOptions {
  /** Keep the fills of this symbol only. Default: all, which requires the fills to be of one symbol. */
  readonly symbol?: string;
  /** Keep fills at or after this time, epoch ms UTC. Default: no bound. */
  readonly from?: number;
  /** Keep fills at or before this time, epoch ms UTC. Default: no bound. */
  readonly to?: number;
}

const HINT = "pass result.journal of a backtest or an array of { ts, symbol, side, price, quantity }";

function fromJournal(table: arrow.Table): TradeFill[] {
  requireColumns(table, "fills", ["ts", "type", "symbol", "side", "price"], HINT);
  const type = table.getChild("type")!, symbol = table.getChild("symbol")!, side = table.getChild("side")!;
  const ts = numberColumn(table, "ts"), price = numberColumn(table, "price");
  const quantity = table.getChild("quantity") == null ? undefined : numberColumn(table, "quantity");
  const fills: TradeFill[] = [];
  for (let i = 0; i < table.numRows; i++) {
    if (type.get(i) !== "fill") continue;
    const s = side.get(i) as unknown;
    fills.push({ ts: ts[i]!, symbol: String(symbol.get(i)), side: s as "buy" | "sell", price: price[i]!, quantity: quantity?.[i] ?? NaN });
  }
  return fills;
}

function checkFill(fill: TradeFill, i: number): TradeFill {
  if (fill == null || typeof fill !== "object") invalid(`fills[${i}]`, fill, "an object { ts, symbol, side, price }");
  check.finite(`fills[${i}].ts`, fill.ts);
  check.keyword(`fills[${i}].side`, fill.side, ["buy", "sell"] as const);
  check.positive(`fills[${i}].price`, fill.price);
  if (fill.symbol !== undefined) check.nonEmptyString(`fills[${i}].symbol`, fill.symbol);
  return fill;
}

/**
 * Returns the buy and sell fills to draw, in time order: the fill rows of a journal table (columns ts,
 * type, symbol, side, price and optionally quantity) or a plain array of fills, kept to one symbol
 * and a time span. Throws when fills of several symbols remain and no symbol was named, since they
 * cannot share one price axis.
 * @example selectFills(result.journal, { symbol: "AAA" }).length
 */
export function selectFills(fills: arrow.Table | readonly TradeFill[], options: SelectFillsOptions = {}): TradeFill[] {
  const symbol = options.symbol === undefined ? undefined : check.nonEmptyString("symbol", options.symbol);
  const from = options.from === undefined ? -Infinity : check.finite("from", options.from);
  const to = options.to === undefined ? Infinity : check.finite("to", options.to);
  const all = Array.isArray(fills) ? (fills as readonly TradeFill[]).map(checkFill) : fromJournal(fills as arrow.Table);
  const ofSymbol = (f: TradeFill) => symbol === undefined || f.symbol === undefined || f.symbol === symbol;
  const kept = all.filter((f) => f.side !== null && ofSymbol(f) && f.ts >= from && f.ts <= to);
  if (symbol === undefined) {
    const symbols = [...new Set(kept.flatMap((f) => (f.symbol === undefined ? [] : [f.symbol])))];
    if (symbols.length > 1) {
      invalid("fills", `fills of ${symbols.length} symbols (${symbols.join(", ")})`, "fills of one symbol", "pass the symbol option to pick one");
    }
  }
  return kept.map((f, i) => ({ f, i })).sort((a, b) => a.f.ts - b.f.ts || a.i - b.i).map(({ f }) => f);
}
