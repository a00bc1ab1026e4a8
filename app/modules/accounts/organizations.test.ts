import { describe, expect, it } from "vitest";
import { slugify } from "./organizations";

describe("slugify", () => {
  it("makes URL-safe slugs from names", () => {
    expect(slugify("Acme Works, Inc.")).toBe("acme-works-inc");
    expect(slugify("  Zoë & Søren's Café  ")).toBe("zoe-s-ren-s-cafe");
  });

  it("returns an empty slug when nothing usable is left", () => {
    expect(slugify("日本語")).toBe("");
    expect(slugify("!!!")).toBe("");
  });

  it("caps the length without a trailing dash", () => {
    const slug = slugify(`${"a".repeat(47)} bcd`);
    expect(slug.length).toBeLessThanOrEqual(48);
    expect(slug.endsWith("-")).toBe(false);
  });
});
