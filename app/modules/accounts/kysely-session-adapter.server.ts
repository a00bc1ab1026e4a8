import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { Db } from "~/db.server";

/** lucia v3 keeps sessions through an adapter; this one speaks Kysely, so it runs on both drivers. */
export class KyselySessionAdapter implements Adapter {
  constructor(private readonly db: Db) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.db
      .selectFrom("user_session")
      .innerJoin("app_user", "app_user.id", "user_session.user_id")
      .select(["user_session.id", "user_session.user_id", "user_session.expires_at", "app_user.email", "app_user.name"])
      .where("user_session.id", "=", sessionId)
      .executeTakeFirst();
    if (!row) return [null, null];
    return [
      { id: row.id, userId: row.user_id, expiresAt: new Date(row.expires_at), attributes: {} },
      { id: row.user_id, attributes: { email: row.email, name: row.name } },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.db.selectFrom("user_session").selectAll().where("user_id", "=", userId).execute();
    return rows.map((row) => ({ id: row.id, userId: row.user_id, expiresAt: new Date(row.expires_at), attributes: {} }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.db
      .insertInto("user_session")
      .values({ id: session.id, user_id: session.userId, expires_at: session.expiresAt })
      .execute();
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.db.updateTable("user_session").set({ expires_at: expiresAt }).where("id", "=", sessionId).execute();
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.deleteFrom("user_session").where("id", "=", sessionId).execute();
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db.deleteFrom("user_session").where("user_id", "=", userId).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db.deleteFrom("user_session").where("expires_at", "<=", new Date()).execute();
  }
}
