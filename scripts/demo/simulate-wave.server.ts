import type { Db } from "@db/connection";
import { computeSnapshot } from "~/modules/analytics/analytics.server";
import { flushWave } from "~/modules/responses/pool.server";
import { responseDate } from "~/modules/responses/responses.server";
import { seal } from "~/modules/responses/seal.server";
import { parseOptions } from "~/modules/surveys/questions";
import { simulateResponses } from "./demo-responses";

/**
 * Fills an open wave with simulated answers through the same pool and release as real ones, then
 * computes its snapshot. For the demo organization and the benchmarks only.
 */
export async function simulateWave(db: Db, waveId: string, { seed, responseRate = 0.8 }: { seed: number; responseRate?: number }) {
  const wave = await db.selectFrom("survey_wave").select(["organization_id", "min_group_size"]).where("id", "=", waveId).executeTakeFirstOrThrow();
  const [people, invitations, questions] = await Promise.all([
    db.selectFrom("person").select(["id", "manager_id as managerId", "department"]).where("organization_id", "=", wave.organization_id).where("active", "=", true).execute(),
    db.selectFrom("invitation").select(["person_id as personId", "segment"]).where("wave_id", "=", waveId).execute(),
    db.selectFrom("question").select(["id", "kind", "construct", "options"]).where("wave_id", "=", waveId).orderBy("position").execute(),
  ]);
  const { answered, responses } = simulateResponses({
    people,
    invitations,
    questions: questions.map((question) => ({ ...question, maxNominations: parseOptions(question.options).maxNominations })),
    k: wave.min_group_size,
    seed,
    responseRate,
    date: responseDate(new Date()),
  });
  for (let start = 0; start < responses.length; start += 500) {
    await db
      .insertInto("response_pool")
      .values(responses.slice(start, start + 500).map((response) => ({ organization_id: wave.organization_id, wave_id: waveId, sealed: seal(response) })))
      .execute();
  }
  for (let start = 0; start < answered.length; start += 1_000) {
    await db.updateTable("invitation").set({ answered: true }).where("wave_id", "=", waveId).where("person_id", "in", answered.slice(start, start + 1_000)).execute();
  }
  const released = await flushWave(db, waveId);
  await computeSnapshot(db, waveId);
  return { responses: responses.length, released, nominations: responses.reduce((sum, response) => sum + response.nominations.length, 0) };
}
