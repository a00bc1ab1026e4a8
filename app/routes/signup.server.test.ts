import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { call, makeRequest } from "../../test/fixtures.server";
import { action } from "./signup";

const args = (form: Record<string, string>) => ({ request: makeRequest("/signup", { form }), params: {}, context: {} });

async function users() {
  return Number((await db.selectFrom("app_user").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
}

describe("sign-up action", () => {
  it("answers 400 with a message per field, keeps the input and creates nothing", async () => {
    const response = await call(() => action(args({ name: "", email: "nope", password: "short", organizationName: "x" })));
    expect(response.status).toBe(400);
    expect(response.data).toMatchObject({
      errors: {
        name: ["Enter your name."],
        email: ["Enter an email address like name@example.com."],
        password: ["Use at least 10 characters."],
        organizationName: ["Enter your organization's name (at least 2 characters)."],
      },
      values: { email: "nope", organizationName: "x" },
    });
    expect(await users()).toBe(0);
  });

  it("signs up, sets an httpOnly lax session cookie and goes to the new organization", async () => {
    const response = await call(() =>
      action(args({ name: "Ada", email: "ada@example.com", password: "a long passphrase", organizationName: "Engines" })),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/o/engines");
    const cookie = response.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^earned_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("answers 409 for an email that already has an account", async () => {
    const form = { name: "Ada", email: "dup@example.com", password: "a long passphrase", organizationName: "Engines" };
    await call(() => action(args(form)));
    const before = await users();
    const response = await call(() => action(args({ ...form, email: "DUP@example.com" })));
    expect(response.status).toBe(409);
    expect(response.data).toMatchObject({ errors: { email: ["An account with this email already exists. Log in instead."] } });
    expect(await users()).toBe(before);
  });
});
