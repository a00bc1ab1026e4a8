import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Dashboards only read these; a background job rewrites a wave's snapshot when its responses
  // (or the settings it was computed with) change.
  await db.schema
    .createTable("analytics_snapshot")
    .addColumn("wave_id", "uuid", (c) => c.primaryKey())
    .addColumn("organization_id", "uuid", (c) => c.notNull())
    .addColumn("computed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("released_responses", "integer", (c) => c.notNull())
    .addColumn("min_group_size", "integer", (c) => c.notNull())
    .addColumn("dp_epsilon", "double precision")
    .addColumn("compute_ms", "integer", (c) => c.notNull())
    .addColumn("data", "jsonb", (c) => c.notNull())
    .addForeignKeyConstraint("analytics_snapshot_wave_fk", ["wave_id", "organization_id"], "survey_wave", ["id", "organization_id"], (fk) => fk.onDelete("cascade"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("analytics_snapshot").execute();
}
