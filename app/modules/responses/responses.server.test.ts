import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { closeWave } from "~/modules/surveys/waves.server";
import { createOrgWithSurvey, openWithLinks, questionIds, templateAnswers } from "../../../test/survey-fixtures.server";
import { flushWave } from "./pool.server";
import { findRespondentForm, submitResponse } from "./responses.server";
import { unseal } from "~/modules/anonymity/seal.server";
import type { PooledResponse } from "./responses.server";

const counts = async (waveId: string) => {
  const [pool, responses, answered] = await Promise.all([
    db.selectFrom("response_pool").select((eb) => eb.fn.countAll<number>().as("n")).where("wave_id", "=", waveId).executeTakeFirstOrThrow(),
    db.selectFrom("response").select((eb) => eb.fn.countAll<number>().as("n")).where("wave_id", "=", waveId).executeTakeFirstOrThrow(),
    db.selectFrom("invitation").select((eb) => eb.fn.countAll<number>().as("n")).where("wave_id", "=", waveId).where("answered", "=", true).executeTakeFirstOrThrow(),
  ]);
  return { pooled: Number(pool.n), released: Number(responses.n), answered: Number(answered.n) };
};

async function setUp() {
  const org = await createOrgWithSurvey();
  const links = await openWithLinks(org.org.id, org.waveId);
  const q = await questionIds(org.waveId);
  const idOf = (email: string) => org.people.find((person) => person.email === email)!.id;
  return { ...org, links, q, idOf };
}

describe("submitting a response", () => {
  it("uses the link once: marks it used and pools the sealed response", async () => {
    const s = await setUp();
    const token = s.links.get("eng1@acme.test")!;
    expect((await findRespondentForm(db, token)).state).toBe("open");
    const outcome = await submitResponse(db, token, templateAnswers(s.q, { follow: [s.idOf("eng-head@acme.test")] }));
    expect(outcome).toEqual({ outcome: "stored" });
    expect(await counts(s.waveId)).toEqual({ pooled: 1, released: 0, answered: 1 });
    expect((await findRespondentForm(db, token)).state).toBe("answered");
    expect(await submitResponse(db, token, templateAnswers(s.q))).toEqual({ outcome: "answered" });
    expect(await counts(s.waveId)).toEqual({ pooled: 1, released: 0, answered: 1 });
  });

  it("stores the relation of each nominee as the segment allows", async () => {
    const s = await setUp();
    await submitResponse(db, s.links.get("eng1@acme.test")!, templateAnswers(s.q, { follow: [s.idOf("eng-head@acme.test"), s.idOf("eng2@acme.test")], advice: [s.idOf("ceo@acme.test")] }));
    const [row] = await db.selectFrom("response_pool").select("sealed").where("wave_id", "=", s.waveId).execute();
    const pooled = unseal<PooledResponse>(row!.sealed);
    expect(pooled.verified).toBe(true);
    expect(pooled.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(pooled).sort()).toEqual(["answers", "date", "nominations", "segment", "verified"]);
    expect(pooled.nominations.map((n) => n.relation)).toEqual(["own_manager", "teammate", "higher_in_chain"]);
  });

  it("refuses nominees from another organization, inactive people and the respondent; stores nothing", async () => {
    const s = await setUp();
    const other = await createOrgWithSurvey({ name: "Other Co" });
    await db.updateTable("person").set({ active: false }).where("email", "=", "sales1@acme.test").execute();
    const token = s.links.get("eng1@acme.test")!;
    for (const nominee of [other.people[0]!.id, s.idOf("sales1@acme.test"), s.idOf("eng1@acme.test"), "00000000-0000-4000-8000-000000000000"]) {
      const outcome = await submitResponse(db, token, templateAnswers(s.q, { follow: [nominee] }));
      expect(outcome).toEqual({ outcome: "invalid-nominees", questionIds: [s.q.follow] });
    }
    expect(await counts(s.waveId)).toEqual({ pooled: 0, released: 0, answered: 0 });
  });

  it("refuses unknown links and closed waves", async () => {
    const s = await setUp();
    expect(await submitResponse(db, "not-a-token", templateAnswers(s.q))).toEqual({ outcome: "unknown" });
    await closeWave(db, s.org.id, s.waveId);
    expect(await submitResponse(db, s.links.get("eng3@acme.test")!, templateAnswers(s.q))).toEqual({ outcome: "closed" });
    expect((await findRespondentForm(db, s.links.get("eng3@acme.test")!)).state).toBe("closed");
  });

  it("stores exactly one response when the same link is sent 20 times at once", async () => {
    const s = await setUp();
    const token = s.links.get("sales2@acme.test")!;
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => submitResponse(db, token, templateAnswers(s.q, {}, i))));
    expect(outcomes.filter((o) => o.outcome === "stored")).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === "answered")).toHaveLength(19);
    expect(await counts(s.waveId)).toEqual({ pooled: 1, released: 0, answered: 1 });
  });
});

describe("releasing the pool", () => {
  it("holds responses until k exist, then releases them all in one batch with fresh keys", async () => {
    const s = await setUp();
    const emails = ["eng1", "eng2", "eng3", "eng4"].map((name) => `${name}@acme.test`);
    for (const email of emails) await submitResponse(db, s.links.get(email)!, templateAnswers(s.q));
    expect(await flushWave(db, s.waveId)).toBe(0);
    await submitResponse(db, s.links.get("eng5@acme.test")!, templateAnswers(s.q));
    expect(await flushWave(db, s.waveId)).toBe(5);
    expect(await counts(s.waveId)).toEqual({ pooled: 0, released: 5, answered: 5 });
    const answers = await db.selectFrom("answer").innerJoin("response", "response.id", "answer.response_id").select("answer.question_id").where("response.wave_id", "=", s.waveId).execute();
    expect(answers).toHaveLength(5 * 8);
  });

  it("mixes a late response with k − 1 released ones, so every release is a batch of k", async () => {
    const s = await setUp();
    for (const name of ["eng1", "eng2", "eng3", "eng4", "eng5"]) await submitResponse(db, s.links.get(`${name}@acme.test`)!, templateAnswers(s.q));
    await flushWave(db, s.waveId);
    const before = new Set((await db.selectFrom("response").select("id").where("wave_id", "=", s.waveId).execute()).map((r) => r.id));
    await submitResponse(db, s.links.get("eng6@acme.test")!, templateAnswers(s.q));
    expect(await flushWave(db, s.waveId)).toBe(1);
    const after = (await db.selectFrom("response").select("id").where("wave_id", "=", s.waveId).execute()).map((r) => r.id);
    expect(after).toHaveLength(6);
    // Four of the earlier five were rewritten with new keys alongside the new one.
    expect(after.filter((id) => !before.has(id))).toHaveLength(5);
  });

  it("keeps fewer than k responses sealed when the wave closes", async () => {
    const s = await setUp();
    for (const name of ["eng1", "eng2"]) await submitResponse(db, s.links.get(`${name}@acme.test`)!, templateAnswers(s.q));
    await closeWave(db, s.org.id, s.waveId);
    expect(await counts(s.waveId)).toEqual({ pooled: 2, released: 0, answered: 2 });
  });
});
