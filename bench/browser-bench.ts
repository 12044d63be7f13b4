// Browser benchmark (issue 7): the redraw time of each reactive page in headless Debian chromium, from
// the "input" event of its first control to the new chart in the document (window.redrawTimer, see
// reactive/redraw-timer.ts). Builds the site into out/site-bench and serves it like the page tests do.
import { existsSync } from "node:fs";
import { chromium, type Page } from "playwright-core";
import { buildReactive, reactivePages } from "../scripts/build-reactive.js";
import type { Redraw } from "../reactive/redraw-timer.js";
import { serveStatic } from "../tests/browser/static-server.js";
import type { BenchRow } from "./harness.js";

const CHROMIUM = "/usr/bin/chromium";
const SITE = "out/site-bench";
const MOVES = 10;
const TARGET_MS = 100;

type TimedWindow = { redrawTimer?: { redraws: Redraw[] } };

/** Moves the page's first control once (a slider to its next value, a checkbox toggled) and fires "input". */
async function moveFirstControl(page: Page, move: number): Promise<string> {
  return page.evaluate((k) => {
    const control = document.querySelector('[id$="-control"]')!;
    const input = control.querySelector<HTMLInputElement>("input[type=range]") ?? control.querySelector<HTMLInputElement>("input")!;
    if (input.type === "checkbox" || input.type === "radio") {
      input.checked = !input.checked;
    } else {
      const min = Number(input.min || 0), max = Number(input.max || 100), step = Number(input.step) || (max - min) / 10;
      const values = [...new Set(Array.from({ length: 10 }, (_, i) => min + Math.round(((max - min) * i) / 9 / step) * step))];
      const others = values.filter((v) => String(v) !== input.value);
      input.value = String(others[k % others.length]);
    }
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return `${control.id} ${input.type}`;
  }, move);
}

/** Opens one page, moves its first control MOVES times and returns the measured redraws. */
async function measurePage(page: Page, url: string): Promise<{ control: string; redraws: Redraw[] }> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as TimedWindow).redrawTimer !== undefined && document.querySelector("figure svg, svg") !== null, null, { timeout: 30_000 });
  let control = "";
  for (let k = 0; k < MOVES; k++) {
    control = await moveFirstControl(page, k);
    await page.waitForFunction((n) => (window as unknown as TimedWindow).redrawTimer!.redraws.length > n, k, { timeout: 15_000 });
  }
  const redraws = await page.evaluate(() => (window as unknown as TimedWindow).redrawTimer!.redraws);
  return { control, redraws };
}

/** Returns one row per reactive page: median and max ms from a control's "input" event to the new chart. */
export async function runBrowserBench(): Promise<BenchRow[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: run \`npm run setup\` (as root it installs Debian's chromium)`);
  await buildReactive({ outDir: SITE });
  const server = await serveStatic(SITE);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-background-networking"] });
  const rows: BenchRow[] = [];
  try {
    for (const name of reactivePages()) {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const { control, redraws } = await measurePage(page, `${server.url}/${name}.html`);
      await page.close();
      const toDom = redraws.map((r) => r.toDomMs).sort((a, b) => a - b);
      const toFrame = redraws.map((r) => r.toFrameMs).sort((a, b) => a - b);
      const median = toDom[toDom.length >> 1]!;
      const max = toDom.at(-1)!;
      rows.push({
        suite: "browser",
        case: `${name} redraw (${control})`,
        items: redraws.length,
        unit: "redraws",
        seconds: median / 1000,
        perSecond: 1000 / median,
        target: `<= ${TARGET_MS} ms`,
        met: median <= TARGET_MS,
        note: `median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms; to next frame median ${toFrame[toFrame.length >> 1]!.toFixed(1)} ms`,
        extra: { medianMs: median, maxMs: max, medianToFrameMs: toFrame[toFrame.length >> 1]!, maxToFrameMs: toFrame.at(-1)! },
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
