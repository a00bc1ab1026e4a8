import type { ParsedRoster, RosterRow, RowProblem } from "./roster-csv";

/**
 * Checks that need the whole file and the current roster, and what applying would change.
 * Pure: the caller loads the roster.
 */

/** A person already in the roster, in the shape of a row of the file. */
export type ExistingPerson = Omit<RosterRow, "line"> & { active: boolean };

export type RosterCounts = { new: number; updated: number; unchanged: number; deactivated: number };

export type RosterPlan = {
  /** Rows without any problem; applying is allowed only when `problems` is empty. */
  rows: RosterRow[];
  problems: RowProblem[];
  counts: RosterCounts;
};

export function checkRoster(
  parsed: ParsedRoster,
  existing: ExistingPerson[],
  { deactivateMissing }: { deactivateMissing: boolean },
): RosterPlan {
  const problems: RowProblem[] = [...parsed.problems];
  const flagged = new Set<RosterRow>();
  const flag = (row: RosterRow, message: string) => {
    flagged.add(row);
    problems.push({ line: row.line, email: row.email, message });
  };

  const firstLineOf = new Map<string, number>();
  for (const row of parsed.rows) {
    const first = firstLineOf.get(row.email);
    if (first === undefined) firstLineOf.set(row.email, row.line);
    else flag(row, `${row.email} appears more than once (first on line ${first}).`);
  }

  // Rows with a problem of their own still name a person who is in the file.
  const emailsInFile = new Set<string>(firstLineOf.keys());
  for (const problem of parsed.problems) if (problem.email) emailsInFile.add(problem.email);
  const existingByEmail = new Map(existing.map((person) => [person.email, person]));
  const rowByEmail = new Map<string, RosterRow>();
  for (const row of parsed.rows) if (!flagged.has(row)) rowByEmail.set(row.email, row);

  for (const row of rowByEmail.values()) {
    if (!row.managerEmail || emailsInFile.has(row.managerEmail)) continue;
    const known = existingByEmail.get(row.managerEmail);
    if (known?.active && !deactivateMissing) continue;
    flag(
      row,
      known?.active
        ? `The manager ${row.managerEmail} is not in this file, and people missing from the file are set to be deactivated.`
        : `The manager ${row.managerEmail} is not in this file or in the roster.`,
    );
  }

  // The org chart after applying: this file's rows, plus (unless they are deactivated) everyone
  // already in the roster whom the file does not mention.
  const managerOf = new Map<string, string | null>();
  if (!deactivateMissing) {
    for (const person of existing) if (person.active) managerOf.set(person.email, person.managerEmail);
  }
  for (const row of parsed.rows) managerOf.set(row.email, row.managerEmail);
  for (const cycle of findManagerCycles(managerOf)) {
    const loop = [...cycle, cycle[0]].join(" → ");
    for (const email of cycle) {
      const row = rowByEmail.get(email);
      if (row && !flagged.has(row)) flag(row, `The manager chain loops back on itself: ${loop}.`);
    }
  }

  const rows = parsed.rows.filter((row) => !flagged.has(row));
  const counts: RosterCounts = { new: 0, updated: 0, unchanged: 0, deactivated: 0 };
  for (const row of rows) {
    const person = existingByEmail.get(row.email);
    if (!person) counts.new++;
    else if (person.active && sameAsRow(person, row)) counts.unchanged++;
    else counts.updated++;
  }
  if (deactivateMissing) {
    for (const person of existing) if (person.active && !emailsInFile.has(person.email)) counts.deactivated++;
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems, counts };
}

/** Every loop in an email → manager email map, each listed once, starting anywhere on it. */
export function findManagerCycles(managerOf: Map<string, string | null>): string[][] {
  const DONE = 2;
  const ON_PATH = 1;
  const state = new Map<string, number>();
  const cycles: string[][] = [];
  for (const start of managerOf.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let current: string | null | undefined = start;
    while (current && managerOf.has(current) && !state.has(current)) {
      state.set(current, ON_PATH);
      path.push(current);
      current = managerOf.get(current);
    }
    if (current && state.get(current) === ON_PATH) cycles.push(path.slice(path.indexOf(current)));
    for (const email of path) state.set(email, DONE);
  }
  return cycles;
}

export function sameAsRow(person: ExistingPerson, row: RosterRow): boolean {
  return (
    person.name === row.name &&
    person.title === row.title &&
    person.department === row.department &&
    person.location === row.location &&
    person.level === row.level &&
    person.managerEmail === row.managerEmail &&
    sameAttributes(person.attributes, row.attributes)
  );
}

function sameAttributes(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
