import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // One per person in a wave's audience. It records whether it was used, never when, and it is
  // never referenced by a response.
  await db.schema
    .createTable("invitation")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull())
    .addColumn("wave_id", "uuid", (c) => c.notNull())
    .addColumn("person_id", "uuid", (c) => c.notNull())
    .addColumn("answered", "boolean", (c) => c.notNull().defaultTo(false))
    // The anonymity segment this person's answers will carry, fixed when the wave opens.
    .addColumn("segment", "text", (c) => c.notNull())
    .addForeignKeyConstraint("invitation_wave_fk", ["wave_id", "organization_id"], "survey_wave", ["id", "organization_id"], (fk) => fk.onDelete("cascade"))
    .addForeignKeyConstraint("invitation_person_fk", ["person_id", "organization_id"], "person", ["id", "organization_id"])
    .addUniqueConstraint("invitation_wave_person_key", ["wave_id", "person_id"])
    .execute();
  await db.schema.createIndex("invitation_wave_segment_idx").on("invitation").columns(["wave_id", "segment"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("invitation").execute();
}
