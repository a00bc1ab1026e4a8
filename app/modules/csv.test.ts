import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("writes rows with a header and quotes what needs quoting", () => {
    expect(toCsv([{ name: "Ada", note: "a, b" }])).toBe('name,note\r\nAda,"a, b"');
  });

  it("defuses spreadsheet formulas coming from uploaded data", () => {
    expect(toCsv({ fields: ["name"], data: [["=HYPERLINK(\"http://evil\")"], ["+1"], ["@SUM(A1)"]] })).not.toMatch(/\r\n[=+@]/);
  });
});
