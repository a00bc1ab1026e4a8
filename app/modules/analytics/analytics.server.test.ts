import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { releaseWave } from "~/modules/anonymity/pool.server";
import { submitResponse } from "~/modules/responses/responses.server";
import { createOrgWithSurvey, openWithLinks, questionIds, templateAnswers } from "../../../test/survey-fixtures.server";
import { findSnapshot, refreshStaleSnapshots, staleWaves } from "./analytics.server";

describe("analytics snapshots", () => {
  it("are recomputed when answers are released, participation moves, or settings change, and only then", async () => {
    const s = await createOrgWithSurvey();
    const links = await openWithLinks(s.org.id, s.waveId);
    const q = await questionIds(s.waveId);
    expect(await staleWaves(db)).toEqual([s.waveId]);
    expect(await refreshStaleSnapshots(db)).toBe(1);
    expect(await staleWaves(db)).toEqual([]);
    expect((await findSnapshot(db, s.org.id, s.waveId))?.analytics.responses).toEqual({ suppressed: true, reason: "fewer-than-k" });

    for (const name of ["eng1", "eng2", "eng3", "eng4"]) await submitResponse(db, links.get(`${name}@acme.test`)!, templateAnswers(q));
    // Participation moved (spent ballots); the figures stay suppressed while answers wait.
    expect(await staleWaves(db)).toEqual([s.waveId]);
    await refreshStaleSnapshots(db);
    expect((await findSnapshot(db, s.org.id, s.waveId))?.analytics.responses).toEqual({ suppressed: true, reason: "fewer-than-k" });
    await submitResponse(db, links.get("eng5@acme.test")!, templateAnswers(q));
    expect(await releaseWave(db, s.waveId)).toEqual({ released: 5, discarded: 0 });
    expect(await staleWaves(db)).toEqual([s.waveId]);
    await refreshStaleSnapshots(db);
    expect((await findSnapshot(db, s.org.id, s.waveId))?.analytics.responses).toEqual({ total: 5, openLink: 0 });

    await db.updateTable("organization").set({ dp_epsilon: 1 }).where("id", "=", s.org.id).execute();
    expect(await staleWaves(db)).toEqual([s.waveId]);
    await refreshStaleSnapshots(db);
    expect((await findSnapshot(db, s.org.id, s.waveId))?.analytics.noised).toBe(true);
    expect(await staleWaves(db)).toEqual([]);
  });

  it("are never read across organizations", async () => {
    const s = await createOrgWithSurvey();
    const other = await createOrgWithSurvey({ name: "Other" });
    await openWithLinks(s.org.id, s.waveId);
    await refreshStaleSnapshots(db);
    expect(await findSnapshot(db, other.org.id, s.waveId)).toBeUndefined();
  });
});
