import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Redraw } from "../../reactive/redraw-timer.js";
import { pageSession } from "./page-session.js";

const { open } = pageSession("out/site-test-multi");

/** Sets the chosen symbols the way a user does: checks and unchecks boxes, then one "input" event. */
async function chooseSymbols(page: Page, symbols: readonly string[]): Promise<void> {
  await page.evaluate((chosen) => {
    const boxes = Array.from(document.querySelectorAll<HTMLInputElement>("#symbols-control input[type=checkbox]"));
    for (const box of boxes) box.checked = chosen.includes(box.parentElement?.textContent?.trim() ?? "");
    boxes[0]!.dispatchEvent(new Event("input", { bubbles: true }));
  }, symbols);
  await page.waitForSelector(`#equity figure[data-symbols="${symbols.join(" ")}"]`, { timeout: 10_000 });
  await page.waitForSelector(`#correlation figure[data-symbols="${symbols.join(" ")}"]`, { timeout: 10_000 });
}

describe("the multi-asset page", () => {
  it("redraws the per-symbol P&L and the correlation heatmap when the chosen symbols change, with no console errors", async () => {
    const { page, errors } = await open("multi-asset.html");
    await page.waitForSelector(`#equity figure[data-symbols="AAA BBB CCC"] svg`, { timeout: 20_000 });
    await page.waitForSelector(`#correlation figure[data-symbols="AAA BBB CCC"] svg`, { timeout: 20_000 });
    const before = { equity: await page.locator("#equity").innerHTML(), correlation: await page.locator("#correlation").innerHTML() };

    const choices = [["AAA", "BBB", "CCC", "DDD", "EEE"], ["AAA", "EEE"], ["BBB", "CCC", "DDD"], ["CCC", "DDD", "EEE"], ["AAA", "BBB", "DDD", "EEE"]];
    for (const symbols of choices) await chooseSymbols(page, symbols);
    expect(await page.locator("#equity").innerHTML()).not.toEqual(before.equity);
    expect(await page.locator("#correlation").innerHTML()).not.toEqual(before.correlation);
    expect(await page.locator("#equity h2").textContent()).toContain("AAA BBB DDD EEE");
    const correlationText = await page.locator("#correlation").textContent();
    for (const symbol of ["AAA", "BBB", "DDD", "EEE"]) expect(correlationText).toContain(symbol);
    expect(correlationText).not.toContain("CCC");

    await page.waitForFunction(() => (window as unknown as { redrawTimer: { redraws: Redraw[] } }).redrawTimer.redraws.length >= 5);
    const redraws = await page.evaluate(() => (window as unknown as { redrawTimer: { redraws: Redraw[] } }).redrawTimer.redraws);
    const ms = (pick: (r: Redraw) => number) => redraws.map(pick).sort((a, b) => a - b);
    const toDom = ms((r) => r.toDomMs);
    const toFrame = ms((r) => r.toFrameMs);
    console.log(
      `multi-asset redraw after an input (${redraws.length} choices, up to 5 symbols x 1000 synthetic bars): ` +
        `to DOM median ${toDom[toDom.length >> 1]!.toFixed(1)} ms (max ${toDom.at(-1)!.toFixed(1)}), ` +
        `to next frame median ${toFrame[toFrame.length >> 1]!.toFixed(1)} ms (max ${toFrame.at(-1)!.toFixed(1)})`,
    );
    expect(redraws.map((r) => r.label)).toEqual(choices.map((c) => c.join(" ")));

    mkdirSync("out/screenshots", { recursive: true });
    await page.screenshot({ path: "out/screenshots/multi-asset.png", fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
