import type { Db } from "~/db.server";
import { closeWave, openWave, scheduleWave, unscheduleWave } from "./wave-lifecycle.server";
import { startNextWave } from "./wave-series.server";

/**
 * The scheduler's pass: open scheduled waves that are due, close open waves whose time is up,
 * and put the next wave of a repeating survey on the calendar.
 */
export async function processDueWaves(db: Db, now = new Date()): Promise<{ opened: number; closed: number; scheduled: number }> {
  const due = await db
    .selectFrom("survey_wave")
    .select(["id", "organization_id", "status", "base_url"])
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "scheduled"), eb("opens_at", "<=", now)]),
        eb.and([eb("status", "=", "open"), eb("closes_at", "<=", now)]),
      ]),
    )
    .execute();
  let opened = 0;
  let closed = 0;
  for (const wave of due) {
    if (wave.status === "scheduled") {
      const outcome = await openWave(db, wave.organization_id, wave.id, { baseUrl: wave.base_url ?? "", now });
      if (outcome.outcome === "done") opened++;
      else if (outcome.outcome === "problems") {
        // The roster changed since scheduling (say, the audience shrank below k): back to draft, visibly.
        await unscheduleWave(db, wave.organization_id, wave.id);
        console.warn(`A scheduled wave could not open and went back to draft: ${outcome.problems.join(" ")}`);
      }
    } else if ((await closeWave(db, wave.organization_id, wave.id, now)).outcome === "done") {
      closed++;
    }
  }
  let scheduled = 0;
  const repeating = await db
    .selectFrom("survey")
    .innerJoin("survey_wave as w", "w.survey_id", "survey.id")
    .select(["survey.id", "survey.organization_id", "survey.repeat_every_weeks", "w.opened_at", "w.base_url"])
    .where("survey.repeat_every_weeks", "is not", null)
    .where("w.status", "in", ["open", "closed"])
    .where((eb) => eb("w.number", "=", eb.selectFrom("survey_wave as latest").select((inner) => inner.fn.max("latest.number").as("n")).whereRef("latest.survey_id", "=", "survey.id")))
    .execute();
  for (const survey of repeating) {
    const opensAt = new Date(Math.max(new Date(survey.opened_at!).getTime() + survey.repeat_every_weeks! * 7 * 86_400_000, now.getTime() + 3_600_000));
    const next = await startNextWave(db, survey.organization_id, survey.id, opensAt);
    if (next.outcome === "created") {
      const outcome = await scheduleWave(db, survey.organization_id, next.waveId, { baseUrl: survey.base_url ?? "", now });
      if (outcome.outcome === "done") scheduled++;
    }
  }
  return { opened, closed, scheduled };
}
