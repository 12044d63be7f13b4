import { check, invalid } from "../core/check.js";

/** Options of {@link drawdownScaleFactor}. Drawdowns are fractions of the equity peak (0.2 = 20%). */
export interface DrawdownScaleOptions {
  /** Scale factor reached at `floorAt` and kept until `haltAt`, in [0, 1]. Default 0.25 (a quarter size). */
  readonly floor?: number;
  /** Drawdown at which the scale reaches `floor`, in (0, 1]. Default 0.2 (20%). */
  readonly floorAt?: number;
  /** Drawdown at or beyond which new risk halts (scale 0), in [floorAt, 1]. Default 0.3 (30%). */
  readonly haltAt?: number;
}

/** Drawdown scale options with every default filled in. */
export type ResolvedDrawdownScaleOptions = Required<DrawdownScaleOptions>;

/**
 * Returns the drawdown scale options with defaults filled in, after checking them; throws
 * InvalidOptionError naming the option.
 * @example resolveDrawdownScaleOptions({ haltAt: 0.4 }); // { floor: 0.25, floorAt: 0.2, haltAt: 0.4 }
 */
export function resolveDrawdownScaleOptions(options: DrawdownScaleOptions = {}): ResolvedDrawdownScaleOptions {
  const floor = check.fraction("floor", options.floor ?? 0.25);
  const floorAt = options.floorAt ?? 0.2;
  if (typeof floorAt !== "number" || !(floorAt > 0 && floorAt <= 1)) invalid("floorAt", floorAt, "a drawdown in (0, 1]", "pass a fraction of the peak, e.g. 0.2 for 20%");
  const haltAt = options.haltAt ?? Math.max(0.3, floorAt);
  if (typeof haltAt !== "number" || !(haltAt >= floorAt && haltAt <= 1)) {
    invalid("haltAt", haltAt, `a drawdown in [floorAt, 1] = [${floorAt}, 1]`, "the halt comes at or after the floor; pass 1 to never halt");
  }
  return { floor, floorAt, haltAt };
}

/**
 * Returns the factor (0-1) by which new risk is scaled at a drawdown from the equity peak: 1 at no
 * drawdown, falling linearly to `floor` at `floorAt`, held at `floor` until `haltAt`, and 0 (halt: no
 * new risk) at or beyond `haltAt`. Non-increasing in the drawdown. Throws InvalidOptionError for a
 * drawdown that is negative or not a number, or for invalid options.
 * @see Vince, R. (1990). Portfolio Management Formulas (shrinking the bet as equity falls from its peak).
 * @example
 * drawdownScaleFactor(0.1); // 1 - (1 - 0.25) x 0.1 / 0.2 = 0.625
 * drawdownScaleFactor(0.35); // 0 (halted)
 */
export function drawdownScaleFactor(drawdown: number, options: DrawdownScaleOptions = {}): number {
  return scaleAt(drawdown, resolveDrawdownScaleOptions(options));
}

/** The scale at `drawdown` for resolved options (no option checks: for callers that resolved them once). */
export function scaleAt(drawdown: number, o: ResolvedDrawdownScaleOptions): number {
  if (typeof drawdown !== "number" || !(drawdown >= 0)) invalid("drawdown", drawdown, "a fraction of the peak >= 0", "compute it as (peak - equity) / peak");
  if (drawdown >= o.haltAt) return 0;
  if (drawdown >= o.floorAt) return o.floor;
  return Math.max(o.floor, 1 - ((1 - o.floor) * drawdown) / o.floorAt);
}
