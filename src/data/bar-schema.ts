import * as arrow from "apache-arrow";
import type { SymbolInfo } from "../core/types.js";

/** Schema metadata keys that carry a bar table's symbol, exchange time zone and interval. */
export const BAR_METADATA = {
  symbol: "regime-lab.symbol",
  timeZone: "regime-lab.timeZone",
  interval: "regime-lab.interval",
} as const;

const time = (name: string, doc: string) =>
  new arrow.Field(name, new arrow.Float64(), false, new Map([["unit", "ms"], ["timezone", "UTC"], ["doc", doc]]));
const num = (name: string) => new arrow.Field(name, new arrow.Float64(), false);

/**
 * Returns the Arrow schema of one symbol's bars: `tsOpen` and `tsClose` as Float64 epoch ms UTC (so the
 * hot path reads them as a Float64Array without copying), then open, high, low, close, volume; the
 * symbol, its IANA time zone and its interval live in the schema metadata.
 */
export function barSchema(info: SymbolInfo): arrow.Schema {
  return new arrow.Schema(
    [
      time("tsOpen", "bar open time, epoch ms UTC"),
      time("tsClose", "bar close time: when its values became known, epoch ms UTC"),
      num("open"),
      num("high"),
      num("low"),
      num("close"),
      num("volume"),
    ],
    new Map([
      [BAR_METADATA.symbol, info.symbol],
      [BAR_METADATA.timeZone, info.timeZone],
      [BAR_METADATA.interval, info.interval],
    ]),
  );
}
