import { randomBytes } from "node:crypto";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "@db/errors";
import type { SignUpInput } from "./account-form";
import { slugify } from "./organizations";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "./password.server";

export type SignUpOutcome = { outcome: "created"; userId: string; orgSlug: string } | { outcome: "email-taken" };

/** A new account always comes with a new organization that it owns. */
export async function signUp(db: Db, input: SignUpInput): Promise<SignUpOutcome> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (tx) => {
      const user = await tx
        .insertInto("app_user")
        .values({ email: input.email, name: input.name, password_hash: passwordHash })
        .returning("id")
        .executeTakeFirstOrThrow();
      const organization = await createOrganization(tx, input.organizationName);
      await tx
        .insertInto("membership")
        .values({ organization_id: organization.id, user_id: user.id, role: "owner" })
        .execute();
      return { outcome: "created" as const, userId: user.id, orgSlug: organization.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error, "app_user_email_key")) return { outcome: "email-taken" };
    throw error;
  }
}

export async function createOrganizationFor(db: Db, userId: string, name: string) {
  return db.transaction().execute(async (tx) => {
    const organization = await createOrganization(tx, name);
    await tx.insertInto("membership").values({ organization_id: organization.id, user_id: userId, role: "owner" }).execute();
    return organization;
  });
}

export async function createOrganization(db: Db, name: string): Promise<{ id: string; slug: string }> {
  const base = slugify(name) || "org";
  const padded = base.length < 2 ? `${base}-org` : base;
  const taken = await db
    .selectFrom("organization")
    .select("slug")
    .where((eb) => eb.or([eb("slug", "=", padded), eb("slug", "like", `${padded}-%`)]))
    .execute();
  const takenSlugs = new Set(taken.map((row) => row.slug));
  let slug = padded;
  for (let n = 2; takenSlugs.has(slug); n++) slug = n < 50 ? `${padded}-${n}` : `${padded}-${randomBytes(3).toString("hex")}`;
  return db.insertInto("organization").values({ name, slug }).returning(["id", "slug"]).executeTakeFirstOrThrow();
}

/** One answer for an unknown email and a wrong password, in the same time. */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<{ userId: string } | undefined> {
  const user = await db.selectFrom("app_user").select(["id", "password_hash"]).where("email", "=", email).executeTakeFirst();
  if (!user) return verifyAgainstDecoy(password).then(() => undefined);
  return (await verifyPassword(user.password_hash, password)) ? { userId: user.id } : undefined;
}
