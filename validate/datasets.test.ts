import { describe, expect, it } from "vitest";
import { checkDataset, consultingFormalStructure, lazegaFormalStructure, loadDatasets } from "./datasets";
import { inDegrees } from "./reference";

const datasets = new Map(loadDatasets().map((dataset) => [dataset.name, dataset]));
const byId = (name: string) => new Map(datasets.get(name)!.people.map((person) => [person.id, person]));

describe("validation datasets", () => {
  it("are consistent: known ids, one manager each without cycles, no self or duplicate ties", () => {
    for (const dataset of datasets.values()) expect(checkDataset(dataset), dataset.name).toEqual([]);
  });

  it("keep exactly one holdout", () => {
    expect([...datasets.values()].filter((dataset) => dataset.holdout).map((dataset) => dataset.name)).toEqual(["cross-parker-consulting"]);
  });

  it("Lazega: 71 lawyers, 892 advice ties in every question", () => {
    const lazega = datasets.get("lazega")!;
    expect(lazega.people).toHaveLength(71);
    expect(lazega.ties.follow).toHaveLength(892);
    expect(lazega.ties.moments).toBe(lazega.ties.follow);
    expect(inDegrees(lazega.people.map((person) => person.id), lazega.ties.advice).get("25")).toBe(37);
  });

  it("Krackhardt: the published totals, tree and in-degrees", () => {
    const krackhardt = datasets.get("krackhardt")!;
    expect(krackhardt.people).toHaveLength(21);
    expect(krackhardt.ties.advice).toHaveLength(190);
    expect(krackhardt.ties.moments).toHaveLength(102);
    const people = byId("krackhardt");
    expect(people.get("7")!.managerId).toBeNull();
    expect(["2", "14", "18", "21"].map((id) => people.get(id)!.managerId)).toEqual(["7", "7", "7", "7"]);
    expect(krackhardt.people.filter((person) => person.managerId === "14").map((person) => person.id)).toEqual(["3", "5", "9", "13", "15", "19", "20"]);
    const degrees = inDegrees(krackhardt.people.map((person) => person.id), krackhardt.ties.advice);
    expect(krackhardt.people.map((person) => degrees.get(person.id))).toEqual([13, 18, 5, 8, 5, 10, 13, 10, 4, 9, 11, 7, 4, 10, 4, 8, 9, 15, 4, 8, 15]);
  });

  it("Cross and Parker: 310 advice ties at 'sometimes' or more, self-ties dropped", () => {
    const consulting = datasets.get("cross-parker-consulting")!;
    expect(consulting.people).toHaveLength(46);
    expect(consulting.ties.advice).toHaveLength(310);
    expect(consulting.ties.advice.every((tie) => tie.strength >= 3)).toBe(true);
    expect(consulting.ties.moments.every((tie) => tie.strength >= 4)).toBe(true);
    expect(consulting.ties.moments).toHaveLength(542);
  });
});

describe("derived formal structures", () => {
  it("Lazega: the most senior partner of each office and practice leads it, under the office head and the firm head", () => {
    const managerOf = lazegaFormalStructure([
      { id: "a", status: "partner", office: "Boston", practice: "litigation", seniority: 1 },
      { id: "b", status: "partner", office: "Boston", practice: "corporate", seniority: 2 },
      { id: "c", status: "partner", office: "Hartford", practice: "corporate", seniority: 3 },
      { id: "d", status: "partner", office: "Hartford", practice: "litigation", seniority: 4 },
      { id: "e", status: "associate", office: "Hartford", practice: "litigation", seniority: 5 },
      { id: "f", status: "associate", office: "Boston", practice: "corporate", seniority: 6 },
      { id: "g", status: "associate", office: "Providence", practice: "corporate", seniority: 7 },
    ]);
    expect(Object.fromEntries(managerOf)).toEqual({ a: null, b: "a", c: "a", d: "c", e: "d", f: "b", g: "a" });
  });

  it("consulting: partners lead regions, the top managing consultant or partner leads an office, small offices report to the region", () => {
    const managerOf = consultingFormalStructure([
      { id: "1", level: 5, region: "Europe", location: "Paris" },
      { id: "2", level: 5, region: "Europe", location: "Paris" },
      { id: "3", level: 4, region: "Europe", location: "Rome" },
      { id: "4", level: 2, region: "Europe", location: "Rome" },
      { id: "5", level: 1, region: "Europe", location: "London" },
      { id: "6", level: 3, region: "Europe", location: "Paris" },
    ]);
    expect(Object.fromEntries(managerOf)).toEqual({ "1": null, "2": "1", "3": "1", "4": "3", "5": "1", "6": "1" });
  });
});
