import { formatCount } from "../core/format-number.js";

/** Where a progress line is written: a stream with write() (process.stderr). */
export interface ProgressStream {
  write(text: string): unknown;
}

/**
 * Returns a progress reporter for long command-line runs: `update()` rewrites one line on the stream
 * ("backtest  42%  2,143,000 / 5,100,000 bars  at 2013-05-02"), and `done()` ends it with a newline.
 * On a terminal the line is redrawn in place with "\r"; elsewhere (a log file) each update is its own
 * line, so logs stay readable.
 * @example const progress = progressLine(process.stderr, "backtest", process.stderr.isTTY);
 */
export function progressLine(stream: ProgressStream, label: string, inPlace: boolean, unit = "bars") {
  let shown = false;
  return {
    update(done: number, total: number, at: string | null): void {
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      const text = `${label} ${String(percent).padStart(3)}%  ${formatCount(done)} / ${formatCount(total)} ${unit}${at === null ? "" : `  at ${at.slice(0, 10)}`}`;
      stream.write(inPlace ? `\r${text}` : `${text}\n`);
      shown = true;
    },
    done(): void {
      if (shown && inPlace) stream.write("\n");
      shown = false;
    },
  };
}
