import { check } from "../core/check.js";

/**
 * Returns the Kelly fraction f* = W - (1 - W) / R: the share of capital to risk per bet that maximizes
 * the expected logarithm of wealth, for bets won with probability W (win rate, 0-1) that pay R times
 * what they lose (payoff ratio, average win / |average loss|). A negative value means the edge is
 * negative: do not bet. It is an estimate from past trades and the full-Kelly bet is very volatile;
 * practitioners bet a fraction of it (e.g. half Kelly). Throws InvalidOptionError for W outside [0, 1]
 * or R not positive.
 * @see Kelly, J. L. (1956). A New Interpretation of Information Rate. Bell System Technical Journal 35(4), 917-926.
 * @see Thorp, E. O. (2006). The Kelly Criterion in Blackjack, Sports Betting and the Stock Market.
 *   Handbook of Asset and Liability Management, vol. 1 (f* = p - q / b).
 * @example kellyFraction(0.5, 2) // 0.5 - 0.5 / 2 = 0.25
 */
export function kellyFraction(winRate: number, payoffRatio: number): number {
  check.fraction("winRate", winRate);
  check.positive("payoffRatio", payoffRatio);
  return winRate - (1 - winRate) / payoffRatio;
}
