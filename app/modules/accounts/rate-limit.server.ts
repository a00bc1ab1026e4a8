import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "~/db.server";

export type RateLimit = { limit: number; windowSeconds: number };
export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Keys are hashed: the table should not become a list of who tried to log in. */
export function rateLimitKey(scope: string, value: string): string {
  return `${scope}:${createHash("sha256").update(value.toLowerCase()).digest("base64url").slice(0, 32)}`;
}

/** Fixed window counter, one upsert: atomic under concurrency on every instance. */
export async function hitRateLimit(db: Db, key: string, { limit, windowSeconds }: RateLimit): Promise<RateLimitResult> {
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const row = await db
    .insertInto("rate_limit")
    .values({ key, hits: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        hits: sql`case when rate_limit.window_started_at < now() - ${window} then 1 else rate_limit.hits + 1 end`,
        window_started_at: sql`case when rate_limit.window_started_at < now() - ${window} then now() else rate_limit.window_started_at end`,
      }),
    )
    .returning(["hits", sql<number>`extract(epoch from (window_started_at + ${window} - now()))::int`.as("remaining")])
    .executeTakeFirstOrThrow();
  if (row.hits <= limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, row.remaining) };
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.deleteFrom("rate_limit").where("key", "=", key).execute();
}

export async function deleteExpiredRateLimits(db: Db, olderThanSeconds = 86_400): Promise<void> {
  await db
    .deleteFrom("rate_limit")
    .where("window_started_at", "<", sql<Date>`now() - make_interval(secs => ${olderThanSeconds})`)
    .execute();
}
