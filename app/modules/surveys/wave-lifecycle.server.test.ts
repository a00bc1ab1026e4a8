import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { submitResponse } from "~/modules/responses/responses.server";
import { createOrgWithSurvey, openWithLinks, questionIds, templateAnswers } from "../../../test/survey-fixtures.server";
import { deliverDueEmails, listOutbox } from "~/modules/email/email.server";
import { linkList, sendDueReminders } from "./distribution.server";
import { loadSurveyPage } from "./survey-page.server";
import { updateAudience, updateQuestion, updateWaveSettings } from "./surveys.server";
import { closeWave, openWave, scheduleWave } from "./wave-lifecycle.server";
import { processDueWaves } from "./wave-scheduler.server";
import { startNextWave } from "./wave-series.server";

const count = async (table: "invitation" | "ballot" | "email_message", waveOrOrg: { wave?: string; org?: string }) => {
  let query = db.selectFrom(table as "invitation").select((eb) => eb.fn.countAll<number>().as("n"));
  if (waveOrOrg.wave) query = query.where("wave_id", "=", waveOrOrg.wave);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
};

describe("opening a wave", () => {
  it("creates exactly one invitation, one ballot and one email per person in the audience, and no link at rest", async () => {
    const org = await createOrgWithSurvey();
    await updateAudience(db, org.org.id, org.waveId, { kind: "departments", departments: ["Eng"] });
    const links = await openWithLinks(org.org.id, org.waveId);
    expect(await count("invitation", { wave: org.waveId })).toBe(7);
    expect(await count("ballot", { wave: org.waveId })).toBe(7);
    expect([...links.keys()].sort()).toEqual(["eng-head@acme.test", ...[1, 2, 3, 4, 5, 6].map((i) => `eng${i}@acme.test`)].sort());
    // Neither a link nor its token is stored anywhere, emails included.
    const everything = JSON.stringify([await db.selectFrom("ballot").selectAll().execute(), await db.selectFrom("email_message").selectAll().execute()]);
    for (const token of links.values()) expect(everything).not.toContain(token);
    expect(everything).toContain("{{link}}");
  });

  it("creates nothing more when launched twice, even at the same moment", async () => {
    const org = await createOrgWithSurvey();
    const outcomes = await Promise.all([1, 2, 3].map(() => openWave(db, org.org.id, org.waveId, { baseUrl: "https://earned.test" })));
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["done", "not-allowed", "not-allowed"]);
    expect(await count("invitation", { wave: org.waveId })).toBe(org.people.length);
    const emails = await db.selectFrom("email_message").select("id").where("kind", "=", "survey-invitation").where("organization_id", "=", org.org.id).execute();
    expect(emails).toHaveLength(org.people.length);
  });

  it("gives teams of more than k their own segment and pools the rest", async () => {
    const org = await createOrgWithSurvey({ teamSize: 6 });
    await openWithLinks(org.org.id, org.waveId);
    const segments = await db.selectFrom("invitation").select((eb) => ["segment", eb.fn.countAll<number>().as("n")]).where("wave_id", "=", org.waveId).groupBy("segment").execute();
    const bySegment = Object.fromEntries(segments.map((row) => [row.segment.replace(/team:[0-9a-f-]+:/, "team:<head>:"), Number(row.n)]));
    // Two teams of 6; the CEO, three executives and two heads have small teams and share the rest of the organization.
    expect(bySegment).toEqual({ "team:<head>:Eng": 6, "team:<head>:Sales": 6, organization: 6 });
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
  it("go to everyone invited, once per reminder day, so that nothing records who has answered", async () => {
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
      expect(await sendDueReminders(db, inTwoDays)).toBe(org.people.length);
      expect(await sendDueReminders(db, inTwoDays)).toBe(0);
      const reminders = await db.selectFrom("email_message").select(["to_address", "body_text"]).where("kind", "=", "survey-reminder").execute();
      expect(reminders.map((row) => row.to_address).sort()).toEqual(org.people.map((person) => person.email).sort());
      expect(reminders[0]!.body_text).toMatch(/If you have already answered, thank you/);

      // The reminder carries the person's own link, the same as the invitation's, filled in when sent.
      const delivered: { to: string; text: string }[] = [];
      await deliverDueEmails(db, async (message) => void delivered.push(message));
      const reminder = delivered.find((message) => message.to === "eng3@acme.test" && message.text.includes("still time"))!;
      expect(reminder.text).toContain(`/r/${links.get("eng3@acme.test")}`);

      const page = JSON.stringify(await loadSurveyPage(db, org.org.id, org.surveyId, null));
      for (const person of org.people) {
        expect(page).not.toContain(person.email);
        expect(page).not.toContain(person.id);
      }
      expect(await db.selectFrom("wave_reminder").select(["reminder_day", "recipients"]).execute()).toEqual([{ reminder_day: 2, recipients: org.people.length }]);
    } finally {
      delete process.env.SMTP_URL;
    }
  });
});

describe("who holds the links", () => {
  it("lists no links for a wave that goes by email, and the same links every time for a link-list wave", async () => {
    const email = await createOrgWithSurvey();
    await openWithLinks(email.org.id, email.waveId);
    expect(await linkList(db, email.org.id, email.waveId)).toEqual({ outcome: "email-wave" });

    const listed = await createOrgWithSurvey({ name: "Listed" });
    await updateWaveSettings(db, listed.org.id, listed.waveId, { minGroupSize: 5, distribution: "links", reminderDays: [], opensAt: null, closesAt: null, repeatEveryWeeks: null });
    const links = await openWithLinks(listed.org.id, listed.waveId);
    const first = await linkList(db, listed.org.id, listed.waveId);
    const second = await linkList(db, listed.org.id, listed.waveId);
    expect(first).toEqual(second);
    if (first.outcome !== "listed") throw new Error(first.outcome);
    expect(first.rows.find((row) => row.email === "eng1@acme.test")!.link).toBe(`https://earned.test/r/${links.get("eng1@acme.test")}`);
    expect(await db.selectFrom("survey_wave").select("admins_hold_links").where("id", "=", listed.waveId).executeTakeFirstOrThrow()).toEqual({ admins_hold_links: true });
    expect(await linkList(db, email.org.id, listed.waveId)).toEqual({ outcome: "not-found" });
  });

  it("shows links in the outbox only in trial mode (no mail server), and marks the wave so respondents are told", async () => {
    const org = await createOrgWithSurvey();
    const links = await openWithLinks(org.org.id, org.waveId);
    const outbox = await listOutbox(db, org.org.id, { page: 1, pageSize: 100 });
    const eng1 = outbox.messages.find((message) => message.to_address === "eng1@acme.test")!;
    expect(eng1.body).toContain(`/r/${links.get("eng1@acme.test")}`);
    expect(await db.selectFrom("survey_wave").select("admins_hold_links").where("id", "=", org.waveId).executeTakeFirstOrThrow()).toEqual({ admins_hold_links: true });
  });
});
