import { Lucia, TimeSpan, type Session, type User } from "lucia";
import { redirect } from "@remix-run/node";
import { db } from "~/db.server";
import { config } from "~/modules/config.server";
import { KyselySessionAdapter } from "./kysely-session-adapter.server";

export const lucia = new Lucia(new KyselySessionAdapter(db), {
  sessionExpiresIn: new TimeSpan(30, "d"),
  sessionCookie: {
    name: "earned_session",
    attributes: {
      // httpOnly is lucia's default; sameSite=lax keeps other sites' forms from posting as the user.
      sameSite: "lax",
      secure: config().COOKIE_SECURE,
    },
  },
  getUserAttributes: (attributes) => ({ email: attributes.email, name: attributes.name }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: { email: string; name: string };
  }
}

export type SignedIn = { user: User; session: Session };

export async function findSignedIn(request: Request): Promise<SignedIn | undefined> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return undefined;
  const { session, user } = await lucia.validateSession(sessionId);
  return session && user ? { session, user } : undefined;
}

/** No session sends the visitor to log in, and back here afterwards. */
export async function requireUser(request: Request): Promise<User> {
  const signedIn = await findSignedIn(request);
  if (signedIn) return signedIn.user;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

export async function startSession(userId: string): Promise<string> {
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

export async function endSession(request: Request): Promise<string> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/**
 * Sliding expiry: lucia extends a session past half its life; the browser must get the new
 * expiry too. Called for document requests from entry.server.
 */
export async function refreshedSessionCookie(request: Request): Promise<string | undefined> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return undefined;
  const { session } = await lucia.validateSession(sessionId);
  if (!session) return lucia.createBlankSessionCookie().serialize();
  return session.fresh ? lucia.createSessionCookie(session.id).serialize() : undefined;
}
