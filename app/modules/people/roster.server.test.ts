import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createOwner } from "../../../test/fixtures.server";
import {
  applyRosterImport,
  findRosterImport,
  listImportChanges,
  listImportDeactivations,
  listImportProblems,
  previewRosterImport,
} from "./roster.server";

const csv = (lines: string[]) => new TextEncoder().encode(["email,name,title,manager_email,department,Team", ...lines].join("\n"));

async function importRoster(orgId: string, userId: string, lines: string[], deactivateMissing = false) {
  const preview = await previewRosterImport(db, { orgId, userId, fileName: "roster.csv", bytes: csv(lines), deactivateMissing });
  if (preview.outcome !== "previewed") throw new Error(preview.message);
  const rosterImport = await findRosterImport(db, orgId, preview.importId);
  return { importId: preview.importId, summary: rosterImport!.summary, apply: () => applyRosterImport(db, orgId, preview.importId) };
}

async function roster(orgId: string) {
  return db
    .selectFrom("person as p")
    .leftJoin("person as m", "m.id", "p.manager_id")
    .select(["p.id", "p.email", "p.name", "p.title", "p.department", "p.attributes", "p.active", "p.updated_at", "m.email as manager"])
    .where("p.organization_id", "=", orgId)
    .orderBy("p.email")
    .execute();
}

const FIRST_FILE = [
  "ceo@x.com,Cora CEO,Chief Executive,,Exec,",
  "cto@x.com,Theo CTO,CTO,ceo@x.com,Engineering,Platform",
  "dev@x.com,Dana Dev,Engineer,cto@x.com,Engineering,Platform",
];

describe("roster import", () => {
  it("previews without changing anyone, then applies every row with managers linked", async () => {
    const { org, userId } = await createOwner();
    const first = await importRoster(org.id, userId, FIRST_FILE);
    expect(first.summary.counts).toEqual({ new: 3, updated: 0, unchanged: 0, deactivated: 0 });
    expect(await roster(org.id)).toEqual([]);
    expect(await first.apply()).toBe("applied");
    const people = await roster(org.id);
    expect(people.map((p) => [p.email, p.manager, p.attributes])).toEqual([
      ["ceo@x.com", null, {}],
      ["cto@x.com", "ceo@x.com", { Team: "Platform" }],
      ["dev@x.com", "cto@x.com", { Team: "Platform" }],
    ]);
  });

  it("changes nothing when the same file is imported again", async () => {
    const { org, userId } = await createOwner();
    await (await importRoster(org.id, userId, FIRST_FILE)).apply();
    const before = await roster(org.id);
    const again = await importRoster(org.id, userId, FIRST_FILE);
    expect(again.summary.counts).toEqual({ new: 0, updated: 0, unchanged: 3, deactivated: 0 });
    expect(await again.apply()).toBe("applied");
    expect(await roster(org.id)).toEqual(before);
  });

  it("updates people in place, keeping their ids", async () => {
    const { org, userId } = await createOwner();
    await (await importRoster(org.id, userId, FIRST_FILE)).apply();
    const before = await roster(org.id);
    const [ceo, cto] = before;
    const updated = await importRoster(org.id, userId, [
      "ceo@x.com,Cora CEO,Chief Executive,,Exec,",
      "cto@x.com,Theo CTO,Chief Technology Officer,ceo@x.com,Engineering,Platform",
      "dev@x.com,Dana Dev,Engineer,ceo@x.com,Engineering,Platform",
    ]);
    expect(updated.summary.counts).toEqual({ new: 0, updated: 2, unchanged: 1, deactivated: 0 });
    await updated.apply();
    const after = await roster(org.id);
    expect(after.map((p) => p.id)).toEqual(before.map((p) => p.id));
    expect(after[1]).toMatchObject({ id: cto!.id, title: "Chief Technology Officer" });
    expect(after[2]).toMatchObject({ manager: "ceo@x.com" });
    expect(after[0]!.updated_at).toEqual(ceo!.updated_at);
  });

  it("deactivates people missing from the file only when asked, and never deletes them", async () => {
    const { org, userId } = await createOwner();
    await (await importRoster(org.id, userId, FIRST_FILE)).apply();
    const keep = await importRoster(org.id, userId, FIRST_FILE.slice(0, 2));
    expect(keep.summary.counts.deactivated).toBe(0);
    await keep.apply();
    expect((await roster(org.id)).every((p) => p.active)).toBe(true);

    const leave = await importRoster(org.id, userId, FIRST_FILE.slice(0, 2), true);
    expect(leave.summary.counts).toEqual({ new: 0, updated: 0, unchanged: 2, deactivated: 1 });
    await leave.apply();
    const people = await roster(org.id);
    expect(people).toHaveLength(3);
    expect(people.find((p) => p.email === "dev@x.com")?.active).toBe(false);

    const back = await importRoster(org.id, userId, FIRST_FILE);
    expect(back.summary.counts).toEqual({ new: 0, updated: 1, unchanged: 2, deactivated: 0 });
    await back.apply();
    expect((await roster(org.id)).every((p) => p.active)).toBe(true);
  });

  it("refuses to apply a file with problems, and changes nothing", async () => {
    const { org, userId } = await createOwner();
    const bad = await importRoster(org.id, userId, [...FIRST_FILE, "ghost-report@x.com,Ghost,,nobody@x.com,,"]);
    expect(bad.summary.problemCount).toBe(1);
    expect(await bad.apply()).toBe("has-problems");
    expect(await roster(org.id)).toEqual([]);
  });

  it("imports the valid rows and skips the bad ones when asked, keeping the skipped people as they were", async () => {
    const { org, userId } = await createOwner();
    await (await importRoster(org.id, userId, FIRST_FILE)).apply();
    const mixed = await importRoster(
      org.id,
      userId,
      [
        "ceo@x.com,Cora CEO,Chief Executive,,Exec,",
        "cto@x.com,Theo CTO,CTO,nobody@x.com,Engineering,Platform",
        "new@x.com,Nia New,Designer,ceo@x.com,Design,",
      ],
      true,
    );
    expect(mixed.summary.problemCount).toBe(1);
    expect(mixed.summary.counts).toEqual({ new: 1, updated: 0, unchanged: 1, deactivated: 1 });
    const newcomers = await listImportChanges(db, org.id, mixed.importId, "new", 1);
    expect(newcomers.map((person) => person.name)).toEqual(["Nia New"]);
    expect((await listImportDeactivations(db, org.id, mixed.importId, 1)).map((person) => person.email)).toEqual(["dev@x.com"]);
    const other = await createOwner("Elsewhere");
    expect(await listImportChanges(db, other.org.id, mixed.importId, "new", 1)).toEqual([]);
    expect(await listImportProblems(db, other.org.id, mixed.importId)).toEqual([]);

    expect(await applyRosterImport(db, org.id, mixed.importId, { skipProblems: true })).toBe("applied");
    const people = await roster(org.id);
    // cto's row was bad: cto keeps the old manager and stays active (the file names them).
    expect(people.map((p) => [p.email, p.manager, p.active])).toEqual([
      ["ceo@x.com", null, true],
      ["cto@x.com", "ceo@x.com", true],
      ["dev@x.com", "cto@x.com", false],
      ["new@x.com", "ceo@x.com", true],
    ]);
  });

  it("keeps every problem for the download, however many", async () => {
    const { org, userId } = await createOwner();
    const lines = Array.from({ length: 6_000 }, (_, i) => `p${i}@x.com,Person ${i},,ghost@x.com,,`);
    const bad = await importRoster(org.id, userId, lines);
    expect(bad.summary.problemCount).toBe(6_000);
    const problems = await listImportProblems(db, org.id, bad.importId);
    expect(problems).toHaveLength(6_000);
    expect(problems.at(-1)).toMatchObject({ line: 6_001, email: "p5999@x.com" });
  });

  it("refuses a preview made before the roster changed", async () => {
    const { org, userId } = await createOwner();
    const stale = await importRoster(org.id, userId, FIRST_FILE);
    await (await importRoster(org.id, userId, ["solo@x.com,Solo,,,,"])).apply();
    expect(await stale.apply()).toBe("roster-changed");
    expect((await roster(org.id)).map((p) => p.email)).toEqual(["solo@x.com"]);
  });

  it("refuses a preview once anyone was removed, but not for another organization's change", async () => {
    const { org, userId } = await createOwner();
    const other = await createOwner("Other Org");
    await (await importRoster(org.id, userId, FIRST_FILE)).apply();
    const stale = await importRoster(org.id, userId, ["solo@x.com,Solo,,,,"]);
    const fresh = await importRoster(other.org.id, other.userId, FIRST_FILE);
    await sql`delete from person where organization_id = ${org.id} and email = 'dev@x.com'`.execute(db);
    expect(await fresh.apply()).toBe("applied");
    expect(await stale.apply()).toBe("roster-changed");
    // Deleting an organization takes its people with it, and the roster's version too.
    await db.deleteFrom("organization").where("id", "=", other.org.id).execute();
    expect(await db.selectFrom("roster_version").select("version").where("organization_id", "=", other.org.id).execute()).toEqual([]);
  });

  it("applies a preview once, and only in its own organization", async () => {
    const { org, userId } = await createOwner();
    const other = await createOwner("Other Org");
    const preview = await importRoster(org.id, userId, FIRST_FILE);
    expect(await applyRosterImport(db, other.org.id, preview.importId)).toBe("not-found");
    expect(await preview.apply()).toBe("applied");
    expect(await preview.apply()).toBe("already-done");
    expect(await roster(other.org.id)).toEqual([]);
  });

  it("imports 2,000 people with a deep org chart in one go", async () => {
    const { org, userId } = await createOwner();
    const lines = Array.from({ length: 2_000 }, (_, i) => `p${i}@x.com,Person ${i},,${i === 0 ? "" : `p${Math.floor((i - 1) / 3)}@x.com`},D${i % 7},`);
    const big = await importRoster(org.id, userId, lines);
    expect(big.summary.counts.new).toBe(2_000);
    expect(await big.apply()).toBe("applied");
    const linked = await db
      .selectFrom("person")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("organization_id", "=", org.id)
      .where("manager_id", "is not", null)
      .executeTakeFirstOrThrow();
    expect(Number(linked.n)).toBe(1_999);
  });
});
