import nodemailer, { type Transporter } from "nodemailer";
import { sql } from "kysely";
import type { Db } from "~/db.server";
import { config } from "~/modules/config.server";
import { nudge } from "~/modules/jobs/queue.server";

const MAX_ATTEMPTS = 6;
const BATCH = 50;

export type EmailKind = "member-invitation" | "survey-invitation" | "survey-reminder";

export type OutgoingEmail = { orgId: string | null; kind: EmailKind; to: string; subject: string; text: string };

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

/**
 * Sends what is due, retrying failures with growing pauses. A delivered message loses its body:
 * bodies hold single-use links that should not outlive their delivery. A reminder leaves no row
 * at all once it is done with: who got one is who had not answered yet, and with the day on each
 * response that could single someone out.
 */
export async function deliverDueEmails(db: Db, deliver: Deliver = deliverBySmtp): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const due = await db.transaction().execute(async (tx) => {
      const messages = await tx
        .selectFrom("email_message")
        .select(["id", "kind", "to_address", "subject", "body_text", "attempts"])
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
    for (const message of due) {
      const error = await deliver({ to: message.to_address, subject: message.subject, text: message.body_text ?? "" }).then(
        () => null,
        (reason: unknown) => reason as Error,
      );
      const attempts = message.attempts + 1;
      if (error) failed++;
      else sent++;
      if (message.kind === "survey-reminder" && (!error || attempts >= MAX_ATTEMPTS)) {
        await db.deleteFrom("email_message").where("id", "=", message.id).execute();
      } else if (!error) {
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
            status: attempts >= MAX_ATTEMPTS ? "failed" : "queued",
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
 * The outbox as admins read it when no SMTP server is configured. Reminders are never listed:
 * who received one is who had not answered.
 */
export async function listOutbox(db: Db, orgId: string, { page, pageSize = 25 }: { page: number; pageSize?: number }) {
  const base = db
    .selectFrom("email_message")
    .where("organization_id", "=", orgId)
    .where("kind", "!=", "survey-reminder");
  const [messages, total] = await Promise.all([
    base
      .select(["id", "kind", "to_address", "subject", "body_text", "status", "created_at"])
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow(),
  ]);
  return { messages, total: Number(total.count) };
}
