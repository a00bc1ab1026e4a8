import type { Db } from "@db/connection";
import { hashPassword } from "~/modules/accounts/password.server";
import { publicBaseUrl } from "~/modules/request-url.server";
import { applyRosterImport, previewRosterImport } from "~/modules/people/roster.server";
import { createSurvey } from "~/modules/surveys/surveys.server";
import { closeWave, openWave } from "~/modules/surveys/wave-lifecycle.server";
import { startNextWave } from "~/modules/surveys/wave-series.server";
import { generateDemoRoster, rosterCsv } from "./demo-roster";
import { simulateWave } from "./simulate-wave.server";

export const DEMO_PASSWORD = "demo-password";
export const DEMO_OWNER_EMAIL = "owner@demo.earned.test";
export const DEMO_ANALYST_EMAIL = "analyst@demo.earned.test";
export const DEMO_LEADER_EMAIL = "leader@demo.earned.test";
export const DEMO_SLUG = "demo";

/** Idempotent: running it again keeps the existing demo organization. */
export async function seedDemo(db: Db, { people = 150 } = {}) {
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
      bytes: new TextEncoder().encode(rosterCsv(generateDemoRoster({ size: people }))),
      deactivateMissing: false,
    });
    if (preview.outcome !== "previewed" || (await applyRosterImport(db, orgId, preview.importId)) !== "applied") {
      throw new Error("The demo roster did not import cleanly");
    }
    await addDemoMembers(db, orgId, passwordHash);
    await runDemoSurvey(db, orgId);
  }
  return {
    orgSlug: DEMO_SLUG,
    accounts: [
      { role: "owner", email: DEMO_OWNER_EMAIL, password: DEMO_PASSWORD },
      { role: "analyst", email: DEMO_ANALYST_EMAIL, password: DEMO_PASSWORD },
      { role: "leader", email: DEMO_LEADER_EMAIL, password: DEMO_PASSWORD },
    ],
  };
}

/** An analyst, and a leader who leads the Engineering department of the demo roster. */
async function addDemoMembers(db: Db, orgId: string, passwordHash: string) {
  const head = await db
    .selectFrom("person")
    .select("id")
    .where("organization_id", "=", orgId)
    .where("title", "=", "VP Engineering")
    .executeTakeFirstOrThrow();
  for (const [email, name, role, personId] of [
    [DEMO_ANALYST_EMAIL, "Demo Analyst", "analyst", null],
    [DEMO_LEADER_EMAIL, "Demo Leader", "leader", head.id],
  ] as const) {
    const user = await db
      .insertInto("app_user")
      .values({ email, name, password_hash: passwordHash })
      .onConflict((oc) => oc.column("email").doUpdateSet({ name }))
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("membership").values({ organization_id: orgId, user_id: user.id, role, person_id: personId }).execute();
  }
}

/** Two waves of the pulse: the first closed, the second open, both with answers. */
async function runDemoSurvey(db: Db, orgId: string) {
  const created = await createSurvey(db, orgId, { name: "Influence & Authority Pulse", templateKey: "influence-and-authority-pulse" });
  if (created.outcome !== "created") throw new Error("The demo survey could not be created");
  const first = await db.selectFrom("survey_wave").select("id").where("survey_id", "=", created.surveyId).executeTakeFirstOrThrow();
  const baseUrl = publicBaseUrl();
  await openWave(db, orgId, first.id, { baseUrl });
  await simulateWave(db, first.id, { seed: 1, responseRate: 0.82 });
  await closeWave(db, orgId, first.id);
  const next = await startNextWave(db, orgId, created.surveyId);
  if (next.outcome === "not-found") throw new Error("The second demo wave could not be created");
  await openWave(db, orgId, next.waveId, { baseUrl });
  await simulateWave(db, next.waveId, { seed: 2, responseRate: 0.74 });
}
