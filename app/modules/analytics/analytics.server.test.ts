import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { releaseWave } from "~/modules/anonymity/pool.server";
import { submitResponse } from "~/modules/responses/responses.server";
import { createOrgWithSurvey, openWithLinks, questionIds, templateAnswers } from "../../../test/survey-fixtures.server";
import { findSnapshot, refreshStaleSnapshots, staleWaves } from "./analytics.server";
import { followBackShare } from "./shares";

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

describe("follow-back from answers through the app", () => {
  it("is 100% for a manager whose whole team chose them, though one answer waits so the team is not shown as all answered", async () => {
    const s = await createOrgWithSurvey();
    const links = await openWithLinks(s.org.id, s.waveId);
    const q = await questionIds(s.waveId);
    const head = s.people.find((person) => person.email === "eng-head@acme.test")!;
    for (const i of [1, 2, 3, 4, 5, 6]) await submitResponse(db, links.get(`eng${i}@acme.test`)!, templateAnswers(q, { follow: [head.id] }));
    await releaseWave(db, s.waveId);
    await refreshStaleSnapshots(db);
    const analytics = (await findSnapshot(db, s.org.id, s.waveId))!.analytics;
    const figures = analytics.people.find((person) => person.id === head.id)!;
    expect(figures.followBack).toEqual({ chose: 5, known: 5, team: 6 });
    expect(followBackShare(figures.followBack!, analytics.k)).toEqual({ shown: "exact", share: 1, known: 5, total: 6 });
    expect(figures.line).toEqual({ below: 5, outside: 0, unknown: 0 });
  });
});
