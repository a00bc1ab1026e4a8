import type { WaveAnalytics } from "~/modules/analytics/engine";
import type { ExportFormat } from "./export-formats";
import { exportFile } from "./exports";

/**
 * Export files written away from the thread that answers requests. A GEXF or GraphML file of
 * 30,000 people takes seconds to write; written here, every other user of the instance would wait
 * behind it. The server starts a worker (export-worker-pool.server.ts) and leaves it here; without
 * one (tests, scripts), or if the worker fails, the file is written in place, so a download never
 * fails for want of a worker.
 */
export type ExportWriter = (analytics: WaveAnalytics, format: ExportFormat) => Promise<string>;

export type GlobalWithExportWriter = typeof globalThis & { __earnedExportWriter?: ExportWriter };

export async function writeExport(analytics: WaveAnalytics, format: ExportFormat): Promise<string> {
  const writer = (globalThis as GlobalWithExportWriter).__earnedExportWriter;
  if (!writer) return exportFile(analytics, format);
  try {
    return await writer(analytics, format);
  } catch (error) {
    console.error(`Export worker: ${(error as Error).message}; writing ${format} in place.`);
    return exportFile(analytics, format);
  }
}
