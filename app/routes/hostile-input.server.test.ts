import { writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { inviteMember } from "~/modules/accounts/members.server";
import { computeSnapshot } from "~/modules/analytics/analytics.server";
import { previewRosterImport } from "~/modules/people/roster.server";
import { releaseWave } from "~/modules/anonymity/pool.server";
import { reportLink } from "~/modules/reports/report-links.server";
import { submitResponse } from "~/modules/responses/responses.server";
import { createOpenLink } from "~/modules/surveys/distribution.server";
import { createSurvey } from "~/modules/surveys/surveys.server";
import { closeWave, openWave } from "~/modules/surveys/wave-lifecycle.server";
import { startNextWave } from "~/modules/surveys/wave-series.server";
import { addMember, call, databaseFingerprint, sessionCookie } from "../../test/fixtures.server";
import { createOrgWithSurvey, openWithLinks, questionIds, templateAnswers } from "../../test/survey-fixtures.server";

/**
 * Issue 13: malformed and hostile requests answer 4xx, never 5xx, and a refused request writes
 * nothing. Every loader and action of app/routes is called as each role (owner, admin, analyst,
 * leader, anonymous) with parameters, query strings, fields and bodies drawn from a seeded
 * generator: valid ids of this organization and another, malformed ids, NUL bytes and other
 * control characters, lone surrogates, huge and empty values, wrong content types, empty and
 * truncated bodies. After each request a digest of every table says whether anything was
 * written. FUZZ_SEED=<n> replays a run; FUZZ_ROUNDS=<n> asks for more requests per route.
 *
 * (The body limits, the Origin check and the headers live in front of Remix, in server/app.ts,
 * and are tried against the real Express app in server/app.test.ts.)
 */

type RouteArgs = { request: Request; params: Record<string, string>; context: { clientAddress: string } };
type RouteModule = { loader?: (args: RouteArgs) => Promise<unknown>; action?: (args: RouteArgs) => Promise<unknown> };

const ROUTES = import.meta.glob<RouteModule>(["./*.ts", "./*.tsx", "!./*.test.ts"], { eager: true });

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_125);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 1);
/** Requests per route, role and kind (loader or action), per round. */
const PER_LOADER = 4;
const PER_ACTION = 7;
/** Counts attempts on purpose (logins, open-link answers): a refused login is still an attempt. */
const COUNTERS = ["rate_limit"];

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof generator>;

const NUL = "\u0000";
/** Odd strings: each has broken something somewhere once. */
const ODD = [
  "",
  " ",
  NUL,
  `a${NUL}b`,
  `${NUL}@example.com`,
  "\u0001\u0002\u001f\u007f",
  "\t\r\n",
  "\uD800",
  "\uDFFF\uD800",
  "\uFFFE",
  "𝒜🙂",
  "<script>alert(1)</script>",
  "' or 1=1 --",
  "%00",
  "%",
  "../../etc/passwd",
  "/\t/evil.example",
  "//evil.example",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "0x10",
  "9".repeat(400),
  "null",
  "[]",
  "{}",
  "true",
  "x".repeat(5_000),
  "2026-13-45T25:61",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
];

const QUERY_KEYS = ["q", "department", "page", "inactive", "wave", "exclude", "expand", "remove", "confirm", "delete", "redirectTo", "sort", "reports", "followers", "index", "_data"];
const INTENTS = [
  "invite",
  "revoke",
  "change-role",
  "remove",
  "open",
  "schedule",
  "unschedule",
  "close",
  "open-link",
  "remove-open-link",
  "next-wave",
  "add-question",
  "move-question",
  "delete-question",
  "apply",
  "discard",
  "submit",
  "search:",
];
const FIELDS = [
  "intent",
  "email",
  "password",
  "name",
  "organizationName",
  "redirectTo",
  "role",
  "personEmail",
  "membershipId",
  "invitationId",
  "minGroupSize",
  "commentMinGroupSize",
  "dpEpsilon",
  "waveId",
  "questionId",
  "kind",
  "direction",
  "prompt",
  "description",
  "required",
  "construct",
  "choices",
  "maxNominations",
  "maxLength",
  "distribution",
  "reminderDays",
  "opensAt",
  "closesAt",
  "repeatEveryWeeks",
  "department",
  "managerId",
  "deactivateMissing",
  "templateKey",
  "file",
];
const ROLES = ["owner", "admin", "analyst", "leader", "anonymous"] as const;
type Role = (typeof ROLES)[number];

/** A second survey, open to anyone holding its shared link. */
async function openLinkWave(orgId: string): Promise<string> {
  const survey = await createSurvey(db, orgId, { name: "Open pulse", templateKey: "influence-and-authority-pulse" });
  if (survey.outcome !== "created") throw new Error(survey.outcome);
  const wave = await db.selectFrom("survey_wave").select("id").where("survey_id", "=", survey.surveyId).executeTakeFirstOrThrow();
  await db.updateTable("survey_wave").set({ distribution: "open" }).where("id", "=", wave.id).execute();
  expect((await openWave(db, orgId, wave.id, { baseUrl: "https://earned.test" })).outcome).toBe("done");
  return (await createOpenLink(db, orgId, wave.id))!;
}

/** A third, closed at once: everyone's private report link, with nothing published. */
async function closedWaveReports(orgId: string): Promise<string[]> {
  const survey = await createSurvey(db, orgId, { name: "Closed pulse", templateKey: "influence-and-authority-pulse" });
  if (survey.outcome !== "created") throw new Error(survey.outcome);
  const wave = await db.selectFrom("survey_wave").select("id").where("survey_id", "=", survey.surveyId).executeTakeFirstOrThrow();
  await openWithLinks(orgId, wave.id);
  await closeWave(db, orgId, wave.id);
  const invitations = await db.selectFrom("invitation").select("id").where("wave_id", "=", wave.id).limit(3).execute();
  return invitations.map((invitation) => reportLink("", invitation.id).slice("/me/".length));
}

async function setUp() {
  const org = await createOrgWithSurvey({ name: "Fuzz Co" });
  const links = await openWithLinks(org.org.id, org.waveId);
  const q = await questionIds(org.waveId);
  const idOf = (email: string) => org.people.find((person) => person.email === email)!.id;
  // Enough answers for dashboards with figures, so that their loaders and exports run in full.
  const answerers = [...[1, 2, 3, 4, 5, 6].map((i) => `eng${i}@acme.test`), "sales1@acme.test", "sales2@acme.test", "sales3@acme.test", "ceo@acme.test", "cfo@acme.test"];
  for (const [i, email] of answerers.entries()) {
    const nominees = { follow: [idOf(email.startsWith("eng") ? "eng-head@acme.test" : "sales4@acme.test")] };
    expect((await submitResponse(db, links.get(email)!, templateAnswers(q, nominees, i))).outcome).toBe("stored");
  }
  await releaseWave(db, org.waveId);
  await computeSnapshot(db, org.waveId);
  const openToken = await openLinkWave(org.org.id);
  const reportTokens = await closedWaveReports(org.org.id);
  const draft = await startNextWave(db, org.org.id, org.surveyId);
  const draftWaveId = draft.outcome === "created" ? draft.waveId : org.waveId;
  const draftQuestions = await questionIds(draftWaveId);

  const leaderPerson = idOf("eng-head@acme.test");
  const members = {
    admin: await addMember(org.org.id, "admin"),
    analyst: await addMember(org.org.id, "analyst"),
    leader: await addMember(org.org.id, "leader", leaderPerson),
  };
  await inviteMember(db, { orgId: org.org.id, orgName: "Fuzz Co", invitedBy: { id: org.userId, name: "Olivia" }, email: "new@acme.test", role: "analyst", personId: null, baseUrl: "https://earned.test" });
  const joinToken = (await db.selectFrom("email_message").select("body_text").where("kind", "=", "member-invitation").executeTakeFirstOrThrow()).body_text!.match(/\/join\/([\w-]+)/)![1]!;
  const preview = await previewRosterImport(db, { orgId: org.org.id, userId: org.userId, fileName: "r.csv", bytes: new TextEncoder().encode("email,name\nzed@acme.test,Zed"), deactivateMissing: false });

  const other = await createOrgWithSurvey({ name: "Other Co" });
  const otherQ = await questionIds(other.waveId);
  const otherPreview = await previewRosterImport(db, { orgId: other.org.id, userId: other.userId, fileName: "r.csv", bytes: new TextEncoder().encode("email,name\nx@other.test,X"), deactivateMissing: false });

  const ids = (table: "membership" | "member_invitation", orgId: string) =>
    db.selectFrom(table).select("id").where("organization_id", "=", orgId).execute().then((rows) => rows.map((row) => row.id));
  const unusedTokens = [...links.entries()].filter(([email]) => !answerers.includes(email)).map(([, token]) => token);

  return {
    orgId: org.org.id,
    users: { owner: { userId: org.userId, personId: null }, admin: { ...members.admin, personId: null }, analyst: { ...members.analyst, personId: null }, leader: { ...members.leader, personId: leaderPerson } },
    cookies: { owner: org.cookie, admin: members.admin.cookie, analyst: members.analyst.cookie, leader: members.leader.cookie, anonymous: undefined } as Record<Role, string | undefined>,
    slugs: [org.org.slug, org.org.slug, org.org.slug, other.org.slug],
    surveyIds: [org.surveyId, org.surveyId, other.surveyId],
    waveIds: [org.waveId, draftWaveId, draftWaveId, other.waveId],
    questionIds: [...Object.values(q), ...Object.values(draftQuestions), ...Object.values(otherQ).slice(0, 3)],
    personIds: [...org.people.map((person) => person.id).slice(0, 6), other.people[0]!.id],
    importIds: [preview.outcome === "previewed" ? preview.importId : "", otherPreview.outcome === "previewed" ? otherPreview.importId : ""],
    membershipIds: [...(await ids("membership", org.org.id)), ...(await ids("membership", other.org.id)).slice(0, 1)],
    invitationIds: [...(await ids("member_invitation", org.org.id)), ...(await ids("member_invitation", other.org.id))],
    tokens: { personal: unusedTokens, open: [openToken], join: [joinToken], report: reportTokens },
    emails: ["eng-head@acme.test", "new@acme.test", "ceo@acme.test", org.email, "nobody@acme.test"],
  };
}
type Setup = Awaited<ReturnType<typeof setUp>>;

/**
 * Legitimate requests among the random ones log a role out, remove or demote it: each role is
 * put back before the next request, so that every request is made with the role it names.
 */
async function restoreRoles(s: Setup) {
  for (const role of ["owner", "admin", "analyst", "leader"] as const) {
    const { userId, personId } = s.users[role];
    await db
      .insertInto("membership")
      .values({ organization_id: s.orgId, user_id: userId, role, person_id: personId })
      .onConflict((oc) => oc.columns(["organization_id", "user_id"]).doUpdateSet({ role, person_id: personId }))
      .execute();
    const sessionId = s.cookies[role]!.split("=")[1]!;
    if (!(await db.selectFrom("user_session").select("id").where("id", "=", sessionId).executeTakeFirst())) s.cookies[role] = await sessionCookie(userId);
  }
}

function paramValue(name: string, file: string, s: Setup, random: Random): string {
  if (random.chance(0.15)) return random.pick(ODD);
  switch (name) {
    case "orgSlug":
      return random.pick(s.slugs);
    case "surveyId":
      return random.pick(s.surveyIds);
    case "waveId":
      return random.pick(s.waveIds);
    case "questionId":
      return random.pick(s.questionIds);
    case "personId":
      return random.pick(s.personIds);
    case "importId":
      return random.pick(s.importIds);
    case "format":
      return random.pick(["people.csv", "groups.csv", "edges.csv", "flows.csv", "network.gexf", "network.graphml", "x.pdf"]);
    case "token":
      return random.pick(file.startsWith("r.open.") ? s.tokens.open : file.startsWith("join.") ? s.tokens.join : file.startsWith("me.") ? s.tokens.report : s.tokens.personal);
    default:
      return random.pick(ODD);
  }
}

/** A plausible value for a field, or an odd one. */
function fieldValue(name: string, s: Setup, random: Random): string {
  if (random.chance(0.35)) return random.pick(ODD);
  if (name === "intent") {
    const intent = random.pick(INTENTS);
    return intent === "search:" ? `search:${random.pick(s.questionIds)}` : intent;
  }
  if (/^(q|n|search)-/.test(name)) return random.pick(["1", "3", "5", "10", random.pick(s.personIds), "maybe"]);
  const pools: Record<string, readonly string[]> = {
    email: s.emails,
    personEmail: s.emails,
    password: ["correct horse battery", "wrong", "x".repeat(201)],
    role: ["owner", "admin", "analyst", "leader", "root"],
    membershipId: s.membershipIds,
    invitationId: s.invitationIds,
    waveId: s.waveIds,
    questionId: s.questionIds,
    managerId: s.personIds,
    kind: ["likert", "scale", "single_choice", "multiple_choice", "text", "nomination", "organization", "departments", "subtrees", "essay"],
    direction: ["up", "down", "sideways"],
    distribution: ["email", "links", "carrier-pigeon"],
    minGroupSize: ["2", "3", "5", "50", "51"],
    commentMinGroupSize: ["3", "10", "500"],
    dpEpsilon: ["", "0.5", "1", "-1"],
    maxNominations: ["0", "1", "3", "10", "11"],
    maxLength: ["1", "1000", "5000", "5001"],
    reminderDays: ["", "2", "2,4", "2,2", "0", "400"],
    opensAt: ["2026-12-01T09:00", "2020-01-01T00:00", ""],
    closesAt: ["2027-01-01T09:00", ""],
    repeatEveryWeeks: ["", "1", "4", "53"],
    required: ["on", "off"],
    templateKey: ["influence-and-authority-pulse", "blank", "none"],
    department: ["Eng", "Sales", "Exec"],
    deactivateMissing: ["on"],
    redirectTo: ["/orgs", "/o/fuzz-co", "/\t/evil.example", "https://evil.example"],
  };
  return random.pick(pools[name] ?? ["Fuzz", "A name", "Some text"]);
}

const CSV_BODIES = [
  "email,name,manager_email\nnew1@acme.test,New One,\nnew2@acme.test,New Two,new1@acme.test",
  "email,name\n\u0000,\u0000",
  "\uFEFFemail;name\nsemi@acme.test;Semi",
  "email,name,manager_email\na@acme.test,A,b@acme.test\nb@acme.test,B,a@acme.test",
  '"unterminated,quote\nx',
  "",
];

/** A hostile request body of one of several shapes, and the headers that go with it. */
function body(s: Setup, random: Random): { headers: Record<string, string>; body?: BodyInit; shape: string } {
  const fieldNames = [...FIELDS, `q-${random.pick(s.questionIds)}`, `n-${random.pick(s.questionIds)}`, `search-${random.pick(s.questionIds)}`, random.pick(ODD)];
  const fields: [string, string][] = [];
  if (random.chance(0.8)) fields.push(["intent", fieldValue("intent", s, random)]);
  for (let i = random.int(9); i > 0; i--) {
    const name = random.pick(fieldNames);
    fields.push([name, fieldValue(name, s, random)]);
  }
  const shape = random.pick(["urlencoded", "urlencoded", "urlencoded", "multipart", "multipart", "empty", "no-type", "json", "multipart-no-boundary", "text", "truncated-multipart"] as const);
  switch (shape) {
    case "urlencoded":
      return { shape, headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() };
    case "multipart": {
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      if (random.chance(0.5)) form.append("file", new File([random.chance(0.8) ? random.pick(CSV_BODIES) : new Uint8Array([0xff, 0xfe, 0, 0xd8, 0])], random.pick(["roster.csv", "", "\u0000.csv", "a".repeat(300)])));
      return { shape, headers: {}, body: form };
    }
    case "empty":
      return { shape, headers: { "Content-Type": random.pick(["application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) }, body: "" };
    case "no-type":
      return { shape, headers: {}, body: new URLSearchParams(fields).toString() };
    case "json":
      return { shape, headers: { "Content-Type": "application/json" }, body: random.pick(["{", "{}", JSON.stringify(Object.fromEntries(fields)), "null"]) };
    case "multipart-no-boundary":
      return { shape, headers: { "Content-Type": "multipart/form-data" }, body: "--x\r\nContent-Disposition: form-data; name=\"intent\"\r\n\r\napply\r\n--x--" };
    case "text":
      return { shape, headers: { "Content-Type": "text/plain" }, body: `intent=${NUL}` };
    case "truncated-multipart":
      return { shape, headers: { "Content-Type": "multipart/form-data; boundary=x" }, body: '--x\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\n\r\nemail,name\na@b.c,A' };
  }
}

const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

function urlFor(file: string, params: Record<string, string>, query: URLSearchParams): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .split(".")
    .filter((segment) => segment !== "_index")
    // A URL cannot carry a lone surrogate; the params handed to the route still do.
    .map((segment) => (segment.startsWith("$") ? encodeURIComponent(wellFormed(params[segment.slice(1)]!)) : segment));
  const search = query.toString();
  return `http://localhost/${segments.join("/")}${search ? `?${search}` : ""}`;
}

type Tried = { route: string; kind: "loader" | "action"; role: Role; method: string; url: string; shape?: string; status: number; problem?: string };

describe("hostile and malformed requests to every loader and action", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  }, 180_000);

  it(
    "answer below 500, and write nothing when refused",
    async () => {
      const random = generator(SEED);
      const routes = Object.entries(ROUTES).map(([path, module]) => ({ file: path.replace(/^\.\//, ""), module }));
      expect(routes.filter(({ module }) => module.loader || module.action).length).toBeGreaterThan(30);
      const tried: Tried[] = [];
      const problems: Tried[] = [];
      let before = await databaseFingerprint(COUNTERS);

      for (let round = 0; round < ROUNDS; round++) {
        for (const { file, module } of routes) {
          const paramNames = [...file.matchAll(/\$(\w+)/g)].map((match) => match[1]!);
          for (const kind of ["loader", "action"] as const) {
            const run = module[kind];
            if (!run) continue;
            for (const role of ROLES) {
              for (let i = 0; i < (kind === "loader" ? PER_LOADER : PER_ACTION); i++) {
                const params = Object.fromEntries(paramNames.map((name) => [name, paramValue(name, file, s, random)]));
                const query = new URLSearchParams();
                for (let n = random.int(4); n > 0; n--) {
                  const key = random.chance(0.9) ? random.pick(QUERY_KEYS) : random.pick(ODD);
                  query.append(key, random.chance(0.5) ? random.pick(ODD) : fieldValue(key === "q" ? "name" : key, s, random));
                }
                const headers = new Headers();
                if (random.chance(0.2)) headers.set("Accept", random.pick(["application/json", "text/csv", "*/*", "text/html"]));
                let method = "GET";
                let shape: string | undefined;
                let requestBody: BodyInit | undefined;
                if (kind === "action") {
                  method = random.chance(0.9) ? "POST" : random.pick(["PUT", "PATCH", "DELETE"]);
                  const made = body(s, random);
                  shape = made.shape;
                  requestBody = made.body;
                  for (const [name, value] of Object.entries(made.headers)) headers.set(name, value);
                }
                if (kind === "action") {
                  await restoreRoles(s);
                  before = await databaseFingerprint(COUNTERS);
                }
                const url = urlFor(file, params, query);
                const cookie = s.cookies[role];
                if (cookie) headers.set("Cookie", cookie);
                const entry: Tried = { route: file, kind, role, method, url, shape, status: 0 };
                try {
                  const request = new Request(url, { method, headers, body: requestBody });
                  entry.status = (await call(() => run({ request, params, context: { clientAddress: `198.51.100.${ROLES.indexOf(role)}` } }))).status;
                } catch (error) {
                  entry.status = 500;
                  entry.problem = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error);
                }
                tried.push(entry);
                const after = await databaseFingerprint(COUNTERS);
                const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
                if (entry.status >= 500) problems.push(entry);
                else if (changed.length > 0 && (entry.status >= 400 || kind === "loader")) problems.push({ ...entry, problem: `wrote to ${changed.join(", ")}` });
                before = after;
              }
            }
          }
        }
      }

      const byStatus = tried.reduce<Record<number, number>>((counts, entry) => ({ ...counts, [entry.status]: (counts[entry.status] ?? 0) + 1 }), {});
      if (process.env.FUZZ_DUMP) writeFileSync(process.env.FUZZ_DUMP, JSON.stringify(tried, null, 1));
      console.log(`Hostile input: ${tried.length} requests (seed ${SEED}) to ${routes.length} routes as ${ROLES.join(", ")}; by status ${JSON.stringify(byStatus)}; ${problems.length} problems.`);
      expect(
        problems.slice(0, 25).map((entry) => `${entry.status} ${entry.kind} ${entry.route} as ${entry.role}: ${entry.method} ${entry.url}${entry.shape ? ` (${entry.shape})` : ""}${entry.problem ? ` — ${entry.problem}` : ""}`),
        `${problems.length} of ${tried.length} requests answered 5xx or wrote when refused (FUZZ_SEED=${SEED} replays)`,
      ).toEqual([]);
    },
    20 * 60_000,
  );
});

/** The cases the issue names, one by one, so that a regression says which. */
describe("the hostile requests named in issue 13", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  }, 180_000);
  const route = (file: string) => ROUTES[`./${file}`]!;
  const run = async (file: string, kind: "loader" | "action", params: Record<string, string>, init: RequestInit & { url?: string } = {}) => {
    const request = new Request(init.url ?? "http://localhost/", init);
    return call(() => route(file)[kind]!({ request, params, context: { clientAddress: "198.51.100.99" } }));
  };
  const form = (fields: Record<string, string>, cookie?: string): RequestInit => ({
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });

  it("a NUL byte in the open-link people search, unauthenticated, is a search for the rest", async () => {
    const response = await run("r.open.$token.people.ts", "loader", { token: s.tokens.open[0]! }, { url: "http://localhost/r/open/x/people?q=Eng%00%00&exclude=%00" });
    expect(response.status).toBe(200);
    expect((response.data as { name: string }[]).map((person) => person.name)).toContain("Eng Head");
  });

  it("a NUL byte in the people directory's search and department filter", async () => {
    const response = await run("o.$orgSlug.people._index.tsx", "loader", { orgSlug: s.slugs[0]! }, { url: "http://localhost/?q=%00Eng&department=Eng%00", headers: { Cookie: s.cookies.owner! } });
    expect(response.status).toBe(200);
    expect((response.data as { total: number }).total).toBeGreaterThan(0);
  });

  it("a NUL byte in an organization's slug is no organization: 404", async () => {
    expect((await run("o.$orgSlug._index.tsx", "loader", { orgSlug: `${s.slugs[0]}\u0000` }, { headers: { Cookie: s.cookies.owner! } })).status).toBe(404);
  });

  it("a NUL byte in a form field is dropped, as if it had never been typed", async () => {
    const response = await run("signup.tsx", "action", {}, form({ name: "Nul\u0000 Person", email: "nul\u0000@example.com", password: "correct horse battery", organizationName: "Nul\u0000 Org" }));
    // The email with its NUL removed is a valid address: the account is made, without the NUL anywhere.
    expect(response.status).toBe(302);
    const user = await db.selectFrom("app_user").select(["name", "email"]).where("email", "=", "nul@example.com").executeTakeFirstOrThrow();
    expect(user).toEqual({ name: "Nul Person", email: "nul@example.com" });
  });

  it("a body that is not a form answers 415, an empty or cut-off one 400, before any work", async () => {
    const before = await databaseFingerprint(COUNTERS);
    const login = (init: RequestInit) => run("login.tsx", "action", {}, { method: "POST", ...init });
    expect((await login({ headers: { "Content-Type": "application/json" }, body: '{"email":"x"}' })).status).toBe(415);
    expect((await login({ body: "email=x" })).status).toBe(415);
    expect((await login({ headers: { "Content-Type": "multipart/form-data" }, body: "--x--" })).status).toBe(400);
    expect((await login({ headers: { "Content-Type": "multipart/form-data; boundary=x" }, body: '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na' })).status).toBe(400);
    expect((await login({ headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "" })).status).toBe(400);
    expect(await databaseFingerprint(COUNTERS)).toEqual(before);
  });

  it("control characters in redirectTo send the user home, not into a 500", async () => {
    const response = await run("login.tsx", "action", {}, form({ email: s.emails[3]!, password: "correct horse battery", redirectTo: "/o/x\r\nSet-Cookie: a=b" }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/orgs");
  });

  it("a link token that cannot be a token is an unknown link, never a broken redirect", async () => {
    for (const token of ["\uD800", "\u0000", "a/b", "%"]) {
      const response = await run("r.$token.tsx", "action", { token }, form({ intent: "submit" }));
      expect(response.status).toBe(302);
      expect(() => new URL(response.headers.get("Location")!, "http://localhost")).not.toThrow();
    }
  });
});
