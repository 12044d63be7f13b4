import { check, invalid } from "../core/check.js";
import { toIso } from "../core/time.js";
import type { MarketEvent, SignalEvent } from "../engine/events.js";
import { ATR } from "../indicators/atr.js";
import type { PortfolioView } from "../portfolio/portfolio-view.js";
import { killZoneLocator, type KillZoneLocator } from "../sessions/kill-zone-locator.js";
import type { KillZoneOptions } from "../sessions/kill-zones.js";
import { FairValueGapDetector } from "../smc/fair-value-gap-detector.js";
import { OrderBlockDetector } from "../smc/order-block-detector.js";
import type { SmcZone } from "../smc/smc-structure.js";
import { StructureBreakDetector } from "../smc/structure-break-detector.js";
import { SwingDetector } from "../smc/swing-detector.js";
import { createSignal } from "./create-signal.js";
import type { Strategy } from "./strategy.js";
import { SymbolState } from "./symbol-state.js";

/** Options of {@link SmcStrategy}. */
export interface SmcStrategyOptions {
  /** Swing length of the structure, order-block and stop swings (bars on each side). Default 5. */
  readonly swingLength?: number;
  /** Which zones an entry may retrace into: fair value gaps, order blocks, or both. Default "both". */
  readonly zones?: "fvg" | "order-block" | "both";
  /** Kill zones an entry must fall in (by the bar's open time, New York time by default); null trades at any hour. Default: the four ICT kill zones. */
  readonly killZones?: KillZoneOptions | null;
  /** Go short in a bearish structure (false: long entries only). Default true. */
  readonly allowShort?: boolean;
  /** Extra distance beyond the swing or zone for the stop, in ATRs. Default 0.1. */
  readonly stopBufferAtr?: number;
  /** Bars in the Wilder ATR behind `currentAtr` and the stop buffer. Default 14. */
  readonly atrPeriod?: number;
}

class SmcState {
  readonly breaks: StructureBreakDetector;
  readonly swings: SwingDetector;
  readonly gaps: FairValueGapDetector;
  readonly blocks: OrderBlockDetector;
  readonly atr: ATR;
  bars = 0;
  lastEntry: string | null = null;
  lastZone: string | null = null;
  constructor(o: { swingLength: number; atrPeriod: number }) {
    this.breaks = new StructureBreakDetector({ length: o.swingLength });
    this.swings = new SwingDetector({ length: o.swingLength });
    this.gaps = new FairValueGapDetector();
    this.blocks = new OrderBlockDetector({ length: o.swingLength });
    this.atr = new ATR(o.atrPeriod);
  }
}

const bullish = (z: SmcZone) => z.kind.endsWith("-bullish");

/**
 * An ICT / Smart Money Concepts strategy, per symbol: it trades with the market structure (the
 * direction of the last break of structure or change of character, from confirmed swings) and enters
 * when price retraces into an unmitigated zone of that direction (a bullish fair value gap or order
 * block in a bullish structure: the bar trades down into the zone, mitigating it, and closes above its
 * bottom) while the bar opens inside a kill zone (New York time). The stop goes beyond the last
 * confirmed swing or the zone, whichever is further, plus `stopBufferAtr` ATRs, and rides on the
 * signal as `stopPrice`, so a risk manager sizes by the real stop (and the engine exits there). It exits
 * when the structure turns against the position. Every input is causal: detectors report structures
 * only once the bars that define them have closed. Works per symbol in multi-symbol runs and inside
 * RegimeGatedStrategy.
 * @example new BacktestEngine({ handlers, strategy: new SmcStrategy({ zones: "fvg" }), riskManager: new PortfolioRiskManager() })
 */
export class SmcStrategy implements Strategy {
  readonly name: string;
  private readonly swingLength: number;
  private readonly zones: "fvg" | "order-block" | "both";
  private readonly killZones: KillZoneLocator | null;
  private readonly allowShort: boolean;
  private readonly stopBufferAtr: number;
  private readonly atrPeriod: number;
  private readonly state: SymbolState<SmcState>;

  constructor(options: SmcStrategyOptions = {}) {
    this.swingLength = check.positiveInteger("swingLength", options.swingLength ?? 5);
    this.zones = check.keyword("zones", options.zones ?? "both", ["fvg", "order-block", "both"] as const);
    if (options.killZones !== undefined && options.killZones !== null && typeof options.killZones !== "object") {
      invalid("killZones", options.killZones, "kill-zone options, or null to trade at any hour");
    }
    this.killZones = options.killZones === null ? null : killZoneLocator(options.killZones);
    this.allowShort = options.allowShort ?? true;
    if (typeof this.allowShort !== "boolean") invalid("allowShort", this.allowShort, "true or false");
    this.stopBufferAtr = check.nonNegative("stopBufferAtr", options.stopBufferAtr ?? 0.1);
    this.atrPeriod = check.positiveInteger("atrPeriod", options.atrPeriod ?? 14);
    const o = { swingLength: this.swingLength, atrPeriod: this.atrPeriod };
    this.state = new SymbolState(() => new SmcState(o));
    this.name = `SMC (swing ${this.swingLength}, ${this.zones === "both" ? "FVG + order blocks" : this.zones === "fvg" ? "FVG" : "order blocks"}, ${this.killZones === null ? "any hour" : "kill zones"}${this.allowShort ? "" : ", long-only"})`;
  }

  calculateSignals(event: MarketEvent, portfolio: PortfolioView): SignalEvent | undefined {
    const bar = event.bar, s = this.state.get(event.symbol);
    s.bars++;
    s.atr.update(bar.high, bar.low, bar.close);
    s.swings.update(bar);
    s.breaks.update(bar);
    s.gaps.update(bar);
    s.blocks.update(bar);
    const direction = s.breaks.direction();
    const held = portfolio.quantity(event.symbol) + portfolio.pendingQuantity(event.symbol);
    if ((held > 0 && direction === "bearish") || (held < 0 && direction === "bullish")) {
      return createSignal(event, "exit", `structure turned ${direction}`);
    }
    if (held !== 0 || direction === "none" || (direction === "bearish" && !this.allowShort)) return undefined;
    const zone = this.killZones === null ? "any" : this.zoneName(bar.tsOpen);
    s.lastZone = zone;
    if (zone === null) return undefined;
    const long = direction === "bullish";
    const touched = this.touchedZones(s).filter((z) => bullish(z) === long && (long ? bar.close > z.bottom : bar.close < z.top));
    if (touched.length === 0) return undefined;
    const z = touched[touched.length - 1]!;
    const atr = s.atr.getResult() ?? 0;
    const swing = long ? s.swings.lastSwings().low : s.swings.lastSwings().high;
    const beyond = long ? Math.min(z.bottom, swing?.bottom ?? z.bottom) : Math.max(z.top, swing?.top ?? z.top);
    const stopPrice = long ? beyond - this.stopBufferAtr * atr : beyond + this.stopBufferAtr * atr;
    if (!(stopPrice > 0) || (long ? stopPrice >= bar.close : stopPrice <= bar.close)) return undefined;
    const reason = `${direction} structure, retrace into ${z.kind} from ${toIso(z.ts)} in ${zone}`;
    s.lastEntry = reason;
    return createSignal(event, long ? "long" : "short", reason, { stopPrice });
  }

  /** The strategy's ATR for a symbol (Wilder), undefined before it has `atrPeriod` bars. */
  currentAtr(symbol: string): number | undefined {
    return this.state.peek(symbol)?.atr.getResult() ?? undefined;
  }

  /** The structure, the open zones and the last entry reason for a symbol, as plain data. */
  inspect(symbol: string): Record<string, unknown> {
    const s = this.state.peek(symbol);
    if (s === undefined) return { symbol, bars: 0 };
    const last = s.breaks.lastBreak();
    return {
      symbol, bars: s.bars, direction: s.breaks.direction(),
      lastBreak: last === null ? null : { kind: last.kind, level: last.top, at: toIso(last.knownAt) },
      openFairValueGaps: s.gaps.activeZones().length, openOrderBlocks: s.blocks.activeZones().length,
      killZone: s.lastZone, atr: s.atr.getResult() ?? null, lastEntry: s.lastEntry,
    };
  }

  reset(): void {
    this.state.clear();
  }

  private zoneName(ts: number): string | null {
    const i = this.killZones!.indexAt(ts);
    return i < 0 ? null : this.killZones!.set.windows[i]!.name;
  }

  private touchedZones(s: SmcState): readonly SmcZone[] {
    if (this.zones === "fvg") return s.gaps.lastMitigated();
    if (this.zones === "order-block") return s.blocks.lastMitigated();
    return [...s.gaps.lastMitigated(), ...s.blocks.lastMitigated()];
  }
}
