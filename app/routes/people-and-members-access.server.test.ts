import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import type { Role } from "~/modules/accounts/roles";
import { addMember, call, createOwner, databaseFingerprint, makeRequest } from "../../test/fixtures.server";
import { inviteMember } from "~/modules/accounts/members.server";
import { previewRosterImport } from "~/modules/people/roster.server";
import * as importProblems from "./o.$orgSlug.people.import.$importId.problems";
import * as importPage from "./o.$orgSlug.people.import._index";
import * as importReview from "./o.$orgSlug.people.import.$importId";
import * as importUpload from "./o.$orgSlug.people.import.upload";
import * as personPage from "./o.$orgSlug.people.$personId";
import * as chartPage from "./o.$orgSlug.people.chart";
import * as chartTeam from "./o.$orgSlug.people.chart_.team.$personId";
import * as peoplePage from "./o.$orgSlug.people._index";
import * as membersPage from "./o.$orgSlug.settings.members";
import * as organizationPage from "./o.$orgSlug.settings.organization";

type Setup = Awaited<ReturnType<typeof setUp>>;
type Case = {
  name: string;
  /** Expected status for owner, admin, analyst, leader. */
  expect: [number, number, number, number];
  run: (setup: Setup, cookie: string, orgSlug: string) => Promise<{ status: number }>;
};

const ROLES: Role[] = ["owner", "admin", "analyst", "leader"];

function rosterForm(lines: string[]) {
  const form = new FormData();
  form.append("file", new File([["email,name,manager_email", ...lines].join("\n")], "roster.csv", { type: "text/csv" }));
  return form;
}

async function setUp() {
  const owner = await createOwner("Acme");
  const person = await db
    .insertInto("person")
    .values({ organization_id: owner.org.id, email: "lead@acme.test", name: "Lead Person" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const cookies: Record<Role, string> = {
    owner: owner.cookie,
    admin: (await addMember(owner.org.id, "admin")).cookie,
    analyst: (await addMember(owner.org.id, "analyst")).cookie,
    leader: (await addMember(owner.org.id, "leader", person.id)).cookie,
  };
  const stranger = await createOwner("Stranger Co");
  const foreignPerson = await db
    .insertInto("person")
    .values({ organization_id: stranger.org.id, email: "secret@stranger.test", name: "Secret" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const analystMembership = await db
    .selectFrom("membership")
    .select("id")
    .where("organization_id", "=", owner.org.id)
    .where("role", "=", "analyst")
    .executeTakeFirstOrThrow();
  return { owner, person, cookies, stranger, foreignPerson, analystMembershipId: analystMembership.id };
}

const args = (path: string, params: Record<string, string>, cookie: string, form?: Record<string, string> | FormData) => ({
  request: makeRequest(path, { cookie, form }),
  params,
  context: {},
});

const CASES: Case[] = [
  { name: "people directory", expect: [200, 200, 200, 403], run: (_, c, slug) => call(() => peoplePage.loader(args(`/o/${slug}/people`, { orgSlug: slug }, c))) },
  { name: "org chart", expect: [200, 200, 200, 403], run: (_, c, slug) => call(() => chartPage.loader(args(`/o/${slug}/people/chart`, { orgSlug: slug }, c))) },
  {
    name: "org chart team",
    expect: [200, 200, 200, 403],
    run: (s, c, slug) => call(() => chartTeam.loader(args(`/o/${slug}/people/chart/team/x`, { orgSlug: slug, personId: s.person.id }, c))),
  },
  {
    name: "person page",
    expect: [200, 200, 200, 403],
    run: (s, c, slug) => call(() => personPage.loader(args(`/o/${slug}/people/x`, { orgSlug: slug, personId: s.person.id }, c))),
  },
  { name: "import page", expect: [200, 200, 403, 403], run: (_, c, slug) => call(() => importPage.loader(args(`/o/${slug}/people/import`, { orgSlug: slug }, c))) },
  {
    name: "roster upload",
    expect: [302, 302, 403, 403],
    run: (_, c, slug) => call(() => importPage.action(args(`/o/${slug}/people/import`, { orgSlug: slug }, c, rosterForm(["new@acme.test,New,"])))),
  },
  {
    name: "roster upload (enhanced)",
    expect: [200, 200, 403, 403],
    run: (_, c, slug) => call(() => importUpload.action(args(`/o/${slug}/people/import/upload`, { orgSlug: slug }, c, rosterForm(["new@acme.test,New,"])))),
  },
  { name: "members page", expect: [200, 200, 403, 403], run: (_, c, slug) => call(() => membersPage.loader(args(`/o/${slug}/settings/members`, { orgSlug: slug }, c))) },
  {
    name: "invite a member",
    expect: [200, 200, 403, 403],
    run: (_, c, slug) =>
      call(() => membersPage.action(args(`/o/${slug}/settings/members`, { orgSlug: slug }, c, { intent: "invite", email: `x${Math.random()}@acme.test`, role: "analyst" }))),
  },
  {
    name: "change a role",
    expect: [200, 403, 403, 403],
    run: (s, c, slug) =>
      call(() => membersPage.action(args(`/o/${slug}/settings/members`, { orgSlug: slug }, c, { intent: "change-role", membershipId: s.analystMembershipId, role: "analyst" }))),
  },
  {
    name: "remove a member",
    expect: [302, 403, 403, 403],
    run: async (s, c, slug) => {
      const target = await addMember(s.owner.org.id, "analyst");
      const membership = await db.selectFrom("membership").select("id").where("user_id", "=", target.userId).executeTakeFirstOrThrow();
      return call(() => membersPage.action(args(`/o/${slug}/settings/members`, { orgSlug: slug }, c, { intent: "remove", membershipId: membership.id })));
    },
  },
  {
    name: "organization settings",
    expect: [200, 403, 403, 403],
    run: (_, c, slug) =>
      call(() =>
        organizationPage.action(
          args(`/o/${slug}/settings/organization`, { orgSlug: slug }, c, { name: "Acme", minGroupSize: "5", commentMinGroupSize: "10", dpEpsilon: "", naming: "formal-roles" }),
        ),
      ),
  },
];

describe("who may do what with people and members", () => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await setUp();
  });

  for (const testCase of CASES) {
    it(`${testCase.name}: owner ${testCase.expect[0]}, admin ${testCase.expect[1]}, analyst ${testCase.expect[2]}, leader ${testCase.expect[3]}; stranger 404`, async () => {
      const statuses = [];
      for (const role of ROLES) statuses.push((await testCase.run(setup, setup.cookies[role], setup.owner.org.slug)).status);
      expect(statuses).toEqual(testCase.expect);
      // The owner of another organization gets 404, exactly as for one that does not exist.
      expect((await testCase.run(setup, setup.stranger.cookie, setup.owner.org.slug)).status).toBe(404);
    });
  }

  it("answers 404 for another organization's person, even through one's own organization", async () => {
    const response = await call(() =>
      personPage.loader(args("/", { orgSlug: setup.owner.org.slug, personId: setup.foreignPerson.id }, setup.cookies.owner)),
    );
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.data)).not.toContain("Secret");
  });

  it("answers 404 for another organization's manager's team in the org chart", async () => {
    const response = await call(() => chartTeam.loader(args("/", { orgSlug: setup.owner.org.slug, personId: setup.foreignPerson.id }, setup.cookies.owner)));
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.data ?? "")).not.toContain("Secret");
  });

  it("answers 404 for a malformed id before querying", async () => {
    const response = await call(() => personPage.loader(args("/", { orgSlug: setup.owner.org.slug, personId: "1 or 1=1" }, setup.cookies.owner)));
    expect(response.status).toBe(404);
  });

  it("answers 404 when applying another organization's import", async () => {
    const upload = await call(() =>
      importUpload.action(args("/", { orgSlug: setup.stranger.org.slug }, setup.stranger.cookie, rosterForm(["s@stranger.test,S,"]))),
    );
    const importId = String((upload.data as { redirectTo: string }).redirectTo.split("/").pop());
    const response = await call(() =>
      importReview.action(args("/", { orgSlug: setup.owner.org.slug, importId }, setup.cookies.owner, { intent: "apply" })),
    );
    expect(response.status).toBe(404);
  });

  it("explains an upload without a file or with an unreadable one, and creates nothing", async () => {
    const before = await db.selectFrom("roster_import").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const noFile = await call(() => importPage.action(args("/", { orgSlug: setup.owner.org.slug }, setup.cookies.admin, { intent: "x" })));
    expect(noFile).toMatchObject({ status: 400, data: { error: "Choose a CSV file to upload." } });
    const form = new FormData();
    form.append("file", new File([new Uint8Array([0xff, 0xfe, 0x00, 0xd8])], "roster.csv"));
    const unreadable = await call(() => importPage.action(args("/", { orgSlug: setup.owner.org.slug }, setup.cookies.admin, form)));
    expect(unreadable.status).toBe(400);
    const after = await db.selectFrom("roster_import").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

/**
 * Issue 13: an id learned from another organization (a link, a log, a screenshot) must reach
 * nothing through one's own organization's URL. Each action is tried by an owner of their own
 * organization with the other one's ids: 404, and not a row of any table changes.
 */
describe("another organization's ids, through one's own organization", () => {
  let setup: Setup;
  let foreign: { importId: string; invitationId: string; membershipId: string; ownerMembershipId: string };
  beforeAll(async () => {
    setup = await setUp();
    const { stranger } = setup;
    const preview = await previewRosterImport(db, {
      orgId: stranger.org.id,
      userId: stranger.userId,
      fileName: "theirs.csv",
      bytes: new TextEncoder().encode("email,name\nsecret@stranger.test,Secret\nother@stranger.test,Other"),
      deactivateMissing: true,
    });
    if (preview.outcome !== "previewed") throw new Error("preview");
    await inviteMember(db, {
      orgId: stranger.org.id,
      orgName: "Stranger Co",
      invitedBy: { id: stranger.userId, name: "Them" },
      email: "invitee@stranger.test",
      role: "analyst",
      personId: null,
      baseUrl: "https://earned.test",
    });
    const invitation = await db.selectFrom("member_invitation").select("id").where("organization_id", "=", stranger.org.id).executeTakeFirstOrThrow();
    const analyst = await addMember(stranger.org.id, "analyst");
    const memberships = await db.selectFrom("membership").select(["id", "user_id"]).where("organization_id", "=", stranger.org.id).execute();
    foreign = {
      importId: preview.importId,
      invitationId: invitation.id,
      membershipId: memberships.find((m) => m.user_id === analyst.userId)!.id,
      ownerMembershipId: memberships.find((m) => m.user_id === stranger.userId)!.id,
    };
    expect(await db.selectFrom("roster_import_row").select("email").where("import_id", "=", preview.importId).execute()).toHaveLength(2);
  });

  const mine = () => ({ orgSlug: setup.owner.org.slug });
  const cases: { name: string; run: () => Promise<{ status: number }> }[] = [
    { name: "apply their import", run: () => call(() => importReview.action(args("/", { ...mine(), importId: foreign.importId }, setup.cookies.owner, { intent: "apply" }))) },
    { name: "discard their import", run: () => call(() => importReview.action(args("/", { ...mine(), importId: foreign.importId }, setup.cookies.owner, { intent: "discard" }))) },
    { name: "review their import", run: () => call(() => importReview.loader(args("/", { ...mine(), importId: foreign.importId }, setup.cookies.owner))) },
    { name: "download their import's problems", run: () => call(() => importProblems.loader(args("/", { ...mine(), importId: foreign.importId }, setup.cookies.owner))) },
    { name: "revoke their invitation", run: () => call(() => membersPage.action(args("/", mine(), setup.cookies.owner, { intent: "revoke", invitationId: foreign.invitationId }))) },
    {
      name: "change their member's role",
      run: () => call(() => membersPage.action(args("/", mine(), setup.cookies.owner, { intent: "change-role", membershipId: foreign.membershipId, role: "admin" }))),
    },
    {
      name: "demote their owner",
      run: () => call(() => membersPage.action(args("/", mine(), setup.cookies.owner, { intent: "change-role", membershipId: foreign.ownerMembershipId, role: "analyst" }))),
    },
    { name: "remove their member", run: () => call(() => membersPage.action(args("/", mine(), setup.cookies.owner, { intent: "remove", membershipId: foreign.membershipId }))) },
    { name: "open their person", run: () => call(() => personPage.loader(args("/", { ...mine(), personId: setup.foreignPerson.id }, setup.cookies.owner))) },
  ];
  for (const testCase of cases) {
    it(`${testCase.name}: 404, nothing changed`, async () => {
      const before = await databaseFingerprint();
      expect((await testCase.run()).status).toBe(404);
      expect(await databaseFingerprint()).toEqual(before);
    });
  }

  it("leaves their import appliable: its staged rows are all still there", async () => {
    const rows = await db.selectFrom("roster_import_row").select("email").where("import_id", "=", foreign.importId).orderBy("email").execute();
    expect(rows.map((row) => row.email)).toEqual(["other@stranger.test", "secret@stranger.test"]);
    const theirs = await call(() => importReview.action(args("/", { orgSlug: setup.stranger.org.slug, importId: foreign.importId }, setup.stranger.cookie, { intent: "apply" })));
    expect(theirs.status).toBe(302);
    const people = await db.selectFrom("person").select(["email", "active"]).where("organization_id", "=", setup.stranger.org.id).orderBy("email").execute();
    expect(people).toEqual([
      { email: "other@stranger.test", active: true },
      { email: "secret@stranger.test", active: true },
    ]);
  });
});
