/**
 * Returns a path of dependencies from `start` back to itself, e.g. `["a", "b", "a"]` when `a` reads
 * `b` and `b` reads `a`, or undefined when `start` does not depend on itself.
 * @example findCycle("a", (name) => ({ a: ["b"], b: ["a"] })[name] ?? []) // ["a", "b", "a"]
 */
export function findCycle(start: string, dependsOn: (name: string) => Iterable<string>): string[] | undefined {
  const seen = new Set<string>();
  const walk = (name: string, path: readonly string[]): string[] | undefined => {
    for (const dep of dependsOn(name)) {
      if (dep === start) return [...path, dep];
      if (seen.has(dep)) continue;
      seen.add(dep);
      const found = walk(dep, [...path, dep]);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(start, [start]);
}
