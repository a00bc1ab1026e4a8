import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { addMember, call, createOwner, databaseFingerprint, makeRequest } from "../../test/fixtures.server";
import * as editPage from "./o.$orgSlug.people.$personId_.edit";

const args = (slug: string, personId: string, cookie: string, form?: Record<string, string>) => ({
  request: makeRequest(`/o/${slug}/people/${personId}/edit`, { cookie, form }),
  params: { orgSlug: slug, personId },
  context: {},
});

async function addPerson(orgId: string, email: string, name: string, managerId: string | null = null) {
  return db.insertInto("person").values({ organization_id: orgId, email, name, manager_id: managerId }).returning("id").executeTakeFirstOrThrow();
}

const person = (id: string) =>
  db.selectFrom("person as p").leftJoin("person as m", "m.id", "p.manager_id").select(["p.name", "p.email", "p.title", "p.department", "p.active", "m.email as manager"]).where("p.id", "=", id).executeTakeFirstOrThrow();

describe("editing one person without a re-import", () => {
  let owner: Awaited<ReturnType<typeof createOwner>>;
  let stranger: Awaited<ReturnType<typeof createOwner>>;
  let ids: { ceo: string; lead: string; dev: string; foreign: string };
  beforeAll(async () => {
    owner = await createOwner("Acme");
    stranger = await createOwner("Stranger Co");
    const ceo = await addPerson(owner.org.id, "ceo@acme.test", "Cora CEO");
    const lead = await addPerson(owner.org.id, "lead@acme.test", "Lee Lead", ceo.id);
    const dev = await addPerson(owner.org.id, "dev@acme.test", "Dana Dev", lead.id);
    const foreign = await addPerson(stranger.org.id, "secret@stranger.test", "Secret");
    ids = { ceo: ceo.id, lead: lead.id, dev: dev.id, foreign: foreign.id };
  });

  it("saves name, email, title, department and manager", async () => {
    const response = await call(() =>
      editPage.action(args(owner.org.slug, ids.dev, owner.cookie, { intent: "save", name: "Dana Developer", email: "Dana@Acme.test", title: "Engineer", department: "Platform", managerEmail: "ceo@acme.test" })),
    );
    expect(response.status).toBe(302);
    expect(await person(ids.dev)).toEqual({ name: "Dana Developer", email: "dana@acme.test", title: "Engineer", department: "Platform", active: true, manager: "ceo@acme.test" });
  });

  it("refuses a manager below the person (a loop), an unknown manager, a taken email and an empty name, writing nothing", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ name: "Cora CEO", email: "ceo@acme.test", managerEmail: "lead@acme.test" }, "managerEmail", "loop"],
      [{ name: "Cora CEO", email: "ceo@acme.test", managerEmail: "nobody@acme.test" }, "managerEmail", "Nobody active"],
      [{ name: "Cora CEO", email: "lead@acme.test" }, "email", "already has this email"],
      [{ name: "  ", email: "ceo@acme.test" }, "name", "Enter a name"],
      [{ name: "Cora CEO", email: "not an email" }, "email", "not an email address"],
      [{ name: "Cora CEO", email: "ceo@acme.test", managerEmail: "ceo@acme.test" }, "managerEmail", "own manager"],
    ];
    for (const [form, field, message] of cases) {
      const before = await databaseFingerprint(["user_session"]);
      const response = await call(() => editPage.action(args(owner.org.slug, ids.ceo, owner.cookie, { intent: "save", ...form })));
      expect(response.status).toBe(400);
      expect(JSON.stringify((response.data as { errors: Record<string, string[]> }).errors[field])).toContain(message);
      expect(await databaseFingerprint(["user_session"])).toEqual(before);
    }
  });

  it("refuses to deactivate a manager of active people, then deactivates and reactivates", async () => {
    const refused = await call(() => editPage.action(args(owner.org.slug, ids.lead, owner.cookie, { intent: "deactivate" })));
    // dev moved under the CEO above, so the lead manages nobody active now; the CEO still does.
    expect(refused.status).toBe(302);
    const ceoRefused = await call(() => editPage.action(args(owner.org.slug, ids.ceo, owner.cookie, { intent: "deactivate" })));
    expect(ceoRefused.status).toBe(409);
    expect((await person(ids.ceo)).active).toBe(true);
    expect((await person(ids.lead)).active).toBe(false);
    expect((await call(() => editPage.action(args(owner.org.slug, ids.lead, owner.cookie, { intent: "reactivate" })))).status).toBe(302);
    expect((await person(ids.lead)).active).toBe(true);
  });

  it("answers 404 for another organization's person through one's own organization, changing nothing", async () => {
    const forms: Record<string, string>[] = [{ intent: "save", name: "Hacked", email: "secret@stranger.test" }, { intent: "deactivate" }];
    for (const form of forms) {
      const before = await databaseFingerprint(["user_session"]);
      const response = await call(() => editPage.action(args(owner.org.slug, ids.foreign, owner.cookie, form)));
      expect(response.status).toBe(404);
      expect(await databaseFingerprint(["user_session"])).toEqual(before);
    }
    expect((await call(() => editPage.loader(args(owner.org.slug, ids.foreign, owner.cookie)))).status).toBe(404);
    expect(await person(ids.foreign)).toMatchObject({ name: "Secret", active: true });
  });

  it("is for admins: an analyst gets 403 and changes nothing", async () => {
    const analyst = await addMember(owner.org.id, "analyst");
    const response = await call(() => editPage.action(args(owner.org.slug, ids.ceo, analyst.cookie, { intent: "deactivate" })));
    expect(response.status).toBe(403);
    expect((await person(ids.ceo)).active).toBe(true);
  });
});
