import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Reminders are logged per wave as a count, never per person.
  await db.schema
    .createTable("wave_reminder")
    .addColumn("wave_id", "uuid", (c) => c.notNull().references("survey_wave.id").onDelete("cascade"))
    .addColumn("reminder_day", "integer", (c) => c.notNull())
    .addColumn("sent_on", "date", (c) => c.notNull().defaultTo(sql`current_date`))
    .addColumn("recipients", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("wave_reminder_pk", ["wave_id", "reminder_day"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("wave_reminder").execute();
}
