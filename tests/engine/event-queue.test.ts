import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventQueue } from "../../src/engine/event-queue.js";

describe("EventQueue", () => {
  it("gives items back first in, first out across growth and wrap-around", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.constant("take" as const)), { maxLength: 200 }), (ops) => {
        const queue = new EventQueue<number>();
        const model: number[] = [];
        for (const op of ops) {
          if (op === "take") {
            if (model.length === 0) continue;
            expect(queue.take()).toBe(model.shift());
          } else {
            queue.push(op);
            model.push(op);
          }
          expect(queue.size).toBe(model.length);
          expect(queue.isEmpty).toBe(model.length === 0);
        }
        expect(queue.toArray()).toEqual(model);
      }),
    );
  });

  it("empties on clear", () => {
    const queue = new EventQueue<string>();
    queue.push("a");
    queue.clear();
    expect(queue.isEmpty).toBe(true);
    expect(queue.toArray()).toEqual([]);
  });
});
