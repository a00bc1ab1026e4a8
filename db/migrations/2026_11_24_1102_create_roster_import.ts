import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("roster_import")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("deactivate_missing", "boolean", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('previewed', 'applied', 'discarded')`))
    // Counts, headers and bad rows, as shown on the preview.
    .addColumn("summary", "jsonb", (c) => c.notNull())
    // The roster this preview was computed against; applying refuses if it has changed since.
    .addColumn("roster_fingerprint", "text", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("applied_at", "timestamptz")
    .execute();
  await db.schema.createIndex("roster_import_org_idx").on("roster_import").columns(["organization_id", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("roster_import").execute();
}
