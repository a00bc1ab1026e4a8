import { sql } from "kysely";
import type { Distribution } from "@db/schema";
import type { Db } from "~/db.server";
import { participationTotal } from "~/modules/anonymity/participation";
import { isUniqueViolation } from "@db/errors";
import type { Audience } from "./audience";
import { parseAudience, withoutExcluded } from "./audience";
import { canEditQuestions } from "./lifecycle";
import { defaultQuestion, nextQuestionKey, parseOptions, parseTemplateQuestions, type QuestionDefinition, type QuestionKind } from "./questions";

export async function listTemplates(db: Db) {
  const rows = await db.selectFrom("survey_template").select(["key", "name", "description", "questions"]).orderBy("position").execute();
  return rows.map((row) => ({ key: row.key, name: row.name, description: row.description, questionCount: parseTemplateQuestions(row.questions).length }));
}

export type CreateSurveyOutcome = { outcome: "created"; surveyId: string } | { outcome: "name-taken" } | { outcome: "template-not-found" };

/** A survey starts as wave 1 in draft, with the template's questions copied in. */
export async function createSurvey(db: Db, orgId: string, { name, templateKey }: { name: string; templateKey: string }): Promise<CreateSurveyOutcome> {
  const template = await db.selectFrom("survey_template").select("questions").where("key", "=", templateKey).executeTakeFirst();
  if (!template) return { outcome: "template-not-found" };
  try {
    return await db.transaction().execute(async (tx) => {
      const organization = await tx.selectFrom("organization").select("min_group_size").where("id", "=", orgId).executeTakeFirstOrThrow();
      const survey = await tx.insertInto("survey").values({ organization_id: orgId, name }).returning("id").executeTakeFirstOrThrow();
      const wave = await tx
        .insertInto("survey_wave")
        .values({
          organization_id: orgId,
          survey_id: survey.id,
          number: 1,
          status: "draft",
          min_group_size: organization.min_group_size,
          audience: JSON.stringify({ kind: "organization" } satisfies Audience),
          distribution: "email",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await insertQuestions(tx, orgId, wave.id, parseTemplateQuestions(template.questions));
      return { outcome: "created" as const, surveyId: survey.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "survey_organization_name_key")) return { outcome: "name-taken" };
    throw error;
  }
}

export async function insertQuestions(db: Db, orgId: string, waveId: string, questions: QuestionDefinition[]) {
  if (questions.length === 0) return;
  await db
    .insertInto("question")
    .values(
      questions.map((question, index) => ({
        organization_id: orgId,
        wave_id: waveId,
        position: index + 1,
        key: question.key,
        kind: question.kind,
        prompt: question.prompt,
        description: question.description,
        required: question.required,
        construct: question.construct,
        options: JSON.stringify(question.options),
      })),
    )
    .execute();
}

export async function listSurveys(db: Db, orgId: string) {
  const rows = await db
    .selectFrom("survey")
    .innerJoin("survey_wave as w", (join) =>
      join.onRef("w.survey_id", "=", "survey.id").on("w.number", "=", (eb) =>
        eb.selectFrom("survey_wave as latest").select((inner) => inner.fn.max("latest.number").as("n")).whereRef("latest.survey_id", "=", "survey.id"),
      ),
    )
    .select((eb) => [
      "survey.id",
      "survey.name",
      "survey.repeat_every_weeks",
      "w.number as waveNumber",
      "w.status",
      "w.opened_at",
      "w.closes_at",
      eb.selectFrom("invitation").select((inner) => inner.fn.countAll<number>().as("n")).whereRef("invitation.wave_id", "=", "w.id").as("invited"),
      "w.min_group_size",
      // Spent ballots can be counted by anyone; whose they are, nobody can tell.
      eb.selectFrom("ballot").select((inner) => inner.fn.countAll<number>().as("n")).whereRef("ballot.wave_id", "=", "w.id").where("ballot.spent", "=", true).as("answered"),
    ])
    .where("survey.organization_id", "=", orgId)
    .orderBy("survey.created_at", "desc")
    .execute();
  return rows.map(({ invited, answered, min_group_size, ...row }) => ({ ...row, participation: participationTotal(Number(invited ?? 0), Number(answered ?? 0), min_group_size) }));
}

export async function findSurvey(db: Db, orgId: string, surveyId: string) {
  const survey = await db
    .selectFrom("survey")
    .select(["id", "name", "repeat_every_weeks"])
    .where("organization_id", "=", orgId)
    .where("id", "=", surveyId)
    .executeTakeFirst();
  if (!survey) return undefined;
  const waves = await db
    .selectFrom("survey_wave")
    .select(["id", "number", "status", "opens_at", "closes_at", "opened_at", "closed_at"])
    .where("organization_id", "=", orgId)
    .where("survey_id", "=", surveyId)
    .orderBy("number")
    .execute();
  return { ...survey, waves };
}

export async function findWave(db: Db, orgId: string, waveId: string) {
  const wave = await db
    .selectFrom("survey_wave")
    .innerJoin("survey", "survey.id", "survey_wave.survey_id")
    .select([
      "survey_wave.id",
      "survey_wave.survey_id as surveyId",
      "survey.name as surveyName",
      "survey_wave.number",
      "survey_wave.status",
      "survey_wave.opens_at",
      "survey_wave.closes_at",
      "survey_wave.opened_at",
      "survey_wave.closed_at",
      "survey_wave.min_group_size",
      "survey_wave.audience",
      "survey_wave.distribution",
      "survey_wave.admins_hold_links",
      "survey_wave.reminder_days",
      "survey_wave.open_link_token_hash",
    ])
    .where("survey_wave.organization_id", "=", orgId)
    .where("survey_wave.id", "=", waveId)
    .executeTakeFirst();
  if (!wave) return undefined;
  const { open_link_token_hash, ...rest } = wave;
  return { ...rest, audience: parseAudience(wave.audience), hasOpenLink: open_link_token_hash !== null };
}

export async function listQuestions(db: Db, orgId: string, waveId: string) {
  const rows = await db
    .selectFrom("question")
    .select(["id", "position", "key", "kind", "prompt", "description", "required", "construct", "options"])
    .where("organization_id", "=", orgId)
    .where("wave_id", "=", waveId)
    .orderBy("position")
    .execute();
  return rows.map((row) => ({ ...row, options: parseOptions(row.options) }));
}

export type Question = Awaited<ReturnType<typeof listQuestions>>[number];

export type EditOutcome = "saved" | "locked" | "not-found";

/** Locks the wave row and says whether its questions may still change. */
async function lockEditableWave(db: Db, orgId: string, waveId: string): Promise<"ok" | "locked" | "not-found"> {
  const wave = await db
    .selectFrom("survey_wave")
    .select("status")
    .where("organization_id", "=", orgId)
    .where("id", "=", waveId)
    .forUpdate()
    .executeTakeFirst();
  if (!wave) return "not-found";
  return canEditQuestions(wave.status) ? "ok" : "locked";
}

export async function addQuestion(db: Db, orgId: string, waveId: string, kind: QuestionKind): Promise<{ outcome: "added"; questionId: string } | { outcome: "locked" | "not-found" }> {
  return db.transaction().execute(async (tx) => {
    const state = await lockEditableWave(tx, orgId, waveId);
    if (state !== "ok") return { outcome: state };
    const existing = await tx.selectFrom("question").select(["key", "position"]).where("organization_id", "=", orgId).where("wave_id", "=", waveId).execute();
    const definition = defaultQuestion(kind, nextQuestionKey(kind, existing.map((row) => row.key)));
    const question = await tx
      .insertInto("question")
      .values({
        organization_id: orgId,
        wave_id: waveId,
        position: Math.max(0, ...existing.map((row) => row.position)) + 1,
        key: definition.key,
        kind,
        prompt: definition.prompt,
        description: definition.description,
        required: definition.required,
        construct: definition.construct,
        options: JSON.stringify(definition.options),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { outcome: "added" as const, questionId: question.id };
  });
}

export async function updateQuestion(db: Db, orgId: string, waveId: string, questionId: string, definition: QuestionDefinition): Promise<EditOutcome> {
  return db.transaction().execute(async (tx) => {
    const state = await lockEditableWave(tx, orgId, waveId);
    if (state !== "ok") return state;
    const { numUpdatedRows } = await tx
      .updateTable("question")
      .set({
        prompt: definition.prompt,
        description: definition.description,
        required: definition.required,
        construct: definition.construct,
        options: JSON.stringify(definition.options),
      })
      .where("organization_id", "=", orgId)
      .where("wave_id", "=", waveId)
      .where("id", "=", questionId)
      .executeTakeFirst();
    return numUpdatedRows > 0n ? "saved" : "not-found";
  });
}

export async function deleteQuestion(db: Db, orgId: string, waveId: string, questionId: string): Promise<EditOutcome> {
  return db.transaction().execute(async (tx) => {
    const state = await lockEditableWave(tx, orgId, waveId);
    if (state !== "ok") return state;
    const deleted = await tx
      .deleteFrom("question")
      .where("organization_id", "=", orgId)
      .where("wave_id", "=", waveId)
      .where("id", "=", questionId)
      .returning("position")
      .executeTakeFirst();
    if (!deleted) return "not-found";
    await tx
      .updateTable("question")
      .set((eb) => ({ position: eb("position", "-", 1) }))
      .where("organization_id", "=", orgId)
      .where("wave_id", "=", waveId)
      .where("position", ">", deleted.position)
      .execute();
    return "saved";
  });
}

/** Swaps a question with its neighbour; the position constraint is checked at commit. */
export async function moveQuestion(db: Db, orgId: string, waveId: string, questionId: string, direction: "up" | "down"): Promise<EditOutcome> {
  return db.transaction().execute(async (tx) => {
    const state = await lockEditableWave(tx, orgId, waveId);
    if (state !== "ok") return state;
    const question = await tx
      .selectFrom("question")
      .select("position")
      .where("organization_id", "=", orgId)
      .where("wave_id", "=", waveId)
      .where("id", "=", questionId)
      .executeTakeFirst();
    if (!question) return "not-found";
    const target = question.position + (direction === "up" ? -1 : 1);
    const neighbour = await tx
      .selectFrom("question")
      .select("id")
      .where("organization_id", "=", orgId)
      .where("wave_id", "=", waveId)
      .where("position", "=", target)
      .executeTakeFirst();
    if (!neighbour) return "saved";
    await tx.updateTable("question").set({ position: target }).where("organization_id", "=", orgId).where("id", "=", questionId).execute();
    await tx.updateTable("question").set({ position: question.position }).where("organization_id", "=", orgId).where("id", "=", neighbour.id).execute();
    return "saved";
  });
}

export type WaveSettings = {
  minGroupSize: number;
  distribution: Distribution;
  reminderDays: number[];
  opensAt: Date | null;
  closesAt: Date | null;
  repeatEveryWeeks: number | null;
};

/** Settings of a wave that has not opened yet; the survey's repeat interval rides along. */
export async function updateWaveSettings(db: Db, orgId: string, waveId: string, settings: WaveSettings): Promise<EditOutcome> {
  return db.transaction().execute(async (tx) => {
    const state = await lockEditableWave(tx, orgId, waveId);
    if (state !== "ok") return state;
    const wave = await tx
      .updateTable("survey_wave")
      .set({
        min_group_size: settings.minGroupSize,
        distribution: settings.distribution,
        reminder_days: JSON.stringify(settings.reminderDays),
        opens_at: settings.opensAt,
        closes_at: settings.closesAt,
      })
      .where("organization_id", "=", orgId)
      .where("id", "=", waveId)
      .returning("survey_id")
      .executeTakeFirstOrThrow();
    await tx
      .updateTable("survey")
      .set({ repeat_every_weeks: settings.repeatEveryWeeks })
      .where("organization_id", "=", orgId)
      .where("id", "=", wave.survey_id)
      .execute();
    return "saved";
  });
}

export async function updateAudience(db: Db, orgId: string, waveId: string, audience: Audience): Promise<EditOutcome> {
  return db.transaction().execute(async (tx) => {
    const state = await lockEditableWave(tx, orgId, waveId);
    if (state !== "ok") return state;
    if (audience.kind === "subtrees" && audience.managerIds.length > 0) {
      // Managers are named by id in the form: ids of another organization's people are not ours to store.
      const known = await tx
        .selectFrom("person")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("organization_id", "=", orgId)
        .where("id", "in", audience.managerIds)
        .executeTakeFirstOrThrow();
      if (Number(known.n) !== audience.managerIds.length) return "not-found";
    }
    const excluded = audience.excludedPersonIds ?? [];
    if (excluded.length > 0) {
      // The same for people left out: only this organization's ids are stored.
      const known = await tx
        .selectFrom("person")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("organization_id", "=", orgId)
        .where("id", "in", excluded)
        .executeTakeFirstOrThrow();
      if (Number(known.n) !== excluded.length) return "not-found";
    }
    await tx.updateTable("survey_wave").set({ audience: JSON.stringify(audience) }).where("organization_id", "=", orgId).where("id", "=", waveId).execute();
    return "saved";
  });
}

export type AudienceMember = { id: string; name: string; email: string; managerId: string | null; department: string | null };

/** The active people an audience covers right now. */
export async function resolveAudience(db: Db, orgId: string, audience: Audience): Promise<AudienceMember[]> {
  if (audience.kind === "subtrees") {
    if (audience.managerIds.length === 0) return [];
    const { rows } = await sql<AudienceMember>`
      with recursive subtree(id) as (
        select id from person where organization_id = ${orgId} and id in (${sql.join(audience.managerIds)})
        union
        select p.id from person p join subtree s on p.manager_id = s.id where p.organization_id = ${orgId}
      )
      select p.id, p.name, p.email, p.manager_id as "managerId", p.department
      from person p join subtree s on s.id = p.id
      where p.active
      order by p.name
    `.execute(db);
    return withoutExcluded(rows, audience);
  }
  let query = db
    .selectFrom("person")
    .select(["id", "name", "email", "manager_id as managerId", "department"])
    .where("organization_id", "=", orgId)
    .where("active", "=", true);
  if (audience.kind === "departments") {
    if (audience.departments.length === 0) return [];
    query = query.where("department", "in", audience.departments);
  }
  return withoutExcluded(await query.orderBy("name").execute(), audience);
}

/** People who manage someone: the choices for inviting teams by subtree. */
export async function listManagers(db: Db, orgId: string) {
  return db
    .selectFrom("person as m")
    .select((eb) => [
      "m.id",
      "m.name",
      "m.title",
      "m.department",
      eb
        .selectFrom("person as r")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("r.manager_id", "=", "m.id")
        .where("r.active", "=", true)
        .as("directReports"),
    ])
    .where("m.organization_id", "=", orgId)
    .where("m.active", "=", true)
    .where((eb) => eb.exists(eb.selectFrom("person as r").select("r.id").whereRef("r.manager_id", "=", "m.id").where("r.active", "=", true)))
    .orderBy("m.name")
    .execute();
}
