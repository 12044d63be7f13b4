import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pageSession } from "./page-session.js";
import { readRedraws } from "./redraw-times.js";

const { open } = pageSession("out/site-test");

/** Moves the threshold slider the way a user does: a new value and an "input" event; returns the ms until every cell shows it. */
async function moveThreshold(page: Page, value: number): Promise<number> {
  const start = Date.now();
  await page.evaluate((v) => {
    const slider = document.querySelector<HTMLInputElement>("#threshold-control input[type=range]")!;
    slider.value = String(v);
    slider.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
  await page.waitForSelector(`#chart figure[data-threshold="${value}"]`, { timeout: 10_000 });
  await page.waitForSelector(`#confusion section[data-threshold="${value}"] table`, { timeout: 10_000 });
  await page.waitForSelector(`#gated section[data-threshold="${value}"] table`, { timeout: 10_000 });
  return Date.now() - start;
}

describe("the regime explorer page", () => {
  it("redraws the regime chart when the ADX threshold moves, with no console errors", async () => {
    const { page, errors } = await open("regime-explorer.html");
    await page.waitForSelector(`#chart figure[data-threshold="25"] svg`, { timeout: 20_000 });
    const before = await page.locator("#chart").innerHTML();
    expect(await page.locator("#chart h2").textContent()).toContain("ADX threshold 25");

    await page.waitForSelector(`#confusion section[data-threshold="25"] table`, { timeout: 20_000 });
    await page.waitForSelector(`#gated section[data-threshold="25"] table`, { timeout: 20_000 });
    const confusionBefore = await page.locator("#confusion").innerHTML();
    const gatedBefore = await page.locator("#gated").innerHTML();

    const allCells: number[] = [];
    for (const value of [35, 15, 45, 20, 30]) allCells.push(await moveThreshold(page, value));
    const after = await page.locator("#chart").innerHTML();
    expect(after).not.toEqual(before);
    expect(await page.locator("#chart h2").textContent()).toContain("ADX threshold 30");
    expect(await page.locator("#chart svg").count()).toBeGreaterThan(0);

    // the confusion matrix: scores, and a 4 x 4 table of counts (rows true, columns predicted)
    expect(await page.locator("#confusion .scores").textContent()).toMatch(/accuracy [\d.]+ %, balanced accuracy [\d.]+ %, majority rate [\d.]+ %/);
    expect(await page.locator("#confusion thead th").allTextContents()).toEqual(["true \\ predicted", "trending-up", "trending-down", "ranging", "high-volatility"]);
    expect(await page.locator("#confusion tbody tr").count()).toBe(4);
    expect(await page.locator("#confusion").innerHTML()).not.toEqual(confusionBefore);
    // the gated backtest: both strategies, four metrics each
    expect(await page.locator("#gated thead th").allTextContents()).toEqual(["strategy", "total return", "Sharpe", "max drawdown", "trades"]);
    expect(await page.locator("#gated tbody th").allTextContents()).toEqual(["SMA cross alone", "regime-gated"]);
    expect(await page.locator("#gated tbody td").count()).toBe(8);
    expect(await page.locator("#gated").innerHTML()).not.toEqual(gatedBefore);

    const { redraws, timing } = await readRedraws(page);
    console.log(
      `regime explorer redraw after an input (${redraws.length} moves, S&P 500 daily): ` +
        `${timing}; ` +
        `all cells (chart, confusion matrix, gated backtest) seen by the test: median ${[...allCells].sort((a, b) => a - b)[allCells.length >> 1]} ms (max ${Math.max(...allCells)})`,
    );
    expect(redraws.map((r) => r.label)).toEqual(["threshold 35, realized", "threshold 15, realized", "threshold 45, realized", "threshold 20, realized", "threshold 30, realized"]);

    mkdirSync("out/screenshots", { recursive: true });
    await page.screenshot({ path: "out/screenshots/regime-explorer.png", fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
