import { describe, expect, it } from "vitest";
import { compare, formatTable, referenceFigures, type Row } from "./compare";
import type { Dataset, Tie } from "./datasets";
import type { PlayResult, QuadrantInput, ShownPerson } from "./shown";

// The five-person firm of reference.test.ts: A leads B and C, B leads D and E.
const ties: Tie[] = [
  ["B", "A"],
  ["C", "A"],
  ["E", "A"],
  ["D", "B"],
  ["C", "B"],
  ["D", "C"],
].map(([source, target]) => ({ source: source!, target: target!, strength: 1 }));
const dataset: Dataset = {
  name: "tiny",
  holdout: false,
  description: "tiny",
  people: [
    ["A", null, "X"],
    ["B", "A", "X"],
    ["C", "A", "Y"],
    ["D", "B", "X"],
    ["E", "B", "X"],
  ].map(([id, managerId, department]) => ({ id: id!, name: id!, title: "", department: department!, location: null, level: null, managerId: managerId ?? null })),
  ties: { follow: ties, advice: ties, moments: ties },
  relations: { follow: "", advice: "", moments: "" },
  formalStructure: "",
};
const reference = referenceFigures(dataset);

const rule = (inputs: QuadrantInput[]) => new Map(inputs.map((input) => [input.id, `${input.directReports > 0 ? "formal" : "none"}-${input.followers.follow >= 2 ? "earned" : "not"}`]));

/** What a product that shows exactly the identified figures would report. */
function truthful(): PlayResult {
  const classes = rule(
    reference.nodes.map((id) => ({
      id,
      directReports: reference.directReports.get(id)!,
      totalReports: reference.totalReports.get(id)!,
      followers: { follow: reference.followers.follow.get(id)!, advice: 0, moments: 0 },
      followBack: null,
      earnedShare: null,
    })),
  );
  const people = new Map<string, ShownPerson>(
    reference.nodes.map((id) => {
      const count = reference.followers.follow.get(id)!;
      const earned = reference.earnedShare.get(id);
      const back = reference.followBack.get(id);
      return [
        id,
        {
          followers: { follow: count, advice: count, moments: count },
          reach: reference.reach.get(id)!,
          earnedShare: earned ? { share: earned.share, known: earned.followers, followers: earned.followers } : null,
          followBack: back ? { share: back.share } : null,
          pagerank: reference.pagerank.get(id)!,
          brokerage: null,
          quadrant: classes.get(id)!,
          stability: null,
        },
      ];
    }),
  );
  return { k: 5, limits: { follow: null, advice: null, moments: null }, intended: { follow: 6, advice: 6, moments: 6 }, entered: { follow: ties, advice: ties, moments: ties }, respondents: 5, refused: [], wouldNameMore: null, people, pagerankClaimedAgreement: 0.93, classify: rule, milliseconds: 0 };
}

const row = (rows: Row[], start: string) => rows.find((candidate) => candidate.figure.startsWith(start))!;

describe("comparison", () => {
  it("meets every target when the product shows the identified figures", () => {
    const result = compare(dataset, reference, truthful());
    expect(result.rows.filter((candidate) => candidate.met === false)).toEqual([]);
    expect(result.missed).toBe(0);
    expect(row(result.rows, "brokerage").measured).toBe("not shown");
    expect(formatTable(result.rows)).toContain("| figures shown that differ from truth | 0 | 0 | yes |");
  });

  it("catches a wrong follower count, a share off by more than 5 points and a dropped tie", () => {
    const played = truthful();
    played.people.get("A")!.followers.advice = 2;
    played.people.get("B")!.earnedShare = { share: 0.44, known: 2, followers: 2 };
    played.people.get("A")!.followBack = { share: 0.97 };
    played.entered = { ...played.entered, follow: ties.slice(1) };
    const result = compare(dataset, reference, played);
    expect(row(result.rows, "followers (advice)")).toMatchObject({ measured: "80.0% (4 of 5)", met: false });
    expect(row(result.rows, "earned share: largest error")).toMatchObject({ measured: "6.0 points (1 of 3 beyond 5)", met: false });
    expect(row(result.rows, "follow-back: largest error")).toMatchObject({ measured: "3.0 points (0 of 2 beyond 5)", met: true });
    expect(row(result.rows, "ties not entered")).toMatchObject({ met: false });
    expect(row(result.rows, "figures shown that differ")).toMatchObject({ measured: "2", met: false });
    expect(result.details).toContain("followers (advice) of A: shown 2, identified 3");
  });

  it("judges the quadrant with the product's own rule on both sides", () => {
    const played = truthful();
    played.people.get("C")!.quadrant = "formal-earned";
    const result = compare(dataset, reference, played);
    expect(row(result.rows, "quadrant")).toMatchObject({ measured: "80.0% (4 of 5)", met: false });
  });

  it("checks stability labels against draws with a fifth of respondents missing", () => {
    const played = truthful();
    expect(row(compare(dataset, reference, played).rows, "stable places")).toMatchObject({ measured: "no labels shown", met: null });
    // B's place rests on exactly two choices (D's and C's): it moves whenever either is missing.
    played.people.get("B")!.stability = "stable";
    const checked = row(compare(dataset, reference, played).rows, "stable places");
    expect(checked.met).toBe(false);
    expect(checked.measured).toMatch(/^\d+(\.\d)?% \(1 called stable × 50 draws\)$/);
    // E's place (no followers, no reports) cannot move: called stable, it always holds.
    played.people.get("B")!.stability = null;
    played.people.get("E")!.stability = "stable";
    expect(row(compare(dataset, reference, played).rows, "stable places")).toMatchObject({ measured: "100% (1 called stable × 50 draws)", met: true });
    for (const person of played.people.values()) person.stability = "could-change";
    expect(row(compare(dataset, reference, played).rows, "'could change' places")).toMatchObject({ met: null });
  });

  it("rejects a PageRank order that disagrees with the identified one", () => {
    const played = truthful();
    for (const [id, person] of played.people) person.pagerank = -(reference.pagerank.get(id) ?? 0);
    expect(row(compare(dataset, reference, played).rows, "PageRank vs")).toMatchObject({ met: false });
  });

  it("accepts a PageRank short of 0.95 only when the product labels it approximate with no more agreement than measured", () => {
    const played = truthful();
    expect(row(compare(dataset, reference, played).rows, "PageRank vs")).toMatchObject({ measured: "ρ = 1.000, validated", met: true });
    // Swap the two highest: the order agrees less than perfectly.
    const ranked = [...reference.pagerank].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    played.people.get(ranked[0]!)!.pagerank = reference.pagerank.get(ranked[1]!)!;
    played.people.get(ranked[1]!)!.pagerank = reference.pagerank.get(ranked[0]!)!;
    const measured = row(compare(dataset, reference, played).rows, "PageRank vs");
    const value = Number(/ρ = ([\d.]+)/.exec(measured.measured)![1]);
    expect(value).toBeLessThan(0.95);
    played.pagerankClaimedAgreement = value - 0.01;
    expect(row(compare(dataset, reference, played).rows, "PageRank vs")).toMatchObject({ measured: `ρ = ${value.toFixed(3)}, labelled ≥ ${value - 0.01}`, met: true });
    played.pagerankClaimedAgreement = value + 0.01;
    expect(row(compare(dataset, reference, played).rows, "PageRank vs")).toMatchObject({ met: false });
  });
});
