import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // What a snapshot was computed from, so that a stale one is recomputed: the code's version of
  // the figures, whether the wave had closed (comments appear then), and how many had answered.
  await db.schema
    .alterTable("analytics_snapshot")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("closed", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("answered", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("analytics_snapshot").dropColumn("version").dropColumn("closed").dropColumn("answered").execute();
}
