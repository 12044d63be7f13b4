/** Signal and order directions, order sides and order types, by their codes in the journal. */
export const DIRECTIONS = ["long", "short", "exit"] as const;
export const SIDES = ["buy", "sell"] as const;
export const ORDER_TYPES = ["market", "stop"] as const;
/** The journal's code of each event type. */
export const TYPE_CODE = { fill: 0, market: 1, signal: 2, order: 3, denied: 4 } as const;

/** Returns a + 4 x b: a code below 4 and a whole number >= 0 in one number (exact below 2^51). */
export const pack2 = (a: number, b: number): number => a + 4 * b;
/** The code below 4 of a packed number (see pack2). */
export const low4 = (packed: number): number => packed % 4;
/** The whole number of a packed number (see pack2). */
export const high4 = (packed: number): number => Math.floor(packed / 4);

/** Returns the code of a signal direction (its index in DIRECTIONS). */
export function directionCode(direction: string): number {
  return direction === "long" ? 0 : direction === "short" ? 1 : direction === "exit" ? 2 : -1;
}

/** Returns the code of an order side (its index in SIDES). */
export function sideCode(side: string): number {
  return side === "buy" ? 0 : side === "sell" ? 1 : -1;
}
