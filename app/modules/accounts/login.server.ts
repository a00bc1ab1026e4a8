import type { Db } from "~/db.server";
import { verifyCredentials } from "./accounts.server";
import { clearRateLimit, hitRateLimit, rateLimitKey, refundRateLimit, takeBackoffAttempt } from "./rate-limit.server";

/**
 * Guessing is slowed per account *and* client address together: five tries, then 1, 2, 4 …
 * seconds between tries, up to 15 minutes. Nothing is limited per account alone, so wrong
 * passwords typed at someone's email from elsewhere never lock them out; a distributed guesser
 * gets this budget per address, against passwords of at least ten characters.
 */
export const LOGIN_BACKOFF = { free: 5, maxSeconds: 15 * 60 };
/** Failed logins from one address across all accounts (password spraying). Successes cost nothing. */
export const LOGIN_FAILURES_PER_ADDRESS = { limit: 50, windowSeconds: 15 * 60 };

export type LogInOutcome =
  | { outcome: "ok"; userId: string }
  | { outcome: "invalid" }
  | { outcome: "rate-limited"; retryAfterSeconds: number };

export async function logIn(db: Db, email: string, password: string, address: string): Promise<LogInOutcome> {
  const addressKey = rateLimitKey("login-address", address);
  const pairKey = rateLimitKey("login-pair", email, address);
  // Both are counted before the password is checked, so parallel guesses cannot slip past.
  const byAddress = await hitRateLimit(db, addressKey, LOGIN_FAILURES_PER_ADDRESS);
  if (!byAddress.allowed) return { outcome: "rate-limited", retryAfterSeconds: byAddress.retryAfterSeconds };
  const byPair = await takeBackoffAttempt(db, pairKey, LOGIN_BACKOFF);
  if (!byPair.allowed) {
    await refundRateLimit(db, addressKey);
    return { outcome: "rate-limited", retryAfterSeconds: byPair.retryAfterSeconds };
  }
  const verified = await verifyCredentials(db, email, password);
  if (!verified) return { outcome: "invalid" };
  await Promise.all([clearRateLimit(db, pairKey), refundRateLimit(db, addressKey)]);
  return { outcome: "ok", userId: verified.userId };
}
