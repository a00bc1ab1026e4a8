import type { Db } from "~/db.server";
import { issueBallots, respondentLink } from "~/modules/anonymity/ballots.server";
import { assignSegments } from "~/modules/anonymity/segments";
import { nudgeEmailDelivery, queueEmails, smtpConfigured } from "~/modules/email/email.server";
import { hashToken, newToken } from "~/modules/tokens.server";
import { adminsHoldLinks } from "./distribution";
import { invitationEmail } from "./invitation-email";
import type { LockedWave } from "./wave-lifecycle.server";
import type { AudienceMember } from "./surveys.server";

/**
 * How people get to answer: personal links by email, personal links in a list the admins hand
 * out, or one shared open link. Links are never stored: each is derived from its invitation with
 * the app secret when an email is sent or a list is downloaded (ballots.server.ts).
 */

const CHUNK = 1_000;

/**
 * The launch's invitations, ballots and emails, in the caller's transaction. Returns whether the
 * admins could hold respondents' links: a link list, or email with no mail server (the outbox).
 */
export async function issueInvitations(db: Db, orgId: string, wave: LockedWave, audience: AudienceMember[]): Promise<{ adminsHoldLinks: boolean }> {
  if (wave.distribution === "open") return { adminsHoldLinks: adminsHoldLinks(wave.distribution, smtpConfigured()) };
  const segments = assignSegments(audience, wave.min_group_size);
  const invitations: { id: string; person: AudienceMember }[] = [];
  for (let start = 0; start < audience.length; start += CHUNK) {
    const chunk = audience.slice(start, start + CHUNK);
    const rows = await db
      .insertInto("invitation")
      .values(chunk.map((person) => ({ organization_id: orgId, wave_id: wave.id, person_id: person.id, segment: segments.get(person.id)! })))
      .returning(["id", "person_id"])
      .execute();
    const byPerson = new Map(chunk.map((person) => [person.id, person]));
    for (const row of rows) invitations.push({ id: row.id, person: byPerson.get(row.person_id)! });
  }
  await issueBallots(db, orgId, wave.id, invitations.map((invitation) => invitation.id));
  if (wave.distribution === "email") await queueEmails(db, invitations.map((invitation) => surveyEmail(orgId, wave, invitation, false)));
  return { adminsHoldLinks: adminsHoldLinks(wave.distribution, smtpConfigured()) };
}

function surveyEmail(orgId: string, wave: Pick<LockedWave, "orgName" | "surveyName" | "closes_at" | "min_group_size" | "commentMinimum">, invitation: { id: string; person: { name: string; email: string } }, reminder: boolean) {
  const { subject, text } = invitationEmail({
    orgName: wave.orgName,
    surveyName: wave.surveyName,
    personName: invitation.person.name,
    closesAt: wave.closes_at ? new Date(wave.closes_at) : null,
    k: wave.min_group_size,
    commentMinimum: wave.commentMinimum,
    reminder,
    privateReport: smtpConfigured(),
  });
  return { orgId, kind: reminder ? ("survey-reminder" as const) : ("survey-invitation" as const), to: invitation.person.email, subject, text, invitationId: invitation.id };
}

export type LinkListOutcome = { outcome: "listed"; rows: { name: string; email: string; department: string; link: string }[] } | { outcome: "not-found" | "not-open" | "email-wave" };

/**
 * The link list of a wave handed out by its admins: the same links every time. Waves that go by
 * email have none: nobody but the respondent may hold their link.
 */
export async function linkList(db: Db, orgId: string, waveId: string): Promise<LinkListOutcome> {
  const wave = await db.selectFrom("survey_wave").select(["status", "distribution", "base_url"]).where("organization_id", "=", orgId).where("id", "=", waveId).executeTakeFirst();
  if (!wave) return { outcome: "not-found" };
  if (wave.distribution !== "links") return { outcome: "email-wave" };
  if (wave.status !== "open") return { outcome: "not-open" };
  const invitations = await db
    .selectFrom("invitation")
    .innerJoin("person", "person.id", "invitation.person_id")
    .select(["invitation.id", "person.name", "person.email", "person.department"])
    .where("invitation.organization_id", "=", orgId)
    .where("invitation.wave_id", "=", waveId)
    .orderBy("person.name")
    .execute();
  return { outcome: "listed", rows: invitations.map((row) => ({ name: row.name, email: row.email, department: row.department ?? "", link: respondentLink(wave.base_url ?? "", row.id) })) };
}

/** The shared link of an open-link wave; the token is shown once. */
export async function createOpenLink(db: Db, orgId: string, waveId: string): Promise<string | undefined> {
  const token = newToken();
  const { numUpdatedRows } = await db
    .updateTable("survey_wave")
    .set({ open_link_token_hash: hashToken(token) })
    .where("organization_id", "=", orgId)
    .where("id", "=", waveId)
    .where("distribution", "=", "open")
    .where("status", "in", ["draft", "scheduled", "open"])
    .executeTakeFirst();
  return numUpdatedRows > 0n ? token : undefined;
}

export async function removeOpenLink(db: Db, orgId: string, waveId: string): Promise<void> {
  await db.updateTable("survey_wave").set({ open_link_token_hash: null }).where("organization_id", "=", orgId).where("id", "=", waveId).execute();
}

/**
 * Reminders due by now, each (wave, day) once, whichever instance gets there first. They go to
 * everyone invited, answered or not: choosing the recipients would need to know who answered,
 * and a list of them would say it.
 */
export async function sendDueReminders(db: Db, now = new Date()): Promise<number> {
  if (!smtpConfigured()) return 0;
  const waves = await db
    .selectFrom("survey_wave")
    .innerJoin("survey", "survey.id", "survey_wave.survey_id")
    .innerJoin("organization", "organization.id", "survey_wave.organization_id")
    .select([
      "survey_wave.id",
      "survey_wave.organization_id",
      "survey_wave.opened_at",
      "survey_wave.closes_at",
      "survey_wave.reminder_days",
      "survey_wave.min_group_size",
      "survey.name as surveyName",
      "organization.name as orgName",
      "organization.comment_min_group_size as commentMinimum",
    ])
    .where("survey_wave.status", "=", "open")
    .where("survey_wave.distribution", "=", "email")
    .execute();
  let sent = 0;
  for (const wave of waves) {
    for (const day of wave.reminder_days) {
      if (!wave.opened_at || new Date(wave.opened_at).getTime() + day * 86_400_000 > now.getTime()) continue;
      sent += await db.transaction().execute(async (tx) => {
        const claimed = await tx
          .insertInto("wave_reminder")
          .values({ wave_id: wave.id, reminder_day: day, recipients: 0 })
          .onConflict((oc) => oc.columns(["wave_id", "reminder_day"]).doNothing())
          .returning("wave_id")
          .executeTakeFirst();
        if (!claimed) return 0;
        const invitations = await tx
          .selectFrom("invitation")
          .innerJoin("person", "person.id", "invitation.person_id")
          .select(["invitation.id", "person.name", "person.email"])
          .where("invitation.organization_id", "=", wave.organization_id)
          .where("invitation.wave_id", "=", wave.id)
          .execute();
        await queueEmails(tx, invitations.map((invitation) => surveyEmail(wave.organization_id, wave, { id: invitation.id, person: invitation }, true)));
        await tx.updateTable("wave_reminder").set({ recipients: invitations.length }).where("wave_id", "=", wave.id).where("reminder_day", "=", day).execute();
        return invitations.length;
      });
    }
  }
  if (sent > 0) await nudgeEmailDelivery();
  return sent;
}
