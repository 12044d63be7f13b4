const PLOT_ID = /\bplot-(clip|pattern|marker)-(\d+)\b/g;

/** FNV-1a, 32 bits: a short stable digest of the chart's markup. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * Returns SVG markup with Observable Plot's generated ids (`plot-clip-N`, `plot-pattern-N`,
 * `plot-marker-N`, numbered by a process-wide counter) renamed so the same chart always gets the same
 * ids, and different charts different ones: `rl-<digest>-clip-1`, ... where the digest is taken from
 * the markup after renumbering from 1. Charts shown side by side in one page thus never share an id.
 * @example normalizeIds('<clipPath id="plot-clip-7"/>') // '<clipPath id="rl-…-clip-1"/>'
 */
export function normalizeIds(svg: string): string {
  const seen = new Map<string, string>();
  const counts = { clip: 0, pattern: 0, marker: 0 };
  const renumbered = svg.replace(PLOT_ID, (id, kind: keyof typeof counts) => {
    let next = seen.get(id);
    if (next === undefined) {
      next = `plot-${kind}-${++counts[kind]}`;
      seen.set(id, next);
    }
    return next;
  });
  if (seen.size === 0) return renumbered;
  const prefix = `rl-${digest(renumbered)}-`;
  return renumbered.replace(PLOT_ID, (_id, kind: string, n: string) => `${prefix}${kind}-${n}`);
}
