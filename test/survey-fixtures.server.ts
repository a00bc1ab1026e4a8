import { db } from "~/db.server";
import { ballotToken } from "~/modules/anonymity/ballots.server";
import { applyRosterImport, previewRosterImport } from "~/modules/people/roster.server";
import { createSurvey } from "~/modules/surveys/surveys.server";
import { openWave } from "~/modules/surveys/wave-lifecycle.server";
import { createOwner } from "./fixtures.server";

/**
 * An organization with a roster: a CEO with three executives and two department heads, teams of
 * `teamSize` under each head, plus a draft wave of the Influence & Authority Pulse. With k = 5
 * and teams of 6 or more (a segment needs more than k people), each team is its own segment and
 * the six at the top share the organization segment.
 */
export async function createOrgWithSurvey({ teamSize = 6, name = "Acme" } = {}) {
  const owner = await createOwner(name);
  const lines = [
    "email,name,title,manager_email,department",
    "ceo@acme.test,Cleo Ceo,CEO,,Exec",
    "cfo@acme.test,Fran Cfo,CFO,ceo@acme.test,Exec",
    "coo@acme.test,Omar Coo,COO,ceo@acme.test,Exec",
    "cto@acme.test,Tara Cto,CTO,ceo@acme.test,Exec",
  ];
  for (const department of ["Eng", "Sales"]) {
    const head = `${department.toLowerCase()}-head@acme.test`;
    lines.push(`${head},${department} Head,Head of ${department},ceo@acme.test,${department}`);
    for (let i = 1; i <= teamSize; i++) lines.push(`${department.toLowerCase()}${i}@acme.test,${department} Person ${i},Specialist,${head},${department}`);
  }
  const preview = await previewRosterImport(db, { orgId: owner.org.id, userId: owner.userId, fileName: "roster.csv", bytes: new TextEncoder().encode(lines.join("\n")), deactivateMissing: false });
  if (preview.outcome !== "previewed" || (await applyRosterImport(db, owner.org.id, preview.importId)) !== "applied") throw new Error("roster");
  const survey = await createSurvey(db, owner.org.id, { name: "Pulse", templateKey: "influence-and-authority-pulse" });
  if (survey.outcome !== "created") throw new Error(survey.outcome);
  const wave = await db.selectFrom("survey_wave").select("id").where("survey_id", "=", survey.surveyId).executeTakeFirstOrThrow();
  const people = await db.selectFrom("person").select(["id", "email", "name"]).where("organization_id", "=", owner.org.id).execute();
  return { ...owner, surveyId: survey.surveyId, waveId: wave.id, people };
}

/** Opens the wave and returns each person's link token, as the invitation email would carry it. */
export async function openWithLinks(orgId: string, waveId: string) {
  const outcome = await openWave(db, orgId, waveId, { baseUrl: "https://earned.test" });
  if (outcome.outcome !== "done") throw new Error(JSON.stringify(outcome));
  return linksOf(waveId);
}

export async function linksOf(waveId: string) {
  const invitations = await db.selectFrom("invitation").innerJoin("person", "person.id", "invitation.person_id").select(["invitation.id", "person.email"]).where("invitation.wave_id", "=", waveId).execute();
  return new Map(invitations.map((invitation) => [invitation.email, ballotToken(invitation.id)]));
}

export async function questionIds(waveId: string) {
  const rows = await db.selectFrom("question").select(["id", "key"]).where("wave_id", "=", waveId).execute();
  return Object.fromEntries(rows.map((row) => [row.key, row.id])) as Record<string, string>;
}

/** A complete, valid set of answers to the template, with the given nominations. */
export function templateAnswers(q: Record<string, string>, nominees: { follow?: string[]; advice?: string[] } = {}, seed = 3) {
  const value = (offset: number) => ((seed + offset) % 5) + 1;
  return {
    answers: [
      ...["positional_position", "positional_risk", "earned_without_title", "earned_trust", "moments_expertise", "open_space_energy", "open_space_conversation"].map((key, i) => ({
        questionId: q[key]!,
        kind: "number" as const,
        value: value(i),
      })),
      { questionId: q.enps!, kind: "number" as const, value: (seed * 3) % 11 },
    ],
    nominations: [
      ...(nominees.follow ?? []).map((nomineeId) => ({ questionId: q.follow!, nomineeId })),
      ...(nominees.advice ?? []).map((nomineeId) => ({ questionId: q.advice!, nomineeId })),
    ],
  };
}
