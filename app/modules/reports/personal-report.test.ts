import { describe, expect, it } from "vitest";
import { computeWaveAnalytics } from "~/modules/analytics/engine";
import { smallOrg } from "~/modules/analytics/fixtures/small-org";
import { bandOf, originsSentence, personalReport } from "./personal-report";

describe("bands against the organization", () => {
  const everyone = [0, 0, 0, 0, 0, 1, 1, 2, 3, 8];
  it("place a count by how many were chosen more often, never by rank", () => {
    expect(bandOf(8, everyone)).toBe("top-tenth");
    expect(bandOf(3, everyone)).toBe("top-quarter");
    expect(bandOf(2, everyone)).toBe("top-quarter");
    expect(bandOf(1, everyone)).toBe("top-half");
    expect(bandOf(0, everyone)).toBe("not-chosen");
    expect(bandOf(1, [1, 2, 3, 4, 5, 6])).toBe("lower-half");
  });
});

describe("where choices came from", () => {
  it("counts groups, and departments as a lower bound when a group was pooled across them", () => {
    expect(originsSentence({ groups: 3, departments: 2, departmentsAtLeast: false })).toBe("From 3 groups of colleagues, in 2 departments.");
    expect(originsSentence({ groups: 1, departments: 1, departmentsAtLeast: true })).toBe("From 1 group of colleagues, in at least 1 department.");
    expect(originsSentence({ groups: 2, departments: 0, departmentsAtLeast: true })).toBe("From 2 groups of colleagues pooled across departments.");
  });
});

describe("a person's report", () => {
  const closed = computeWaveAnalytics(smallOrg({ closed: true }));
  const report = (personId: string, naming: "everyone" | "formal-roles" | "consent" = "formal-roles", consented = false) =>
    personalReport({ personId, analytics: closed, series: [{ number: 1, analytics: closed }], naming, consented });

  it("holds the person's published figures and nothing else about anyone", () => {
    const m1 = report("m1");
    if (m1.state !== "ready") throw new Error(m1.state);
    const figures = closed.people.find((person) => person.id === "m1")!;
    expect(m1.questions.map((question) => question.chosenBy)).toEqual(closed.nominationQuestions.map((question) => figures.followers[question.id] ?? 0));
    expect(m1.quadrant.stability).toBe(figures.stability);
    for (const question of m1.questions) {
      const groups = closed.edges.filter((edge) => edge.personId === "m1" && (edge.byQuestion[question.id] ?? 0) > 0);
      expect(question.from.groups).toBe(groups.length);
      expect(question.from.departments).toBeLessThanOrEqual(groups.length);
      if (question.chosenBy > 0) expect(question.from.groups).toBeGreaterThan(0);
    }
    expect(m1.trend).toEqual([{ wave: 1, chosenBy: figures.primaryFollowers }]);
    expect(JSON.stringify(m1)).not.toMatch(/"(e|s)\d"/);
  });

  it("waits for the closed wave's figures, and shows none when nothing is published", () => {
    const open = computeWaveAnalytics(smallOrg({ closed: false }));
    expect(personalReport({ personId: "m1", analytics: open, series: [], naming: "everyone", consented: false })).toEqual({ state: "preparing" });
    expect(personalReport({ personId: "m1", analytics: null, series: [], naming: "everyone", consented: false })).toEqual({ state: "preparing" });
    const nothing = computeWaveAnalytics(smallOrg({ closed: true, responses: [] }));
    expect(personalReport({ personId: "m1", analytics: nothing, series: [], naming: "everyone", consented: false })).toEqual({ state: "too-few", k: 3 });
  });

  it("says who sees the person by name under each setting", () => {
    const visibility = (personId: string, naming: "everyone" | "formal-roles" | "consent", consented = false) => {
      const result = report(personId, naming, consented);
      return result.state === "ready" ? [result.visibility.namedToAnalysts, result.visibility.namedToLeaders] : result.state;
    };
    expect(visibility("m1", "formal-roles")).toEqual([true, true]);
    expect(visibility("e1", "formal-roles")).toEqual([false, false]);
    expect(visibility("e1", "everyone")).toEqual([true, false]);
    expect(visibility("e1", "consent", true)).toEqual([true, false]);
    expect(visibility("m1", "consent")).toEqual([false, false]);
  });
});
