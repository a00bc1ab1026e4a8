import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { submitResponse } from "~/modules/responses/responses.server";
import { closeWave } from "~/modules/surveys/wave-lifecycle.server";
import { subtreePersonIds } from "~/modules/people/people.server";
import { createOrgWithSurvey, openWithLinks, questionIds, templateAnswers } from "../../../test/survey-fixtures.server";
import { scopeConfidence } from "./confidence.server";

describe("how sure a view can be", () => {
  it("reads the organization from participation and a leader's part from what is published there", async () => {
    const s = await createOrgWithSurvey();
    const links = await openWithLinks(s.org.id, s.waveId);
    const q = await questionIds(s.waveId);
    const idOf = (email: string) => s.people.find((p) => p.email === email)!.id;
    for (const i of [1, 2, 4, 5, 6]) await submitResponse(db, links.get(`eng${i}@acme.test`)!, templateAnswers(q, { follow: [idOf("eng-head@acme.test"), idOf(i < 5 ? "eng3@acme.test" : "eng1@acme.test")] }));
    await closeWave(db, s.org.id, s.waveId);
    // 5 of the 18 invited answered.
    expect(await scopeConfidence(db, s.org.id, s.waveId, { kind: "organization" })).toEqual({ level: "low", percent: 28, atLeast: false, invited: 18, scope: "organization" });
    // Eng: its head and six people; the five answers released as Eng's team.
    const eng = new Set(await subtreePersonIds(db, s.org.id, idOf("eng-head@acme.test")));
    expect(await scopeConfidence(db, s.org.id, s.waveId, { kind: "subtree", personIds: eng, rootName: "Eng Head" })).toEqual({ level: "directional", percent: 71, atLeast: true, invited: 7, scope: "subtree" });
    // Sales answered nothing that could be shown.
    const sales = new Set(await subtreePersonIds(db, s.org.id, idOf("sales-head@acme.test")));
    expect(await scopeConfidence(db, s.org.id, s.waveId, { kind: "subtree", personIds: sales, rootName: "Sales Head" })).toMatchObject({ level: "low", percent: 0 });
  });
});
