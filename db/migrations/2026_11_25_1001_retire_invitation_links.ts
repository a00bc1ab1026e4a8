import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Invitations used to say whether they were answered, and links used to point at invitations:
  // together, who answered. Ballots replace both. Links of waves still open are moved into
  // ballots by the legacy upgrade at start (it needs the app secret, which migrations never
  // see); it drops these legacy objects once done.
  await sql`alter table invitation rename column answered to legacy_answered`.execute(db);
  await sql`alter table invitation alter column legacy_answered drop not null`.execute(db);
  await sql`alter table invitation_token rename to legacy_invitation_token`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table legacy_invitation_token rename to invitation_token`.execute(db);
  await sql`alter table invitation rename column legacy_answered to answered`.execute(db);
}
