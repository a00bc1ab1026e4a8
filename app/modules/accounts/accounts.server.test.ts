import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { signUp, verifyCredentials } from "./accounts.server";
import { logIn, LOGIN_LIMIT_PER_EMAIL } from "./login.server";

const input = (email: string) => ({ name: "Ada", email, password: "a long passphrase", organizationName: "Engines" });

async function count(table: "app_user" | "organization" | "membership") {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("signUp", () => {
  it("creates the user, an organization and the owner membership", async () => {
    const outcome = await signUp(db, input("ada@example.com"));
    expect(outcome.outcome).toBe("created");
    if (outcome.outcome !== "created") return;
    const membership = await db
      .selectFrom("membership")
      .innerJoin("organization", "organization.id", "membership.organization_id")
      .select(["membership.role", "organization.slug", "organization.min_group_size"])
      .where("membership.user_id", "=", outcome.userId)
      .executeTakeFirstOrThrow();
    expect(membership).toEqual({ role: "owner", slug: "engines", min_group_size: 5 });
    const user = await db.selectFrom("app_user").select("password_hash").where("id", "=", outcome.userId).executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
  });

  it("refuses a second account for the same email and writes nothing", async () => {
    await signUp(db, input("grace@example.com"));
    const before = await Promise.all([count("app_user"), count("organization"), count("membership")]);
    const outcome = await signUp(db, input("grace@example.com"));
    expect(outcome).toEqual({ outcome: "email-taken" });
    expect(await Promise.all([count("app_user"), count("organization"), count("membership")])).toEqual(before);
  });

  it("gives organizations with the same name distinct slugs", async () => {
    const first = await signUp(db, { ...input("a1@example.com"), organizationName: "Same Name" });
    const second = await signUp(db, { ...input("a2@example.com"), organizationName: "Same Name" });
    expect(first.outcome === "created" && first.orgSlug).toBe("same-name");
    expect(second.outcome === "created" && second.orgSlug).toBe("same-name-2");
  });
});

describe("logging in", () => {
  it("accepts the right password only", async () => {
    await signUp(db, input("linus@example.com"));
    expect(await verifyCredentials(db, "linus@example.com", "a long passphrase")).toBeDefined();
    expect(await verifyCredentials(db, "linus@example.com", "wrong")).toBeUndefined();
    expect(await verifyCredentials(db, "nobody@example.com", "a long passphrase")).toBeUndefined();
  });

  it("stops guessing on one account after the limit, even with the right password", async () => {
    await signUp(db, input("target@example.com"));
    for (let attempt = 0; attempt < LOGIN_LIMIT_PER_EMAIL.limit; attempt++) {
      expect((await logIn(db, "target@example.com", `guess-${attempt}`, "10.0.0.1")).outcome).toBe("invalid");
    }
    const blocked = await logIn(db, "target@example.com", "a long passphrase", "10.0.0.2");
    expect(blocked.outcome).toBe("rate-limited");
    // Other accounts from another address are unaffected.
    await signUp(db, input("bystander@example.com"));
    expect((await logIn(db, "bystander@example.com", "a long passphrase", "10.0.0.3")).outcome).toBe("ok");
  });

  it("stops one address that tries many accounts", async () => {
    let last = "";
    for (let attempt = 0; attempt < 51; attempt++) {
      last = (await logIn(db, `spray-${attempt}@example.com`, "password123", "192.0.2.9")).outcome;
    }
    expect(last).toBe("rate-limited");
  });
});
