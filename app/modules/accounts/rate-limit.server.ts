import { createHmac } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "~/db.server";
import { derivedKey } from "~/modules/secret.server";

export type RateLimit = { limit: number; windowSeconds: number };
export type Backoff = { free: number; maxSeconds: number };
export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Keys are keyed hashes: the table should not become a list of who tried to log in, and a plain
 * hash of an address or an email is undone by hashing the candidates (there are only 2^32 IPv4
 * addresses). Without the app secret, a copy of the table cannot be tested against a guess.
 */
export function rateLimitKey(scope: string, ...values: string[]): string {
  const mac = createHmac("sha256", derivedKey("rate-limit-key"))
    .update(`${scope}\u0000${values.map((value) => value.toLowerCase()).join("\u0000")}`)
    .digest("base64url");
  return `${scope}:${mac.slice(0, 32)}`;
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

/**
 * Exponential backoff, reserved before the attempt is made: `free` attempts in a row, then each
 * further one only once 1, 2, 4 … seconds (at most `maxSeconds`) have passed since the last. The
 * reservation is one conditional upsert, so a burst of parallel requests gets no more than a
 * single one would. `hits` counts attempts since the last clear; `window_started_at` is the last.
 */
export async function takeBackoffAttempt(db: Db, key: string, { free, maxSeconds }: Backoff): Promise<RateLimitResult> {
  const wait = sql`make_interval(secs => least(power(2, greatest(rate_limit.hits - ${free}, 0)), ${maxSeconds}))`;
  const taken = await db
    .insertInto("rate_limit")
    .values({ key, hits: 1 })
    .onConflict((oc) =>
      oc
        .column("key")
        .doUpdateSet({ hits: sql`rate_limit.hits + 1`, window_started_at: sql`now()` })
        .where((eb) => eb.or([eb("rate_limit.hits", "<", free), eb("rate_limit.window_started_at", "<=", sql<Date>`now() - ${wait}`)])),
    )
    .returning("hits")
    .executeTakeFirst();
  if (taken) return { allowed: true };
  const row = await db
    .selectFrom("rate_limit")
    .select(sql<number>`ceil(extract(epoch from (window_started_at + ${sql`make_interval(secs => least(power(2, greatest(hits - ${free}, 0)), ${maxSeconds}))`} - now())))::int`.as("remaining"))
    .where("key", "=", key)
    .executeTakeFirst();
  return { allowed: false, retryAfterSeconds: Math.max(1, row?.remaining ?? 1) };
}

/** Gives back one hit: for an attempt that was counted but turned out not to be a guess. */
export async function refundRateLimit(db: Db, key: string): Promise<void> {
  await db
    .updateTable("rate_limit")
    .set({ hits: sql`greatest(hits - 1, 0)` })
    .where("key", "=", key)
    .execute();
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
