import type { Db } from "~/db.server";
import { db } from "~/db.server";
import { forbidden, notFound } from "~/modules/http.server";
import { requireUser } from "./auth.server";
import { hasRole, type Role } from "./roles";

export type Member = {
  userId: string;
  userName: string;
  userEmail: string;
  orgId: string;
  orgSlug: string;
  orgName: string;
  role: Role;
  /** For leaders: the roster person whose subtree they see. */
  personId: string | null;
  minGroupSize: number;
  commentMinGroupSize: number;
};

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

export async function findMembership(db: Db, userId: string, orgSlug: string) {
  return db
    .selectFrom("membership")
    .innerJoin("organization", "organization.id", "membership.organization_id")
    .select([
      "organization.id as orgId",
      "organization.slug as orgSlug",
      "organization.name as orgName",
      "organization.min_group_size as minGroupSize",
      "organization.comment_min_group_size as commentMinGroupSize",
      "membership.role",
      "membership.person_id as personId",
    ])
    .where("membership.user_id", "=", userId)
    .where("organization.slug", "=", orgSlug)
    .executeTakeFirst();
}

/**
 * The one way into an organization: every loader and action under /o/:orgSlug starts here.
 * Strangers get 404 so they cannot tell the organization exists; members below the role get 403.
 */
export async function requireMember(request: Request, orgSlug: string | undefined, atLeast: Role): Promise<Member> {
  const user = await requireUser(request);
  // Only what slugify can produce reaches the query: anything else (a NUL byte included) is no organization.
  const membership = orgSlug && SLUG.test(orgSlug) ? await findMembership(db, user.id, orgSlug) : undefined;
  if (!membership) throw notFound();
  if (!hasRole(membership.role, atLeast)) throw forbidden();
  return { ...membership, userId: user.id, userName: user.name, userEmail: user.email };
}

export async function listMemberships(db: Db, userId: string) {
  return db
    .selectFrom("membership")
    .innerJoin("organization", "organization.id", "membership.organization_id")
    .select(["organization.slug", "organization.name", "membership.role"])
    .where("membership.user_id", "=", userId)
    .orderBy("organization.name")
    .execute();
}

/** Where a signed-in person starts: their organization when they belong to exactly one, else the list. */
export async function landingPath(db: Db, userId: string): Promise<string> {
  const memberships = await listMemberships(db, userId);
  return memberships.length === 1 ? `/o/${memberships[0]!.slug}` : "/orgs";
}
