import * as arrow from "apache-arrow";

/** One step of a hand-made risk timeline, in the columns PortfolioRiskManager.riskTable() documents. */
export interface RiskRow {
  readonly ts: number;
  readonly day: string;
  readonly equity: number;
  readonly heat: number;
  readonly dailyRiskUsed: number;
}

/**
 * Returns a risk timeline as an Arrow table with the columns of riskTable(): ts (epoch ms UTC), equity,
 * peakEquity, drawdown (a fraction, positive below the peak unless `negativeDrawdown`), scale (linear from
 * 1 at 0% to 0.25 at 20%, 0 from 30%), heat, maxHeat (6%), dailyRiskUsed, dailyRiskLimit (2%) and day.
 */
export function riskTableOf(rows: readonly RiskRow[], options: { negativeDrawdown?: boolean } = {}): arrow.Table {
  let peak = -Infinity;
  const peaks = rows.map((r) => (peak = Math.max(peak, r.equity)));
  const drawdown = rows.map((r, i) => (peaks[i]! - r.equity) / peaks[i]!);
  const scale = drawdown.map((d) => (d >= 0.3 ? 0 : d >= 0.2 ? 0.25 : 1 - (0.75 * d) / 0.2));
  return arrow.tableFromArrays({
    ts: Float64Array.from(rows, (r) => r.ts),
    equity: Float64Array.from(rows, (r) => r.equity),
    peakEquity: Float64Array.from(peaks),
    drawdown: Float64Array.from(drawdown, (d) => (options.negativeDrawdown ? -d : d)),
    scale: Float64Array.from(scale),
    heat: Float64Array.from(rows, (r) => r.heat),
    maxHeat: Float64Array.from(rows, () => 0.06),
    dailyRiskUsed: Float64Array.from(rows, (r) => r.dailyRiskUsed),
    dailyRiskLimit: Float64Array.from(rows, () => 0.02),
    day: rows.map((r) => r.day),
  });
}

/**
 * Returns `days` trading days (weekdays from 2024-01-02) of `perDay` steps each, New York closes at
 * 15:00, 15:30 and 16:00 local: equity follows a deterministic wave with a 25% drawdown in the middle,
 * heat oscillates and touches 7% once, and the daily risk used climbs within each day to 0.5%-2%.
 */
export function sampleRiskRows(days = 30, perDay = 3): RiskRow[] {
  const rows: RiskRow[] = [];
  let d = 0;
  for (let k = 0; rows.length < days * perDay; k++) {
    const date = new Date(Date.UTC(2024, 0, 2 + k));
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    const day = date.toISOString().slice(0, 10);
    const peakOfDay = [0.004, 0.009, 0.013, 0.017, 0.02][d % 5]!;
    for (let j = 0; j < perDay; j++) {
      const t = rows.length;
      const dip = Math.max(0, 1 - Math.abs(t - days * perDay * 0.5) / (days * perDay * 0.25));
      rows.push({
        ts: date.getTime() + (20 + j * 0.5) * 3_600_000,
        day,
        equity: 100_000 * (1 + 0.002 * t) * (1 - 0.25 * dip) * (1 + 0.01 * Math.sin(t)),
        heat: t === Math.floor(days * perDay * 0.2) ? 0.07 : 0.03 + 0.025 * Math.sin(t / 4) ** 2,
        dailyRiskUsed: (peakOfDay * (j + 1)) / perDay,
      });
    }
    d++;
  }
  return rows;
}
