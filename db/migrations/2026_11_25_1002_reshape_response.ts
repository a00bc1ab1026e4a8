import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // A released response carries its group (a segment, a department's or the organization's pool,
  // or the open link) and nothing else about who gave it: no day, and no relation to the people
  // it chose. Whether it came through the open link is its group.
  await sql`alter table response rename column segment to group_key`.execute(db);
  await sql`update response set group_key = 'open-link' where not verified`.execute(db);
  await db.schema.alterTable("response").dropColumn("response_date").execute();
  await db.schema.alterTable("response").dropColumn("verified").execute();
  await sql`alter index response_wave_segment_idx rename to response_wave_group_idx`.execute(db);

  // Choices are no longer attached to a response: a response that chose everyone but one colleague
  // would say who wrote it (nobody chooses themselves). Each release stores, per group, how many of
  // its responses chose each person in each question.
  await db.schema
    .createTable("nomination_count")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull())
    .addColumn("wave_id", "uuid", (c) => c.notNull())
    .addColumn("group_key", "text", (c) => c.notNull())
    .addColumn("question_id", "uuid", (c) => c.notNull().references("question.id").onDelete("cascade"))
    .addColumn("nominee_id", "uuid", (c) => c.notNull().references("person.id"))
    .addColumn("count", "integer", (c) => c.notNull().check(sql`count > 0`))
    .addForeignKeyConstraint("nomination_count_wave_fk", ["wave_id", "organization_id"], "survey_wave", ["id", "organization_id"], (fk) => fk.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("nomination_count_wave_idx").on("nomination_count").columns(["wave_id", "group_key"]).execute();
  await sql`
    insert into nomination_count (organization_id, wave_id, group_key, question_id, nominee_id, count)
    select r.organization_id, r.wave_id, r.group_key, n.question_id, n.nominee_id, count(*)
    from nomination n join response r on r.id = n.response_id
    group by r.organization_id, r.wave_id, r.group_key, n.question_id, n.nominee_id
  `.execute(db);
  await db.schema.dropTable("nomination").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  throw new Error("Choices were detached from responses on purpose; this migration cannot be undone.");
}
