/**
 * Returns an instant as "2024-03-05 14:15 UTC", the same on every machine, or "open" for null or NaN
 * (a zone not yet mitigated).
 * @example utcMinute(Date.UTC(2024, 2, 5, 14, 15)) // "2024-03-05 14:15 UTC"
 */
export function utcMinute(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "open";
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
