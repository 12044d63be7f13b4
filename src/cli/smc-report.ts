import type * as arrow from "apache-arrow";
import { toIso } from "../core/time.js";
import { barColumns, barInfo } from "../data/bar-table.js";
import { collectStructures } from "../smc/collect-structures.js";
import { EqualLevelDetector } from "../smc/equal-level-detector.js";
import { FairValueGapDetector } from "../smc/fair-value-gap-detector.js";
import { OrderBlockDetector } from "../smc/order-block-detector.js";
import { PreviousPeriodLevels } from "../smc/previous-period-levels.js";
import type { SmcStructure } from "../smc/smc-structure.js";
import { StructureBreakDetector } from "../smc/structure-break-detector.js";
import { SweepDetector } from "../smc/sweep-detector.js";
import { SwingDetector } from "../smc/swing-detector.js";
import type { LoadedFile } from "./load-cli-data.js";

/** The format tag of {@link SmcReport}. */
export const SMC_REPORT_FORMAT = "regime-lab.smc/1";

/**
 * One detected structure in the JSON output: `kind`, `time` (ISO close time of the bar it refers to),
 * `knownAt` (ISO close time of the bar at which it became known), `index`/`knownIndex` (the same two
 * bars as 0-based rows), `top`/`bottom`, and the detector's own fields, with every time as ISO text.
 */
export type SmcRecord = Record<string, string | number | null> & { readonly kind: string; readonly time: string; readonly knownAt: string };

/** The JSON document of `regime-lab smc --json`; fields are only added within a `format` version. */
export interface SmcReport {
  /** "regime-lab.smc/1". */
  readonly format: string;
  readonly data: LoadedFile;
  readonly parameters: { readonly swingLength: number; readonly timeZone: string };
  /** One array per detector, in the order the structures became known. */
  readonly swings: readonly SmcRecord[];
  readonly fairValueGaps: readonly SmcRecord[];
  readonly structureBreaks: readonly SmcRecord[];
  readonly orderBlocks: readonly SmcRecord[];
  readonly equalLevels: readonly SmcRecord[];
  readonly sweeps: readonly SmcRecord[];
  readonly previousLevels: readonly SmcRecord[];
}

const TIME_KEY = /^(ts|knownAt|mitigatedAt|[a-z]+Ts)$/;

/** Returns a structure as a JSON record: times as ISO text (`ts` becomes `time`, `xTs` becomes `xTime`), NaN as null. */
export function smcRecord(s: SmcStructure): SmcRecord {
  const out: Record<string, string | number | null> = { kind: s.kind };
  for (const [key, value] of Object.entries(s)) {
    if (key === "kind" || value === undefined) continue;
    const name = key === "ts" ? "time" : key.endsWith("Ts") ? `${key.slice(0, -2)}Time` : key;
    if (TIME_KEY.test(key)) out[name] = typeof value === "number" ? toIso(value) : null;
    else out[name] = typeof value === "number" ? (Number.isFinite(value) ? value : null) : typeof value === "string" ? value : value === null ? null : String(value);
  }
  return out as SmcRecord;
}

/**
 * Returns every SMC structure of a bar table, per detector, as JSON records: swings, fair value gaps,
 * breaks of structure and changes of character, order blocks, equal highs/lows, sweeps, and the
 * previous day's and week's highs and lows (in the table's exchange time zone).
 * @example JSON.stringify(smcReport(table, loaded, { swingLength: 5 }))
 */
export function smcReport(table: arrow.Table, loaded: LoadedFile, options: { readonly swingLength: number }): SmcReport {
  const length = options.swingLength, timeZone = barInfo(table).timeZone;
  const records = (list: readonly SmcStructure[]) => list.map(smcRecord);
  const previous = new PreviousPeriodLevels({ timeZone });
  const c = barColumns(table), prevLevels: SmcStructure[] = [];
  for (let i = 0; i < c.tsClose.length; i++) {
    prevLevels.push(...previous.update({ tsOpen: c.tsOpen[i]!, tsClose: c.tsClose[i]!, open: c.open[i]!, high: c.high[i]!, low: c.low[i]!, close: c.close[i]! }));
  }
  return {
    format: SMC_REPORT_FORMAT,
    data: loaded,
    parameters: { swingLength: length, timeZone },
    swings: records(collectStructures(table, new SwingDetector({ length }))),
    fairValueGaps: records(collectStructures(table, new FairValueGapDetector())),
    structureBreaks: records(collectStructures(table, new StructureBreakDetector({ length }))),
    orderBlocks: records(collectStructures(table, new OrderBlockDetector({ length }))),
    equalLevels: records(collectStructures(table, new EqualLevelDetector({ swingLength: length }))),
    sweeps: records(collectStructures(table, new SweepDetector({ swingLength: length }))),
    previousLevels: records(prevLevels),
  };
}
