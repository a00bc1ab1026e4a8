import type { Db } from "~/db.server";
import type { WaveAnalytics } from "~/modules/analytics/engine";
import { rosterVersion } from "~/modules/people/roster-version.server";
import type { Dashboard } from "./dashboard.server";
import type { ExportFormat } from "./export-formats";
import { exportFile } from "./exports";
import { namedPeopleKeys } from "./person-keys.server";

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

/**
 * A member's export of a wave, written once per snapshot, scope and naming and kept with that
 * view; people.csv carries today's emails too, so it is kept per roster version as well.
 */
export async function keptExportFile(db: Db, dashboard: Dashboard & { analytics: WaveAnalytics }, format: ExportFormat): Promise<string> {
  const { analytics, member } = dashboard;
  const size = (text: string) => 2 * text.length;
  if (format !== "people.csv") return dashboard.derive(`export:${format}`, () => writeExport(analytics, format), size);
  const roster = await rosterVersion(db, member.orgId);
  return dashboard.derive(`export:${format}:${roster}`, async () => exportFile(analytics, format, await namedPeopleKeys(db, member.orgId, analytics.people)), size);
}
