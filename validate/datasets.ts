import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";

/**
 * The published organizational networks `npm run validate` plays through the product, in one
 * shape: people with their formal position, and the identified person → person ties each of the
 * template's nomination questions is answered with. Everything here is read from test/data (see
 * each folder's SOURCE.md for where the data come from and why they are read this way); nothing
 * here knows how the product works.
 */

/** The Influence & Authority Pulse's nomination questions, by their template keys. */
export const QUESTION_KEYS = ["follow", "advice", "moments"] as const;
export type QuestionKey = (typeof QUESTION_KEYS)[number];

export type DatasetPerson = {
  id: string;
  name: string;
  title: string;
  department: string;
  location: string | null;
  level: string | null;
  managerId: string | null;
};

/** A directed tie: `source` named `target`. `strength` orders ties when a limit forces a choice. */
export type Tie = { source: string; target: string; strength: number };

export type Dataset = {
  name: string;
  /** Kept apart: the product must pass on it too, but nobody tunes on it. */
  holdout: boolean;
  description: string;
  people: DatasetPerson[];
  /** What each nomination question is answered with (the identified network). */
  ties: Record<QuestionKey, Tie[]>;
  /** One line per question: which published relation plays it and why. */
  relations: Record<QuestionKey, string>;
  /** How the reports-to tree was obtained. */
  formalStructure: string;
};

const DATA = path.resolve("test/data");

function readCsv(file: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, "utf8"), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]!.message}`);
  return parsed.data;
}

/** Ties of one relation at or above a strength; self-ties dropped (nobody can choose themselves). */
function tiesOf(rows: Record<string, string>[], relation: string | null, minWeight = 1): Tie[] {
  return rows
    .filter((row) => (relation === null || row.relation === relation) && Number(row.weight ?? 1) >= minWeight && row.source !== row.target)
    .map((row) => ({ source: row.source!, target: row.target!, strength: Number(row.weight ?? 1) }));
}

/** Checks what the loaders promise: known ids, a tree without cycles, no duplicate ties. */
export function checkDataset(dataset: Dataset): string[] {
  const problems: string[] = [];
  const ids = new Set(dataset.people.map((person) => person.id));
  if (ids.size !== dataset.people.length) problems.push("duplicate person ids");
  for (const person of dataset.people) {
    if (person.managerId !== null && !ids.has(person.managerId)) problems.push(`${person.id}: unknown manager ${person.managerId}`);
    const seen = new Set<string>();
    let current: string | null = person.id;
    while (current !== null) {
      if (seen.has(current)) {
        problems.push(`${person.id}: reporting cycle`);
        break;
      }
      seen.add(current);
      current = dataset.people.find((candidate) => candidate.id === current)?.managerId ?? null;
    }
  }
  for (const key of QUESTION_KEYS) {
    const pairs = new Set<string>();
    for (const tie of dataset.ties[key]) {
      if (!ids.has(tie.source) || !ids.has(tie.target)) problems.push(`${key}: tie ${tie.source}→${tie.target} names an unknown person`);
      if (tie.source === tie.target) problems.push(`${key}: self-tie ${tie.source}`);
      const pair = `${tie.source}>${tie.target}`;
      if (pairs.has(pair)) problems.push(`${key}: duplicate tie ${pair}`);
      pairs.add(pair);
    }
  }
  return problems;
}

// --- Lazega's law firm -------------------------------------------------------------------------

/**
 * The firm publishes ranks, not a reports-to tree: partners and associates, three offices, two
 * practices, and each lawyer's seniority. The tree is derived from those alone: in each office
 * and practice the most senior partner leads, and everyone else there reports to them; each
 * office's most senior partner leads the other practice heads of that office; the most senior
 * partner of the firm leads the office heads.
 */
export function lazegaFormalStructure(lawyers: { id: string; status: string; office: string; practice: string; seniority: number }[]): Map<string, string | null> {
  const partners = lawyers.filter((lawyer) => lawyer.status === "partner").sort((a, b) => a.seniority - b.seniority);
  const firmHead = partners[0]!.id;
  const officeHead = new Map<string, string>();
  const unitHead = new Map<string, string>();
  for (const partner of partners) {
    if (!officeHead.has(partner.office)) officeHead.set(partner.office, partner.id);
    const unit = `${partner.office}|${partner.practice}`;
    if (!unitHead.has(unit)) unitHead.set(unit, partner.id);
  }
  const managerOf = new Map<string, string | null>();
  for (const lawyer of lawyers) {
    const head = unitHead.get(`${lawyer.office}|${lawyer.practice}`);
    const office = officeHead.get(lawyer.office);
    if (lawyer.id === firmHead) managerOf.set(lawyer.id, null);
    else if (lawyer.id === office) managerOf.set(lawyer.id, firmHead);
    else if (lawyer.id === head) managerOf.set(lawyer.id, office ?? firmHead);
    else managerOf.set(lawyer.id, head ?? office ?? firmHead);
  }
  return managerOf;
}

function loadLazega(): Dataset {
  const folder = path.join(DATA, "lazega");
  const rows = readCsv(path.join(folder, "nodes.csv"));
  const lawyers = rows.map((row) => ({ id: row.id!, status: row.status!, office: row.office!, practice: row.practice!, seniority: Number(row.seniority) }));
  const managerOf = lazegaFormalStructure(lawyers);
  const advice = tiesOf(readCsv(path.join(folder, "advice-edges.csv")), null);
  return {
    name: "lazega",
    holdout: false,
    description: "Lazega's law firm (SG&R): 71 lawyers, advice network",
    people: lawyers.map((lawyer) => ({
      id: lawyer.id,
      name: `Lawyer ${Number(lawyer.id) + 1}`,
      title: lawyer.status === "partner" ? "Partner" : "Associate",
      department: lawyer.practice,
      location: lawyer.office,
      level: String(lawyer.seniority),
      managerId: managerOf.get(lawyer.id) ?? null,
    })),
    ties: { follow: advice, advice, moments: advice },
    relations: {
      follow: "advice (the only relation in the repo; Lazega reads the advice network as the firm's status order: whom one defers to)",
      advice: "advice",
      moments: "advice (so every respondent names the same people in all three questions)",
    },
    formalStructure: "derived from ranks: most senior partner of each office and practice leads it; office heads report to the firm's most senior partner",
  };
}

// --- Krackhardt's high-tech managers ------------------------------------------------------------

const KRACKHARDT_TITLES: Record<string, string> = { "1": "President", "2": "Vice president", "3": "Manager" };

function loadKrackhardt(): Dataset {
  const folder = path.join(DATA, "krackhardt");
  const rows = readCsv(path.join(folder, "nodes.csv"));
  const edges = readCsv(path.join(folder, "edges.csv"));
  const advice = tiesOf(edges, "advice");
  return {
    name: "krackhardt",
    holdout: false,
    description: "Krackhardt's high-tech managers: 21 managers, advice and friendship, reports-to tree",
    people: rows.map((row) => ({
      id: row.id!,
      name: `Manager ${row.id}`,
      title: KRACKHARDT_TITLES[row.level!] ?? "Manager",
      department: row.department === "0" ? "Office of the president" : `Department ${row.department}`,
      location: null,
      level: row.level!,
      managerId: row.manager ? row.manager : null,
    })),
    ties: { follow: advice, advice, moments: tiesOf(edges, "friendship") },
    relations: {
      follow: "advice (Krackhardt reads advice centrality as informal influence)",
      advice: "advice",
      moments: "friendship (a second, distinct relation, so each question's count is checked on its own)",
    },
    formalStructure: "published reports-to relation (one manager each; the president reports to no one)",
  };
}

// --- Cross & Parker's consulting firm (holdout) ------------------------------------------------

const LEVEL_ORDER = ["Research Assistant", "Junior Consultant", "Senior Consultant", "Managing Consultant", "Partner"];

/**
 * Ranks, offices and regions are published, no reports-to tree. Derived: each region is led by
 * its partner with the lowest id; in each office the highest-ranked person (lowest id among equals)
 * leads everyone else there if they are at least a managing consultant; office heads report to
 * their region's head; people of an office without a managing consultant report to the region's
 * head directly.
 */
export function consultingFormalStructure(people: { id: string; level: number; region: string; location: string }[]): Map<string, string | null> {
  const byRank = [...people].sort((a, b) => b.level - a.level || Number(a.id) - Number(b.id));
  const regionHead = new Map<string, string>();
  for (const person of byRank) if (person.level === 5 && !regionHead.has(person.region)) regionHead.set(person.region, person.id);
  const officeHead = new Map<string, string>();
  for (const person of byRank) if (person.level >= 4 && !officeHead.has(person.location)) officeHead.set(person.location, person.id);
  const managerOf = new Map<string, string | null>();
  for (const person of people) {
    const region = regionHead.get(person.region) ?? null;
    const office = officeHead.get(person.location) ?? null;
    if (person.id === region) managerOf.set(person.id, null);
    else if (person.id === office) managerOf.set(person.id, region);
    else managerOf.set(person.id, office ?? region);
  }
  return managerOf;
}

function loadConsulting(): Dataset {
  const folder = path.join(DATA, "holdout", "cross-parker-consulting");
  const rows = readCsv(path.join(folder, "nodes.csv"));
  const edges = readCsv(path.join(folder, "edges.csv"));
  const people = rows.map((row) => ({ id: row.id!, level: Number(row.level), region: row.region!, location: row.location! }));
  const managerOf = consultingFormalStructure(people);
  // "Sometimes" (3) or more often: someone one turns to for advice; "seldom" and "never" are not.
  const information = tiesOf(edges, "information", 3);
  return {
    name: "cross-parker-consulting",
    holdout: true,
    description: "Cross & Parker's consulting firm: 46 people, information/advice frequency and expertise",
    people: rows.map((row) => ({
      id: row.id!,
      name: `Consultant ${row.id}`,
      title: row.level_name!,
      department: row.location!,
      location: row.region!,
      level: String(LEVEL_ORDER.indexOf(row.level_name!) + 1),
      managerId: managerOf.get(row.id!) ?? null,
    })),
    ties: { follow: information, advice: information, moments: tiesOf(edges, "expertise", 4) },
    relations: {
      follow: "information or advice sought at least 'sometimes' (3 of 5)",
      advice: "information or advice sought at least 'sometimes' (3 of 5)",
      moments: "'has expertise in areas important to my work': agree or strongly agree (4 of 5)",
    },
    formalStructure: "derived from ranks and offices: office led by its highest-ranked managing consultant or partner, offices by the region's partner",
  };
}

export function loadDatasets(): Dataset[] {
  return [loadLazega(), loadKrackhardt(), loadConsulting()];
}
