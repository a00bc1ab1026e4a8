import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Submitted responses wait here, sealed with a key the database does not hold, until enough
  // have arrived to be released together, in random order, as fresh rows: see
  // app/modules/responses/pool.server.ts.
  await db.schema
    .createTable("response_pool")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull())
    .addColumn("wave_id", "uuid", (c) => c.notNull())
    .addColumn("sealed", "bytea", (c) => c.notNull())
    .addForeignKeyConstraint("response_pool_wave_fk", ["wave_id", "organization_id"], "survey_wave", ["id", "organization_id"], (fk) => fk.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("response_pool_wave_idx").on("response_pool").column("wave_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("response_pool").execute();
}
