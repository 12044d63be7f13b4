/**
 * Returns a deep copy of plain data in which every number that JSON cannot carry (NaN, ±Infinity)
 * is null and -0 is 0, so that `JSON.parse(JSON.stringify(x))` deep-equals the result.
 */
export function jsonSafe<T>(value: T): T {
  if (typeof value === "number") return (Number.isFinite(value) ? value + 0 : null) as T;
  if (Array.isArray(value)) return value.map(jsonSafe) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = jsonSafe(v);
    return out as T;
  }
  return value;
}
