import { describe, expect, it } from "vitest";
import { disclosedRelations, followerReportsToNominee, relationOf } from "./relations";

// ceo ─┬─ cto ─┬─ lead ─┬─ dev1..dev6
//      │       └─ ops
//      └─ cfo ── acct
const chart = new Map<string, string | null>([
  ["ceo", null],
  ["cto", "ceo"],
  ["cfo", "ceo"],
  ["lead", "cto"],
  ["ops", "cto"],
  ["acct", "cfo"],
  ...[1, 2, 3, 4, 5, 6].map((n): [string, string] => [`dev${n}`, "lead"]),
]);

describe("relationOf", () => {
  it("names the five formal relations from the respondent's side", () => {
    expect(relationOf(chart, "dev1", "lead")).toBe("own_manager");
    expect(relationOf(chart, "dev1", "cto")).toBe("higher_in_chain");
    expect(relationOf(chart, "dev1", "ceo")).toBe("higher_in_chain");
    expect(relationOf(chart, "dev1", "dev2")).toBe("teammate");
    expect(relationOf(chart, "lead", "dev1")).toBe("my_report");
    expect(relationOf(chart, "cto", "dev1")).toBe("my_report");
    expect(relationOf(chart, "dev1", "acct")).toBe("outside_line");
    expect(relationOf(chart, "lead", "ops")).toBe("teammate");
  });

  it("survives a broken chart with a loop", () => {
    const loop = new Map<string, string | null>([["a", "b"], ["b", "a"], ["c", null]]);
    expect(relationOf(loop, "a", "c")).toBe("outside_line");
  });
});

describe("disclosedRelations", () => {
  const team = ["dev1", "dev2", "dev3", "dev4", "dev5", "dev6"];

  it("keeps exact relations that everyone in the segment shares", () => {
    const relations = disclosedRelations({ managerOf: chart, segmentMembers: team, respondentId: "dev3", nomineeIds: ["lead", "cto", "acct"], k: 5 });
    expect(relations).toEqual(["own_manager", "higher_in_chain", "outside_line"]);
  });

  it("does not store 'my report' when that names the respondent", () => {
    // The segment is everyone; only lead manages dev1, so "my report" would single lead out.
    const everyone = [...chart.keys()];
    const relations = disclosedRelations({ managerOf: chart, segmentMembers: everyone, respondentId: "lead", nomineeIds: ["dev1"], k: 5 });
    expect(relations).not.toEqual(["my_report"]);
    // Coarsened: lead does not report to dev1, which 11 of the 12 others share too.
    expect(relations).toEqual(["not_below_nominee"]);
  });

  it("chooses the same precision whoever in the segment answers", () => {
    const everyone = [...chart.keys()].filter((id) => id !== "dev1");
    const levels = new Set(
      everyone.map((respondentId) =>
        disclosedRelations({ managerOf: chart, segmentMembers: everyone, respondentId, nomineeIds: ["dev1", "lead"], k: 4 }).map((relation) =>
          relation === "undisclosed" ? 2 : relation === "below_nominee" || relation === "not_below_nominee" ? 1 : 0,
        ).join(),
      ),
    );
    expect(levels.size).toBe(1);
  });

  it("leaves every combination of stored relations shared by at least k members", () => {
    const everyone = [...chart.keys()];
    for (const nominees of [["dev1"], ["lead", "dev2"], ["cto", "acct", "dev6"], ["ceo"]]) {
      const candidates = everyone.filter((id) => !nominees.includes(id));
      const stored = candidates.map((respondentId) => disclosedRelations({ managerOf: chart, segmentMembers: everyone, respondentId, nomineeIds: nominees, k: 3 }).join("|"));
      const counts = new Map<string, number>();
      for (const key of stored) counts.set(key, (counts.get(key) ?? 0) + 1);
      for (const [key, count] of counts) expect(count, `${nominees} → ${key}`).toBeGreaterThanOrEqual(3);
    }
  });

  it("records nothing when the segment minus the nominees is smaller than k", () => {
    expect(disclosedRelations({ managerOf: chart, segmentMembers: ["dev1", "dev2", "dev3"], respondentId: "dev1", nomineeIds: ["dev2"], k: 5 })).toEqual([
      "undisclosed",
    ]);
  });
});

describe("followerReportsToNominee", () => {
  it("reads the stored relation for earned share", () => {
    expect(followerReportsToNominee("own_manager")).toBe(true);
    expect(followerReportsToNominee("below_nominee")).toBe(true);
    expect(followerReportsToNominee("my_report")).toBe(false);
    expect(followerReportsToNominee("not_below_nominee")).toBe(false);
    expect(followerReportsToNominee("undisclosed")).toBeNull();
  });
});
