import { describe, expect, it } from "vitest";
import { fieldErrors } from "~/modules/forms";
import { LogInForm, safeRedirect, SignUpForm } from "./account-form";

const valid = { name: "Ada Lovelace", email: "Ada@Example.com", password: "a long passphrase", organizationName: "Analytical Engines" };

function errorsOf(input: Record<string, unknown>) {
  const result = SignUpForm.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

describe("SignUpForm", () => {
  it("accepts a complete form and lower-cases the email", () => {
    const result = SignUpForm.parse(valid);
    expect(result.email).toBe("ada@example.com");
  });

  it("names every missing field", () => {
    expect(errorsOf({})).toEqual({
      name: ["Enter your name."],
      email: ["Enter your email address."],
      password: ["Choose a password."],
      organizationName: ["Enter your organization's name."],
    });
  });

  it("treats blank input as missing", () => {
    const errors = errorsOf({ ...valid, name: "   ", email: "  " });
    expect(errors.name).toEqual(["Enter your name."]);
    expect(errors.email?.[0]).toBe("Enter your email address.");
  });

  it("rejects malformed emails", () => {
    for (const email of ["plainaddress", "a@b", "@example.com", "a b@example.com"]) {
      expect(errorsOf({ ...valid, email }).email, email).toEqual(["Enter an email address like name@example.com."]);
    }
  });

  it("rejects passwords under 10 characters and over 200", () => {
    expect(errorsOf({ ...valid, password: "123456789" }).password).toEqual(["Use at least 10 characters."]);
    expect(errorsOf({ ...valid, password: "x".repeat(201) }).password).toEqual(["Use at most 200 characters."]);
    expect(errorsOf({ ...valid, password: "1234567890" }).password).toBeUndefined();
  });

  it("rejects overlong names and emails", () => {
    expect(errorsOf({ ...valid, name: "n".repeat(101) }).name).toEqual(["Use at most 100 characters."]);
    expect(errorsOf({ ...valid, organizationName: "o".repeat(101) }).organizationName).toEqual(["Use at most 100 characters."]);
    expect(errorsOf({ ...valid, email: `${"e".repeat(250)}@example.com` }).email?.[0]).toBe(
      "An email address has at most 254 characters.",
    );
  });
});

describe("LogInForm", () => {
  it("asks for both fields", () => {
    const result = LogInForm.safeParse({ email: "", password: "" });
    expect(result.success).toBe(false);
  });
});

describe("safeRedirect", () => {
  it("keeps same-site paths", () => {
    expect(safeRedirect("/o/acme/people?page=2")).toBe("/o/acme/people?page=2");
  });

  it("refuses other sites and protocol-relative tricks", () => {
    for (const target of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null]) {
      expect(safeRedirect(target)).toBe("/orgs");
    }
  });

  // Each of these is where a browser would go, given the target as a Location header.
  const leaves = [
    "/\t/evil.example", // "/%09/evil.example" once the query string is decoded: browsers drop the tab
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "/\u0000/evil.example",
    "/\u001f/evil.example",
    "/\u007f/evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "\\/evil.example",
    "/./\\evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "/a/../..//evil.example",
    "https:evil.example",
    "https:/evil.example",
    "http:\\\\evil.example",
    " //evil.example",
    "///evil.example",
    "/\\\\evil.example",
    "data:text/html,<script>alert(1)</script>",
    "ftp://evil.example/",
    "/@evil.example",
  ];
  for (const target of leaves) {
    it(`keeps ${JSON.stringify(target)} on this site`, () => {
      const result = safeRedirect(target);
      const landed = new URL(result, "https://earned.example/login");
      expect(landed.origin).toBe("https://earned.example");
      expect(result).not.toMatch(/[\u0000-\u001f\u007f]/);
      expect(result.startsWith("/") && !result.startsWith("//") && !result.startsWith("/\\")).toBe(true);
    });
  }

  it("keeps encoded forms as they are: still paths on this site, never decoded into slashes", () => {
    expect(safeRedirect("/%09/evil.example")).toBe("/%09/evil.example");
    expect(safeRedirect("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeRedirect("/%5Cevil.example")).toBe("/%5Cevil.example");
    expect(new URL(safeRedirect("/%2F%2Fevil.example"), "https://earned.example").origin).toBe("https://earned.example");
  });

  it("answers the path as parsed, query and fragment included", () => {
    expect(safeRedirect("/o/acme/../acme/people?q=a b#top")).toBe("/o/acme/people?q=a%20b#top");
  });
});
