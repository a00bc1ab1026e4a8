import { type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Only hashes. An invitation can have several links (the email, a reminder, a list the admin
  // downloaded); each is issued to every invitation of the wave at once, answered or not, so
  // that which links exist says nothing about who has answered.
  await db.schema
    .createTable("invitation_token")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("invitation_id", "uuid", (c) => c.notNull().references("invitation.id").onDelete("cascade"))
    .execute();
  await db.schema.createIndex("invitation_token_invitation_idx").on("invitation_token").column("invitation_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("invitation_token").execute();
}
