import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { submitResponse } from "~/modules/responses/responses.server";
import { createOrgWithSurvey, openWithLinks, questionIds, templateAnswers } from "../../../test/survey-fixtures.server";
import { deliverDueEmails } from "~/modules/email/email.server";
import { loadSurveyPage } from "./survey-page.server";
import { updateAudience, updateQuestion, updateWaveSettings } from "./surveys.server";
import { closeWave, openWave, processDueWaves, scheduleWave, sendDueReminders, startNextWave } from "./waves.server";

const count = async (table: "invitation" | "invitation_token" | "email_message", waveOrOrg: { wave?: string; org?: string }) => {
  let query = db.selectFrom(table as "invitation").select((eb) => eb.fn.countAll<number>().as("n"));
  if (waveOrOrg.wave) query = query.where("wave_id", "=", waveOrOrg.wave);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
};

describe("opening a wave", () => {
  it("creates exactly one invitation, one link and one email per person in the audience", async () => {
    const org = await createOrgWithSurvey();
    await updateAudience(db, org.org.id, org.waveId, { kind: "departments", departments: ["Eng"] });
    const links = await openWithLinks(org.org.id, org.waveId);
    expect(await count("invitation", { wave: org.waveId })).toBe(7);
    expect([...links.keys()].sort()).toEqual(["eng-head@acme.test", ...[1, 2, 3, 4, 5, 6].map((i) => `eng${i}@acme.test`)].sort());
    const tokens = await db.selectFrom("invitation_token").innerJoin("invitation", "invitation.id", "invitation_token.invitation_id").select("token_hash").where("invitation.wave_id", "=", org.waveId).execute();
    expect(tokens).toHaveLength(7);
    // Only hashes are stored: no link's token appears in the database.
    for (const token of links.values()) expect(tokens.some((row) => row.token_hash === token)).toBe(false);
  });

  it("creates nothing more when launched twice, even at the same moment", async () => {
    const org = await createOrgWithSurvey();
    const outcomes = await Promise.all([1, 2, 3].map(() => openWave(db, org.org.id, org.waveId, { baseUrl: "https://earned.test" })));
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["done", "not-allowed", "not-allowed"]);
    expect(await count("invitation", { wave: org.waveId })).toBe(org.people.length);
    const emails = await db.selectFrom("email_message").select("id").where("kind", "=", "survey-invitation").where("organization_id", "=", org.org.id).execute();
    expect(emails).toHaveLength(org.people.length);
  });

  it("gives teams of at least k their own segment and pools the rest", async () => {
    const org = await createOrgWithSurvey({ teamSize: 6 });
    await openWithLinks(org.org.id, org.waveId);
    const segments = await db.selectFrom("invitation").select((eb) => ["segment", eb.fn.countAll<number>().as("n")]).where("wave_id", "=", org.waveId).groupBy("segment").execute();
    const bySegment = Object.fromEntries(segments.map((row) => [row.segment.replace(/team:[0-9a-f-]+:/, "team:<head>:"), Number(row.n)]));
    // Two teams of 6; the CEO, two executives and two heads have small teams and share the rest of the organization.
    expect(bySegment).toEqual({ "team:<head>:Eng": 6, "team:<head>:Sales": 6, organization: 5 });
  });

  it("refuses an audience smaller than k", async () => {
    const org = await createOrgWithSurvey({ teamSize: 2 });
    await updateAudience(db, org.org.id, org.waveId, { kind: "departments", departments: ["Eng"] });
    const outcome = await openWave(db, org.org.id, org.waveId, { baseUrl: "https://earned.test" });
    expect(outcome.outcome).toBe("problems");
    expect(await count("invitation", { wave: org.waveId })).toBe(0);
  });

  it("locks the questions of an open wave", async () => {
    const org = await createOrgWithSurvey();
    await openWithLinks(org.org.id, org.waveId);
    const q = await questionIds(org.waveId);
    const outcome = await updateQuestion(db, org.org.id, org.waveId, q.follow!, { key: "follow", kind: "nomination", prompt: "Changed", description: null, required: false, construct: null, options: { maxNominations: 3 } });
    expect(outcome).toBe("locked");
  });

  it("never touches another organization's wave", async () => {
    const org = await createOrgWithSurvey();
    const other = await createOrgWithSurvey({ name: "Other" });
    expect((await openWave(db, other.org.id, org.waveId, { baseUrl: "https://x.test" })).outcome).toBe("not-found");
    expect((await closeWave(db, other.org.id, org.waveId)).outcome).toBe("not-found");
    expect(await count("invitation", { wave: org.waveId })).toBe(0);
  });
});

describe("waves of a series", () => {
  it("copies the questions with the same keys, so results line up", async () => {
    const org = await createOrgWithSurvey();
    await openWithLinks(org.org.id, org.waveId);
    expect(await startNextWave(db, org.org.id, org.surveyId)).toMatchObject({ outcome: "created" });
    const next = await startNextWave(db, org.org.id, org.surveyId);
    expect(next.outcome).toBe("exists");
    if (next.outcome === "not-found") return;
    const first = await db.selectFrom("question").select(["id", "key", "prompt", "position", "options"]).where("wave_id", "=", org.waveId).orderBy("position").execute();
    const second = await db.selectFrom("question").select(["id", "key", "prompt", "position", "options"]).where("wave_id", "=", next.waveId).orderBy("position").execute();
    expect(second.map(({ key, prompt, position, options }) => ({ key, prompt, position, options }))).toEqual(first.map(({ key, prompt, position, options }) => ({ key, prompt, position, options })));
    expect(second.some((q, i) => q.id === first[i]!.id)).toBe(false);
    const wave = await db.selectFrom("survey_wave").select(["number", "status"]).where("id", "=", next.waveId).executeTakeFirstOrThrow();
    expect(wave).toEqual({ number: 2, status: "draft" });
  });

  it("opens scheduled waves when due, closes them when their time is up, and schedules the next of a repeating survey", async () => {
    const org = await createOrgWithSurvey();
    const now = new Date();
    const opensAt = new Date(now.getTime() + 60_000);
    const closesAt = new Date(now.getTime() + 7 * 86_400_000);
    await updateWaveSettings(db, org.org.id, org.waveId, { minGroupSize: 5, distribution: "email", reminderDays: [], opensAt, closesAt, repeatEveryWeeks: 4 });
    expect((await scheduleWave(db, org.org.id, org.waveId, { baseUrl: "https://earned.test", now })).outcome).toBe("done");
    expect(await processDueWaves(db, now)).toEqual({ opened: 0, closed: 0, scheduled: 0 });
    const later = new Date(opensAt.getTime() + 1000);
    expect(await processDueWaves(db, later)).toEqual({ opened: 1, closed: 0, scheduled: 1 });
    expect(await count("invitation", { wave: org.waveId })).toBe(org.people.length);
    const afterClose = new Date(closesAt.getTime() + 1000);
    expect((await processDueWaves(db, afterClose)).closed).toBe(1);
    const waves = await db.selectFrom("survey_wave").select(["number", "status", "opens_at"]).where("survey_id", "=", org.surveyId).orderBy("number").execute();
    expect(waves.map((w) => [w.number, w.status])).toEqual([
      [1, "closed"],
      [2, "scheduled"],
    ]);
    expect(new Date(waves[1]!.opens_at!).getTime()).toBe(later.getTime() + 4 * 7 * 86_400_000);
  });
});

describe("reminders", () => {
  it("go only to those who have not answered, once per reminder day, and no page shows who they are", async () => {
    process.env.SMTP_URL = "smtp://unused.invalid";
    try {
      const org = await createOrgWithSurvey();
      await updateWaveSettings(db, org.org.id, org.waveId, { minGroupSize: 5, distribution: "email", reminderDays: [2], opensAt: null, closesAt: null, repeatEveryWeeks: null });
      const links = await openWithLinks(org.org.id, org.waveId);
      const q = await questionIds(org.waveId);
      const responders = ["eng1@acme.test", "eng2@acme.test", "sales1@acme.test"];
      for (const email of responders) expect((await submitResponse(db, links.get(email)!, templateAnswers(q))).outcome).toBe("stored");

      expect(await sendDueReminders(db, new Date(Date.now() + 86_400_000))).toBe(0);
      const inTwoDays = new Date(Date.now() + 2 * 86_400_000 + 1000);
      expect(await sendDueReminders(db, inTwoDays)).toBe(org.people.length - responders.length);
      expect(await sendDueReminders(db, inTwoDays)).toBe(0);

      const reminded = await db.selectFrom("email_message").select("to_address").where("kind", "=", "survey-reminder").execute();
      expect(reminded).toHaveLength(org.people.length - responders.length);
      expect(reminded.some((row) => responders.includes(row.to_address))).toBe(false);
      // Every invitation got a fresh link, answered or not: the links do not tell who answered.
      const tokens = await db
        .selectFrom("invitation_token")
        .innerJoin("invitation", "invitation.id", "invitation_token.invitation_id")
        .select((eb) => ["invitation.answered", eb.fn.countAll<number>().as("n")])
        .where("invitation.wave_id", "=", org.waveId)
        .groupBy("invitation.answered")
        .execute();
      expect(tokens.every((row) => Number(row.n) === 2 * (row.answered ? responders.length : org.people.length - responders.length))).toBe(true);

      const page = JSON.stringify(await loadSurveyPage(db, org.org.id, org.surveyId, null));
      for (const person of org.people) {
        expect(page).not.toContain(person.email);
        expect(page).not.toContain(person.name);
        expect(page).not.toContain(person.id);
      }
      expect(page).toContain('"answered":3');

      // Once delivered, a reminder leaves no trace of who received it.
      expect(await deliverDueEmails(db, async () => undefined)).toMatchObject({ failed: 0 });
      expect(await db.selectFrom("email_message").select("id").where("kind", "=", "survey-reminder").execute()).toEqual([]);
      expect(await db.selectFrom("wave_reminder").select(["reminder_day", "recipients"]).execute()).toEqual([{ reminder_day: 2, recipients: org.people.length - responders.length }]);
    } finally {
      delete process.env.SMTP_URL;
    }
  });
});
