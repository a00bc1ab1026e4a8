import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Deliberately without any link to a person, an invitation or a token, without a serial key,
  // and without a time finer than a day.
  await db.schema
    .createTable("response")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull())
    .addColumn("wave_id", "uuid", (c) => c.notNull())
    .addColumn("segment", "text", (c) => c.notNull())
    .addColumn("response_date", "date", (c) => c.notNull())
    // false for answers through a survey's open link, whose respondents are unknown.
    .addColumn("verified", "boolean", (c) => c.notNull())
    .addForeignKeyConstraint("response_wave_fk", ["wave_id", "organization_id"], "survey_wave", ["id", "organization_id"], (fk) => fk.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("response_wave_segment_idx").on("response").columns(["wave_id", "segment"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("response").execute();
}
