import { type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // The checked rows of a previewed import, applied with set-based SQL in one transaction.
  await db.schema
    .createTable("roster_import_row")
    .addColumn("import_id", "uuid", (c) => c.notNull().references("roster_import.id").onDelete("cascade"))
    .addColumn("line", "integer", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("department", "text")
    .addColumn("location", "text")
    .addColumn("level", "text")
    .addColumn("manager_email", "text")
    .addColumn("attributes", "jsonb", (c) => c.notNull())
    .addPrimaryKeyConstraint("roster_import_row_pk", ["import_id", "email"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("roster_import_row").execute();
}
