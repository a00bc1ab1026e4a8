import type { Db } from "~/db.server";
import { verifyCredentials } from "./accounts.server";
import { clearRateLimit, hitRateLimit, rateLimitKey } from "./rate-limit.server";

export const LOGIN_LIMIT_PER_EMAIL = { limit: 10, windowSeconds: 15 * 60 };
export const LOGIN_LIMIT_PER_ADDRESS = { limit: 50, windowSeconds: 15 * 60 };

export type LogInOutcome =
  | { outcome: "ok"; userId: string }
  | { outcome: "invalid" }
  | { outcome: "rate-limited"; retryAfterSeconds: number };

/** Limits guessing per account and per client address, whichever runs out first. */
export async function logIn(db: Db, email: string, password: string, address: string): Promise<LogInOutcome> {
  const emailKey = rateLimitKey("login-email", email);
  const byEmail = await hitRateLimit(db, emailKey, LOGIN_LIMIT_PER_EMAIL);
  const byAddress = await hitRateLimit(db, rateLimitKey("login-address", address), LOGIN_LIMIT_PER_ADDRESS);
  for (const limit of [byEmail, byAddress]) {
    if (!limit.allowed) return { outcome: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  }
  const verified = await verifyCredentials(db, email, password);
  if (!verified) return { outcome: "invalid" };
  await clearRateLimit(db, emailKey);
  return { outcome: "ok", userId: verified.userId };
}
