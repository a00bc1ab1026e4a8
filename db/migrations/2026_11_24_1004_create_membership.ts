import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("membership")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('owner', 'admin', 'analyst', 'leader')`))
    // A leader sees the subtree of the org chart below this person.
    .addColumn("person_id", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("membership_organization_user_key", ["organization_id", "user_id"])
    .addForeignKeyConstraint("membership_person_fk", ["person_id", "organization_id"], "person", ["id", "organization_id"])
    .addCheckConstraint("membership_leader_has_person", sql`role <> 'leader' or person_id is not null`)
    .execute();
  await db.schema.createIndex("membership_user_idx").on("membership").column("user_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("membership").execute();
}
