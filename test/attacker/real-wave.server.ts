import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { db } from "~/db.server";
import { computeSnapshot } from "~/modules/analytics/analytics.server";
import { releaseWave } from "~/modules/anonymity/pool.server";
import { applyRosterImport, previewRosterImport } from "~/modules/people/roster.server";
import { submitResponse } from "~/modules/responses/responses.server";
import { createSurvey, updateWaveSettings } from "~/modules/surveys/surveys.server";
import { closeWave } from "~/modules/surveys/wave-lifecycle.server";
import { createOwner } from "../fixtures.server";
import { openWithLinks, questionIds, templateAnswers } from "../survey-fixtures.server";
import type { SimWave } from "./simulated-wave";

/**
 * Plays a simulated wave through the app itself — roster import, launch, every answer through
 * the respondent's submission, the release timer firing at random, the close — and keeps what the
 * attackers need: each answer's hidden tag (a comment only the test can read back: the truth), and
 * every state the dashboards published along the way.
 */

export type Published = { blocks: Map<string, number>; edges: Map<string, number>; comments: number };

export type PlayedWave = {
  orgId: string;
  waveId: string;
  k: number;
  /** Simulated person id → person id in the database, and back. */
  personOf: Map<string, string>;
  simOf: Map<string, string>;
  /** Comment tag → who wrote it: the truth an attacker would want. */
  authorOf: Map<string, string>;
  /** Response ids released by each release, in order, with their group. */
  releases: { group: string; ids: string[] }[][];
  published: Published[];
};

export async function playWave(wave: SimWave): Promise<PlayedWave> {
  const owner = await createOwner(`Sim ${randomUUID().slice(0, 8)}`);
  const email = (id: string) => `${id}@sim.test`;
  const byId = new Map(wave.people.map((person) => [person.id, person]));
  const lines = ["email,name,title,manager_email,department", ...wave.people.map((p) => [email(p.id), `Person ${p.id}`, "", p.managerId ? email(p.managerId) : "", p.department ?? ""].join(","))];
  const preview = await previewRosterImport(db, { orgId: owner.org.id, userId: owner.userId, fileName: "sim.csv", bytes: new TextEncoder().encode(lines.join("\n")), deactivateMissing: false });
  if (preview.outcome !== "previewed" || (await applyRosterImport(db, owner.org.id, preview.importId)) !== "applied") throw new Error("roster");
  const survey = await createSurvey(db, owner.org.id, { name: "Pulse", templateKey: "influence-and-authority-pulse" });
  if (survey.outcome !== "created") throw new Error(survey.outcome);
  const { id: waveId } = await db.selectFrom("survey_wave").select("id").where("survey_id", "=", survey.surveyId).executeTakeFirstOrThrow();
  await updateWaveSettings(db, owner.org.id, waveId, { minGroupSize: wave.k, distribution: "email", reminderDays: [], opensAt: null, closesAt: null, repeatEveryWeeks: null });
  const links = await openWithLinks(owner.org.id, waveId);
  const q = await questionIds(waveId);
  const people = await db.selectFrom("person").select(["id", "email"]).where("organization_id", "=", owner.org.id).execute();
  const personOf = new Map(people.map((person) => [person.email.replace("@sim.test", ""), person.id]));
  const simOf = new Map([...personOf].map(([sim, id]) => [id, sim]));

  const played: PlayedWave = { orgId: owner.org.id, waveId, k: wave.k, personOf, simOf, authorOf: new Map(), releases: [], published: [] };
  const release = async (closing: boolean) => {
    const before = new Set((await db.selectFrom("response").select("id").where("wave_id", "=", waveId).execute()).map((row) => row.id));
    if (closing) await closeWave(db, owner.org.id, waveId);
    else await releaseWave(db, waveId);
    const after = await db.selectFrom("response").select(["id", "group_key"]).where("wave_id", "=", waveId).execute();
    const fresh = after.filter((row) => !before.has(row.id));
    if (fresh.length === 0 && !closing) return;
    const groups = new Map<string, string[]>();
    for (const row of fresh) groups.set(row.group_key, [...(groups.get(row.group_key) ?? []), row.id]);
    played.releases.push([...groups].map(([group, ids]) => ({ group, ids })));
    played.published.push(publishedState((await computeSnapshot(db, waveId))!));
  };
  for (const { answer, tick } of wave.answers) {
    const person = byId.get(answer.personId)!;
    const tag = randomUUID();
    played.authorOf.set(tag, person.id);
    const nominees = answer.nominees.map((id) => personOf.get(id)!);
    const { answers, nominations } = templateAnswers(q, { follow: nominees.slice(0, 3), advice: nominees.slice(3, 8) });
    const outcome = await submitResponse(db, links.get(email(person.id))!, { answers: [...answers, { questionId: q.comment!, kind: "text", value: tag }], nominations });
    if (outcome.outcome !== "stored") throw new Error(JSON.stringify(outcome));
    if (tick) await release(false);
  }
  await release(true);
  return played;
}

function publishedState(analytics: NonNullable<Awaited<ReturnType<typeof computeSnapshot>>>): Published {
  return {
    blocks: new Map(analytics.blocks.map((block) => [block.key, block.responses])),
    edges: new Map(analytics.edges.map((edge) => [`${edge.block}>${edge.personId}`, edge.weight])),
    comments: analytics.commentGroups.reduce((sum, group) => sum + group.comments.length, 0),
  };
}

/** The tag written in each released response's comment: which row is whose, for the test alone. */
export async function releasedAuthors(played: PlayedWave): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("answer")
    .innerJoin("response", "response.id", "answer.response_id")
    .select(["response.id", "answer.value_text"])
    .where("response.wave_id", "=", played.waveId)
    .where("answer.value_text", "is not", null)
    .execute();
  return new Map(rows.map((row) => [row.id, played.authorOf.get(row.value_text!)!]));
}

/** Every table of the schema, system columns included, in physical order: what a copy holds. */
export async function databaseCopy(): Promise<Record<string, Record<string, unknown>[]>> {
  const { rows: tables } = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const copy: Record<string, Record<string, unknown>[]> = {};
  for (const { table_name } of tables) {
    const { rows } = await sql<Record<string, unknown>>`select xmin::text as "__xmin", ctid::text as "__ctid", * from ${sql.table(table_name)} order by ctid`.execute(db);
    copy[table_name] = rows;
  }
  return copy;
}
