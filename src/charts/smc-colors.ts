/**
 * The colors of the Smart Money Concepts overlays, for legends that name them: bullish structures
 * green, bearish red (as buy and sell fills), swings dark gray, liquidity (equal levels, sweeps) magenta.
 */
export const SMC_COLORS = { bullish: "#1a9850", bearish: "#d73027", swing: "#374151", liquidity: "#c51b7d" } as const;

/** Pale fills of the default kill zones (see DEFAULT_KILL_ZONES), chosen to stay apart from green and red. */
export const KILL_ZONE_COLORS: Readonly<Record<string, string>> = {
  asian: "#9ecae1",
  "london-open": "#fdae6b",
  "new-york-open": "#bcbddc",
  "london-close": "#fed976",
};

/** Fills for kill zones with other names, in turn. */
const MORE = ["#c7e9c0", "#fcbba1", "#d9d9d9", "#f1b6da", "#b3de69"];

/**
 * Returns the fill of each kill-zone name, in order: KILL_ZONE_COLORS for the default names, then pale
 * colors in turn for others.
 * @example killZoneColors(["asian", "london-open"]) // ["#9ecae1", "#fdae6b"]
 */
export function killZoneColors(names: readonly string[]): string[] {
  let k = 0;
  return names.map((name) => (Object.prototype.hasOwnProperty.call(KILL_ZONE_COLORS, name) ? KILL_ZONE_COLORS[name]! : MORE[k++ % MORE.length]!));
}
