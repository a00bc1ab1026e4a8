import { type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // A private report for every invited person, answered or not, reached through a link sent when
  // the wave's results are published. Like ballots, written in random order and tied to nobody in
  // the clear: whose report it is sits sealed in `claims`.
  await db.schema
    .createTable("report_link")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "uuid", (c) => c.notNull())
    .addColumn("wave_id", "uuid", (c) => c.notNull())
    .addColumn("claims", "bytea", (c) => c.notNull())
    .addForeignKeyConstraint("report_link_wave_fk", ["wave_id", "organization_id"], "survey_wave", ["id", "organization_id"], (fk) => fk.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("report_link_wave_idx").on("report_link").column("wave_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("report_link").execute();
}
