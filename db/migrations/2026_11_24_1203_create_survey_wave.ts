import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("survey_wave")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull())
    .addColumn("survey_id", "uuid", (c) => c.notNull())
    .addColumn("number", "integer", (c) => c.notNull().check(sql`number >= 1`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'scheduled', 'open', 'closed')`))
    .addColumn("opens_at", "timestamptz")
    .addColumn("closes_at", "timestamptz")
    .addColumn("opened_at", "timestamptz")
    .addColumn("closed_at", "timestamptz")
    .addColumn("min_group_size", "integer", (c) => c.notNull().check(sql`min_group_size >= 3`))
    // {"kind":"organization"} | {"kind":"departments","departments":[…]} | {"kind":"subtrees","managerIds":[…]}
    .addColumn("audience", "jsonb", (c) => c.notNull())
    .addColumn("distribution", "text", (c) => c.notNull().check(sql`distribution in ('email', 'links')`))
    // Days after opening on which non-respondents get a reminder.
    .addColumn("reminder_days", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("open_link_token_hash", "text", (c) => c.unique())
    .addColumn("base_url", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint("survey_wave_survey_fk", ["survey_id", "organization_id"], "survey", ["id", "organization_id"], (fk) => fk.onDelete("cascade"))
    .addUniqueConstraint("survey_wave_survey_number_key", ["survey_id", "number"])
    .addUniqueConstraint("survey_wave_id_organization_key", ["id", "organization_id"])
    .addCheckConstraint("survey_wave_closes_after_opening", sql`closes_at is null or opens_at is null or closes_at > opens_at`)
    .execute();
  await db.schema.createIndex("survey_wave_due_idx").on("survey_wave").columns(["status", "opens_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("survey_wave").execute();
}
