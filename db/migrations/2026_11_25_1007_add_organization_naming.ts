import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Who appears by name on influence views: everyone, only people with a formal role (the default:
  // a manager's followership is part of the role; nobody else agreed to be assessed by name), or
  // people who gave their consent from their private report.
  await db.schema
    .alterTable("organization")
    .addColumn("naming", "text", (c) => c.notNull().defaultTo("formal-roles").check(sql`naming in ('everyone', 'formal-roles', 'consent')`))
    .execute();
  await db.schema
    .createTable("naming_consent")
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("person_id", "uuid", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("naming_consent_pk", ["organization_id", "person_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("naming_consent").execute();
  await db.schema.alterTable("organization").dropColumn("naming").execute();
}
