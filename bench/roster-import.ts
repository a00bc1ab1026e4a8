import { performance } from "node:perf_hooks";
import type { Db } from "@db/connection";
import { signUp } from "~/modules/accounts/accounts.server";
import { applyRosterImport, previewRosterImport } from "~/modules/people/roster.server";
import { generateDemoRoster, rosterCsv } from "../scripts/demo/demo-roster";

/** 50,000 rows: preview (decode, parse, check, stage) and apply, with rows/s for each. */
export async function benchRosterImport(db: Db, rows = 50_000) {
  const outcome = await signUp(db, { name: "Bench", email: `bench-${Date.now()}@example.com`, password: "benchmark password", organizationName: "Bench Roster" });
  if (outcome.outcome !== "created") throw new Error("sign-up failed");
  const org = await db.selectFrom("organization").select("id").where("slug", "=", outcome.orgSlug).executeTakeFirstOrThrow();
  const bytes = new TextEncoder().encode(rosterCsv(generateDemoRoster({ size: rows, seed: 11, domain: "bench.example" })));

  const previewStarted = performance.now();
  const preview = await previewRosterImport(db, { orgId: org.id, userId: outcome.userId, fileName: "bench.csv", bytes, deactivateMissing: false });
  const previewSeconds = (performance.now() - previewStarted) / 1000;
  if (preview.outcome !== "previewed") throw new Error(preview.message);

  const applyStarted = performance.now();
  const applied = await applyRosterImport(db, org.id, preview.importId);
  const applySeconds = (performance.now() - applyStarted) / 1000;
  if (applied !== "applied") throw new Error(`apply: ${applied}`);

  const reimportStarted = performance.now();
  const again = await previewRosterImport(db, { orgId: org.id, userId: outcome.userId, fileName: "bench.csv", bytes, deactivateMissing: false });
  if (again.outcome !== "previewed") throw new Error("re-import preview failed");
  await applyRosterImport(db, org.id, again.importId);
  const reimportSeconds = (performance.now() - reimportStarted) / 1000;

  const total = previewSeconds + applySeconds;
  return {
    rows,
    megabytes: +(bytes.length / 1e6).toFixed(1),
    previewSeconds: +previewSeconds.toFixed(2),
    applySeconds: +applySeconds.toFixed(2),
    totalSeconds: +total.toFixed(2),
    rowsPerSecond: Math.round(rows / total),
    unchangedReimportSeconds: +reimportSeconds.toFixed(2),
    target: "under 10 s for 50,000 rows",
    met: total < 10,
  };
}
