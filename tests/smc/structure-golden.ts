// The hand-built sequence of the structure-break and order-block tests, swing length 1
// ([high, low, open, close]). Swings (a high above both neighbours, a low below both, known one bar later):
// highs at 1 (12), 5 (14), 8 (13.5), 12 (11); lows at 3 (9), 7 (10.5), 11 (8), 13 (7.5).
// Breaks by close:
//  - bar 4 closes 12.4 above swing high 1 (12): the first break, a BOS (bullish);
//  - swing low 7 (10.5, known at 8) replaced swing low 3; bar 9 closes 10 below it: a CHoCH (bearish);
//  - swing low 11 (8, known at 12); bar 13 closes 7.8 below it: a BOS (bearish);
//  - swing high 12 (11, known at 13) replaced the unbroken 8 (13.5); bar 14 closes 11.8 above it: a CHoCH (bullish).
// Order blocks (the last opposite candle from the move's extreme to the bar before the break):
//  - break at 4 of high 1: lowest low after bar 1 is bar 3 (9), bearish (11 -> 9.2): block [9, 11.5];
//  - break at 9 of low 7: highest high after bar 7 is bar 8 (13.5), bullish (11.2 -> 12): block [11, 13.5];
//  - break at 13 of low 11: bar 12 (11), bullish (8.6 -> 10.5): block [8.5, 11];
//  - break at 14 of high 12: bar 13 (7.5), bearish (9.8 -> 7.8): block [7.5, 10].
import { handBars } from "./smc-bars.js";

export const STRUCTURE_GOLDEN = handBars([
  [10, 9, 9.2, 9.5], [12, 10, 10.5, 11], [11, 9.5, 10.8, 10], [11.5, 9, 11, 9.2], [12.5, 10, 10.2, 12.4],
  [14, 12, 12.5, 13.5], [13, 11, 12.8, 11.5], [12, 10.5, 11.6, 11], [13.5, 11, 11.2, 12], [12, 9.5, 11.8, 10],
  [11, 9, 10, 9.5], [10.5, 8, 9.5, 8.5], [11, 8.5, 8.6, 10.5], [10, 7.5, 9.8, 7.8], [12, 9, 9.2, 11.8],
]);
