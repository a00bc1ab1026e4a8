import type { Db } from "~/db.server";
import { findSnapshots } from "~/modules/analytics/analytics.server";
import { personalReport, type PersonalReport } from "./personal-report";
import { findReportLink } from "./report-links.server";

export type ReportPage = { orgName: string; surveyName: string; waveNumber: number; personName: string; report: PersonalReport };

/** The report behind a private link, or undefined for a link that opens nothing. */
export async function loadReportPage(db: Db, token: string): Promise<ReportPage | undefined> {
  const link = await findReportLink(db, token);
  if (!link) return undefined;
  const wave = await db
    .selectFrom("survey_wave")
    .innerJoin("survey", "survey.id", "survey_wave.survey_id")
    .innerJoin("organization", "organization.id", "survey_wave.organization_id")
    .innerJoin("person", (join) => join.on("person.organization_id", "=", link.orgId).on("person.id", "=", link.personId))
    .select(["survey_wave.number", "survey_wave.survey_id", "survey.name as surveyName", "organization.name as orgName", "organization.naming", "person.name as personName"])
    .where("survey_wave.organization_id", "=", link.orgId)
    .where("survey_wave.id", "=", link.waveId)
    .executeTakeFirst();
  if (!wave) return undefined;
  const [series, consent] = await Promise.all([
    db
      .selectFrom("survey_wave")
      .select(["id", "number"])
      .where("organization_id", "=", link.orgId)
      .where("survey_id", "=", wave.survey_id)
      .where("status", "=", "closed")
      .where("number", "<=", wave.number)
      .orderBy("number")
      .execute(),
    db.selectFrom("naming_consent").select("person_id").where("organization_id", "=", link.orgId).where("person_id", "=", link.personId).executeTakeFirst(),
  ]);
  const snapshots = await findSnapshots(db, link.orgId, [...series.map((point) => point.id), link.waveId]);
  const report = personalReport({
    personId: link.personId,
    analytics: snapshots.get(link.waveId) ?? null,
    series: series.map((point) => ({ number: point.number, analytics: snapshots.get(point.id) ?? null })),
    naming: wave.naming,
    consented: consent !== undefined,
  });
  return { orgName: wave.orgName, surveyName: wave.surveyName, waveNumber: wave.number, personName: wave.personName, report };
}

export type ConsentOutcome = "saved" | "not-found" | "not-asked";

/** Consent to be named, given or withdrawn from the report; asked only where the organization names by consent. */
export async function setNamingConsent(db: Db, token: string, consent: boolean): Promise<ConsentOutcome> {
  const link = await findReportLink(db, token);
  if (!link) return "not-found";
  const organization = await db.selectFrom("organization").select("naming").where("id", "=", link.orgId).executeTakeFirstOrThrow();
  if (organization.naming !== "consent") return "not-asked";
  if (consent) {
    await db
      .insertInto("naming_consent")
      .values({ organization_id: link.orgId, person_id: link.personId })
      .onConflict((oc) => oc.columns(["organization_id", "person_id"]).doNothing())
      .execute();
  } else {
    await db.deleteFrom("naming_consent").where("organization_id", "=", link.orgId).where("person_id", "=", link.personId).execute();
  }
  return "saved";
}
