// Builds the reactive pages (reactive/*.html with their reactive/*.ts) into a static site in out/site:
// the pages, their bundles (everything from node_modules, no CDN) and the data they fetch.
//   npx tsx scripts/build-reactive.ts          build once
//   npx tsx scripts/build-reactive.ts --serve  build, rebuild on change and serve with live reload
import * as esbuild from "esbuild";
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PAGES_DIR = join(ROOT, "reactive");
/** The data files the pages fetch, relative to the repository and to the site. */
const DATA_FILES = ["data/sp500-2000.arrow"];
const LIVE_RELOAD = "new EventSource('/esbuild').addEventListener('change', () => location.reload());";

/** Options of {@link buildReactive}. */
export interface BuildReactiveOptions {
  /** Where the site goes. Default "out/site" in the repository. */
  readonly outDir?: string;
  /** Minify the bundles. Default true. */
  readonly minify?: boolean;
}

/** Returns the names of the pages (reactive/<name>.html with reactive/<name>.ts). */
export function reactivePages(): string[] {
  const files = readdirSync(PAGES_DIR);
  return files.filter((f) => f.endsWith(".html") && files.includes(f.replace(/\.html$/, ".ts"))).map((f) => f.replace(/\.html$/, ""));
}

function buildOptions(outDir: string, minify: boolean, liveReload: boolean): esbuild.BuildOptions {
  return {
    entryPoints: reactivePages().map((page) => join(PAGES_DIR, `${page}.ts`)),
    outdir: outDir,
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    minify,
    sourcemap: true,
    logLevel: "warning",
    banner: liveReload ? { js: LIVE_RELOAD } : undefined,
  };
}

function copyStatic(outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  for (const page of reactivePages()) copyFileSync(join(PAGES_DIR, `${page}.html`), join(outDir, `${page}.html`));
  copyFileSync(join(PAGES_DIR, "page.css"), join(outDir, "page.css"));
  for (const file of DATA_FILES) {
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(outDir, file));
  }
}

/**
 * Returns the site directory after building every reactive page into it (html, bundled js and css,
 * data files).
 * @example await buildReactive({ outDir: "out/site" })
 */
export async function buildReactive(options: BuildReactiveOptions = {}): Promise<string> {
  const outDir = resolve(ROOT, options.outDir ?? "out/site");
  copyStatic(outDir);
  await esbuild.build(buildOptions(outDir, options.minify ?? true, false));
  return outDir;
}

/** Builds, then rebuilds on every source change and serves the site on localhost with live reload. */
async function serveReactive(port: number): Promise<void> {
  const outDir = resolve(ROOT, "out/site");
  copyStatic(outDir);
  // In memory: the bundles served with the live-reload hook never overwrite a static build on disk.
  const context = await esbuild.context({ ...buildOptions(outDir, false, true), write: false });
  await context.watch();
  const { port: actual } = await context.serve({ servedir: outDir, host: "127.0.0.1", port });
  console.log("reactive pages (live reload on source changes; Ctrl-C to stop):");
  for (const page of reactivePages()) console.log(`  http://127.0.0.1:${actual}/${page}.html`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const serve = process.argv.includes("--serve");
  const portArg = process.argv.indexOf("--port");
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 8010;
  if (serve) await serveReactive(port);
  else console.log(`reactive site written to ${await buildReactive()}`);
}
