import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("organization")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("slug", "text", (c) => c.notNull().unique().check(sql`slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'`))
    .addColumn("name", "text", (c) => c.notNull())
    // Minimum group size k: every published figure covers at least this many responses.
    .addColumn("min_group_size", "integer", (c) => c.notNull().defaultTo(5).check(sql`min_group_size >= 3`))
    .addColumn("comment_min_group_size", "integer", (c) =>
      c.notNull().defaultTo(10).check(sql`comment_min_group_size >= 3`),
    )
    // Differential privacy budget per published count; null means no noise.
    .addColumn("dp_epsilon", "double precision", (c) => c.check(sql`dp_epsilon > 0 and dp_epsilon <= 10`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("organization").execute();
}
