import { describe, expect, it } from "vitest";
import { computeWaveAnalytics } from "~/modules/analytics/engine";
import { smallOrg } from "~/modules/analytics/fixtures/small-org";
import { PEOPLE_SORTS } from "./people-sort";
import { peoplePage, peopleRanking } from "./views";

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
