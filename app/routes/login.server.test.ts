import { describe, expect, it } from "vitest";
import { call, createOwner, makeRequest, PASSWORD } from "../../test/fixtures.server";
import { db } from "~/db.server";
import { createOrganizationFor } from "~/modules/accounts/accounts.server";
import { action } from "./login";

const logIn = (form: Record<string, string>) => call(() => action({ request: makeRequest("/login", { form }), params: {}, context: { clientAddress: "198.51.100.7" } }));

describe("log-in action", () => {
  it("asks for both fields, beside each", async () => {
    const response = await logIn({ email: "", password: "" });
    expect(response).toMatchObject({ status: 400, data: { errors: { email: ["Enter your email address."], password: ["Enter your password."] } } });
  });

  it("gives one message for an unknown email and for a wrong password, and sets no cookie", async () => {
    const { email } = await createOwner();
    const wrong = await logIn({ email, password: "not the password" });
    const unknown = await logIn({ email: "nobody@example.com", password: "not the password" });
    expect(wrong.status).toBe(401);
    expect((wrong.data as { errors: object }).errors).toEqual((unknown.data as { errors: object }).errors);
    expect(wrong.headers.get("Set-Cookie")).toBeNull();
  });

  it("logs in and returns to a same-site page only", async () => {
    const { email } = await createOwner("Second");
    const response = await logIn({ email: email.toUpperCase(), password: PASSWORD, redirectTo: "https://evil.example/" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/orgs");
    expect(response.headers.get("Set-Cookie")).toMatch(/^earned_session=/);
  });

  it("lands a member of exactly one organization in it, and a member of several on the list", async () => {
    const { email, org, userId } = await createOwner("Only One");
    expect((await logIn({ email, password: PASSWORD })).headers.get("Location")).toBe(`/o/${org.slug}`);
    await createOrganizationFor(db, userId, "A Second One");
    expect((await logIn({ email, password: PASSWORD })).headers.get("Location")).toBe("/orgs");
  });

  it("sends a tampered redirectTo home instead of off-site or into a 500", async () => {
    const { email } = await createOwner("Third");
    for (const redirectTo of ["/\t/evil.example", "/\r\nSet-Cookie: x=1", "/\u0000/evil.example", "/.//evil.example", "https:evil.example", "\\\\evil.example"]) {
      const response = await logIn({ email, password: PASSWORD, redirectTo });
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/orgs");
    }
    const kept = await logIn({ email, password: PASSWORD, redirectTo: "/o/third/people?q=a" });
    expect(kept.headers.get("Location")).toBe("/o/third/people?q=a");
  });

  it("says how long to wait, in seconds when it is seconds", async () => {
    const { email } = await createOwner("Fourth");
    let response = await logIn({ email, password: "wrong" });
    for (let attempt = 0; attempt < 10 && response.status !== 429; attempt++) response = await logIn({ email, password: "wrong" });
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("1");
    expect((response.data as { errors: { form: string[] } }).errors.form).toEqual(["Too many attempts. Try again in 1 second."]);
  });
});
