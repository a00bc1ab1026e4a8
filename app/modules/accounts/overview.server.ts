import type { Db } from "~/db.server";

export async function loadOverview(db: Db, orgId: string) {
  const [people, members, surveys, latest] = await Promise.all([
    db
      .selectFrom("person")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("organization_id", "=", orgId)
      .where("active", "=", true)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("membership")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("organization_id", "=", orgId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("survey_wave")
      .select((eb) => [eb.fn.countAll<number>().as("waves"), eb.fn.count<number>("id").filterWhere("status", "=", "open").as("open")])
      .where("organization_id", "=", orgId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("analytics_snapshot")
      .innerJoin("survey_wave", "survey_wave.id", "analytics_snapshot.wave_id")
      .innerJoin("survey", "survey.id", "survey_wave.survey_id")
      .select(["survey_wave.id", "survey_wave.number", "survey.name"])
      .where("analytics_snapshot.organization_id", "=", orgId)
      .orderBy("analytics_snapshot.computed_at", "desc")
      .limit(1)
      .executeTakeFirst(),
  ]);
  return {
    people: Number(people.count),
    members: Number(members.count),
    waves: Number(surveys.waves),
    openWaves: Number(surveys.open),
    latestResults: latest ? { waveId: latest.id, label: `${latest.name}, wave ${latest.number}` } : null,
  };
}
