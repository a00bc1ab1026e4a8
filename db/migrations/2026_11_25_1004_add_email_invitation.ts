import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Survey emails no longer hold their link at rest: the body has a placeholder, and the link is
  // worked out from the invitation when the message is sent (or shown in the trial outbox).
  await db.schema
    .alterTable("email_message")
    .addColumn("invitation_id", "uuid", (c) => c.references("invitation.id").onDelete("cascade"))
    .execute();
  // Messages written before this change carry working links in their bodies: drop those bodies.
  await sql`update email_message set body_text = null where body_text like '%/r/%'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("email_message").dropColumn("invitation_id").execute();
}
