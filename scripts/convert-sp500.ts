/**
 * Writes data/sp500-2000.arrow from data/sp500-2000.csv (daily S&P 500 bars from the npm package
 * vega-datasets). Re-runnable: the same CSV always gives the same bytes.
 * Run: npx tsx scripts/convert-sp500.ts
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadBars } from "../src/node/load-bars.js";
import { saveBarsArrow } from "../src/node/save-bars.js";

const CSV = "data/sp500-2000.csv";
const ARROW = "data/sp500-2000.arrow";
// Git blob SHA-1 of sp500-2000.csv as listed in vega-datasets 3.2.1 datapackage.json ("hash" field).
const EXPECTED_BLOB_SHA1 = "b82f20656d0521801db7c5599a6c990415a8aaff";

const csv = readFileSync(CSV);
const blobSha1 = createHash("sha1").update(`blob ${csv.byteLength}\0`).update(csv).digest("hex");
if (blobSha1 !== EXPECTED_BLOB_SHA1) {
  throw new Error(`${CSV} differs from vega-datasets 3.2.1 (git blob sha1 ${blobSha1}, expected ${EXPECTED_BLOB_SHA1}); copy it again from node_modules/vega-datasets/data/`);
}

const { table, repairs } = loadBars(CSV, {
  symbol: "SPX",
  timeZone: "America/New_York",
  interval: "1d",
  session: { open: "09:30", close: "16:00" },
});
if (repairs.length > 0) throw new Error(`unexpected repairs: ${JSON.stringify(repairs)}`);
saveBarsArrow(ARROW, table);
const sha256 = createHash("sha256").update(readFileSync(ARROW)).digest("hex");
console.log(`${ARROW}: ${table.numRows} bars, sha256 ${sha256}`);
