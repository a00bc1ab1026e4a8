import { sql } from "kysely";
import type { Db } from "~/db.server";
import { insertQuestions } from "./surveys.server";
import { waveQuestions } from "./wave-lifecycle.server";

export type NextWaveOutcome = { outcome: "created" | "exists"; waveId: string } | { outcome: "not-found" };

/**
 * The next wave of a series: the same questions (same keys, so results line up across waves),
 * audience and settings, as a draft.
 */
export async function startNextWave(db: Db, orgId: string, surveyId: string, opensAt: Date | null = null): Promise<NextWaveOutcome> {
  return db.transaction().execute(async (tx): Promise<NextWaveOutcome> => {
    await sql`select pg_advisory_xact_lock(hashtext(${`next-wave:${surveyId}`}))`.execute(tx);
    const latest = await tx
      .selectFrom("survey_wave")
      .select(["id", "number", "status", "min_group_size", "audience", "distribution", "reminder_days", "opens_at", "closes_at"])
      .where("organization_id", "=", orgId)
      .where("survey_id", "=", surveyId)
      .orderBy("number", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!latest) return { outcome: "not-found" };
    if (latest.status === "draft" || latest.status === "scheduled") return { outcome: "exists", waveId: latest.id };
    const duration = latest.opens_at && latest.closes_at ? new Date(latest.closes_at).getTime() - new Date(latest.opens_at).getTime() : null;
    const wave = await tx
      .insertInto("survey_wave")
      .values({
        organization_id: orgId,
        survey_id: surveyId,
        number: latest.number + 1,
        status: "draft",
        min_group_size: latest.min_group_size,
        audience: JSON.stringify(latest.audience),
        distribution: latest.distribution,
        reminder_days: JSON.stringify(latest.reminder_days),
        opens_at: opensAt,
        closes_at: opensAt && duration ? new Date(opensAt.getTime() + duration) : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await insertQuestions(tx, orgId, wave.id, await waveQuestions(tx, latest.id));
    return { outcome: "created", waveId: wave.id };
  });
}
