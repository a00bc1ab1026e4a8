import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { applyRosterImport, previewRosterImport } from "~/modules/people/roster.server";
import { flushWave } from "~/modules/responses/pool.server";
import { seal } from "~/modules/anonymity/seal.server";
import type { PooledResponse } from "~/modules/responses/responses.server";
import { createSurvey } from "~/modules/surveys/surveys.server";
import { openWave } from "~/modules/surveys/waves.server";
import { createOwner } from "../../../test/fixtures.server";
import { computeSnapshot } from "./analytics.server";

/**
 * A cross-check on a real, published network that nobody here made: Lazega's law firm (see
 * test/data/lazega/SOURCE.md). The 71 lawyers become the roster (status as title, practice as
 * department), each lawyer's advice ties become their nominations, and the followers Earned
 * computes must equal the in-degrees counted directly from the published edge list.
 */
const folder = path.resolve("test/data/lazega");
const read = (file: string) => Papa.parse<Record<string, string>>(readFileSync(path.join(folder, file), "utf8"), { header: true, skipEmptyLines: true }).data;
const lawyers = read("nodes.csv");
const ties = read("advice-edges.csv").map((row) => [Number(row.source), Number(row.target)] as const);
const email = (id: number) => `lawyer-${id + 1}@lazega.example`;

describe("Lazega law firm advice network", () => {
  it("is the published network: 71 lawyers, 36 partners, 892 advice ties", () => {
    expect(lawyers).toHaveLength(71);
    expect(lawyers.filter((lawyer) => lawyer.status === "partner")).toHaveLength(36);
    expect(ties).toHaveLength(892);
  });

  it("gives every lawyer as many followers as the published in-degree", async () => {
    const { org, userId } = await createOwner("SG&R");
    const roster = ["email,name,title,department,location,level", ...lawyers.map((l) => [email(Number(l.id)), `Lawyer ${Number(l.id) + 1}`, l.status, l.practice, l.office, l.seniority].join(","))].join("\n");
    const preview = await previewRosterImport(db, { orgId: org.id, userId, fileName: "lazega.csv", bytes: new TextEncoder().encode(roster), deactivateMissing: false });
    if (preview.outcome !== "previewed") throw new Error(preview.message);
    expect(await applyRosterImport(db, org.id, preview.importId)).toBe("applied");

    const survey = await createSurvey(db, org.id, { name: "Advice", templateKey: "influence-and-authority-pulse" });
    if (survey.outcome !== "created") throw new Error(survey.outcome);
    const wave = await db.selectFrom("survey_wave").select("id").where("survey_id", "=", survey.surveyId).executeTakeFirstOrThrow();
    expect((await openWave(db, org.id, wave.id, { baseUrl: "https://earned.test" })).outcome).toBe("done");
    const advice = await db.selectFrom("question").select("id").where("wave_id", "=", wave.id).where("key", "=", "advice").executeTakeFirstOrThrow();
    const invitations = await db
      .selectFrom("invitation")
      .innerJoin("person", "person.id", "invitation.person_id")
      .select(["person.id", "person.email", "invitation.segment"])
      .where("invitation.wave_id", "=", wave.id)
      .execute();
    const byEmail = new Map(invitations.map((invitation) => [invitation.email, invitation]));

    // Every lawyer answers; their advice ties are their nominations (the survey's own limit of
    // choices is a property of the form, not of the data, so the pool is filled directly).
    const pooled = lawyers.map((lawyer): PooledResponse => {
      const self = byEmail.get(email(Number(lawyer.id)))!;
      return {
        segment: self.segment,
        date: "2026-11-24",
        verified: true,
        answers: [],
        nominations: ties
          .filter(([source]) => source === Number(lawyer.id))
          .map(([, target]) => ({ questionId: advice.id, nomineeId: byEmail.get(email(target))!.id, relation: "outside_line" as const })),
      };
    });
    await db.insertInto("response_pool").values(pooled.map((response) => ({ organization_id: org.id, wave_id: wave.id, sealed: seal(response) }))).execute();
    expect(await flushWave(db, wave.id)).toBe(71);

    const analytics = (await computeSnapshot(db, wave.id))!;
    const inDegree = new Map<number, number>();
    for (const [, target] of ties) inDegree.set(target, (inDegree.get(target) ?? 0) + 1);
    const idByPerson = new Map(invitations.map((invitation) => [invitation.id, Number(invitation.email.match(/lawyer-(\d+)@/)![1]) - 1]));
    const followers = new Map(analytics.people.map((person) => [idByPerson.get(person.id)!, person.followers[advice.id]]));
    for (let id = 0; id < 71; id++) expect(followers.get(id), `lawyer ${id + 1}`).toBe(inDegree.get(id) ?? 0);
    expect([...followers.values()].reduce((sum: number, count) => sum + (count ?? 0), 0)).toBe(892);
    // The most sought-after adviser in the published data is lawyer 26.
    const top = analytics.people.reduce((best, person) => ((person.followers[advice.id] ?? 0) > (best.followers[advice.id] ?? 0) ? person : best));
    expect(idByPerson.get(top.id)).toBe(25);
  });
});
