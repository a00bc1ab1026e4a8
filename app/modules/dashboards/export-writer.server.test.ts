import { afterEach, describe, expect, it } from "vitest";
import { computeWaveAnalytics } from "~/modules/analytics/engine";
import { smallOrg } from "~/modules/analytics/fixtures/small-org";
import { startExportWorker } from "./export-worker-pool.server";
import { writeExport } from "./export-writer.server";
import { exportFile, type ExportFormat } from "./exports";

const analytics = computeWaveAnalytics(smallOrg());
const formats: ExportFormat[] = ["network.gexf", "network.graphml", "groups.csv", "edges.csv", "flows.csv"];
let stop: (() => Promise<void>) | undefined;
afterEach(async () => stop?.());

describe("export files written by the worker thread", () => {
  it("are the files written in place, byte for byte", async () => {
    const worker = startExportWorker();
    stop = worker.stop;
    for (const format of formats) {
      const text = await writeExport(analytics, format);
      expect(text.split("\n").length, format).toBeGreaterThan(1);
      expect(text, format).toBe(exportFile(analytics, format));
    }
  });

  it("are still written, in place, when the worker goes away mid-file; the next start serves again", async () => {
    const worker = startExportWorker();
    const asked = writeExport(analytics, "network.gexf");
    await worker.stop();
    expect(await asked).toBe(exportFile(analytics, "network.gexf"));
    const again = startExportWorker();
    stop = again.stop;
    expect(await again.write(analytics, "network.graphml")).toBe(exportFile(analytics, "network.graphml"));
  });
});
