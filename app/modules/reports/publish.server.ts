import type { Db } from "~/db.server";
import { queueEmails, smtpConfigured } from "~/modules/email/email.server";
import { reportEmail } from "./report-email";
import { issueReportLinks } from "./report-links.server";

/**
 * When a wave closes, everyone it invited gets a private report link, answered or not. The links
 * go out only through a mail server: without one, messages wait in an outbox that admins read,
 * and a report is for its person alone.
 */
export async function publishReports(db: Db, orgId: string, wave: { id: string; orgName: string; surveyName: string }): Promise<{ emailed: number }> {
  const invitations = await db
    .selectFrom("invitation")
    .innerJoin("person", "person.id", "invitation.person_id")
    .select(["invitation.id", "person.name", "person.email"])
    .where("invitation.organization_id", "=", orgId)
    .where("invitation.wave_id", "=", wave.id)
    .execute();
  await issueReportLinks(db, orgId, wave.id, invitations);
  if (!smtpConfigured()) return { emailed: 0 };
  await queueEmails(
    db,
    invitations.map((invitation) => ({
      orgId,
      kind: "wave-report" as const,
      to: invitation.email,
      invitationId: invitation.id,
      ...reportEmail({ orgName: wave.orgName, surveyName: wave.surveyName, personName: invitation.name }),
    })),
  );
  return { emailed: invitations.length };
}
