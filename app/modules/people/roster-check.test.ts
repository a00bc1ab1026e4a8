import { describe, expect, it } from "vitest";
import { checkRoster, findManagerCycles, type ExistingPerson } from "./roster-check";
import { parseRosterText } from "./roster-csv";

function parse(lines: string[]) {
  const result = parseRosterText(["email,name,title,manager_email,department", ...lines].join("\n"));
  if (!result.ok) throw new Error(result.problem.message);
  return result.roster;
}

const person = (email: string, managerEmail: string | null, extra: Partial<ExistingPerson> = {}): ExistingPerson => ({
  email,
  name: email.split("@")[0]!.toUpperCase(),
  title: null,
  department: null,
  location: null,
  level: null,
  managerEmail,
  attributes: {},
  active: true,
  ...extra,
});

describe("checkRoster", () => {
  it("flags duplicate emails, naming the first line", () => {
    const plan = checkRoster(parse(["a@x.com,A,,,", "b@x.com,B,,,", "A@X.com,A again,,,"]), [], { deactivateMissing: false });
    expect(plan.problems).toEqual([{ line: 4, email: "a@x.com", message: "a@x.com appears more than once (first on line 2)." }]);
    expect(plan.counts.new).toBe(2);
  });

  it("flags a manager who is neither in the file nor in the roster", () => {
    const plan = checkRoster(parse(["a@x.com,A,,ghost@x.com,"]), [], { deactivateMissing: false });
    expect(plan.problems[0]?.message).toBe("The manager ghost@x.com is not in this file or in the roster.");
  });

  it("accepts a manager already in the roster, unless missing people are to be deactivated", () => {
    const roster = [person("boss@x.com", null)];
    expect(checkRoster(parse(["a@x.com,A,,boss@x.com,"]), roster, { deactivateMissing: false }).problems).toEqual([]);
    const deactivating = checkRoster(parse(["a@x.com,A,,boss@x.com,"]), roster, { deactivateMissing: true });
    expect(deactivating.problems[0]?.message).toMatch(/not in this file, and people missing from the file are set to be deactivated/);
  });

  it("does not accept an inactive person as a manager", () => {
    const plan = checkRoster(parse(["a@x.com,A,,gone@x.com,"]), [person("gone@x.com", null, { active: false })], { deactivateMissing: false });
    expect(plan.problems[0]?.message).toBe("The manager gone@x.com is not in this file or in the roster.");
  });

  it("flags every row of a manager cycle, showing the loop", () => {
    const plan = checkRoster(parse(["a@x.com,A,,b@x.com,", "b@x.com,B,,c@x.com,", "c@x.com,C,,a@x.com,", "d@x.com,D,,a@x.com,"]), [], {
      deactivateMissing: false,
    });
    expect(plan.problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    expect(plan.problems[0]?.message).toBe("The manager chain loops back on itself: a@x.com → b@x.com → c@x.com → a@x.com.");
    // d's manager is skipped with the loop, so d would land without one: skipped too, saying why.
    expect(plan.problems[3]?.message).toBe("The manager a@x.com has a problem in this file, so this row is skipped with theirs.");
    expect(plan.rows).toEqual([]);
  });

  it("keeps a row whose manager's row is bad when that manager stays in the roster as they are", () => {
    const roster = [person("boss@x.com", null, { name: "Boss" })];
    const plan = checkRoster(parse(["boss@x.com,Boss,,ghost@x.com,", "a@x.com,A,,boss@x.com,"]), roster, { deactivateMissing: true });
    expect(plan.problems.map((p) => p.line)).toEqual([2]);
    expect(plan.rows.map((row) => row.email)).toEqual(["a@x.com"]);
    // boss is in the file (with a problem), so boss is not deactivated.
    expect(plan.counts.deactivated).toBe(0);
  });

  it("refuses a loop that only appears once a bad row is skipped", () => {
    // The roster says b reports to a; the file moves b under c, but that row is bad, so b stays under a,
    // and a's valid row (a under b) would close the loop.
    const roster = [person("a@x.com", null), person("b@x.com", "a@x.com")];
    const plan = checkRoster(parse(["a@x.com,A,,b@x.com,", "b@x.com,,,,"]), roster, { deactivateMissing: false });
    expect(plan.problems.map((p) => p.line).sort()).toEqual([2, 3]);
    expect(plan.problems.find((p) => p.line === 2)?.message).toMatch(/loops back on itself/);
  });

  it("says which fields change, old and new, for each updated row", () => {
    const roster = [
      person("boss@x.com", null, { name: "Boss" }),
      person("a@x.com", null, { name: "A", title: "Engineer", attributes: { Team: "Red" } }),
      person("gone@x.com", null, { name: "Gone", active: false }),
    ];
    const result = parseRosterText("email,name,title,manager_email,Team\nboss@x.com,Boss,,,\na@x.com,A,Lead,boss@x.com,Blue\ngone@x.com,Gone,,,\nn@x.com,N,,,\n");
    if (!result.ok) throw new Error();
    const plan = checkRoster(result.roster, roster, { deactivateMissing: false });
    expect(plan.rows.map((row) => [row.email, row.change])).toEqual([
      ["boss@x.com", "unchanged"],
      ["a@x.com", "updated"],
      ["gone@x.com", "updated"],
      ["n@x.com", "new"],
    ]);
    expect(plan.rows[1]!.changes).toEqual([
      { field: "title", from: "Engineer", to: "Lead" },
      { field: "manager", from: null, to: "boss@x.com" },
      { field: "Team", from: "Red", to: "Blue" },
    ]);
    expect(plan.rows[2]!.changes).toEqual([{ field: "status", from: "inactive", to: "active" }]);
    expect(plan.rows[3]!.changes).toEqual([]);
  });

  it("finds cycles that pass through people already in the roster", () => {
    // The roster says boss reports to a; the file now says a reports to boss.
    const plan = checkRoster(parse(["a@x.com,A,,boss@x.com,"]), [person("boss@x.com", "a@x.com"), person("a@x.com", null)], {
      deactivateMissing: false,
    });
    expect(plan.problems[0]?.message).toMatch(/loops back on itself/);
  });

  it("counts new, updated, unchanged and deactivated people", () => {
    const roster = [
      person("same@x.com", null, { name: "Same" }),
      person("changed@x.com", null, { name: "Old Name" }),
      person("returning@x.com", null, { name: "Back", active: false }),
      person("leaver@x.com", null),
      person("already-gone@x.com", null, { active: false }),
    ];
    const file = parse(["same@x.com,Same,,,", "changed@x.com,New Name,,,", "returning@x.com,Back,,,", "new@x.com,New,,,"]);
    expect(checkRoster(file, roster, { deactivateMissing: true }).counts).toEqual({ new: 1, updated: 2, unchanged: 1, deactivated: 1 });
    expect(checkRoster(file, roster, { deactivateMissing: false }).counts.deactivated).toBe(0);
  });

  it("sees attribute and manager changes as updates", () => {
    const roster = [person("boss@x.com", null, { name: "Boss" }), person("a@x.com", null, { name: "A", attributes: { Team: "Red" } })];
    const result = parseRosterText("email,name,manager_email,Team\nboss@x.com,Boss,,\na@x.com,A,boss@x.com,Red\n");
    if (!result.ok) throw new Error();
    expect(checkRoster(result.roster, roster, { deactivateMissing: false }).counts).toEqual({ new: 0, updated: 1, unchanged: 1, deactivated: 0 });
  });
});

describe("findManagerCycles", () => {
  it("finds each loop once and ignores chains that end", () => {
    const managerOf = new Map<string, string | null>([
      ["a", "b"],
      ["b", "a"],
      ["c", "a"],
      ["d", null],
      ["e", "unknown"],
      ["f", "f"],
    ]);
    expect(findManagerCycles(managerOf)).toEqual([["a", "b"], ["f"]]);
  });
});
