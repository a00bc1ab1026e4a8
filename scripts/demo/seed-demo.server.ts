import type { Db } from "@db/connection";
import { hashPassword } from "~/modules/accounts/password.server";
import { applyRosterImport, previewRosterImport } from "~/modules/people/roster.server";
import { generateDemoRoster, rosterCsv } from "./demo-roster";

export const DEMO_PASSWORD = "demo-password";
export const DEMO_OWNER_EMAIL = "owner@demo.earned.test";
const DEMO_SLUG = "demo";

/** Idempotent: running it again keeps the existing demo organization. */
export async function seedDemo(db: Db) {
  const existing = await db.selectFrom("organization").select("id").where("slug", "=", DEMO_SLUG).executeTakeFirst();
  if (!existing) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const { orgId, ownerId } = await db.transaction().execute(async (tx) => {
      const org = await tx
        .insertInto("organization")
        .values({ slug: DEMO_SLUG, name: "Demo Company" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const owner = await tx
        .insertInto("app_user")
        .values({ email: DEMO_OWNER_EMAIL, name: "Demo Owner", password_hash: passwordHash })
        .onConflict((oc) => oc.column("email").doUpdateSet({ name: "Demo Owner" }))
        .returning("id")
        .executeTakeFirstOrThrow();
      await tx.insertInto("membership").values({ organization_id: org.id, user_id: owner.id, role: "owner" }).execute();
      return { orgId: org.id, ownerId: owner.id };
    });
    // Through the same import an admin would use, so the demo exercises the real path.
    const preview = await previewRosterImport(db, {
      orgId,
      userId: ownerId,
      fileName: "demo-roster.csv",
      bytes: new TextEncoder().encode(rosterCsv(generateDemoRoster({ size: 150 }))),
      deactivateMissing: false,
    });
    if (preview.outcome !== "previewed" || (await applyRosterImport(db, orgId, preview.importId)) !== "applied") {
      throw new Error("The demo roster did not import cleanly");
    }
  }
  return { orgSlug: DEMO_SLUG, accounts: [{ role: "owner", email: DEMO_OWNER_EMAIL, password: DEMO_PASSWORD }] };
}
