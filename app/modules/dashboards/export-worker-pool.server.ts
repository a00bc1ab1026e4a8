import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ExportFormat } from "./export-formats";
import type { ExportJob, ExportResult } from "./export-worker.server";
import type { ExportWriter, GlobalWithExportWriter } from "./export-writer.server";
import type { WaveAnalytics } from "~/modules/analytics/engine";

/**
 * The worker runs this module's TypeScript sibling, so it first registers tsx's loader in its own
 * thread (an `--import` flag given to a worker is not applied on Node 20).
 */
const require = createRequire(import.meta.url);
const tsxApi = pathToFileURL(path.join(path.dirname(require.resolve("tsx/package.json")), (require("tsx/package.json") as TsxPackage).exports["./esm/api"].import.default));
const WORKER_BOOTSTRAP = `import(${JSON.stringify(tsxApi.href)}).then(({ register }) => { register(); return import(${JSON.stringify(new URL("./export-worker.server.ts", import.meta.url).href)}); })`;
type TsxPackage = { exports: Record<"./esm/api", { import: { default: string } }> };

/**
 * One worker thread that writes export files, started with the server (never bundled: it names
 * its worker's source file). Files wait their turn; a worker that dies fails what it held (the
 * caller then writes those in place) and the next file starts a new one.
 */
export function startExportWorker(): { write: ExportWriter; stop: () => Promise<void> } {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();

  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
    worker = undefined;
  };
  const spawn = () => {
    const started = new Worker(WORKER_BOOTSTRAP, { eval: true });
    started.on("message", (result: ExportResult) => {
      const job = pending.get(result.id);
      pending.delete(result.id);
      if ("text" in result) job?.resolve(result.text);
      else job?.reject(new Error(result.error));
    });
    started.on("error", failAll);
    started.on("exit", (code) => worker === started && failAll(new Error(`the export worker stopped (${code})`)));
    // An idle worker must not keep the process alive at shutdown.
    started.unref();
    return started;
  };

  const write: ExportWriter = (analytics: WaveAnalytics, format: ExportFormat) =>
    new Promise<string>((resolve, reject) => {
      worker ??= spawn();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, analytics, format } satisfies ExportJob);
    });
  const global = globalThis as GlobalWithExportWriter;
  global.__earnedExportWriter = write;
  /** Files are written in place again; any the worker held fail, and their callers write them in place. */
  const stop = async () => {
    if (global.__earnedExportWriter === write) global.__earnedExportWriter = undefined;
    const stopping = worker;
    failAll(new Error("the export worker was stopped"));
    await stopping?.terminate();
  };
  return { write, stop };
}
