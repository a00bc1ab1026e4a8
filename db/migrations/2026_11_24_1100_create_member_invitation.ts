import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("member_invitation")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull().check(sql`email = lower(email)`))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('admin', 'analyst', 'leader')`))
    .addColumn("person_id", "uuid")
    // Only a hash: the token itself exists in the email alone.
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("invited_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("accepted_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint("member_invitation_person_fk", ["person_id", "organization_id"], "person", ["id", "organization_id"])
    .addCheckConstraint("member_invitation_leader_has_person", sql`role <> 'leader' or person_id is not null`)
    .execute();
  await db.schema
    .createIndex("member_invitation_org_idx")
    .on("member_invitation")
    .columns(["organization_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("member_invitation").execute();
}
