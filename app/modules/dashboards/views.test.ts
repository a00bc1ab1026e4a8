import { describe, expect, it } from "vitest";
import { computeWaveAnalytics } from "~/modules/analytics/engine";
import { smallOrg } from "~/modules/analytics/fixtures/small-org";
import { PEOPLE_SORTS } from "./people-sort";
import { peoplePage, peopleRanking } from "./views";
import { POSITION_PAGE_SIZE, quadrantPositions, quadrantView } from "./views";
import { placementReason, personWaveView } from "./person-view";

const analytics = computeWaveAnalytics(smallOrg());

describe("the people table's order", () => {
  it("sorts figures from the highest and names from A by default, with ties by name", () => {
    const followers = peopleRanking(analytics, { sort: "followers" });
    expect(followers).toHaveLength(analytics.people.length);
    for (const [a, b] of followers.slice(1).map((row, i) => [followers[i]!, row] as const)) {
      expect(a.followers > b.followers || (a.followers === b.followers && a.name.localeCompare(b.name, "en") <= 0)).toBe(true);
    }
    const names = peopleRanking(analytics, { sort: "name" }).map((row) => row.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });

  it("turns the figure's order round on request, and keeps hidden shares last either way", () => {
    for (const sort of PEOPLE_SORTS) {
      const down = peopleRanking(analytics, { sort, dir: "desc" });
      const up = peopleRanking(analytics, { sort, dir: "asc" });
      expect(new Set(up.map((row) => row.id))).toEqual(new Set(down.map((row) => row.id)));
    }
    expect(analytics.people.length).toBeGreaterThan(0);
    const hiddenLast = (rows: ReturnType<typeof peopleRanking>) => {
      const firstHidden = rows.findIndex((row) => row.earnedShare.shown === "no");
      expect(firstHidden).toBeGreaterThan(0);
      return rows.slice(firstHidden).every((row) => row.earnedShare.shown === "no");
    };
    expect(hiddenLast(peopleRanking(analytics, { sort: "earned", dir: "desc" }))).toBe(true);
    expect(hiddenLast(peopleRanking(analytics, { sort: "earned", dir: "asc" }))).toBe(true);
    const reports = peopleRanking(analytics, { sort: "reports", dir: "asc" }).map((row) => row.directReports);
    expect(reports).toEqual([...reports].sort((a, b) => a - b));
  });

  it("pages the order it was given, and filters by department before", () => {
    const ranking = peopleRanking(analytics, { sort: "pagerank" });
    expect(peoplePage(ranking, { page: 2, pageSize: 3 })).toEqual({ total: ranking.length, rows: ranking.slice(3, 6) });
    const department = analytics.people.find((person) => person.department)!.department!;
    const only = peopleRanking(analytics, { sort: "pagerank", department });
    expect(only.length).toBeGreaterThan(0);
    expect(only.every((row) => row.department === department)).toBe(true);
  });
});

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
