import type { Db } from "@db/connection";
import { computeSnapshot } from "~/modules/analytics/analytics.server";
import { ballotHash } from "~/modules/anonymity/ballots.server";
import { releaseWave } from "~/modules/anonymity/pool.server";
import { seal } from "~/modules/anonymity/seal.server";
import { parseOptions } from "~/modules/surveys/questions";
import { simulateResponses } from "./demo-responses";

/**
 * Fills an open wave with simulated answers through the same pool and release as real ones (the
 * ballots of those who "answered" are spent), then computes its snapshot. For the demo
 * organization and the benchmarks only.
 */
export async function simulateWave(db: Db, waveId: string, { seed, responseRate = 0.8 }: { seed: number; responseRate?: number }) {
  const wave = await db.selectFrom("survey_wave").select(["organization_id"]).where("id", "=", waveId).executeTakeFirstOrThrow();
  const [people, invitations, questions] = await Promise.all([
    db.selectFrom("person").select(["id", "manager_id as managerId", "department"]).where("organization_id", "=", wave.organization_id).where("active", "=", true).execute(),
    db.selectFrom("invitation").select(["id", "person_id as personId", "segment"]).where("wave_id", "=", waveId).execute(),
    db.selectFrom("question").select(["id", "kind", "construct", "options"]).where("wave_id", "=", waveId).orderBy("position").execute(),
  ]);
  const { answered, responses } = simulateResponses({
    people,
    invitations,
    questions: questions.map((question) => ({ ...question, maxNominations: parseOptions(question.options).maxNominations })),
    seed,
    responseRate,
  });
  for (let start = 0; start < responses.length; start += 500) {
    await db
      .insertInto("response_pool")
      .values(responses.slice(start, start + 500).map((response) => ({ organization_id: wave.organization_id, wave_id: waveId, sealed: seal("response-pool-v1", response) })))
      .execute();
  }
  const invitationOf = new Map(invitations.map((invitation) => [invitation.personId, invitation.id]));
  const spent = answered.map((personId) => ballotHash(invitationOf.get(personId)!));
  for (let start = 0; start < spent.length; start += 1_000) {
    await db.updateTable("ballot").set({ spent: true }).where("wave_id", "=", waveId).where("token_hash", "in", spent.slice(start, start + 1_000)).execute();
  }
  const { released } = await releaseWave(db, waveId);
  await computeSnapshot(db, waveId);
  return { responses: responses.length, released, nominations: responses.reduce((sum, response) => sum + response.nominations.length, 0) };
}
