import * as arrow from "apache-arrow";
import { dictionaryVector, float64Vector, int32Vector } from "../core/arrow-vectors.js";
import { EVENT_TYPES } from "./events.js";
import { DIRECTIONS, high4, low4, ORDER_TYPES, SIDES, TYPE_CODE } from "./journal-codes.js";
import type { RowStore } from "./row-store.js";

/** A journal's rows, one per event, market events expanded: time, type code, symbol index, and `ref` (a market event's bar row, another event's row in its type's detail store). */
export interface JournalRows {
  readonly ts: Float64Array;
  readonly type: Int32Array;
  readonly symbol: Int32Array;
  readonly ref: Int32Array;
}

/** A journal's detail stores by type (see Journal for their numbers). */
export interface JournalDetails {
  readonly signals: RowStore;
  readonly orders: RowStore;
  readonly fills: RowStore;
  readonly denials: RowStore;
}

/**
 * Returns the journal table of `rows` (see Journal.toTable for its columns), their details decoded
 * from `details`; `closes[s]` is symbol s's close column (a market row's price), `strings` the
 * journal's string table (codes and reasons).
 * @example
 * journalTable(rows, details, ["SPX"], [closes], strings); // arrow.Table, one row per event
 */
export function journalTable(rows: JournalRows, details: JournalDetails, symbols: readonly string[], closes: readonly Float64Array[], strings: readonly string[]): arrow.Table {
  const { signals, orders, fills, denials } = details, { ts, type, symbol, ref } = rows, n = ts.length;
  const f64 = () => new Float64Array(n).fill(NaN);
  const i32 = () => new Int32Array(n).fill(-1);
  const out = {
    direction: i32(), side: i32(), quantity: f64(), requested: f64(), price: f64(), commission: f64(), slippage: f64(),
    strength: f64(), stopPrice: f64(), orderId: i32(), code: i32(), reason: i32(), orderType: i32(),
  };
  for (let i = 0; i < n; i++) {
    const r = ref[i]!;
    switch (type[i]) {
      case TYPE_CODE.market:
        out.price[i] = closes[symbol[i]!]![r]!;
        break;
      case TYPE_CODE.signal: {
        const code = signals.get(r, 0);
        out.direction[i] = low4(code) - 1;
        out.reason[i] = high4(code);
        out.strength[i] = signals.get(r, 1);
        out.stopPrice[i] = signals.get(r, 2);
        break;
      }
      case TYPE_CODE.order: {
        const code = orders.get(r, 0), rest = high4(code);
        out.direction[i] = low4(code) - 1;
        out.side[i] = low4(rest) - 1;
        out.orderType[i] = high4(rest) % 2;
        out.reason[i] = Math.floor(high4(rest) / 2);
        out.quantity[i] = orders.get(r, 1);
        out.stopPrice[i] = orders.get(r, 2);
        out.orderId[i] = orders.get(r, 3);
        break;
      }
      case TYPE_CODE.fill: {
        const code = fills.get(r, 0);
        out.side[i] = low4(code) - 1;
        out.orderId[i] = high4(code);
        out.quantity[i] = fills.get(r, 1);
        out.requested[i] = fills.get(r, 2);
        out.price[i] = fills.get(r, 3);
        out.commission[i] = fills.get(r, 4);
        out.slippage[i] = fills.get(r, 5);
        break;
      }
      case TYPE_CODE.denied:
        out.direction[i] = denials.get(r, 0);
        out.orderId[i] = denials.get(r, 1);
        out.code[i] = denials.get(r, 2);
        out.reason[i] = denials.get(r, 3);
        break;
    }
  }
  return new arrow.Table({
    ts: float64Vector(ts),
    type: dictionaryVector(type, EVENT_TYPES),
    symbol: dictionaryVector(symbol, symbols),
    direction: dictionaryVector(out.direction, DIRECTIONS),
    side: dictionaryVector(out.side, SIDES),
    quantity: float64Vector(out.quantity, true),
    requestedQuantity: float64Vector(out.requested, true),
    price: float64Vector(out.price, true),
    commission: float64Vector(out.commission, true),
    slippage: float64Vector(out.slippage, true),
    strength: float64Vector(out.strength, true),
    stopPrice: float64Vector(out.stopPrice, true),
    orderId: int32Vector(out.orderId, true),
    code: dictionaryVector(out.code, strings),
    reason: dictionaryVector(out.reason, strings),
    orderType: dictionaryVector(out.orderType, ORDER_TYPES),
  });
}
