import { describe, expect, it } from "vitest";
import { computeWaveAnalytics } from "~/modules/analytics/engine";
import { smallOrg } from "~/modules/analytics/fixtures/small-org";
import { POSITION_PAGE_SIZE, quadrantPositions, quadrantView } from "./views";
import { placementReason, personWaveView } from "./person-view";

const rule = { informalThreshold: 3 };

describe("the quadrant by position", () => {
  it("draws one point per position with how many share it, naming only a lone person", () => {
    const crowd = Array.from({ length: 39 }, (_, i) => ({ name: `P${i}`, directReports: 0, primaryFollowers: i % 3 }));
    const positions = quadrantPositions([...crowd, { name: "Someone in Eng", directReports: 4, primaryFollowers: 2 }], rule);
    expect(positions).toEqual([
      { directReports: 0, followers: 1, quadrant: "contributor", count: 13, label: "13 people" },
      { directReports: 0, followers: 2, quadrant: "contributor", count: 13, label: "13 people" },
      { directReports: 4, followers: 2, quadrant: "leader-with-authority", count: 1, label: "Someone in Eng" },
    ]);
    // People without reports or followers are counted in the quadrant cards, not drawn.
    expect(positions.reduce((sum, position) => sum + position.count, 0)).toBe(27);
  });

  it("lists the people at a selected position a page at a time, and nobody when none sit there", () => {
    const analytics = computeWaveAnalytics(smallOrg());
    const many = { ...analytics, people: Array.from({ length: 30 }, (_, i) => ({ ...analytics.people[4]!, id: `p${String(i).padStart(2, "0")}`, name: `P${String(i).padStart(2, "0")}`, primaryFollowers: 1 })) };
    const second = quadrantView(many, { directReports: 0, followers: 1, page: 2 }).selected!;
    expect(second.total).toBe(30);
    expect(second.people.map((person) => person.name)).toEqual(["P25", "P26", "P27", "P28", "P29"]);
    expect(POSITION_PAGE_SIZE).toBe(25);
    expect(quadrantView(many, { directReports: 7, followers: 7, page: 1 }).selected).toBeNull();
    expect(quadrantView(many).positions).toEqual([{ directReports: 0, followers: 1, quadrant: "contributor", count: 30, label: "30 people" }]);
  });
});

describe("the person page", () => {
  const analytics = computeWaveAnalytics(smallOrg());

  it("says where a person's followers came from, by group and department, in counts", () => {
    const view = personWaveView(analytics, "m1")!;
    expect(view.byQuestion.find((question) => question.primary)!.count).toBe(6);
    expect(view.sources.reduce((sum, source) => sum + source.followers, 0)).toBe(6);
    expect(view.departments.reduce((sum, row) => sum + row.followers, 0)).toBe(6);
    expect(view.formal).toMatchObject({ manager: "CEO", directReports: 5 });
    expect(view.place).toMatchObject({ quadrant: "leader-with-authority" });
    expect(personWaveView(analytics, "nobody")).toBeNull();
  });

  it("says what is hidden and why", () => {
    const ceo = personWaveView(analytics, "ceo")!;
    expect(ceo.hidden.some((line) => line.startsWith("Earned share: Fewer followers than the minimum group size"))).toBe(true);
    expect(ceo.hidden.some((line) => line.startsWith("Follow-back: Their team's answers are not in a group of its own"))).toBe(true);
  });

  it("applies the rule to the person in numbers", () => {
    expect(placementReason({ directReports: 4, primaryFollowers: 1 }, rule)).toBe("4 people report to them directly and 1 person chose to follow them: fewer than half the team's size (2), so a positional manager for now.");
    expect(placementReason({ directReports: 0, primaryFollowers: 3 }, rule)).toMatch(/at least 3, as many as a typical manager here leads, so an informal leader/);
  });
});
