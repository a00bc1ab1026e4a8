import { describe, expect, it } from "vitest";
import { parseAudienceForm, withoutExcluded } from "./audience";
import { headCounts, type RosterEntry } from "./audience-counts";

const entry = (id: string, managerId: string | null, department: string | null, active = true): RosterEntry => ({ id, managerId, department, active });

describe("headCounts", () => {
  const roster = [
    entry("ceo", null, "Exec"),
    entry("cto", "ceo", "Eng"),
    entry("gone", "cto", "Eng", false),
    entry("dev1", "gone", "Eng"),
    entry("dev2", "cto", "Eng"),
    entry("cfo", "ceo", "Finance"),
  ];

  it("counts active people per department, leaving out the inactive", () => {
    expect(Object.fromEntries(headCounts(roster).byDepartment)).toEqual({ Exec: 1, Eng: 3, Finance: 1 });
  });

  it("counts a manager's whole team with them, through an inactive manager in between", () => {
    const { byManager } = headCounts(roster);
    expect(byManager.get("ceo")).toBe(5);
    expect(byManager.get("cto")).toBe(3);
    expect(byManager.get("gone")).toBe(1);
    expect(byManager.get("dev1")).toBe(1);
  });

  it("survives a loop in the data without counting anyone twice", () => {
    const { byManager } = headCounts([entry("a", "b", null), entry("b", "a", null), entry("c", null, null)]);
    expect(byManager.get("c")).toBe(1);
    expect([...byManager.values()].every((count) => count <= 2)).toBe(true);
  });
});

describe("exclusions", () => {
  const a = "11111111-1111-4111-8111-111111111111";
  const b = "22222222-2222-4222-8222-222222222222";

  it("reads people left out from the form, with the rest of the audience", () => {
    const form = new URLSearchParams([
      ["kind", "departments"],
      ["department", "Eng"],
      ["exclude", a],
      ["exclude", a],
      ["exclude", b],
    ]);
    expect(parseAudienceForm(form)).toEqual({ ok: true, audience: { kind: "departments", departments: ["Eng"], excludedPersonIds: [a, b] } });
    expect(parseAudienceForm(new URLSearchParams([["kind", "organization"]]))).toEqual({ ok: true, audience: { kind: "organization" } });
  });

  it("refuses an exclusion that is not an id", () => {
    expect(parseAudienceForm(new URLSearchParams([["kind", "organization"], ["exclude", "1 or 1=1"]])).ok).toBe(false);
  });

  it("drops the people left out, keeping everyone else in order", () => {
    const people = [{ id: a }, { id: "x" }, { id: b }];
    expect(withoutExcluded(people, { kind: "organization", excludedPersonIds: [a] })).toEqual([{ id: "x" }, { id: b }]);
    expect(withoutExcluded(people, { kind: "organization" })).toBe(people);
  });
});
