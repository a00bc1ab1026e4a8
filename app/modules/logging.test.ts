import { describe, expect, it } from "vitest";
import { redactPath } from "./logging";

describe("redactPath", () => {
  it("hides the token of personal links, open links and invitations", () => {
    expect(redactPath("/r/abc123")).toBe("/r/[token]");
    expect(redactPath("/r/abc123/people")).toBe("/r/[token]/people");
    expect(redactPath("/r/open/secret-open")).toBe("/r/open/[token]");
    expect(redactPath("/r/open/secret-open/people")).toBe("/r/open/[token]/people");
    expect(redactPath("/join/invite-token")).toBe("/join/[token]");
  });

  it("leaves other paths alone", () => {
    expect(redactPath("/o/acme/people")).toBe("/o/acme/people");
  });
});
