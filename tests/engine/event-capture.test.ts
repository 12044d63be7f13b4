import { describe, expect, it } from "vitest";
import { EventCapture } from "../../src/engine/event-capture.js";

describe("EventCapture", () => {
  it("keeps everything up to its capacity", () => {
    const capture = new EventCapture<number>(5);
    [1, 2, 3].forEach((x) => capture.push(x));
    expect(capture.drain()).toEqual({ events: [1, 2, 3], dropped: 0 });
  });

  it("keeps the most recent events in order and counts the dropped ones", () => {
    const capture = new EventCapture<number>(3);
    for (let i = 1; i <= 10; i++) capture.push(i);
    expect(capture.drain()).toEqual({ events: [8, 9, 10], dropped: 7 });
    expect(capture.drain()).toEqual({ events: [], dropped: 0 });
  });

  it("drops everything with capacity 0", () => {
    const capture = new EventCapture<number>(0);
    capture.push(1);
    expect(capture.drain()).toEqual({ events: [], dropped: 1 });
  });
});
