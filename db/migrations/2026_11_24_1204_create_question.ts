import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("question")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull())
    .addColumn("wave_id", "uuid", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    // Stable across the waves of a series: how a question in wave 3 is matched to wave 2's.
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('likert', 'scale', 'single_choice', 'multiple_choice', 'text', 'nomination')`),
    )
    .addColumn("prompt", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("required", "boolean", (c) => c.notNull())
    .addColumn("construct", "text")
    .addColumn("options", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addForeignKeyConstraint("question_wave_fk", ["wave_id", "organization_id"], "survey_wave", ["id", "organization_id"], (fk) => fk.onDelete("cascade"))
    .addUniqueConstraint("question_id_wave_key", ["id", "wave_id"])
    .addUniqueConstraint("question_wave_key_key", ["wave_id", "key"])
    .execute();
  // Deferred so that reordering can swap two positions inside one transaction.
  await sql`alter table question add constraint question_wave_position_key unique (wave_id, position) deferrable initially deferred`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("question").execute();
}
