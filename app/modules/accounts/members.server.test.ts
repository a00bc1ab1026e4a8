import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { addMember, createOwner } from "../../../test/fixtures.server";
import { deliverDueEmails } from "../email/email.server";
import { acceptInvitation, changeMemberRole, findInvitationByToken, inviteMember, removeMember } from "./members.server";

async function invite(orgId: string, email: string, role: "admin" | "analyst" | "leader" = "analyst", personId: string | null = null) {
  const outcome = await inviteMember(db, {
    orgId,
    orgName: "Acme Works",
    invitedBy: { id: (await db.selectFrom("app_user").select("id").executeTakeFirstOrThrow()).id, name: "Olivia" },
    email,
    role,
    personId,
    baseUrl: "https://earned.example",
  });
  const message = await db
    .selectFrom("email_message")
    .select(["to_address", "body_text", "status", "kind"])
    .where("to_address", "=", email)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  const token = message?.body_text?.match(/\/join\/([\w-]+)/)?.[1];
  return { outcome, message, token };
}

describe("member invitations", () => {
  it("puts a single-use link in the outbox, storing only its hash", async () => {
    const { org } = await createOwner();
    const { outcome, message, token } = await invite(org.id, "ana@example.com");
    expect(outcome).toBe("invited");
    expect(message).toMatchObject({ status: "outbox", kind: "member-invitation" });
    expect(token).toBeDefined();
    const stored = await db.selectFrom("member_invitation").select("token_hash").executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token!);
    expect(await findInvitationByToken(db, token!)).toMatchObject({ state: "open", email: "ana@example.com", hasAccount: false });
  });

  it("creates the account and membership once; the link then counts as used", async () => {
    const { org } = await createOwner();
    const { token } = await invite(org.id, "ben@example.com", "admin");
    const joined = await acceptInvitation(db, token!, { name: "Ben", password: "a long passphrase" });
    expect(joined).toMatchObject({ outcome: "joined", orgSlug: org.slug });
    const membership = await db
      .selectFrom("membership")
      .innerJoin("app_user", "app_user.id", "membership.user_id")
      .select(["membership.role", "app_user.email"])
      .where("app_user.email", "=", "ben@example.com")
      .executeTakeFirstOrThrow();
    expect(membership).toEqual({ role: "admin", email: "ben@example.com" });
    expect(await acceptInvitation(db, token!, { name: "Mallory", password: "another passphrase" })).toEqual({ outcome: "invalid" });
    expect((await findInvitationByToken(db, token!))?.state).toBe("used");
  });

  it("lets an existing account accept only for its own email", async () => {
    const { org } = await createOwner();
    const other = await createOwner("Elsewhere");
    const { token } = await invite(org.id, "carla@example.com");
    expect(await acceptInvitation(db, token!, { userId: other.userId })).toEqual({ outcome: "wrong-account" });
    expect((await findInvitationByToken(db, token!))?.state).toBe("open");
  });

  it("refuses expired links", async () => {
    const { org } = await createOwner();
    const { token } = await invite(org.id, "dan@example.com");
    await db.updateTable("member_invitation").set({ expires_at: new Date(Date.now() - 1000) }).execute();
    expect((await findInvitationByToken(db, token!))?.state).toBe("expired");
    expect(await acceptInvitation(db, token!, { name: "Dan", password: "a long passphrase" })).toEqual({ outcome: "invalid" });
  });

  it("does not invite someone who is already a member", async () => {
    const { org, email } = await createOwner();
    expect((await invite(org.id, email)).outcome).toBe("already-member");
  });

  it("links a leader to a roster person of the same organization only", async () => {
    const { org } = await createOwner();
    const foreign = await createOwner("Foreign");
    const person = await db
      .insertInto("person")
      .values({ organization_id: foreign.org.id, email: "lead@x.com", name: "Lead" })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect((await invite(org.id, "lead@x.com", "leader", person.id)).outcome).toBe("person-not-found");
  });
});

describe("roles and removal", () => {
  it("never leaves an organization without an owner", async () => {
    const { org } = await createOwner();
    const owner = await db.selectFrom("membership").select("id").where("organization_id", "=", org.id).executeTakeFirstOrThrow();
    expect(await changeMemberRole(db, org.id, owner.id, "admin", null)).toBe("last-owner");
    expect(await removeMember(db, org.id, owner.id)).toBe("last-owner");
    const second = await addMember(org.id, "admin");
    const secondMembership = await db.selectFrom("membership").select("id").where("user_id", "=", second.userId).executeTakeFirstOrThrow();
    expect(await changeMemberRole(db, org.id, secondMembership.id, "owner", null)).toBe("changed");
    expect(await changeMemberRole(db, org.id, owner.id, "analyst", null)).toBe("changed");
    expect(await removeMember(db, org.id, secondMembership.id)).toBe("last-owner");
  });

  it("keeps two owners from demoting each other at the same time", async () => {
    const { org } = await createOwner();
    const second = await addMember(org.id, "owner");
    const ids = (await db.selectFrom("membership").select("id").where("organization_id", "=", org.id).execute()).map((row) => row.id);
    const outcomes = await Promise.all(ids.map((id) => changeMemberRole(db, org.id, id, "admin", null)));
    expect(outcomes.sort()).toEqual(["changed", "last-owner"]);
    void second;
  });

  it("does not touch another organization's members", async () => {
    const mine = await createOwner();
    const theirs = await createOwner("Theirs");
    const theirOwner = await db.selectFrom("membership").select("id").where("organization_id", "=", theirs.org.id).executeTakeFirstOrThrow();
    expect(await removeMember(db, mine.org.id, theirOwner.id)).toBe("not-found");
    expect(await changeMemberRole(db, mine.org.id, theirOwner.id, "analyst", null)).toBe("not-found");
  });
});

describe("email delivery", () => {
  it("retries failures, then sends and forgets the body", async () => {
    process.env.SMTP_URL = "smtp://unused.invalid";
    try {
      const { org } = await createOwner();
      await invite(org.id, "erin@example.com");
      let calls = 0;
      const flaky = async () => {
        calls++;
        if (calls === 1) throw new Error("connection refused");
      };
      expect(await deliverDueEmails(db, flaky)).toEqual({ sent: 0, failed: 1 });
      const erin = db.selectFrom("email_message").where("to_address", "=", "erin@example.com");
      const failed = await erin.select(["status", "attempts", "last_error"]).executeTakeFirstOrThrow();
      expect(failed).toEqual({ status: "queued", attempts: 1, last_error: "connection refused" });
      await db.updateTable("email_message").set({ next_attempt_at: new Date(Date.now() - 1000) }).where("to_address", "=", "erin@example.com").execute();
      expect(await deliverDueEmails(db, flaky)).toEqual({ sent: 1, failed: 0 });
      const sent = await erin.select(["status", "body_text"]).executeTakeFirstOrThrow();
      expect(sent).toEqual({ status: "sent", body_text: null });
    } finally {
      delete process.env.SMTP_URL;
    }
  });
});
