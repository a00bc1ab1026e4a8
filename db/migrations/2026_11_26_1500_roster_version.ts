import { sql, type Kysely } from "kysely";

// A number per organization that moves with every write to its people, so a request can tell
// whether what it keeps of the roster (a leader's subtree, the org chart, a preview) is current
// by reading one row rather than counting the organization (38 ms at 30,000 people on PGlite).
// Triggers move it, not the code that writes: a write path added later cannot forget it. They fire
// once per statement, so an import of 50,000 rows bumps it a handful of times. Every roster write
// already holds the organization's roster lock first, so the row lock taken here never interleaves.
const events = [
  { event: "insert", rows: "new table as changed" },
  { event: "update", rows: "new table as changed" },
  { event: "delete", rows: "old table as changed" },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("roster_version")
    .addColumn("organization_id", "uuid", (col) => col.primaryKey().references("organization.id").onDelete("cascade"))
    .addColumn("version", "bigint", (col) => col.notNull())
    .execute();
  // Joined to organization: when an organization is deleted its people go by cascade, and there
  // is then nothing left to version.
  await sql`
    create function bump_roster_version() returns trigger language plpgsql as $$
    begin
      insert into roster_version (organization_id, version)
      select o.id, 1 from organization o where o.id in (select organization_id from changed)
      on conflict (organization_id) do update set version = roster_version.version + 1;
      return null;
    end $$
  `.execute(db);
  for (const { event, rows } of events) {
    await sql.raw(`create trigger person_${event}_bumps_roster_version after ${event} on person referencing ${rows} for each statement execute function bump_roster_version()`).execute(db);
  }
  await sql`insert into roster_version (organization_id, version) select id, 1 from organization`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { event } of events) await sql.raw(`drop trigger person_${event}_bumps_roster_version on person`).execute(db);
  await sql`drop function bump_roster_version()`.execute(db);
  await db.schema.dropTable("roster_version").execute();
}
