import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // A survey is a series; each run of it is a wave.
  await db.schema
    .createTable("survey")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("repeat_every_weeks", "integer", (c) => c.check(sql`repeat_every_weeks between 1 and 52`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("survey_organization_name_key", ["organization_id", "name"])
    .addUniqueConstraint("survey_id_organization_key", ["id", "organization_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("survey").execute();
}
