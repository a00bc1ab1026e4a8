import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { computeSnapshot } from "~/modules/analytics/analytics.server";
import { listOutbox, renderBodies } from "~/modules/email/email.server";
import { reportLink } from "~/modules/reports/report-links.server";
import { submitResponse } from "~/modules/responses/responses.server";
import { closeWave } from "~/modules/surveys/wave-lifecycle.server";
import { addMember, call, makeRequest } from "../../test/fixtures.server";
import { createOrgWithSurvey, linksOf, openWithLinks, questionIds, templateAnswers } from "../../test/survey-fixtures.server";
import * as people from "./o.$orgSlug.dashboards.$waveId.people";
import * as me from "./me.$token";

type Report = { state: string; k?: number; questions?: { id: string; primary: boolean; chosenBy: number }[]; visibility?: { namedToAnalysts: boolean } };
type Page = { page: { report: Report } | null };

afterEach(() => {
  delete process.env.SMTP_URL;
});

/** Each invited person's report token, as their report email carries it. */
async function reportTokens(waveId: string) {
  const rows = await db.selectFrom("invitation").innerJoin("person", "person.id", "invitation.person_id").select(["invitation.id", "person.email"]).where("invitation.wave_id", "=", waveId).execute();
  return new Map(rows.map((row) => [row.email, reportLink("", row.id).slice("/me/".length)]));
}

async function openReport(token: string) {
  const reply = await call(() => me.loader({ request: makeRequest(`/me/${token}`), params: { token }, context: {} }));
  return { status: reply.status, data: reply.data as Page };
}

/** A value's shape: every number and string blanked, so that only which fields exist remains. */
function shapeOf(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => (typeof field === "number" ? 0 : typeof field === "string" ? "" : field));
}

/** Engineering answers (five of six): everyone chooses its head, three choose Eng Person 3. */
async function closedWave({ answering = [1, 2, 4, 5, 6] } = {}) {
  const s = await createOrgWithSurvey();
  const links = await openWithLinks(s.org.id, s.waveId);
  const q = await questionIds(s.waveId);
  const idOf = (email: string) => s.people.find((p) => p.email === email)!.id;
  for (const i of answering) {
    const colleague = i < 5 ? "eng3@acme.test" : "eng1@acme.test";
    await submitResponse(db, links.get(`eng${i}@acme.test`)!, templateAnswers(q, { follow: [idOf("eng-head@acme.test"), idOf(colleague)] }));
  }
  await closeWave(db, s.org.id, s.waveId);
  await computeSnapshot(db, s.waveId);
  return { s, q, idOf, tokens: await reportTokens(s.waveId) };
}

describe("private reports", () => {
  it("exist for everyone invited, answered or not, and show the same kind of report either way", async () => {
    const { s, tokens } = await closedWave();
    const invited = await db.selectFrom("invitation").select("id").where("wave_id", "=", s.waveId).execute();
    expect(await db.selectFrom("report_link").select("token_hash").where("wave_id", "=", s.waveId).execute()).toHaveLength(invited.length);
    const answered = await openReport(tokens.get("eng1@acme.test")!);
    const silent = await openReport(tokens.get("eng3@acme.test")!);
    const outsider = await openReport(tokens.get("sales2@acme.test")!);
    for (const reply of [answered, silent, outsider]) {
      expect(reply.status).toBe(200);
      expect(reply.data.page?.report.state).toBe("ready");
    }
    // The same report whether or not the person answered: only the figures and words differ.
    expect(shapeOf(silent.data)).toBe(shapeOf(answered.data));
  });

  it("shows a person only the figures the dashboards publish about them", async () => {
    const { s, idOf, tokens } = await closedWave();
    await db.updateTable("organization").set({ naming: "everyone" }).where("id", "=", s.org.id).execute();
    const analyst = await addMember(s.org.id, "analyst");
    const reply = await call(() => people.loader({ request: makeRequest("/?sort=name", { cookie: analyst.cookie }), params: { orgSlug: s.org.slug, waveId: s.waveId }, context: {} }));
    const rows = (reply.data as { view: { table: { rows: { id: string; followers: number }[] } } }).view.table.rows;
    const seen = [];
    for (const email of ["eng-head@acme.test", "eng3@acme.test", "eng1@acme.test", "sales2@acme.test"]) {
      const report = (await openReport(tokens.get(email)!)).data.page!.report;
      const primary = report.questions!.find((question) => question.primary)!;
      seen.push({ email, chosenBy: primary.chosenBy });
      expect(primary.chosenBy).toBe(rows.find((row) => row.id === idOf(email))!.followers);
    }
    expect(seen.map((entry) => entry.chosenBy)).toEqual([5, 3, 2, 0]);
  });

  it("shows no figure at all when the dashboards suppress everything", async () => {
    const { tokens } = await closedWave({ answering: [1, 2, 4] });
    for (const token of tokens.values()) {
      const reply = await openReport(token);
      expect(reply.data.page?.report).toEqual({ state: "too-few", k: 5 });
    }
  });

  it("answers 404 for a link that opens nothing, and for a survey link used as a report link", async () => {
    const { s } = await closedWave();
    expect((await openReport("not-a-report")).status).toBe(404);
    const [survey] = (await linksOf(s.waveId)).values();
    expect((await openReport(survey!)).status).toBe(404);
  });

  it("reaches people only by a mail server, with the link filled in at sending and never shown to admins", async () => {
    process.env.SMTP_URL = "smtp://unused.invalid";
    const { s, tokens } = await closedWave();
    const messages = await db.selectFrom("email_message").select(["kind", "to_address", "body_text", "invitation_id"]).where("kind", "=", "wave-report").execute();
    expect(messages).toHaveLength(tokens.size);
    for (const message of messages) expect(message.body_text).not.toContain("/me/");
    const rendered = await renderBodies(db, messages);
    for (const message of rendered) expect(message.body).toContain(`/me/${tokens.get(message.to_address)}`);
    const outbox = await listOutbox(db, s.org.id, { page: 1, pageSize: 200 });
    expect(JSON.stringify(outbox)).not.toContain("/me/");
  });

  it("asks for consent to be named where the organization names by consent, and honours it at once", async () => {
    const { s, tokens } = await closedWave();
    const token = tokens.get("eng3@acme.test")!;
    const post = (consent: string) => call(() => me.action({ request: makeRequest(`/me/${token}`, { method: "POST", form: { consent } }), params: { token }, context: {} }));
    // Not asked under the default setting: nothing is stored.
    expect((await post("give")).status).toBe(302);
    expect(await db.selectFrom("naming_consent").selectAll().execute()).toHaveLength(0);
    await db.updateTable("organization").set({ naming: "consent" }).where("id", "=", s.org.id).execute();
    expect((await openReport(token)).data.page!.report.visibility).toMatchObject({ namedToAnalysts: false });
    expect((await post("give")).status).toBe(302);
    expect((await openReport(token)).data.page!.report.visibility).toMatchObject({ namedToAnalysts: true });
    expect((await post("withdraw")).status).toBe(302);
    expect((await openReport(token)).data.page!.report.visibility).toMatchObject({ namedToAnalysts: false });
    expect((await post("something else")).status).toBe(400);
  });
});
