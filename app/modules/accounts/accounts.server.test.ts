import { createHash } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { signUp, verifyCredentials } from "./accounts.server";
import { logIn, LOGIN_BACKOFF, LOGIN_FAILURES_PER_ADDRESS } from "./login.server";
import { rateLimitKey } from "./rate-limit.server";

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

  it("slows guessing at one account from one address: five tries, then a doubling wait", async () => {
    await signUp(db, input("target@example.com"));
    for (let attempt = 0; attempt < LOGIN_BACKOFF.free; attempt++) {
      expect((await logIn(db, "target@example.com", `guess-${attempt}`, "10.0.0.1")).outcome).toBe("invalid");
    }
    expect(await logIn(db, "target@example.com", "guess-x", "10.0.0.1")).toEqual({ outcome: "rate-limited", retryAfterSeconds: 1 });
    // Even the right password waits its turn: otherwise the refusal would say the guess was wrong.
    expect((await logIn(db, "target@example.com", "a long passphrase", "10.0.0.1")).outcome).toBe("rate-limited");

    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      // The last try was exactly as long ago as the wait it earned.
      await db.updateTable("rate_limit").set({ window_started_at: sql`now() - make_interval(secs => ${2 ** round})` }).execute();
      expect((await logIn(db, "target@example.com", `late-guess-${round}`, "10.0.0.1")).outcome).toBe("invalid");
      const refused = await logIn(db, "target@example.com", "another", "10.0.0.1");
      waits.push(refused.outcome === "rate-limited" ? refused.retryAfterSeconds : 0);
    }
    expect(waits).toEqual([2, 4, 8, 16]);
  });

  it("lets parallel guesses through no faster than one at a time", async () => {
    await signUp(db, input("burst@example.com"));
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => logIn(db, "burst@example.com", `guess-${i}`, "10.0.0.5")));
    expect(outcomes.filter((outcome) => outcome.outcome === "invalid")).toHaveLength(LOGIN_BACKOFF.free);
  });

  it("never locks the owner out: wrong passwords typed at their email elsewhere leave their login alone", async () => {
    await signUp(db, input("owner-x@example.com"));
    for (let attempt = 0; attempt < 40; attempt++) await logIn(db, "owner-x@example.com", `guess-${attempt}`, "203.0.113.66");
    expect((await logIn(db, "owner-x@example.com", "wrong again", "203.0.113.66")).outcome).toBe("rate-limited");
    expect((await logIn(db, "owner-x@example.com", "a long passphrase", "198.51.100.20")).outcome).toBe("ok");
    // And from the attacker's own address once the pair's wait is over, the right password works too.
    await passTime(LOGIN_BACKOFF.maxSeconds + 1);
    expect((await logIn(db, "owner-x@example.com", "a long passphrase", "203.0.113.66")).outcome).toBe("ok");
  });

  it("does not spend a shared address's budget on successful logins", async () => {
    await signUp(db, input("office@example.com"));
    for (let attempt = 0; attempt < LOGIN_FAILURES_PER_ADDRESS.limit + 5; attempt++) {
      expect((await logIn(db, "office@example.com", "a long passphrase", "192.0.2.50")).outcome).toBe("ok");
    }
    // A few typos by colleagues behind the same address do not matter either.
    for (let attempt = 0; attempt < 3; attempt++) await logIn(db, "office@example.com", "typo", "192.0.2.50");
    expect((await logIn(db, "office@example.com", "a long passphrase", "192.0.2.50")).outcome).toBe("ok");
  });

  it("stops one address that tries many accounts", async () => {
    let last = "";
    for (let attempt = 0; attempt <= LOGIN_FAILURES_PER_ADDRESS.limit; attempt++) {
      last = (await logIn(db, `spray-${attempt}@example.com`, "password123", "192.0.2.9")).outcome;
    }
    expect(last).toBe("rate-limited");
  });

  it("keys its counters with the app secret: a copy of the table cannot be matched to an email or an address", async () => {
    await logIn(db, "who-tried@example.com", "guess", "192.0.2.77");
    const keys = (await db.selectFrom("rate_limit").select("key").execute()).map((row) => row.key).join(" ");
    for (const value of ["who-tried@example.com", "192.0.2.77", "who-tried@example.com\u0000192.0.2.77"]) {
      const plain = createHash("sha256").update(value).digest("base64url").slice(0, 32);
      expect(keys).not.toContain(plain);
      expect(keys).not.toContain(value);
    }
    expect(keys).toContain(rateLimitKey("login-pair", "who-tried@example.com", "192.0.2.77"));
    expect(rateLimitKey("login-pair", "a@example.com", "192.0.2.1")).not.toBe(rateLimitKey("login-pair", "a@example.com", "192.0.2.2"));
  });
});

/** Moves every rate-limit record back in time, as if that many seconds had passed. */
async function passTime(seconds: number) {
  await db.updateTable("rate_limit").set({ window_started_at: sql`window_started_at - make_interval(secs => ${seconds})` }).execute();
}
