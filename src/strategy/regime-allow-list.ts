import { invalid } from "../core/check.js";
import { isRegime, REGIMES, type Regime } from "../regime/regimes.js";

/**
 * The regimes in which a gate lets entries through: one list for long and short entries alike, or a
 * list per direction (a direction left out gets none, e.g. `{ long: ["trending-up"] }` lets no short
 * through).
 */
export type RegimeAllowList = readonly Regime[] | { readonly long?: readonly Regime[]; readonly short?: readonly Regime[] };

/** An allow list checked and split by direction. */
export interface ResolvedAllowList {
  readonly long: readonly Regime[];
  readonly short: readonly Regime[];
}

const checkList = (name: string, list: unknown): Regime[] => {
  if (!Array.isArray(list)) return invalid(name, list, `an array of regimes (${REGIMES.join(", ")})`);
  list.forEach((r, i) => {
    if (!isRegime(r)) invalid(`${name}[${i}]`, r, `one of ${REGIMES.join(", ")}`, "regimes are lower-case, e.g. \"trending-up\"");
  });
  return REGIMES.filter((r) => (list as unknown[]).includes(r));
};

/**
 * Returns an allow list checked and split by direction, each in REGIMES order without duplicates.
 * Throws InvalidOptionError naming an unknown regime.
 * @example resolveAllowList(["trending-up"]) // { long: ["trending-up"], short: ["trending-up"] }
 */
export function resolveAllowList(allow: RegimeAllowList): ResolvedAllowList {
  if (Array.isArray(allow)) {
    const list = checkList("allow", allow);
    return { long: list, short: list };
  }
  if (allow === null || typeof allow !== "object") return invalid("allow", allow, "an array of regimes or { long?: Regime[], short?: Regime[] }");
  const byDirection = allow as { long?: unknown; short?: unknown };
  for (const key of Object.keys(byDirection)) {
    if (key !== "long" && key !== "short") invalid("allow", key, "the keys long and short", "exits are not gated by the allow list (see gateExits)");
  }
  return {
    long: byDirection.long === undefined ? [] : checkList("allow.long", byDirection.long),
    short: byDirection.short === undefined ? [] : checkList("allow.short", byDirection.short),
  };
}
