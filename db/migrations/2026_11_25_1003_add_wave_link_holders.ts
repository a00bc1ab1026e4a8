import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // How people get their links: by email (only they hold it), as a list the admins hand out, or
  // one shared open link. Whether admins could hold a respondent's link is fixed at launch (a
  // link list, or email without a mail server) and told to the respondent.
  await sql`alter table survey_wave drop constraint survey_wave_distribution_check`.execute(db);
  await sql`alter table survey_wave add constraint survey_wave_distribution_check check (distribution in ('email', 'links', 'open'))`.execute(db);
  await db.schema.alterTable("survey_wave").addColumn("admins_hold_links", "boolean", (c) => c.notNull().defaultTo(false)).execute();
  await sql`update survey_wave set admins_hold_links = true where distribution = 'links' and status in ('open', 'closed')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("survey_wave").dropColumn("admins_hold_links").execute();
  await sql`alter table survey_wave drop constraint survey_wave_distribution_check`.execute(db);
  await sql`alter table survey_wave add constraint survey_wave_distribution_check check (distribution in ('email', 'links'))`.execute(db);
}
