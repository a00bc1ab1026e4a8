import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // A released response carries its group (a segment, a department's or the organization's pool,
  // or the open link) and nothing else about who gave it: no day, and no relation to the people
  // it chose. Whether it came through the open link is its group.
  await sql`alter table response rename column segment to group_key`.execute(db);
  await sql`update response set group_key = 'open-link' where not verified`.execute(db);
  await db.schema.alterTable("response").dropColumn("response_date").execute();
  await db.schema.alterTable("response").dropColumn("verified").execute();
  await db.schema.alterTable("nomination").dropColumn("relation").execute();
  await sql`alter index response_wave_segment_idx rename to response_wave_group_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter index response_wave_group_idx rename to response_wave_segment_idx`.execute(db);
  await db.schema.alterTable("nomination").addColumn("relation", "text", (c) => c.notNull().defaultTo("undisclosed")).execute();
  await db.schema.alterTable("response").addColumn("verified", "boolean", (c) => c.notNull().defaultTo(true)).execute();
  await db.schema.alterTable("response").addColumn("response_date", "date", (c) => c.notNull().defaultTo(sql`current_date`)).execute();
  await sql`alter table response rename column group_key to segment`.execute(db);
}
