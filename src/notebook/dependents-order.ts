/**
 * Returns every name downstream of `start` (not `start` itself), each once, ordered so that each
 * comes after all the names it depends on; independent names keep the order `dependentsOf` gives.
 * A cycle cannot make it loop: a name already placed is not visited again.
 * @example dependentsOrder("a", (n) => ({ a: ["b", "c"], b: ["d"], c: ["d"] })[n] ?? []) // ["b", "c", "d"]
 */
export function dependentsOrder(start: string, dependentsOf: (name: string) => Iterable<string>): string[] {
  const seen = new Set<string>([start]);
  const finished: string[] = [];
  const visit = (name: string): void => {
    // Visited last-first so that, once reversed, siblings come out in their given order.
    for (const next of [...dependentsOf(name)].reverse()) {
      if (seen.has(next)) continue;
      seen.add(next);
      visit(next);
      finished.push(next);
    }
  };
  visit(start);
  return finished.reverse();
}
