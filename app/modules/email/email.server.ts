import nodemailer, { type Transporter } from "nodemailer";
import { sql } from "kysely";
import type { Db } from "~/db.server";
import { respondentLink } from "~/modules/anonymity/ballots.server";
import { config } from "~/modules/config.server";
import { nudge } from "~/modules/jobs/queue.server";
import { reportLink } from "~/modules/reports/report-links.server";
import { withReportLink } from "~/modules/reports/report-email";
import { withLink } from "~/modules/surveys/invitation-email";

const MAX_ATTEMPTS = 6;
const BATCH = 50;

export type EmailKind = "member-invitation" | "survey-invitation" | "survey-reminder" | "wave-report";

/** Survey and report emails name their invitation; their link is worked out when they are sent, never stored. */
export type OutgoingEmail = { orgId: string | null; kind: EmailKind; to: string; subject: string; text: string; invitationId?: string };

export function smtpConfigured(): boolean {
  return Boolean(config().SMTP_URL);
}

let transport: Transporter | undefined;
function smtpTransport(): Transporter {
  transport ??= nodemailer.createTransport(config().SMTP_URL);
  return transport;
}

/**
 * Writes messages in the caller's transaction; delivery happens later, outside the request (see
 * nudgeEmailDelivery). Without SMTP they stay in the outbox, readable in the app.
 */
export async function queueEmails(db: Db, emails: OutgoingEmail[]): Promise<void> {
  const status = smtpConfigured() ? "queued" : "outbox";
  for (let start = 0; start < emails.length; start += 1_000) {
    await db
      .insertInto("email_message")
      .values(
        emails.slice(start, start + 1_000).map((email) => ({
          organization_id: email.orgId,
          invitation_id: email.invitationId ?? null,
          kind: email.kind,
          to_address: email.to,
          subject: email.subject,
          body_text: email.text,
          status,
        })),
      )
      .execute();
  }
}

/**
 * Call after the transaction that queued messages has committed: on PGlite a job queued from
 * inside a transaction would wait for that very transaction.
 */
export async function nudgeEmailDelivery(): Promise<void> {
  if (smtpConfigured()) await nudge("deliver-email");
}

export type Deliver = (message: { to: string; subject: string; text: string }) => Promise<void>;

export const deliverBySmtp: Deliver = async ({ to, subject, text }) => {
  await smtpTransport().sendMail({ from: config().EMAIL_FROM, to, subject, text });
};

/** The body as sent or shown: survey and report emails get their link filled in from the invitation. */
export async function renderBodies<T extends { kind: string; invitation_id: string | null; body_text: string | null }>(db: Db, messages: T[]): Promise<(T & { body: string | null })[]> {
  const invitationIds = messages.map((message) => message.invitation_id).filter((id): id is string => id !== null);
  const bases = invitationIds.length
    ? await db.selectFrom("invitation").innerJoin("survey_wave", "survey_wave.id", "invitation.wave_id").select(["invitation.id", "survey_wave.base_url"]).where("invitation.id", "in", invitationIds).execute()
    : [];
  const baseOf = new Map(bases.map((row) => [row.id, row.base_url ?? ""]));
  return messages.map((message) => {
    if (message.body_text === null || message.invitation_id === null) return { ...message, body: message.body_text };
    const base = baseOf.get(message.invitation_id) ?? "";
    const body = message.kind === "wave-report" ? withReportLink(message.body_text, reportLink(base, message.invitation_id)) : withLink(message.body_text, respondentLink(base, message.invitation_id));
    return { ...message, body };
  });
}

/**
 * Sends what is due, retrying failures with growing pauses. A delivered message loses its body,
 * and so does one that failed for good. Survey emails never held their link anyway.
 */
export async function deliverDueEmails(db: Db, deliver: Deliver = deliverBySmtp): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const due = await db.transaction().execute(async (tx) => {
      const messages = await tx
        .selectFrom("email_message")
        .select(["id", "kind", "to_address", "subject", "body_text", "invitation_id", "attempts"])
        .where("status", "=", "queued")
        .where("next_attempt_at", "<=", sql<Date>`now()`)
        .orderBy("next_attempt_at")
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      // Claim them so that another instance does not send them too while this one works.
      if (messages.length > 0) {
        await tx
          .updateTable("email_message")
          .set({ next_attempt_at: sql<Date>`now() + interval '5 minutes'` })
          .where("id", "in", messages.map((message) => message.id))
          .execute();
      }
      return messages;
    });
    if (due.length === 0) return { sent, failed };
    for (const message of await renderBodies(db, due)) {
      const error =
        message.body === null
          ? new Error("This message has no body to send (its link was removed in an upgrade).")
          : await deliver({ to: message.to_address, subject: message.subject, text: message.body }).then(
              () => null,
              (reason: unknown) => reason as Error,
            );
      const attempts = message.body === null ? MAX_ATTEMPTS : message.attempts + 1;
      const failedForGood = error !== null && (attempts >= MAX_ATTEMPTS || isRecipientRejected(error));
      if (error) failed++;
      else sent++;
      if (!error) {
        await db
          .updateTable("email_message")
          .set({ status: "sent", sent_at: new Date(), body_text: null, last_error: null, attempts })
          .where("id", "=", message.id)
          .execute();
      } else {
        await db
          .updateTable("email_message")
          .set({
            attempts,
            status: failedForGood ? "failed" : "queued",
            // A message that will never be sent loses its body too.
            ...(failedForGood ? { body_text: null } : {}),
            last_error: String(error.message ?? error).slice(0, 500),
            next_attempt_at: sql<Date>`now() + make_interval(secs => ${30 * 2 ** attempts})`,
          })
          .where("id", "=", message.id)
          .execute();
      }
    }
  }
}

/**
/**
 * The receiving server refused the recipient for good (a 5xx reply to RCPT TO, e.g. "550 no such
 * user"): sending again cannot help. Anything else (a refused or dropped connection, a 4xx, a
 * failed login that an admin may fix) is retried.
 */
function isRecipientRejected(error: Error): boolean {
  const { code, responseCode } = error as Error & { code?: string; responseCode?: number };
  return code === "EENVELOPE" && typeof responseCode === "number" && responseCode >= 500 && responseCode < 600;
}

/**
 * The outbox as admins read it when no SMTP server is configured: a trial mode, in which admins
 * read every invitation's link (and respondents are told so; see the wave's admins_hold_links).
 */
export async function listOutbox(db: Db, orgId: string, { page, pageSize = 25 }: { page: number; pageSize?: number }) {
  const base = db.selectFrom("email_message").where("organization_id", "=", orgId);
  const [rows, total] = await Promise.all([
    base
      .select(["id", "kind", "to_address", "subject", "body_text", "invitation_id", "status", "created_at"])
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow(),
  ]);
  // Only trial-mode messages are shown with their body: what goes by email is for its recipient.
  const shown = rows.map((row) => (row.status === "outbox" ? row : { ...row, body_text: null }));
  const messages = (await renderBodies(db, shown)).map(({ body_text: _stored, invitation_id: _invitation, ...message }) => message);
  return { messages, total: Number(total.count) };
}
