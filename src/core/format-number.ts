/**
 * Returns a number as text the same way on every machine, whatever its locale: integers in full,
 * other values rounded to `significantDigits` (default 8) without trailing zeros, and "NaN",
 * "Infinity", "-Infinity" as such. Exponent notation appears only beyond 1e21 or below 1e-6.
 * @example formatNumber(4512.2500001) // "4512.25"
 */
export function formatNumber(value: number, significantDigits = 8): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(significantDigits)));
}

/**
 * Returns a count with commas between groups of three digits, independent of the locale.
 * @example formatCount(5104) // "5,104"
 */
export function formatCount(value: number): string {
  if (!Number.isSafeInteger(value)) return String(value);
  const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return value < 0 ? `-${digits}` : digits;
}
