import { sql } from "kysely";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "@db/errors";
import { nudgeEmailDelivery, queueEmails } from "~/modules/email/email.server";
import { hashToken, newToken } from "~/modules/tokens.server";
import { hashPassword } from "./password.server";
import { ROLE_LABELS, type Role } from "./roles";

const INVITATION_DAYS = 7;

export type InvitableRole = Exclude<Role, "owner">;

export async function listMembers(db: Db, orgId: string) {
  return db
    .selectFrom("membership")
    .innerJoin("app_user", "app_user.id", "membership.user_id")
    .leftJoin("person", "person.id", "membership.person_id")
    .select([
      "membership.id",
      "membership.role",
      "membership.user_id as userId",
      "app_user.name",
      "app_user.email",
      "person.name as personName",
      "person.id as personId",
    ])
    .where("membership.organization_id", "=", orgId)
    .orderBy("app_user.name")
    .execute();
}

export async function listPendingInvitations(db: Db, orgId: string) {
  return db
    .selectFrom("member_invitation")
    .leftJoin("person", "person.id", "member_invitation.person_id")
    .select([
      "member_invitation.id",
      "member_invitation.email",
      "member_invitation.role",
      "member_invitation.expires_at",
      "person.name as personName",
    ])
    .where("member_invitation.organization_id", "=", orgId)
    .where("member_invitation.accepted_at", "is", null)
    .where("member_invitation.expires_at", ">", new Date())
    .orderBy("member_invitation.created_at", "desc")
    .execute();
}

export type InviteOutcome = "invited" | "already-member" | "person-not-found";

/**
 * A single-use link by email. Inviting the same address again replaces the earlier link.
 */
export async function inviteMember(
  db: Db,
  input: { orgId: string; orgName: string; invitedBy: { id: string; name: string }; email: string; role: InvitableRole; personId: string | null; baseUrl: string },
): Promise<InviteOutcome> {
  const outcome = await db.transaction().execute(async (tx): Promise<InviteOutcome> => {
    const existing = await tx
      .selectFrom("membership")
      .innerJoin("app_user", "app_user.id", "membership.user_id")
      .select("membership.id")
      .where("membership.organization_id", "=", input.orgId)
      .where("app_user.email", "=", input.email)
      .executeTakeFirst();
    if (existing) return "already-member";
    if (input.personId) {
      const person = await tx
        .selectFrom("person")
        .select("id")
        .where("organization_id", "=", input.orgId)
        .where("id", "=", input.personId)
        .where("active", "=", true)
        .executeTakeFirst();
      if (!person) return "person-not-found";
    }
    await tx
      .deleteFrom("member_invitation")
      .where("organization_id", "=", input.orgId)
      .where("email", "=", input.email)
      .where("accepted_at", "is", null)
      .execute();
    const token = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    await tx
      .insertInto("member_invitation")
      .values({
        organization_id: input.orgId,
        email: input.email,
        role: input.role,
        person_id: input.role === "leader" ? input.personId : null,
        token_hash: hashToken(token),
        invited_by: input.invitedBy.id,
        expires_at: expiresAt,
      })
      .execute();
    const link = `${input.baseUrl}/join/${token}`;
    await queueEmails(tx, [
      {
        orgId: input.orgId,
        kind: "member-invitation",
        to: input.email,
        subject: `${input.invitedBy.name} invited you to ${input.orgName} on Earned`,
        text: [
          `${input.invitedBy.name} invited you to join ${input.orgName} on Earned as ${ROLE_LABELS[input.role].toLowerCase()}.`,
          "",
          `Accept the invitation: ${link}`,
          "",
          `The link works once and expires on ${expiresAt.toUTCString().slice(0, 16)}.`,
        ].join("\n"),
      },
    ]);
    return "invited";
  });
  if (outcome === "invited") await nudgeEmailDelivery();
  return outcome;
}

export async function revokeInvitation(db: Db, orgId: string, invitationId: string): Promise<"revoked" | "accepted" | "not-found"> {
  const revoked = await db
    .deleteFrom("member_invitation")
    .where("organization_id", "=", orgId)
    .where("id", "=", invitationId)
    .where("accepted_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  if (revoked) return "revoked";
  const accepted = await db.selectFrom("member_invitation").select("id").where("organization_id", "=", orgId).where("id", "=", invitationId).executeTakeFirst();
  return accepted ? "accepted" : "not-found";
}

export async function findInvitationByToken(db: Db, token: string) {
  const invitation = await db
    .selectFrom("member_invitation")
    .innerJoin("organization", "organization.id", "member_invitation.organization_id")
    .select([
      "member_invitation.id",
      "member_invitation.email",
      "member_invitation.role",
      "member_invitation.expires_at",
      "member_invitation.accepted_at",
      "organization.name as orgName",
      "organization.slug as orgSlug",
    ])
    .where("member_invitation.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!invitation) return undefined;
  const state = invitation.accepted_at ? "used" : new Date(invitation.expires_at) <= new Date() ? "expired" : "open";
  const account = await db.selectFrom("app_user").select("id").where("email", "=", invitation.email).executeTakeFirst();
  return { ...invitation, state, hasAccount: Boolean(account) } as const;
}

export type AcceptOutcome =
  | { outcome: "joined"; orgSlug: string; userId: string }
  | { outcome: "invalid" }
  | { outcome: "wrong-account" }
  | { outcome: "account-exists" };

/**
 * Uses the invitation once: either for the signed-in user (whose email must match) or by creating
 * the account with the invited email.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  who: { userId: string } | { name: string; password: string },
): Promise<AcceptOutcome> {
  const passwordHash = "password" in who ? await hashPassword(who.password) : undefined;
  try {
    return await db.transaction().execute(async (tx) => {
      const invitation = await tx
        .updateTable("member_invitation")
        .set({ accepted_at: new Date() })
        .where("token_hash", "=", hashToken(token))
        .where("accepted_at", "is", null)
        .where("expires_at", ">", new Date())
        .returning(["organization_id", "email", "role", "person_id"])
        .executeTakeFirst();
      if (!invitation) return { outcome: "invalid" as const };
      let userId: string;
      if ("userId" in who) {
        const user = await tx.selectFrom("app_user").select("email").where("id", "=", who.userId).executeTakeFirstOrThrow();
        if (user.email !== invitation.email) throw new RollBack({ outcome: "wrong-account" });
        userId = who.userId;
      } else {
        const created = await tx
          .insertInto("app_user")
          .values({ email: invitation.email, name: who.name, password_hash: passwordHash! })
          .returning("id")
          .executeTakeFirstOrThrow();
        userId = created.id;
      }
      await tx
        .insertInto("membership")
        .values({ organization_id: invitation.organization_id, user_id: userId, role: invitation.role, person_id: invitation.person_id })
        .onConflict((oc) => oc.columns(["organization_id", "user_id"]).doNothing())
        .execute();
      const org = await tx.selectFrom("organization").select("slug").where("id", "=", invitation.organization_id).executeTakeFirstOrThrow();
      return { outcome: "joined" as const, orgSlug: org.slug, userId };
    });
  } catch (error) {
    if (error instanceof RollBack) return error.outcome;
    if (isUniqueViolation(error, "app_user_email_key")) return { outcome: "account-exists" };
    throw error;
  }
}

class RollBack extends Error {
  constructor(readonly outcome: AcceptOutcome) {
    super(outcome.outcome);
  }
}

export type MembershipChange = "changed" | "not-found" | "last-owner" | "person-required" | "person-not-found";

/** Owners only. An organization always keeps at least one owner. */
export async function changeMemberRole(
  db: Db,
  orgId: string,
  membershipId: string,
  role: Role,
  personId: string | null,
): Promise<MembershipChange> {
  if (role === "leader" && !personId) return "person-required";
  return db.transaction().execute(async (tx) => {
    const member = await lockMembership(tx, orgId, membershipId);
    if (!member) return "not-found";
    if (member.role === "owner" && role !== "owner" && (await otherOwners(tx, orgId, membershipId)) === 0) return "last-owner";
    if (role === "leader") {
      const person = await tx
        .selectFrom("person")
        .select("id")
        .where("organization_id", "=", orgId)
        .where("id", "=", personId!)
        .executeTakeFirst();
      if (!person) return "person-not-found";
    }
    await tx
      .updateTable("membership")
      .set({ role, person_id: role === "leader" ? personId : null })
      .where("organization_id", "=", orgId)
      .where("id", "=", membershipId)
      .execute();
    return "changed";
  });
}

export async function removeMember(db: Db, orgId: string, membershipId: string): Promise<"removed" | "not-found" | "last-owner"> {
  return db.transaction().execute(async (tx) => {
    const member = await lockMembership(tx, orgId, membershipId);
    if (!member) return "not-found";
    if (member.role === "owner" && (await otherOwners(tx, orgId, membershipId)) === 0) return "last-owner";
    await tx.deleteFrom("membership").where("organization_id", "=", orgId).where("id", "=", membershipId).execute();
    return "removed";
  });
}

/** Locks every owner row of the organization too: two owners demoting each other at once must not both succeed. */
async function lockMembership(db: Db, orgId: string, membershipId: string) {
  await sql`select id from membership where organization_id = ${orgId} and role = 'owner' for update`.execute(db);
  return db
    .selectFrom("membership")
    .select(["id", "role"])
    .where("organization_id", "=", orgId)
    .where("id", "=", membershipId)
    .forUpdate()
    .executeTakeFirst();
}

async function otherOwners(db: Db, orgId: string, membershipId: string): Promise<number> {
  const row = await db
    .selectFrom("membership")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organization_id", "=", orgId)
    .where("role", "=", "owner")
    .where("id", "!=", membershipId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
