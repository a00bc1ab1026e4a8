import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import type { PooledResponse } from "~/modules/anonymity/pool.server";
import { unseal } from "~/modules/anonymity/seal.server";
import { createOpenLink } from "~/modules/surveys/distribution.server";
import { updateWaveSettings } from "~/modules/surveys/surveys.server";
import { openWave } from "~/modules/surveys/wave-lifecycle.server";
import { call, makeRequest } from "../../test/fixtures.server";
import { createOrgWithSurvey, openWithLinks, questionIds } from "../../test/survey-fixtures.server";
import * as personal from "./r.$token";
import * as openLink from "./r.open.$token";
import * as peopleSearch from "./r.$token.people";
import { submitAnswersDirectly } from "~/modules/responses/direct-submission.server";

async function setUp() {
  const org = await createOrgWithSurvey();
  const links = await openWithLinks(org.org.id, org.waveId);
  const q = await questionIds(org.waveId);
  return { ...org, links, q };
}

function validForm(q: Record<string, string>) {
  const form: Record<string, string | string[]> = { intent: "submit" };
  for (const key of ["positional_position", "positional_risk", "earned_without_title", "earned_trust", "moments_expertise", "open_space_energy", "open_space_conversation"]) form[`q-${q[key]}`] = "4";
  form[`q-${q.enps}`] = "9";
  return form;
}

const pooled = (waveId: string) => db.selectFrom("response_pool").select("sealed").where("wave_id", "=", waveId).execute();
const post = (token: string, form: Record<string, string | string[]>, cookie?: string) =>
  call(() => personal.action({ request: makeRequest(`/r/${token}`, { form, cookie }), params: { token }, context: {} }));
const get = (token: string) => call(() => personal.loader({ request: makeRequest(`/r/${token}`), params: { token }, context: {} }));

describe("the respondent page", () => {
  it("shows a clear page, not an error, for an unknown link", async () => {
    const response = await get("no-such-link");
    expect(response.status).toBe(404);
    expect(response.data).toEqual({ form: { state: "unknown" } });
  });

  it("sends the form back with messages and stores nothing when answers are missing or out of range", async () => {
    const s = await setUp();
    const token = s.links.get("eng1@acme.test")!;
    const form = { ...validForm(s.q), [`q-${s.q.positional_position}`]: "9", [`q-${s.q.comment}`]: "x".repeat(1001) };
    delete form[`q-${s.q.enps}`];
    const response = await post(token, form);
    expect(response.status).toBe(400);
    expect((response.data as { errors: Record<string, string> }).errors).toEqual({
      [s.q.positional_position!]: "Choose a value from 1 to 5.",
      [s.q.enps!]: "Choose an answer.",
      [s.q.comment!]: "Keep your answer under 1,000 characters (it has 1,001).",
    });
    expect(await pooled(s.waveId)).toHaveLength(0);
  });

  it("refuses a tampered form naming a question that is not in the survey", async () => {
    const s = await setUp();
    const response = await post(s.links.get("eng1@acme.test")!, { ...validForm(s.q), "q-00000000-0000-4000-8000-000000000000": "3" });
    expect(response.status).toBe(400);
    expect((response.data as { errors: Record<string, string> }).errors.form).toMatch(/does not match the survey/);
    expect(await pooled(s.waveId)).toHaveLength(0);
  });

  it("stores a valid response, thanks the respondent, and shows the already-answered page after", async () => {
    const s = await setUp();
    const token = s.links.get("eng1@acme.test")!;
    const response = await post(token, validForm(s.q));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/r/thanks");
    expect(await pooled(s.waveId)).toHaveLength(1);
    const again = await get(token);
    expect(again.status).toBe(410);
    expect(again.data).toMatchObject({ form: { state: "answered" } });
    const resent = await post(token, validForm(s.q));
    expect(resent.status).toBe(302);
    expect(resent.headers.get("Location")).toBe(`/r/${token}`);
    expect(await pooled(s.waveId)).toHaveLength(1);
  });

  it("puts nothing in the page that says whose link it is", async () => {
    const s = await setUp();
    const page = await get(s.links.get("eng1@acme.test")!);
    const eng1 = s.people.find((person) => person.email === "eng1@acme.test")!;
    const { nearby, ...rest } = (page.data as { form: { nearby: { name: string }[] } }).form;
    expect(JSON.stringify(rest)).not.toContain(eng1.id);
    expect(JSON.stringify(page.data)).not.toContain("eng1@acme.test");
    // The people offered as a list are the respondent's whole segment and its manager, the respondent among them.
    expect(nearby.map((person) => person.name).sort()).toEqual(["Eng Head", ...[1, 2, 3, 4, 5, 6].map((i) => `Eng Person ${i}`)].sort());
  });

  it("searches people without JavaScript, leaving nobody out (not even the respondent), and stores nothing", async () => {
    const s = await setUp();
    const token = s.links.get("eng1@acme.test")!;
    const response = await post(token, { ...validForm(s.q), intent: `search:${s.q.follow}`, [`search-${s.q.follow}`]: "Eng Person" });
    expect(response.status).toBe(200);
    const names = (response.data as { searches: { results: { name: string }[] }[] }).searches[0]!.results.map((person) => person.name);
    expect(names).toEqual(expect.arrayContaining(["Eng Person 1", "Eng Person 2"]));
    expect(await pooled(s.waveId)).toHaveLength(0);
    const typeahead = await call(() => peopleSearch.loader({ request: makeRequest(`/r/${token}/people?q=eng%20person`), params: { token }, context: {} }));
    expect((typeahead.data as { name: string }[]).map((p) => p.name)).toContain("Eng Person 1");
  });

  it("finds someone chosen in one question again in the next: each question is its own choice", async () => {
    const s = await setUp();
    const token = s.links.get("eng1@acme.test")!;
    const head = s.people.find((person) => person.email === "eng-head@acme.test")!;
    const response = await post(token, { ...validForm(s.q), [`n-${s.q.follow}`]: head.id, intent: `search:${s.q.advice}`, [`search-${s.q.advice}`]: "Eng Head" });
    const reply = response.data as { searches: { questionId: string; results: { id: string }[] }[]; searchedIn: string };
    expect(reply.searches).toEqual([{ questionId: s.q.advice, query: "Eng Head", results: [expect.objectContaining({ id: head.id })] }]);
    expect(reply.searchedIn).toBe(s.q.advice);
  });

  it("stores the same person chosen in all three questions, once in each", async () => {
    const s = await setUp();
    const token = s.links.get("eng1@acme.test")!;
    const head = s.people.find((person) => person.email === "eng-head@acme.test")!;
    const sales = s.people.find((person) => person.email === "sales1@acme.test")!;
    const form = { ...validForm(s.q), [`n-${s.q.follow}`]: head.id, [`n-${s.q.advice}`]: [head.id, sales.id], [`n-${s.q.moments}`]: head.id };
    const response = await post(token, form);
    expect(response.status).toBe(302);
    const [row] = await pooled(s.waveId);
    const stored = unseal<PooledResponse>("response-pool-v1", row!.sealed);
    expect(stored.nominations.filter((nomination) => nomination.nomineeId === head.id).map((nomination) => nomination.questionId).sort()).toEqual([s.q.follow, s.q.advice, s.q.moments].sort());
    expect(stored.nominations).toHaveLength(4);
  });

  it("offers the template's nomination questions without a limit, and says so", async () => {
    const s = await createOrgWithSurvey();
    const rows = await db.selectFrom("question").select(["key", "description", "options"]).where("wave_id", "=", s.waveId).where("kind", "=", "nomination").orderBy("position").execute();
    expect(rows.map((row) => row.key)).toEqual(["follow", "advice", "moments"]);
    for (const row of rows) {
      expect(row.options).toEqual({});
      expect(row.description).toMatch(/^Choose as many people as you like\. .*They will never see that you chose them\.$/);
    }
  });

  it("takes 25 people in one question of the template, which has no limit", async () => {
    const s = await createOrgWithSurvey({ teamSize: 30 });
    const links = await openWithLinks(s.org.id, s.waveId);
    const q = await questionIds(s.waveId);
    const chosen = s.people.filter((person) => person.email.startsWith("sales")).slice(0, 25);
    expect(chosen).toHaveLength(25);
    const response = await post(links.get("eng1@acme.test")!, { ...validForm(q), [`n-${q.advice}`]: chosen.map((person) => person.id) });
    expect(response.status).toBe(302);
    const [row] = await pooled(s.waveId);
    expect(unseal<PooledResponse>("response-pool-v1", row!.sealed).nominations).toHaveLength(25);
  });

  it("stores “I would name more people” at a question's limit, and nothing below it", async () => {
    const org = await createOrgWithSurvey();
    const follow = (await questionIds(org.waveId)).follow!;
    await db.updateTable("question").set({ options: JSON.stringify({ maxNominations: 2 }) }).where("id", "=", follow).execute();
    const links = await openWithLinks(org.org.id, org.waveId);
    const q = await questionIds(org.waveId);
    const [a, b] = org.people.filter((person) => person.email.startsWith("sales"));
    await post(links.get("eng1@acme.test")!, { ...validForm(q), [`n-${follow}`]: [a!.id, b!.id], [`more-${follow}`]: "1" });
    await post(links.get("eng2@acme.test")!, { ...validForm(q), [`n-${follow}`]: [a!.id], [`more-${follow}`]: "1" });
    const over = await post(links.get("eng3@acme.test")!, { ...validForm(q), [`n-${follow}`]: [a!.id, b!.id, org.people.find((person) => person.email === "ceo@acme.test")!.id] });
    expect(over.status).toBe(400);
    expect((over.data as { errors: Record<string, string> }).errors[follow]).toBe("Choose at most 2 people.");
    const stored = (await pooled(org.waveId)).map((row) => unseal<PooledResponse>("response-pool-v1", row.sealed).answers.filter((answer) => answer.questionId === follow));
    expect(stored.sort((x, y) => x.length - y.length)).toEqual([[], [{ questionId: follow, kind: "number", value: 1 }]]);
  });

  it("without JavaScript, Enter in any search box searches the box with new text and returns to it", async () => {
    const s = await setUp();
    const token = s.links.get("eng1@acme.test")!;
    // The first question was searched before (its text is what was searched); the second is new.
    const form = { ...validForm(s.q), intent: "search", [`search-${s.q.follow}`]: "Sales Person", [`search-last-${s.q.follow}`]: "Sales Person", [`search-${s.q.advice}`]: "Eng Head" };
    const response = await post(token, form);
    expect(response.status).toBe(200);
    const reply = response.data as { searches: { questionId: string; results: { name: string }[] }[]; searchedIn: string };
    expect(reply.searchedIn).toBe(s.q.advice);
    expect(reply.searches.map((search) => search.questionId)).toEqual([s.q.follow, s.q.advice]);
    expect(reply.searches[1]!.results.map((person) => person.name)).toEqual(["Eng Head"]);
    // Enter in an empty box changes nothing and stores nothing.
    const empty = await post(token, { ...validForm(s.q), intent: "search" });
    expect(empty.status).toBe(200);
    expect((empty.data as { searches: unknown[] }).searches).toEqual([]);
    expect(await pooled(s.waveId)).toHaveLength(0);
  });
});

describe("the open link", () => {
  it("takes one unverified answer per browser, kept apart from everyone else's", async () => {
    const s = await createOrgWithSurvey();
    await updateWaveSettings(db, s.org.id, s.waveId, { minGroupSize: 5, distribution: "open", reminderDays: [], opensAt: null, closesAt: null, repeatEveryWeeks: null });
    expect((await openWave(db, s.org.id, s.waveId, { baseUrl: "https://earned.test" })).outcome).toBe("done");
    const token = (await createOpenLink(db, s.org.id, s.waveId))!;
    const q = await questionIds(s.waveId);
    const first = await call(() => openLink.action({ request: makeRequest(`/r/open/${token}`, { form: validForm(q) }), params: { token }, context: {} }));
    expect(first.status).toBe(302);
    const cookie = first.headers.get("Set-Cookie")!.split(";")[0]!;
    const [row] = await pooled(s.waveId);
    const response = unseal<PooledResponse>("response-pool-v1", row!.sealed);
    expect(response).toMatchObject({ segment: "open-link" });
    const second = await call(() => openLink.action({ request: makeRequest(`/r/open/${token}`, { form: validForm(q), cookie }), params: { token }, context: {} }));
    expect(second.status).toBe(302);
    expect(await pooled(s.waveId)).toHaveLength(1);
    const page = await call(() => openLink.loader({ request: makeRequest(`/r/open/${token}`, { cookie }), params: { token }, context: {} }));
    expect(page.data).toMatchObject({ form: { state: "answered" } });
  });
});

describe("open links on waves with personal links", () => {
  it("cannot be created: invited people's answers are never mixed with unverified ones", async () => {
    const s = await setUp();
    expect(await createOpenLink(db, s.org.id, s.waveId)).toBeUndefined();
  });
});

describe("answers taken by the HTTP server before Remix", () => {
  const URLENCODED = "application/x-www-form-urlencoded";
  const encoded = (form: Record<string, string | string[]>) => {
    const fields = new URLSearchParams();
    for (const [name, value] of Object.entries(form)) for (const item of [value].flat()) fields.append(name, item);
    return Buffer.from(fields.toString());
  };
  const spent = async (waveId: string) => Number((await db.selectFrom("ballot").select((eb) => eb.fn.countAll<number>().as("n")).where("wave_id", "=", waveId).where("spent", "=", true).executeTakeFirstOrThrow()).n);

  it("are stored once, the ballot spent with them", async () => {
    const s = await setUp();
    const token = s.links.get("eng1@acme.test")!;
    const body = encoded({ ...validForm(s.q), [`n-${s.q.follow}`]: s.people.find((p) => p.email === "eng-head@acme.test")!.id });
    expect(await submitAnswersDirectly(token, URLENCODED, body)).toBe("/r/thanks");
    expect(await submitAnswersDirectly(token, URLENCODED, body)).toBeNull();
    expect(await pooled(s.waveId)).toHaveLength(1);
    expect(await spent(s.waveId)).toBe(1);
    const [row] = await pooled(s.waveId);
    expect(unseal<PooledResponse>("response-pool-v1", row!.sealed).nominations).toHaveLength(1);
  });

  it("leave everything else to Remix, with nothing stored: mistakes, searches, other encodings, unknown links", async () => {
    const s = await setUp();
    const token = s.links.get("eng1@acme.test")!;
    const mistaken = { ...validForm(s.q), [`q-${s.q.positional_position}`]: "9" };
    expect(await submitAnswersDirectly(token, URLENCODED, encoded(mistaken))).toBeNull();
    expect(await submitAnswersDirectly(token, URLENCODED, encoded({ ...validForm(s.q), intent: "search", [`search-${s.q.follow}`]: "eng" }))).toBeNull();
    expect(await submitAnswersDirectly(token, "multipart/form-data; boundary=x", encoded(validForm(s.q)))).toBeNull();
    expect(await submitAnswersDirectly("no-such-link", URLENCODED, encoded(validForm(s.q)))).toBeNull();
    expect(await pooled(s.waveId)).toHaveLength(0);
    expect(await spent(s.waveId)).toBe(0);
    // The same mistaken post, answered by Remix: the form again, with its message.
    const response = await post(token, mistaken);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.data)).toContain(s.q.positional_position!);
  });
});

