/**
 * Returns the dates of two instants as "2024-01-02 to 2024-06-28 (UTC)", one date when both fall on
 * the same UTC day, or undefined when either is not a finite time.
 * @example utcDateRange(Date.UTC(2024, 0, 2), Date.UTC(2024, 5, 28)) // "2024-01-02 to 2024-06-28 (UTC)"
 */
export function utcDateRange(first: number, last: number): string | undefined {
  if (!Number.isFinite(first) || !Number.isFinite(last)) return undefined;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return day(first) === day(last) ? `${day(first)} (UTC)` : `${day(first)} to ${day(last)} (UTC)`;
}
