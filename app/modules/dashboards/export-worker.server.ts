import { parentPort } from "node:worker_threads";
import type { WaveAnalytics } from "~/modules/analytics/engine";
import type { ExportFormat } from "./export-formats";
import { exportFile } from "./exports";

/** The export worker's thread: one file at a time, as asked by export-worker-pool.server.ts. */
export type ExportJob = { id: number; analytics: WaveAnalytics; format: ExportFormat };
export type ExportResult = { id: number; text: string } | { id: number; error: string };

parentPort?.on("message", ({ id, analytics, format }: ExportJob) => {
  try {
    parentPort!.postMessage({ id, text: exportFile(analytics, format) } satisfies ExportResult);
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message } satisfies ExportResult);
  }
});
