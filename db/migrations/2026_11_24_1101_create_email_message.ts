import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("email_message")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.references("organization.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    // Emptied once delivered by SMTP: bodies carry single-use links.
    .addColumn("body_text", "text")
    // outbox: kept for reading in the app (no SMTP configured); queued → sent | failed otherwise.
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('outbox', 'queued', 'sent', 'failed')`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_error", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("sent_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("email_message_due_idx")
    .on("email_message")
    .columns(["status", "next_attempt_at"])
    .where(sql.ref("status"), "=", "queued")
    .execute();
  await db.schema
    .createIndex("email_message_org_idx")
    .on("email_message")
    .columns(["organization_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("email_message").execute();
}
