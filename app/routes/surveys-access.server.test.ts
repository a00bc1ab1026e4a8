import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import type { Role } from "~/modules/accounts/roles";
import { addMember, call, createOwner, databaseFingerprint, makeRequest } from "../../test/fixtures.server";
import * as linksDownload from "./o.$orgSlug.surveys.$surveyId.waves.$waveId.links";
import { createOrgWithSurvey, questionIds } from "../../test/survey-fixtures.server";
import * as surveysList from "./o.$orgSlug.surveys._index";
import * as newSurvey from "./o.$orgSlug.surveys.new";
import * as surveyPage from "./o.$orgSlug.surveys.$surveyId._index";
import * as questionPage from "./o.$orgSlug.surveys.$surveyId.waves.$waveId.questions.$questionId";
import * as settingsPage from "./o.$orgSlug.surveys.$surveyId.waves.$waveId.settings";
import * as audiencePage from "./o.$orgSlug.surveys.$surveyId.waves.$waveId.audience";

type Setup = Awaited<ReturnType<typeof setUp>>;
const ROLES: Role[] = ["owner", "admin", "analyst", "leader"];

async function setUp() {
  const org = await createOrgWithSurvey();
  const leaderPerson = org.people.find((person) => person.email === "eng-head@acme.test")!;
  const cookies: Record<Role, string> = {
    owner: org.cookie,
    admin: (await addMember(org.org.id, "admin")).cookie,
    analyst: (await addMember(org.org.id, "analyst")).cookie,
    leader: (await addMember(org.org.id, "leader", leaderPerson.id)).cookie,
  };
  const stranger = await createOwner("Stranger");
  const q = await questionIds(org.waveId);
  return { org, cookies, stranger, q };
}

const args = (path: string, params: Record<string, string>, cookie: string, form?: Record<string, string>) => ({ request: makeRequest(path, { cookie, form }), params, context: {} });

describe("who may run surveys", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });
  const params = () => ({ orgSlug: s.org.org.slug, surveyId: s.org.surveyId, waveId: s.org.waveId, questionId: s.q.follow! });

  const cases: { name: string; run: (cookie: string) => Promise<{ status: number }> }[] = [
    { name: "survey list", run: (c) => call(() => surveysList.loader(args("/", params(), c))) },
    { name: "survey page", run: (c) => call(() => surveyPage.loader(args("/", params(), c))) },
    { name: "question editor", run: (c) => call(() => questionPage.loader(args("/", params(), c))) },
    { name: "audience", run: (c) => call(() => audiencePage.loader(args("/", params(), c))) },
    { name: "add a question", run: (c) => call(() => surveyPage.action(args("/", params(), c, { intent: "add-question", waveId: s.org.waveId, kind: "likert" }))) },
  ];
  for (const testCase of cases) {
    it(`${testCase.name}: owners and admins only; strangers get 404`, async () => {
      const statuses = [];
      for (const role of ROLES) statuses.push((await testCase.run(s.cookies[role])).status);
      expect(statuses.map((status) => status < 400)).toEqual([true, true, false, false]);
      expect(statuses.slice(2)).toEqual([403, 403]);
      expect((await testCase.run(s.stranger.cookie)).status).toBe(404);
    });
  }

  it("answers 404 for a wave of another survey or organization, even through one's own survey URL", async () => {
    const other = await createOrgWithSurvey({ name: "Elsewhere" });
    const response = await call(() => settingsPage.loader(args("/", { orgSlug: s.org.org.slug, surveyId: s.org.surveyId, waveId: other.waveId }, s.cookies.owner)));
    expect(response.status).toBe(404);
    const malformed = await call(() => surveyPage.loader(args("/", { orgSlug: s.org.org.slug, surveyId: "../etc" }, s.cookies.owner)));
    expect(malformed.status).toBe(404);
  });
});

describe("bad input to the survey builder", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });

  it("explains a missing name and keeps the template", async () => {
    const response = await call(() => newSurvey.action(args("/", { orgSlug: s.org.org.slug }, s.cookies.admin, { name: "", templateKey: "blank" })));
    expect(response).toMatchObject({ status: 400, data: { errors: { name: ["Name the survey (at least 2 characters)."] } } });
    const taken = await call(() => newSurvey.action(args("/", { orgSlug: s.org.org.slug }, s.cookies.admin, { name: "Pulse", templateKey: "blank" })));
    expect(taken).toMatchObject({ status: 409, data: { errors: { name: ["Another survey already has this name."] } } });
  });

  it("refuses a nomination question for zero people and changes nothing", async () => {
    const params = { orgSlug: s.org.org.slug, surveyId: s.org.surveyId, waveId: s.org.waveId, questionId: s.q.follow! };
    const response = await call(() => questionPage.action(args("/", params, s.cookies.admin, { prompt: "Who?", maxNominations: "0" })));
    expect(response).toMatchObject({ status: 400, data: { errors: { maxNominations: ["Allow between 1 and 50 people, or choose no limit."] } } });
    const stored = await db.selectFrom("question").select(["prompt", "options"]).where("id", "=", s.q.follow!).executeTakeFirstOrThrow();
    expect(stored.options).toEqual({});
  });

  it("refuses a minimum group size below 3", async () => {
    const params = { orgSlug: s.org.org.slug, surveyId: s.org.surveyId, waveId: s.org.waveId };
    const response = await call(() => settingsPage.action(args("/", params, s.cookies.admin, { minGroupSize: "2", distribution: "email" })));
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.data)).toContain("cannot be below 3");
    const wave = await db.selectFrom("survey_wave").select("min_group_size").where("id", "=", s.org.waveId).executeTakeFirstOrThrow();
    expect(wave.min_group_size).toBe(5);
  });

  it("answers 400 to a tampered action", async () => {
    const params = { orgSlug: s.org.org.slug, surveyId: s.org.surveyId };
    const response = await call(() => surveyPage.action(args("/", params, s.cookies.admin, { intent: "drop-table", waveId: "x" })));
    expect(response.status).toBe(400);
    const delete_ = await call(() => surveyPage.action(args("/", params, s.cookies.admin, { intent: "delete-question", waveId: s.org.waveId, questionId: "not-a-uuid" })));
    expect(delete_.status).toBe(400);
  });
});

/**
 * Issue 13: every survey action, by an owner of their own organization, with the other
 * organization's survey, wave, question and people ids: 404, and not a row changes anywhere.
 */
describe("another organization's survey ids, through one's own organization", () => {
  let s: Setup;
  let theirs: Awaited<ReturnType<typeof createOrgWithSurvey>> & { q: Record<string, string> };
  beforeAll(async () => {
    s = await setUp();
    const other = await createOrgWithSurvey({ name: "Elsewhere" });
    theirs = { ...other, q: await questionIds(other.waveId) };
  });
  const mine = () => ({ orgSlug: s.org.org.slug, surveyId: s.org.surveyId, waveId: s.org.waveId, questionId: s.q.follow! });
  const act = (module: { action: (a: ReturnType<typeof args>) => Promise<unknown> }, params: Record<string, string>, form: Record<string, string>) =>
    call(() => module.action(args("/", params, s.cookies.owner, form)));

  const waveIntents = ["open", "schedule", "unschedule", "close", "open-link", "remove-open-link"] as const;
  const cases: { name: string; run: () => Promise<{ status: number }> }[] = [
    ...waveIntents.map((intent) => ({ name: `${intent} their wave`, run: () => act(surveyPage, mine(), { intent, waveId: theirs.waveId }) })),
    ...waveIntents.map((intent) => ({
      name: `${intent} their wave through their survey id`,
      run: () => act(surveyPage, { ...mine(), surveyId: theirs.surveyId }, { intent, waveId: theirs.waveId }),
    })),
    { name: "start their next wave", run: () => act(surveyPage, { ...mine(), surveyId: theirs.surveyId }, { intent: "next-wave" }) },
    { name: "add a question to their wave", run: () => act(surveyPage, mine(), { intent: "add-question", waveId: theirs.waveId, kind: "likert" }) },
    { name: "move their question", run: () => act(surveyPage, mine(), { intent: "move-question", waveId: s.org.waveId, questionId: theirs.q.follow!, direction: "down" }) },
    { name: "delete their question", run: () => act(surveyPage, mine(), { intent: "delete-question", waveId: s.org.waveId, questionId: theirs.q.follow! }) },
    { name: "edit their question", run: () => act(questionPage, { ...mine(), questionId: theirs.q.follow! }, { prompt: "Mine now?", maxNominations: "3" }) },
    {
      name: "edit their question through their wave",
      run: () => act(questionPage, { ...mine(), waveId: theirs.waveId, questionId: theirs.q.follow! }, { prompt: "Mine now?", maxNominations: "3" }),
    },
    { name: "change their wave's settings", run: () => act(settingsPage, { ...mine(), waveId: theirs.waveId }, { minGroupSize: "3", distribution: "links" }) },
    { name: "change their wave's audience", run: () => act(audiencePage, { ...mine(), waveId: theirs.waveId }, { kind: "organization" }) },
    {
      name: "aim one's own wave at their managers",
      run: () => act(audiencePage, mine(), { kind: "subtrees", managerId: theirs.people.find((person) => person.email === "eng-head@acme.test")!.id }),
    },
    { name: "download their wave's links", run: () => act(linksDownload, { ...mine(), waveId: theirs.waveId }, {}) },
  ];
  for (const testCase of cases) {
    it(`${testCase.name}: 404, nothing changed`, async () => {
      const before = await databaseFingerprint();
      expect((await testCase.run()).status).toBe(404);
      expect(await databaseFingerprint()).toEqual(before);
    });
  }
});
