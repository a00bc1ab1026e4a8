import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("person")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull().check(sql`email = lower(email)`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("department", "text")
    .addColumn("location", "text")
    .addColumn("level", "text")
    .addColumn("manager_id", "uuid")
    .addColumn("attributes", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // People leave the roster by deactivation, never deletion: past results keep their nominees.
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("person_organization_email_key", ["organization_id", "email"])
    // The manager must belong to the same organization: (id, organization_id) pairs are unique
    // so a composite foreign key can say so.
    .addUniqueConstraint("person_id_organization_key", ["id", "organization_id"])
    .addCheckConstraint("person_not_own_manager", sql`manager_id is null or manager_id <> id`)
    .execute();
  await db.schema
    .alterTable("person")
    .addForeignKeyConstraint("person_manager_fk", ["manager_id", "organization_id"], "person", ["id", "organization_id"])
    .execute();
  await db.schema.createIndex("person_manager_idx").on("person").columns(["organization_id", "manager_id"]).execute();
  await db.schema.createIndex("person_department_idx").on("person").columns(["organization_id", "department"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("person").execute();
}
