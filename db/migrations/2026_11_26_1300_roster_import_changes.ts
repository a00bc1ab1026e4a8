import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // The preview lists who is new or updated (and which fields), page by page; applying writes the
  // valid rows and skips the bad ones, whose problems are all kept for the download.
  await db.schema
    .alterTable("roster_import_row")
    .addColumn("change", "text", (c) => c.notNull().defaultTo("new").check(sql`change in ('new', 'updated', 'unchanged')`))
    .addColumn("changed_fields", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await db.schema.createIndex("roster_import_row_change_idx").on("roster_import_row").columns(["import_id", "change", "line"]).execute();
  await db.schema
    .createTable("roster_import_problem")
    .addColumn("import_id", "uuid", (c) => c.notNull().references("roster_import.id").onDelete("cascade"))
    .addColumn("line", "integer", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("message", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("roster_import_problem_idx").on("roster_import_problem").columns(["import_id", "line"]).execute();
  // Previews made before could not skip rows and kept no changes: they are made again from the file.
  await sql`update roster_import set status = 'discarded' where status = 'previewed'`.execute(db);
  await sql`delete from roster_import_row`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("roster_import_problem").execute();
  await db.schema.dropIndex("roster_import_row_change_idx").execute();
  await db.schema.alterTable("roster_import_row").dropColumn("change").dropColumn("changed_fields").execute();
}
