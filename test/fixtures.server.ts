import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { db } from "~/db.server";
import { signUp } from "~/modules/accounts/accounts.server";
import { startSession } from "~/modules/accounts/auth.server";
import type { Role } from "~/modules/accounts/roles";

export const PASSWORD = "correct horse battery";

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.com`;
}

/** A signed-up owner with a session cookie, as a browser would have after signing up. */
export async function createOwner(organizationName = "Acme Works") {
  const email = uniqueEmail("owner");
  const outcome = await signUp(db, { name: "Olivia Owner", email, password: PASSWORD, organizationName });
  if (outcome.outcome !== "created") throw new Error("sign-up failed");
  const org = await db.selectFrom("organization").select(["id", "slug"]).where("slug", "=", outcome.orgSlug).executeTakeFirstOrThrow();
  return { userId: outcome.userId, email, org, cookie: await sessionCookie(outcome.userId) };
}

/** Adds a user to an organization with a role; leaders need the roster person they lead. */
export async function addMember(orgId: string, role: Role, personId: string | null = null) {
  const email = uniqueEmail(role);
  const user = await db
    .insertInto("app_user")
    .values({ email, name: `${role} user`, password_hash: "not-a-real-hash" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("membership").values({ organization_id: orgId, user_id: user.id, role, person_id: personId }).execute();
  return { userId: user.id, email, cookie: await sessionCookie(user.id) };
}

export async function sessionCookie(userId: string): Promise<string> {
  return (await startSession(userId)).split(";")[0]!;
}

type RequestOptions = { cookie?: string; form?: Record<string, string | string[]> | FormData; method?: string };

/** A Request as Remix hands it to a loader or action. */
export function makeRequest(path: string, { cookie, form, method }: RequestOptions = {}): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  let body: FormData | undefined;
  if (form instanceof FormData) body = form;
  else if (form) {
    body = new FormData();
    for (const [key, value] of Object.entries(form)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    }
  }
  return new Request(`http://localhost${path}`, { method: method ?? (body ? "POST" : "GET"), headers, body });
}

/** Runs a loader or action and returns what the browser would get: thrown Responses included. */
export async function call<T>(run: () => Promise<T>): Promise<{ status: number; data: unknown; headers: Headers }> {
  try {
    const result = await run();
    return unwrap(result);
  } catch (thrown) {
    return unwrap(thrown);
  }
}

async function unwrap(result: unknown): Promise<{ status: number; data: unknown; headers: Headers }> {
  if (result instanceof Response) {
    const text = await result.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: result.status, data, headers: result.headers };
  }
  if (result && typeof result === "object" && "type" in result && (result as { type: string }).type === "DataWithResponseInit") {
    const { data, init } = result as unknown as { data: unknown; init?: ResponseInit };
    return { status: init?.status ?? 200, data, headers: new Headers(init?.headers) };
  }
  if (result instanceof Error) throw result;
  return { status: 200, data: result, headers: new Headers() };
}

/**
 * Every row of every table, digested per table: equal fingerprints mean nothing was written.
 * Tables named in `except` are left out (the login rate limits count attempts on purpose).
 */
export async function databaseFingerprint(except: string[] = []): Promise<Record<string, string>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name
  `.execute(db);
  const included = tables.map((table) => table.name).filter((name) => !except.includes(name));
  const { rows } = await sql<{ name: string; digest: string }>`${sql.join(
    included.map(
      (name) =>
        sql`select ${name}::text as name, count(*)::text || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.table(name)} t`,
    ),
    sql` union all `,
  )}`.execute(db);
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}
