import { type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // One per invitation, written in random order when a wave opens, and tied to nobody: whose it is
  // sits in `claims`, sealed with a key from the app secret. A copy of the database sees that some
  // ballot was spent, never whose.
  await db.schema
    .createTable("ballot")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "uuid", (c) => c.notNull())
    .addColumn("wave_id", "uuid", (c) => c.notNull())
    .addColumn("claims", "bytea", (c) => c.notNull())
    .addColumn("spent", "boolean", (c) => c.notNull().defaultTo(false))
    .addForeignKeyConstraint("ballot_wave_fk", ["wave_id", "organization_id"], "survey_wave", ["id", "organization_id"], (fk) => fk.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("ballot_wave_idx").on("ballot").column("wave_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("ballot").execute();
}
