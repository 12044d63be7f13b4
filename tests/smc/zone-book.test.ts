import { describe, expect, it } from "vitest";
import type { SmcZone } from "../../src/smc/smc-structure.js";
import { ZoneBook } from "../../src/smc/zone-book.js";

const zone = (kind: string, knownIndex: number, bottom: number, top: number): SmcZone =>
  ({ kind, ts: knownIndex * 10, knownAt: knownIndex * 10, index: knownIndex, knownIndex, top, bottom, mitigatedAt: null, mitigatedIndex: null });

describe("ZoneBook", () => {
  it("mitigates bullish zones whose top a low reaches and bearish zones whose bottom a high reaches (touch, inclusive)", () => {
    const book = new ZoneBook<SmcZone>("touch");
    book.add(zone("up", 1, 90, 95), true);
    book.add(zone("up", 2, 80, 99), true); // out of threshold order: inserted before the first
    book.add(zone("down", 3, 110, 115), false);
    expect(book.mitigate(109, 96, 40, 4)).toEqual([{ ...zone("up", 2, 80, 99), mitigatedAt: 40, mitigatedIndex: 4 }]);
    expect(book.mitigate(110, 95, 50, 5)!.map((z) => z.kind)).toEqual(["up", "down"]);
    expect(book.active()).toEqual([]);
    expect(book.mitigate(200, 1, 60, 6)).toBeUndefined();
  });

  it("mitigates only when a bar trades through the whole zone under fill, and lists open zones oldest first", () => {
    const book = new ZoneBook<SmcZone>("fill");
    book.add(zone("up", 2, 90, 95), true);
    book.add(zone("down", 1, 110, 115), false);
    expect(book.mitigate(114, 91, 30, 3)).toBeUndefined();
    expect(book.active().map((z) => z.knownIndex)).toEqual([1, 2]);
    expect(book.mitigate(115, 90, 40, 4)!.map((z) => [z.kind, z.mitigatedIndex])).toEqual([["up", 4], ["down", 4]]);
    book.add(zone("up", 5, 1, 2), true);
    book.clear();
    expect(book.active()).toEqual([]);
  });
});
