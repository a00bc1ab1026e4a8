import { config } from "~/modules/config.server";
import { createHmac } from "node:crypto";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Db } from "~/db.server";
import { hitRateLimit } from "~/modules/accounts/rate-limit.server";
import { derivedKey } from "~/modules/secret.server";

/**
 * An open link has no ballot to spend. Two brakes instead, neither of which stores anything about
 * the respondent: a cookie in their browser once they have answered, and a cap on answers per hour
 * for the whole wave (not per address: addresses are not stored).
 */
export const OPEN_LINK_ANSWERS_PER_HOUR = 300;

export function openLinkCookieName(token: string): string {
  return `earned_open_${createHmac("sha256", derivedKey("open-link-cookie")).update(token).digest("base64url").slice(0, 16)}`;
}

export function hasAnsweredInThisBrowser(request: Request, token: string): boolean {
  const name = openLinkCookieName(token);
  return (request.headers.get("Cookie") ?? "").split(/;\s*/).some((cookie) => cookie.startsWith(`${name}=`));
}

export function answeredCookie(token: string): string {
  const secure = config().COOKIE_SECURE ? "; Secure" : "";
  return `${openLinkCookieName(token)}=1; Path=/r/open; Max-Age=${60 * 60 * 24 * 180}; HttpOnly; SameSite=Lax${secure}`;
}

export async function underOpenLinkCap(db: Db, waveId: string): Promise<boolean> {
  const limit = await hitRateLimit(db, `open-link:${waveId}`, { limit: OPEN_LINK_ANSWERS_PER_HOUR, windowSeconds: 3600 });
  return limit.allowed;
}

/**
 * Searches through an open link, per address and wave, kept in this process's memory only: a
 * stored counter would be a record of who looked when.
 */
const searches = new RateLimiterMemory({ points: 30, duration: 60 });

export async function underSearchLimit(waveId: string, clientAddress: string): Promise<boolean> {
  const key = createHmac("sha256", derivedKey("open-link-search")).update(`${waveId}\u0000${clientAddress}`).digest("base64url");
  return searches.consume(key).then(
    () => true,
    () => false,
  );
}
