import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { releaseWave, type PooledResponse } from "~/modules/anonymity/pool.server";
import { unseal } from "~/modules/anonymity/seal.server";
import { closeWave } from "~/modules/surveys/wave-lifecycle.server";
import { createOrgWithSurvey, openWithLinks, questionIds, templateAnswers } from "../../../test/survey-fixtures.server";
import { findRespondentForm, submitResponse } from "./responses.server";

const counts = async (waveId: string) => {
  const count = async (table: "response_pool" | "response" | "ballot", spent = false) => {
    let query = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).where("wave_id", "=", waveId);
    if (spent) query = query.where("spent" as never, "=", true as never);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  return { pooled: await count("response_pool"), released: await count("response"), spent: await count("ballot", true) };
};

async function setUp() {
  const org = await createOrgWithSurvey();
  const links = await openWithLinks(org.org.id, org.waveId);
  const q = await questionIds(org.waveId);
  const idOf = (email: string) => org.people.find((person) => person.email === email)!.id;
  return { ...org, links, q, idOf };
}

describe("submitting a response", () => {
  it("spends the link's ballot once and pools the sealed response", async () => {
    const s = await setUp();
    const token = s.links.get("eng1@acme.test")!;
    expect((await findRespondentForm(db, token)).state).toBe("open");
    const outcome = await submitResponse(db, token, templateAnswers(s.q, { follow: [s.idOf("eng-head@acme.test")] }));
    expect(outcome).toEqual({ outcome: "stored" });
    expect(await counts(s.waveId)).toEqual({ pooled: 1, released: 0, spent: 1 });
    expect((await findRespondentForm(db, token)).state).toBe("answered");
    expect(await submitResponse(db, token, templateAnswers(s.q))).toEqual({ outcome: "answered" });
    expect(await counts(s.waveId)).toEqual({ pooled: 1, released: 0, spent: 1 });
  });

  it("seals the respondent's segment and choices, and not who they are, nor when", async () => {
    const s = await setUp();
    await submitResponse(db, s.links.get("eng1@acme.test")!, templateAnswers(s.q, { follow: [s.idOf("eng-head@acme.test"), s.idOf("eng2@acme.test")], advice: [s.idOf("ceo@acme.test")] }));
    const [row] = await db.selectFrom("response_pool").select("sealed").where("wave_id", "=", s.waveId).execute();
    const pooled = unseal<PooledResponse>("response-pool-v1", row!.sealed);
    expect(Object.keys(pooled).sort()).toEqual(["answers", "nominations", "segment"]);
    expect(pooled.segment).toMatch(/^team:/);
    expect(pooled.nominations.map((n) => n.nomineeId)).toEqual([s.idOf("eng-head@acme.test"), s.idOf("eng2@acme.test"), s.idOf("ceo@acme.test")]);
  });

  it("refuses nominees from another organization and inactive people; stores nothing", async () => {
    const s = await setUp();
    const other = await createOrgWithSurvey({ name: "Other Co" });
    await db.updateTable("person").set({ active: false }).where("email", "=", "sales1@acme.test").execute();
    const token = s.links.get("eng1@acme.test")!;
    for (const nominee of [other.people[0]!.id, s.idOf("sales1@acme.test"), "00000000-0000-4000-8000-000000000000"]) {
      const outcome = await submitResponse(db, token, templateAnswers(s.q, { follow: [nominee] }));
      expect(outcome).toEqual({ outcome: "invalid-nominees", questionIds: [s.q.follow] });
    }
    expect(await counts(s.waveId)).toEqual({ pooled: 0, released: 0, spent: 0 });
  });

  it("drops a choice of oneself without a word: an error would say whose link it is", async () => {
    const s = await setUp();
    const outcome = await submitResponse(db, s.links.get("eng1@acme.test")!, templateAnswers(s.q, { follow: [s.idOf("eng1@acme.test"), s.idOf("eng2@acme.test")] }));
    expect(outcome).toEqual({ outcome: "stored" });
    const [row] = await db.selectFrom("response_pool").select("sealed").where("wave_id", "=", s.waveId).execute();
    expect(unseal<PooledResponse>("response-pool-v1", row!.sealed).nominations.map((n) => n.nomineeId)).toEqual([s.idOf("eng2@acme.test")]);
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
    expect(await counts(s.waveId)).toEqual({ pooled: 1, released: 0, spent: 1 });
  });
});

describe("releasing the pool", () => {
  it("holds a team's answers until k of them can go together, then releases them as one batch", async () => {
    const s = await setUp();
    for (const name of ["eng1", "eng2", "eng3", "eng4"]) await submitResponse(db, s.links.get(`${name}@acme.test`)!, templateAnswers(s.q));
    expect(await releaseWave(db, s.waveId)).toEqual({ released: 0, discarded: 0 });
    await submitResponse(db, s.links.get("eng5@acme.test")!, templateAnswers(s.q));
    expect(await releaseWave(db, s.waveId)).toEqual({ released: 5, discarded: 0 });
    expect(await counts(s.waveId)).toEqual({ pooled: 0, released: 5, spent: 5 });
    const groups = await db.selectFrom("response").select("group_key").distinct().where("wave_id", "=", s.waveId).execute();
    expect(groups.map((row) => row.group_key)).toEqual([expect.stringMatching(/^team:.*:Eng$/)]);
    const answers = await db.selectFrom("answer").innerJoin("response", "response.id", "answer.response_id").select("answer.question_id").where("response.wave_id", "=", s.waveId).execute();
    expect(answers).toHaveLength(5 * 8);
  });

  it("keeps the last answer of a fully answered team for a wider group, so the team is never shown as all answered", async () => {
    const s = await setUp();
    for (const name of ["eng1", "eng2", "eng3", "eng4", "eng5", "eng6"]) await submitResponse(db, s.links.get(`${name}@acme.test`)!, templateAnswers(s.q));
    expect(await releaseWave(db, s.waveId)).toEqual({ released: 5, discarded: 0 });
    expect(await counts(s.waveId)).toEqual({ pooled: 1, released: 5, spent: 6 });
  });

  it("at close places what it can in wider groups and deletes what could never be shown", async () => {
    const s = await setUp();
    for (const name of ["eng1", "eng2"]) await submitResponse(db, s.links.get(`${name}@acme.test`)!, templateAnswers(s.q));
    await closeWave(db, s.org.id, s.waveId);
    expect(await counts(s.waveId)).toEqual({ pooled: 0, released: 0, spent: 2 });
  });
});
